"""What to ask next: the questions that would decide each unknown service, and how close it is to eligible.

A verdict the family's answer would decide carries a `Question` (the profile field, the question in
fi/sv/en, which answers meet or fail the criterion). An unknown service's `ask` lists them;
`next_questions` counts, over every unknown service (not only those a page lists), how many each question
would decide, so a counsellor asks the most telling one first. A service is *likely* when every criterion the sources state
is met and only facts the sources do not give keep it unknown (its area, its languages): no question
the family could answer is left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.navigation.criteria import Verdict, tables
from graph.navigation.criteria.model import text
from graph.store.knowledge import KnowledgeGraph

OPEN = ("unknown", "missing")
# one question per profile field over many services (a service's own question names its own terms)
FIELD_QUESTIONS = {
    "situation": text(
        "Mikä perheen tilanne tai huoli on?",
        "Vilken är familjens situation eller oro?",
        "What is the family's situation or concern?",
    ),
    "previous_service": text(
        "Mitä palveluja perhe on jo käyttänyt?",
        "Vilka tjänster har familjen redan använt?",
        "Which services has the family used before?",
    ),
    "current_service": text(
        "Mihin palveluihin perhe osallistuu nyt?",
        "Vilka tjänster deltar familjen i nu?",
        "Which services does the family take part in now?",
    ),
    "municipality": text(
        "Missä kunnassa perhe asuu?", "I vilken kommun bor familjen?", "Which municipality does the family live in?"
    ),
}


def acuteness_situations(kg: KnowledgeGraph) -> list[str]:
    """The situations a `not_acute` answer decides: those broader than a situation a service excludes
    (psychosis for the exclusion of psychosis in its acute phase), once each, in the graph's order."""

    def make() -> list[str]:
        out: dict[str, None] = {}
        for crit in tables(kg).screened_on():
            if crit.kind == "Exclusion":
                for situation in crit.situations:
                    out.update(dict.fromkeys(kg.broader_closure(situation)[1:]))
        return [s for s in kg.concepts if s in out] + [s for s in out if s not in kg.concepts]

    found: list[str] = kg.memo("acuteness-situations", make)
    return found


def open_verdicts(found: list[Verdict]) -> list[Verdict]:
    return [v for v in found if v.status in OPEN]


def ask(found: list[Verdict]) -> list[dict[str, Any]]:
    """The questions that would decide a service, one per criterion, in the order of its verdicts."""
    out = []
    for v in open_verdicts(found):
        if v.question:
            out.append({"criterion": v.criterion.id if v.criterion else v.kind, **v.question.dump()})
    return out


def likely(found: list[Verdict]) -> bool:
    """Every stated criterion met; only what the sources do not say is open."""
    open_ = open_verdicts(found)
    return bool(open_) and not any(v.question for v in open_) and any(v.criterion and v.status == "met" for v in found)


def closeness(found: list[Verdict]) -> tuple[int, int]:
    """Sort key: questions left to ask, then open verdicts (fewer first)."""
    open_ = open_verdicts(found)
    return (sum(1 for v in open_ if v.question), len(open_))


def next_questions(
    unknown: Mapping[int, tuple[int, list[Verdict]]], listed: Sequence[tuple[str, int]]
) -> list[dict[str, Any]]:
    """Questions over all the unknown services, the one that decides the most services first: `decides`
    counts them all, whatever a page lists; `services` names those of them the page lists.

    `unknown` holds each group of unknown services screened alike once, in the order its first service
    is sorted in: how many services it has and its verdicts; `listed` the page's services and their groups.
    """
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for group, (size, found) in unknown.items():
        for v in open_verdicts(found):
            if not v.question:
                continue
            field = v.question.field
            general = FIELD_QUESTIONS.get(field)
            item = grouped.setdefault(
                (field, "" if general else v.question.text["en"]),
                {"field": field, "question": general or v.question.text, "eligible_if": {}, "decided": {}},
            )
            item["eligible_if"].update(dict.fromkeys(v.question.meets))  # in order, each once
            item["decided"][group] = size  # a group (and each of its services) counted once
    for item in grouped.values():
        item["decides"] = sum(item["decided"].values())
    items = sorted(grouped.values(), key=lambda q: (-q["decides"], q["field"], q["question"]["en"]))
    return [
        {
            "field": q["field"],
            "question": q["question"],
            "eligible_if": list(q["eligible_if"]),
            "services": [sid for sid, group in listed if group in q["decided"]],
            "decides": q["decides"],
        }
        for q in items
    ]
