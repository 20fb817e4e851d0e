"""The ranking model as it was first written, one document at a time: the reference the window-at-a-time
model (search_index.ranking, numpy) is held equal to in tests/search_index/test_ranking_model.py."""

from __future__ import annotations

from typing import Any

from search_index.fields import (
    ANCHOR_FACTOR,
    ATTRIBUTE_BOOST,
    BASIC_LEVEL_PRIOR,
    CONCEPT_WEIGHT,
    COORDINATION_POWER,
    ELSEWHERE_FACTOR,
    EXCLUDED_FACTOR,
    FLAGS,
    K1,
    OTHER_LANGUAGE_FACTOR,
    PATHWAY_WEIGHT,
    B,
)
from search_index.plan import QueryPlan
from search_index.ranking import STATUS_FACTOR, Ranker


def reference_score(ranker: Ranker, plan: QueryPlan, payload: dict[str, Any], lang: str) -> tuple[Any, ...]:
    """(score, id, concepts, excluded_for) of one payload, by the per-document loop."""
    matched: set[int] = set()
    total = 0.0
    for word in plan.words:
        best = 0.0
        for ns, wanted in word.terms.items():
            text_lang = "fi" if ns == "fp" else ns
            factor = 1.0 if text_lang == lang else OTHER_LANGUAGE_FACTOR
            avg = ranker.avg[text_lang]
            length = max(payload["len"].get(text_lang, 0.0), avg)
            norm = K1 * (1 - B + B * length / avg)
            for term, weight in wanted.items():
                idf = ranker.idf(ranker.df.get(ns, {}).get(term, 0))
                tf = payload["tf"].get(ns, {}).get(term)
                if tf:
                    best = max(best, idf * tf * (K1 + 1) / (tf + norm) * weight * factor)
        if best > 0:
            total += best
            matched.add(word.position)
    concepts = []
    for cid, (strength, positions) in plan.concepts.items():
        weight = CONCEPT_WEIGHT.get(ranker.scheme.get(cid, ""), PATHWAY_WEIGHT if ":" in cid else 0.5)
        status = payload["concepts"].get(cid)
        if status is None:
            continue
        total += weight * strength * ranker.idf(ranker.concept_df.get(cid, 0)) * STATUS_FACTOR[status]
        matched |= positions
        if cid in plan.matched and status != "titled":
            concepts.append(cid)
    if plan.words:
        units = ranker.units(plan)
        share = sum(len(unit & matched) / len(unit) for unit in units) / len(units)
        total *= share**COORDINATION_POWER
    if plan.attributes:
        have = 0
        for name, values in plan.attributes.items():
            if name in FLAGS:
                have += name in payload["flags"]
            else:
                have += any(v in payload["facets"].get(name, []) for v in values)
        share = have / len(plan.attributes)
        total = total * (1 + ATTRIBUTE_BOOST * share) if plan.words else share
    if payload.get("basic_level"):
        total *= BASIC_LEVEL_PRIOR
    places = frozenset(plan.attributes.get("municipality") or ())
    known = payload["facets"].get("municipality")
    if places and known and places.isdisjoint(known):
        total *= ELSEWHERE_FACTOR
    if payload["id"] in {a for relation, ids in plan.anchors.items() if relation != "route" for a in ids}:
        total *= ANCHOR_FACTOR
    excluded = ranker._excluded(frozenset(plan.matched), payload["exclusions"]) if payload["exclusions"] else []
    if excluded:
        total *= EXCLUDED_FACTOR
    return round(total, 6), payload["id"], concepts, excluded
