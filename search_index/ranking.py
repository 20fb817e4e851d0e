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
    """A query's units, its words (terms by namespace) and concepts (id, weight × strength × idf), the words
    of each as bits, the concepts it names itself, the places it names and the services it asks after."""

    units: list[tuple[int, int]]  # (its words as bits, how many)
    words: list[tuple[int, list[Space]]]  # (the word as a bit: the n-th word of the plan is 1 << n, its terms)
    concepts: list[tuple[str, float, int]]  # (id, weight × strength × idf, the words it matches as bits)
    named: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()


@dataclass
class Memo:
    """What one query's scoring of a window keeps: length norms by the lengths' object, concept parts by the
    concepts' object, coordination factors by the matched word positions."""

    norms: dict[int, dict[str, float]] = field(default_factory=dict)
    concepts: dict[int, tuple[list[float], int, list[str]]] = field(default_factory=dict)
    coordination: dict[int, float] = field(default_factory=dict)


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
        bits = {word.position: 1 << n for n, word in enumerate(plan.words)}
        words = []
        for word in plan.words:
            spaces = []
            for ns, wanted in word.terms.items():
                text_lang = "fi" if ns == "fp" else ns
                factor = 1.0 if text_lang == lang else OTHER_LANGUAGE_FACTOR
                df = self.df.get(ns, {})
                # a term no document holds adds nothing to any document: not looked up in each
                held = [(t, w, self.idf(df[t])) for t, w in wanted.items() if df.get(t)]
                if held:
                    spaces.append((ns, text_lang, factor, held))
            words.append((bits[word.position], spaces))
        concepts = []
        for cid, (strength, positions) in plan.concepts.items():
            weight = CONCEPT_WEIGHT.get(self.scheme.get(cid, ""), PATHWAY_WEIGHT if ":" in cid else 0.5)
            mask = sum(bits[p] for p in positions if p in bits)  # the positions of words the plan kept, as bits
            concepts.append((cid, weight * strength * self.idf(self.concept_df.get(cid, 0)), mask))
        anchors = frozenset(a for relation, ids in plan.anchors.items() if relation != "route" for a in ids)
        places = frozenset(plan.attributes.get("municipality") or ())
        units = [(sum(bits[p] for p in unit), len(unit)) for unit in self.units(plan)]
        return Weighed(units, words, concepts, frozenset(plan.matched), places, anchors)

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

    def score(
        self,
        plan: QueryPlan,
        payload: dict[str, Any],
        lang: str,
        weighed: Weighed | None = None,
        memo: Memo | None = None,
    ) -> Scored:
        """One document's score. `memo` (one per query, see `rank`) keeps what a part of the payload gives,
        by the part's identity: the ranking data shares one object among the documents that hold the same
        value (search_index.ranking_data), so a window's documents work out each distinct value once."""
        weighed = weighed if weighed is not None else self.weighed(plan, lang)
        memo = memo if memo is not None else Memo()
        lengths = payload["len"]
        norms = memo.norms.get(id(lengths))
        if norms is None:
            norms = memo.norms[id(lengths)] = {}
        matched = 0  # the query word positions matched, as bits
        total = 0.0
        for bit, spaces in weighed.words:
            s = self.word_score(spaces, payload, norms)
            if s > 0:
                total += s
                matched |= bit
        held = payload["concepts"]
        found = memo.concepts.get(id(held))
        if found is None:
            found = memo.concepts[id(held)] = self._concept_part(weighed, held)
        addends, positions, concepts = found
        for addend in addends:  # added one by one, in the plan's order, as the sum was always made
            total += addend
        matched |= positions
        if plan.words:
            factor = memo.coordination.get(matched)
            if factor is None:
                factor = memo.coordination[matched] = self._coordination(weighed.units, matched)
            total *= factor
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

    @staticmethod
    def _concept_part(weighed: Weighed, held: dict[str, str]) -> tuple[list[float], int, list[str]]:
        """What the concepts a document holds add: (addends in the plan's order, the word positions they
        match as bits, those the query names itself and the service holds by the graph)."""
        addends, positions, concepts = [], 0, []
        for cid, rarity, words in weighed.concepts:
            status = held.get(cid)
            if status is None:
                continue
            addends.append(rarity * STATUS_FACTOR[status])  # weight × strength × idf × status, as ((w × s) × i) × f
            positions |= words
            if cid in weighed.named and status != "titled":
                concepts.append(cid)
        return addends, positions, concepts

    @staticmethod
    def _coordination(units: list[tuple[int, int]], matched: int) -> float:
        """The coordination factor: the mean share of each unit's words matched, to COORDINATION_POWER."""
        share = sum((matched & unit).bit_count() / size for unit, size in units) / len(units)
        return float(share**COORDINATION_POWER)

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
            weighed, memo = self.weighed(plan, lang), Memo()
            scored = [self.score(plan, p, lang, weighed, memo) for p in payloads]
        return sorted(scored, key=lambda s: (-s.score, s.payload["id"]))
