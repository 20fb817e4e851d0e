"""Prerequisites: services a family must have used before, or take part in at the same time."""

from __future__ import annotations

from graph.navigation.criteria.model import Criterion, Question, Text, Verdict
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile


def _names(tables: ScreeningTables, ids: list[str]) -> Text:
    """Services' titles, joined with "or", per language."""
    words = {"fi": " tai ", "sv": " eller ", "en": " or "}
    return {
        lang: words[lang].join(
            f"'{tables.by_id.get(i, {}).get(lang) or tables.by_id.get(i, {}).get('fi') or i}'" for i in ids
        )
        for lang in ("fi", "sv", "en")
    }


# "after X" / "alongside Y" (Finnish puts the postposition after the name: handled by the wording below)
pre = {"fi": "palvelun jälkeen: ", "sv": "efter ", "en": "after "}
post = {"fi": "palvelun rinnalla: ", "sv": "parallellt med ", "en": "alongside "}


def prerequisite(tables: ScreeningTables, profile: Profile, crit: Criterion) -> Verdict:
    """A pp:PrerequisiteCriterion: met when the family used one of the previous services or takes part in one
    of the current ones; failed when the fields it needs were given and name none; missing otherwise."""
    before, alongside = crit.previous_services, crit.current_services
    used = [s for s in profile.previous if s in before] + [s for s in profile.current if s in alongside]
    if used:
        n = _names(tables, used)
        text = {
            "fi": f"perhe on käyttänyt tai käyttää palvelua {n['fi']}",
            "sv": f"familjen har använt eller använder {n['sv']}",
            "en": f"the family has used or takes part in {n['en']}",
        }
        return Verdict("prerequisite", "met", text, crit)
    b, a = _names(tables, before), _names(tables, alongside)
    need = {
        lang: word.join(
            part for part, present in ((pre[lang] + b[lang], before), (post[lang] + a[lang], alongside)) if present
        )
        for lang, word in (("fi", " tai "), ("sv", " eller "), ("en", " or "))
    }
    if (not before or profile.previous) and (not alongside or profile.current):
        text = {
            "fi": f"palvelu on perheille {need['fi']}; perhe ei maininnut niitä",
            "sv": f"tjänsten är för familjer {need['sv']}; familjen nämnde inga",
            "en": f"the service is for families {need['en']}; the family named neither",
        }
        return Verdict("prerequisite", "failed", text, crit)
    field = "previous_service" if before and not profile.previous else "current_service"
    question = Question(
        field,
        {
            "fi": f"Onko perhe käyttänyt palvelua {b['fi']}?"
            if field == "previous_service"
            else f"Osallistuuko perhe palveluun {a['fi']}?",
            "sv": f"Har familjen använt {b['sv']}?" if field == "previous_service" else f"Deltar familjen i {a['sv']}?",
            "en": f"Has the family used {b['en']}?"
            if field == "previous_service"
            else f"Does the family take part in {a['en']}?",
        },
        meets=tuple(before if field == "previous_service" else alongside),
        fails=("none of these",),
    )
    text = {
        "fi": f"{field}: palvelu on perheille {need['fi']}",
        "sv": f"{field}: tjänsten är för familjer {need['sv']}",
        "en": f"{field}: the service is for families {need['en']}",
    }
    return Verdict("prerequisite", "missing", text, crit, question=question)
