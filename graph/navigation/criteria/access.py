"""Access wishes: the family's language, staying anonymous, contacting the service itself."""

from __future__ import annotations

from graph import vocab
from graph.navigation.criteria.model import Text, Verdict, text
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile

LANG_NAMES = {  # the family's language, named in each interface language
    "fi": text("suomeksi", "på finska", "Finnish"),
    "sv": text("ruotsiksi", "på svenska", "Swedish"),
    "en": text("englanniksi", "på engelska", "English"),
}


def language_iri(code: str) -> str:
    """The EU language authority IRI of an interface language (fi -> .../FIN)."""
    return vocab.LANGUAGE + vocab.LANGUAGE_CODES[code]


def _language(tables: ScreeningTables, profile: Profile, service_id: str) -> Verdict | None:
    if not profile.language:
        return None
    facts = tables.facts.get(service_id)
    languages = facts.languages if facts else set()
    name = LANG_NAMES[profile.language]
    if language_iri(profile.language) in languages:
        status, out = "met", text(f"saatavilla {name['fi']}", f"finns {name['sv']}", f"available in {name['en']}")
    elif languages:
        status, out = (
            "failed",
            text(f"ei saatavilla {name['fi']}", f"finns inte {name['sv']}", f"not available in {name['en']}"),
        )
    else:
        status, out = (
            "unknown",
            text(
                "lähteet eivät kerro palvelun kieliä",
                "källorna anger inte tjänstens språk",
                "the sources do not list the service's languages",
            ),
        )
    return Verdict("language", status, out)


def _anonymity(tables: ScreeningTables, profile: Profile, service_id: str) -> list[Verdict]:
    if not profile.anonymous:
        return []
    facts = tables.facts.get(service_id)
    allowed = facts.anonymity if facts and facts.anonymity else [None]
    texts: dict[str, Text] = {
        "met": text("voi käyttää nimettömänä", "kan användas anonymt", "can be used anonymously"),
        "failed": text("ei voi käyttää nimettömänä", "kan inte användas anonymt", "cannot be used anonymously"),
        "unknown": text(
            "lähteet eivät kerro, voiko palvelua käyttää nimettömänä",
            "källorna säger inte om tjänsten kan användas anonymt",
            "the sources do not say whether it can be used anonymously",
        ),
    }
    statuses = ["unknown" if a is None else "met" if a else "failed" for a in allowed]
    return [Verdict("anonymity", s, texts[s]) for s in dict.fromkeys(statuses)]


def _self_referral(tables: ScreeningTables, profile: Profile, service_id: str) -> Verdict | None:
    if not profile.self_referral:
        return None
    facts = tables.facts.get(service_id)
    if facts and facts.self_referral:
        return Verdict(
            "self_referral",
            "met",
            text(
                "perhe voi ottaa itse yhteyttä",
                "familjen kan själv kontakta tjänsten",
                "the family can contact the service itself",
            ),
        )
    if facts and facts.routes:
        return Verdict(
            "self_referral",
            "failed",
            text(
                "perhe ei voi ottaa itse yhteyttä; tarvitaan lähete",
                "familjen kan inte själv kontakta tjänsten; en remiss behövs",
                "the family cannot contact the service itself; a referral is needed",
            ),
        )
    return Verdict(
        "self_referral",
        "unknown",
        text(
            "lähteet eivät kerro, miten palveluun pääsee",
            "källorna säger inte hur man kommer in",
            "the sources do not say how to get in",
        ),
    )


def access(tables: ScreeningTables, profile: Profile, service_id: str) -> list[Verdict]:
    """The verdicts on the access wishes the family gave (none asked: none)."""
    found = [
        _language(tables, profile, service_id),
        *_anonymity(tables, profile, service_id),
        _self_referral(tables, profile, service_id),
    ]
    return [v for v in found if v]
