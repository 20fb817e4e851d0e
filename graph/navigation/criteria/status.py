"""Client status (child-protection clientship), criteria the service assesses, and conditions it assesses on a concern."""

from __future__ import annotations

from graph.navigation.criteria.model import Criterion, Question, Verdict, text
from graph.navigation.criteria.situation import labels_text
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile


def client_status(crit: Criterion) -> Verdict:
    """A pp:ClientStatusCriterion: met when the source says no child-protection client status is needed."""
    if crit.clientship_required is False:
        return Verdict(
            "client_status",
            "met",
            text(
                "lastensuojelun asiakkuutta ei tarvita",
                "klientskap inom barnskyddet behövs inte",
                "no child-protection client status is needed",
            ),
            crit,
        )
    return Verdict(
        "client_status",
        "missing",
        text(
            "onko perhe lastensuojelun asiakas",
            "om familjen är klient inom barnskyddet",
            "whether the family is a child-protection client",
        ),
        crit,
    )


def assessed(crit: Criterion) -> Verdict:
    """A pp:AssessedCriterion: the service judges it when the family applies; it never blocks."""
    return Verdict(
        "assessed",
        "assessed",
        text(
            "palvelu arvioi tämän, kun perhe hakee",
            "tjänsten bedömer detta när familjen ansöker",
            "assessed by the service when the family applies",
        ),
        crit,
    )


def assessed_condition(tables: ScreeningTables, profile: Profile, crit: Criterion) -> Verdict:
    """A pp:AssessedCondition: eligible subject to the service's assessment when the family named a concern the
    service assesses (or a narrower one); otherwise open, with the question, and never ineligible."""
    kg = tables.kg
    named = [g for g in profile.situations if any(c in kg.broader_closure(g) for c in crit.situations)]
    if named:
        g = labels_text(kg, named)
        out = {
            "fi": f"perheen huoli {g['fi']}: palvelu arvioi, vastaako se palvelun edellytystä",
            "sv": f"familjens oro {g['sv']}: tjänsten bedömer om den motsvarar villkoret",
            "en": f"the family's concern {g['en']}: the service assesses whether it meets the condition",
        }
        return Verdict("assessed_condition", "assessed", out, crit)
    t = labels_text(kg, crit.situations)
    question = Question(
        "situation",
        {
            "fi": f"Mikä huoli perheellä on? Palvelu arvioi nämä: {t['fi']}",
            "sv": f"Vilken oro har familjen? Tjänsten bedömer dessa: {t['sv']}",
            "en": f"What concern does the family have? The service assesses these: {t['en']}",
        },
        meets=tuple(crit.situations),
    )
    out = {
        "fi": f"situation: palvelu arvioi perheen huolen ({t['fi']}); perhe ei ole maininnut sellaista",
        "sv": f"situation: tjänsten bedömer familjens oro ({t['sv']}); familjen har inte nämnt någon",
        "en": f"situation: the service assesses the family's concern ({t['en']}); the family named none",
    }
    return Verdict("assessed_condition", "unknown" if profile.situations else "missing", out, crit, question=question)
