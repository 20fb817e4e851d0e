"""Area: a residence criterion, else the area the service is provided in; unknown where the sources give none."""

from __future__ import annotations

from graph.navigation.criteria.model import Criterion, Place, Question, Verdict, text
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile
from graph.store.municipalities import official


def municipality_name(code: str | None, lang: str) -> str:
    """A municipality's name in fi or sv (English uses the Finnish name), else its code."""
    names = official().names.get(code or "", {})
    return names.get(lang) or names.get("fi") or (code or "?")


def _names(places: list[Place], lang: str) -> str:
    return ", ".join(municipality_name(p.code, lang) for p in places)


def area(tables: ScreeningTables, profile: Profile, service_id: str) -> Verdict | None:
    """The verdict on where the family lives; None when neither the family nor the sources give a place."""
    facts = tables.facts.get(service_id)
    residence = bool(facts and facts.residence)
    places = tables.places(service_id)
    home = profile.municipality_iri
    if not places:
        if not home:
            return None
        return Verdict(
            "area",
            "unknown",
            text(
                "lähteet eivät kerro palvelun aluetta",
                "källorna anger inte tjänstens område",
                "the sources do not give the service's area",
            ),
        )
    crit = next(
        (c for c in tables.by_service.get(service_id, []) if c.kind == "ResidenceCriterion" and residence), None
    )
    fi, sv, en = (_names(places, lang) for lang in ("fi", "sv", "en"))
    what = (
        text(f"tarkoitettu kunnan {fi} asukkaille", f"avsedd för invånare i {sv}", f"for residents of {en}")
        if residence
        else text(f"tarjolla kunnassa {fi}", f"erbjuds i {sv}", f"provided in {en}")
    )
    codes = ", ".join(p.code or "?" for p in places)
    if not home:
        question = Question(
            "municipality",
            text(
                "Missä kunnassa perhe asuu?",
                "I vilken kommun bor familjen?",
                "Which municipality does the family live in?",
            ),
            meets=tuple(p.code or p.municipality for p in places),
            fails=("any other municipality",),
        )
        out = text(
            f"municipality: palvelu on {what['fi']}",
            f"municipality: tjänsten är {what['sv']}",
            f"municipality: the service is {what['en']} ({codes})",
        )
        return Verdict("area", "missing", out, crit, type=None if crit else "AreaServed", question=question)
    if any(p.municipality == home for p in places):
        status = "met"
        code = home.rsplit("/", 1)[-1]
        out = text(
            f"asuu kunnassa {municipality_name(code, 'fi')}; palvelu on {what['fi']}",
            f"bor i {municipality_name(code, 'sv')}; tjänsten är {what['sv']}",
            f"lives in {municipality_name(code, 'en')} ({code}); the service is {what['en']}",
        )
    else:
        status = "failed"
        code = home.rsplit("/", 1)[-1]
        out = text(
            f"palvelu on {what['fi']}, ei kunnan {municipality_name(code, 'fi')}",
            f"tjänsten är {what['sv']}, inte {municipality_name(code, 'sv')}",
            f"the service is {what['en']} ({codes}), not {municipality_name(code, 'en')}",
        )
    return _with(crit, status, out)


def _with(crit: Criterion | None, status: str, out: dict[str, str]) -> Verdict:
    return Verdict("area", status, out, crit, type=None if crit else "AreaServed")
