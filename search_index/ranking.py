"""The ranking model: each query word scored once per document (BM25F), concepts by rarity and
centrality, coordination by the share of query words matched, attributes as boosts, exclusions
as a penalty. Pure Python over the payloads the engine returned; docs/search.md explains it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
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

# "titled": not the graph's, but named in full by the service's own title (search_index.prepare)
STATUS_FACTOR = {"main": MAIN_FACTOR, "titled": MAIN_FACTOR, "direct": DIRECT_FACTOR, "inferred": INFERRED_FACTOR}


Space = tuple[str, str, float, list[tuple[str, float, float]]]  # namespace, its language, factor, (term, weight, idf)


@dataclass
class Weighed:
    """A query's units, its words (position, terms by namespace) and concepts (id, weight × strength × idf,
    positions), the concepts it names itself, the places it names and the services it asks after."""

    units: list[frozenset[int]]
    words: list[tuple[int, list[Space]]]
    concepts: list[tuple[str, float, frozenset[int]]]
    named: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()


@dataclass
class Scored:
    score: float
    payload: dict[str, Any]
    concepts: list[str] = field(default_factory=list)
    excluded_for: list[dict[str, Any]] = field(default_factory=list)


class Ranker:
    """Scores payloads against a plan with the index's statistics."""

    def __init__(self, stats: dict[str, Any], scheme: dict[str, str], broader: dict[str, list[str]]) -> None:
        self.n = max(stats["documents"], 1)
        self.avg = stats["average_length"]
        self.df = stats["df"]
        self.concept_df = stats["concept_df"]
        self.scheme, self.broader = scheme, broader

    def idf(self, df: int) -> float:
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def weighed(self, plan: QueryPlan, lang: str) -> Weighed:
        """What of the scoring no document changes, worked out once per query (the same arithmetic as per document)."""
        words = []
        for word in plan.words:
            spaces = []
            for ns, wanted in word.terms.items():
                text_lang = "fi" if ns == "fp" else ns
                factor = 1.0 if text_lang == lang else OTHER_LANGUAGE_FACTOR
                df = self.df.get(ns, {})
                spaces.append((ns, text_lang, factor, [(t, w, self.idf(df.get(t, 0))) for t, w in wanted.items()]))
            words.append((word.position, spaces))
        concepts = []
        for cid, (strength, positions) in plan.concepts.items():
            weight = CONCEPT_WEIGHT.get(self.scheme.get(cid, ""), PATHWAY_WEIGHT if ":" in cid else 0.5)
            concepts.append((cid, weight * strength * self.idf(self.concept_df.get(cid, 0)), positions))
        anchors = frozenset(a for relation, ids in plan.anchors.items() if relation != "route" for a in ids)
        places = frozenset(plan.attributes.get("municipality") or ())
        return Weighed(self.units(plan), words, concepts, frozenset(plan.matched), places, anchors)

    def word_score(self, spaces: list[Space], payload: dict[str, Any], norms: dict[str, float] | None = None) -> float:
        """BM25F of one query word: its best term in the document, field weights applied before saturation.

        `norms`: the document's length norms by language, worked out at their first use (one document's
        words share them).
        """
        norms = {} if norms is None else norms
        best = 0.0
        for ns, text_lang, factor, wanted in spaces:
            tf_map = payload["tf"].get(ns)
            if not tf_map:  # none of the document's terms in this namespace: nothing to weigh
                continue
            norm = norms.get(text_lang)
            if norm is None:
                avg = self.avg[text_lang]
                length = max(payload["len"].get(text_lang, 0.0), avg)  # thin documents get no bonus
                norm = norms[text_lang] = K1 * (1 - B + B * length / avg)
            for term, weight, idf in wanted:
                tf = tf_map.get(term)
                if tf:
                    best = max(best, idf * tf * (K1 + 1) / (tf + norm) * weight * factor)
        return best

    @staticmethod
    def units(plan: QueryPlan) -> list[frozenset[int]]:
        """The query's units for coordination: a word, or the words that together fully name one concept.

        "mother and baby home" is one unit (supported housing), so *aftercare* is half of "aftercare after
        mother and baby home", not a quarter: a service about the one rare concept is not outweighed by
        services that hold the several common words of the other.
        """
        groups = [{w.position} for w in plan.words]
        for cid in plan.matched:
            strength, positions = plan.concepts[cid]
            if strength >= 1.0 - 1e-9 and len(positions & {w.position for w in plan.words}) > 1:
                joined = {p for g in groups if g & positions for p in g}
                groups = [g for g in groups if not g & positions] + [joined]
        return [frozenset(g) for g in groups]

    def score(self, plan: QueryPlan, payload: dict[str, Any], lang: str, weighed: Weighed | None = None) -> Scored:
        weighed = weighed if weighed is not None else self.weighed(plan, lang)
        units = weighed.units
        matched_words: set[int] = set()
        total = 0.0
        norms: dict[str, float] = {}
        for position, spaces in weighed.words:
            s = self.word_score(spaces, payload, norms)
            if s > 0:
                total += s
                matched_words.add(position)
        concepts = []
        held = payload["concepts"]
        for cid, rarity, positions in weighed.concepts:
            status = held.get(cid)
            if status is None:
                continue
            total += rarity * STATUS_FACTOR[status]  # weight × strength × idf × status, as ((w × s) × i) × f
            matched_words |= positions
            if cid in weighed.named and status != "titled":
                concepts.append(cid)
        if plan.words:
            share = sum(len(unit & matched_words) / len(unit) for unit in units) / len(units)
            total *= share**COORDINATION_POWER
        if plan.attributes:
            share = self._attribute_share(plan, payload)
            total = total * (1 + ATTRIBUTE_BOOST * share) if plan.words else share
        if payload.get("basic_level"):
            total *= BASIC_LEVEL_PRIOR
        if weighed.places:
            # the query names a place and the service is known to be only in others (unknown is not elsewhere)
            known = payload["facets"].get("municipality")
            if known and weighed.places.isdisjoint(known):
                total *= ELSEWHERE_FACTOR
        if payload["id"] in weighed.anchors:
            total *= ANCHOR_FACTOR
        excluded = self._excluded(weighed.named, payload) if payload["exclusions"] else []
        if excluded:
            total *= EXCLUDED_FACTOR
        return Scored(round(total, 6), payload, concepts, excluded)

    def _attribute_share(self, plan: QueryPlan, payload: dict[str, Any]) -> float:
        have = 0
        for name, values in plan.attributes.items():
            if name in FLAGS:
                have += name in payload["flags"]
            else:
                have += any(v in payload["facets"].get(name, []) for v in values)
        return have / len(plan.attributes)

    def _excluded(self, named: frozenset[str], payload: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {
                "situation": e["situation"],
                "exclusion": e["exclusion"],
                "source": {k: e.get(k) for k in ("source", "title", "document", "quote")},
            }
            for e in payload["exclusions"]
            if named & {e["situation"], *self.broader.get(e["situation"], [])}
        ]

    def rank(self, plan: QueryPlan, payloads: list[dict[str, Any]], lang: str) -> list[Scored]:
        if plan.empty:
            scored = [Scored(0.0, p) for p in payloads]
        else:
            weighed = self.weighed(plan, lang)
            scored = [self.score(plan, p, lang, weighed) for p in payloads]
        return sorted(scored, key=lambda s: (-s.score, s.payload["id"]))
