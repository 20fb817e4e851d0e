"""Situations: criteria a service is meant for and exclusions that bar a family, following skos:broader."""

from __future__ import annotations

from graph.navigation.criteria.model import Criterion, Question, Text, Verdict
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile
from graph.store.knowledge import KnowledgeGraph


def label(kg: KnowledgeGraph, concept_id: str, lang: str) -> str:
    """A concept's label in `lang` (else Finnish, else its id)."""
    names = kg.concepts.get(concept_id, {}).get("labels", {})
    return names.get(lang) or names.get("fi") or concept_id


def labels_text(kg: KnowledgeGraph, ids: list[str]) -> Text:
    """Concepts' labels joined, per language."""
    return {lang: ", ".join(f"'{label(kg, i, lang)}'" for i in ids) for lang in ("fi", "sv", "en")}


def situation(tables: ScreeningTables, profile: Profile, crit: Criterion) -> Verdict:
    """A pp:SituationCriterion: met when a family situation is the required one or narrower."""
    kg = tables.kg
    t = labels_text(kg, crit.situations)
    if any(target in kg.broader_closure(given) for given in profile.situations for target in crit.situations):
        out = {
            "fi": f"perheen tilanne vastaa: {t['fi']}",
            "sv": f"familjens situation motsvarar {t['sv']}",
            "en": f"the family's situation matches {t['en']}",
        }
        return Verdict("situation", "met", out, crit)
    if profile.situations:
        out = {
            "fi": f"palvelu on perheille, joilla on {t['fi']}; sellaista ei annettu",
            "sv": f"tjänsten är för familjer med {t['sv']}; ingen sådan angavs",
            "en": f"the service is for families with {t['en']}; none was given",
        }
        return Verdict("situation", "failed", out, crit)
    out = {
        "fi": f"situation: onko perheellä {t['fi']}",
        "sv": f"situation: om familjen har {t['sv']}",
        "en": f"situation: whether the family has {t['en']}",
    }
    question = Question(
        "situation",
        {
            "fi": f"Onko perheellä {t['fi']}?",
            "sv": f"Har familjen {t['sv']}?",
            "en": f"Does the family have {t['en']}?",
        },
        meets=tuple(crit.situations),
        fails=("none of these",),
    )
    return Verdict("situation", "missing", out, crit, question=question)


def _acuteness(tables: ScreeningTables, given: str, crit: Criterion) -> Verdict:
    """The family gave a situation broader than the excluded one (psychosis, not saying whether acute): open,
    never ineligible, with the question whose answer decides it."""
    kg = tables.kg
    g, t = labels_text(kg, [given]), labels_text(kg, crit.situations)
    out = {
        "fi": f"onko perheen {g['fi']} poissulkeva {t['fi']}",
        "sv": f"om familjens {g['sv']} är det uteslutande {t['sv']}",
        "en": f"whether the family's {g['en']} is the excluded {t['en']}",
    }
    question = Question(
        "not_acute",
        {
            "fi": f"Onko perheen tilanne {g['fi']} nyt {t['fi']}?",
            "sv": f"Är familjens situation {g['sv']} nu {t['sv']}?",
            "en": f"Is the family's {g['en']} now {t['en']}?",
        },
        meets=(f"not_acute={given}",),
        fails=tuple(f"situation={target}" for target in crit.situations),
    )
    return Verdict("acuteness", "unknown", out, crit, question=question)


def exclusion(tables: ScreeningTables, profile: Profile, crit: Criterion) -> Verdict | None:
    """A pp:Exclusion: failed when a family situation is the excluded one or narrower, unknown when it is
    broader (substance use, without saying whether it is in its acute phase); None if no situation is given."""
    kg = tables.kg
    t = labels_text(kg, crit.situations)
    for given in profile.situations:
        if any(target in kg.broader_closure(given) for target in crit.situations):
            g = labels_text(kg, [given])
            out = {
                "fi": f"perheen tilanne {g['fi']} on este ({t['fi']})",
                "sv": f"familjens situation {g['sv']} är ett hinder ({t['sv']})",
                "en": f"the family's situation {g['en']} is an exclusion ({t['en']})",
            }
            return Verdict("exclusion", "failed", out, crit)
    for given in profile.situations:
        if given not in profile.not_acute and any(given in kg.broader_closure(x)[1:] for x in crit.situations):
            return _acuteness(tables, given, crit)
    if not profile.situations:
        return None
    out = {
        "fi": f"ei poissulkevaa tilannetta ({t['fi']})",
        "sv": f"ingen uteslutande situation ({t['sv']}) angiven",
        "en": f"no excluded situation ({t['en']}) given",
    }
    return Verdict("exclusion", "met", out, crit)
