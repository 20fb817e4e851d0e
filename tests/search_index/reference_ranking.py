"""The ranking model as it was first written, one document at a time: the reference the window-at-a-time
model (search_index.ranking, numpy) is held equal to in tests/search_index/test_ranking_model.py.

Self-contained but for the constants and the statistics the ranker holds: its own idf, units and
exclusions, as the per-document model of f372cd1 had them."""

from __future__ import annotations

import math
from typing import Any

from search_index.fields import (
    ANCHOR_FACTOR,
    ATTRIBUTE_BOOST,
    BASIC_LEVEL_PRIOR,
    CONCEPT_WEIGHT,
    COORDINATION_POWER,
    DIRECT_FACTOR,
    ELSEWHERE_FACTOR,
    EXCLUDED_FACTOR,
    FLAGS,
    INFERRED_FACTOR,
    K1,
    MAIN_FACTOR,
    OTHER_LANGUAGE_FACTOR,
    PATHWAY_WEIGHT,
    B,
)
from search_index.plan import QueryPlan
from search_index.ranking import Ranker

STATUS = {"main": MAIN_FACTOR, "titled": MAIN_FACTOR, "direct": DIRECT_FACTOR, "inferred": INFERRED_FACTOR}


def _idf(ranker: Ranker, df: int) -> float:
    return math.log(1 + (ranker.n - df + 0.5) / (df + 0.5))


def _units(plan: QueryPlan) -> list[frozenset[int]]:
    groups = [{w.position} for w in plan.words]
    for cid in plan.matched:
        strength, positions = plan.concepts[cid]
        if strength >= 1.0 - 1e-9 and len(positions & {w.position for w in plan.words}) > 1:
            joined = {p for g in groups if g & positions for p in g}
            groups = [g for g in groups if not g & positions] + [joined]
    return [frozenset(g) for g in groups]


def _excluded(ranker: Ranker, named: frozenset[str], exclusions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "situation": e["situation"],
            "exclusion": e["exclusion"],
            "source": {k: e.get(k) for k in ("source", "title", "document", "quote")},
        }
        for e in exclusions
        if named & {e["situation"], *ranker.broader.get(e["situation"], [])}
    ]


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
                idf = _idf(ranker, ranker.df.get(ns, {}).get(term, 0))
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
        total += weight * strength * _idf(ranker, ranker.concept_df.get(cid, 0)) * STATUS[status]
        matched |= positions
        if cid in plan.matched and status != "titled":
            concepts.append(cid)
    if plan.words:
        units = _units(plan)
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
    excluded = _excluded(ranker, frozenset(plan.matched), payload["exclusions"]) if payload["exclusions"] else []
    if excluded:
        total *= EXCLUDED_FACTOR
    return round(total, 6), payload["id"], concepts, excluded
