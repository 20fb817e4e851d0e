"""The ranking model: each query word scored once per document (BM25F), concepts by rarity and
centrality, coordination by the share of query words matched, attributes as boosts, exclusions
as a penalty. Scored a window at a time (search_index.window, numpy); docs/search.md explains it.

Every document's score is the arithmetic a document-by-document loop would do, operation by operation
in the same order (tests/search_index/test_ranking_model.py holds them equal): elementwise IEEE sums,
products and quotients are the same in numpy; powers are Python's (once per distinct value), and so is
the rounding (once per document).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

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
from search_index.window import Bools, Floats, PayloadWindow, Window, per_value, scaled

# "titled": not the graph's, but named in full by the service's own title (search_index.prepare)
STATUS_FACTOR = {"main": MAIN_FACTOR, "titled": MAIN_FACTOR, "direct": DIRECT_FACTOR, "inferred": INFERRED_FACTOR}


Space = tuple[str, str, float, list[tuple[str, float, float]]]  # namespace, its language, factor, (term, weight, idf)


@dataclass
class Weighed:
    """A query's units (each a list of word numbers), its words (terms by namespace) and concepts (id,
    weight × strength × idf, the numbers of the words it matches), the concepts it names itself, the
    places it names and the services it asks after."""

    units: list[list[int]]
    words: list[list[Space]]
    concepts: list[tuple[str, float, list[int]]]
    named: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()


@dataclass(slots=True)
class Scored:
    """A ranked document: its score, its place in the window, its id, the concepts of the query it holds
    (by the graph) and the exclusions of the query's situations."""

    score: float
    at: int
    id: str
    concepts: list[str] = field(default_factory=list)
    excluded_for: list[dict[str, Any]] = field(default_factory=list)


class Ranker:
    """Scores windows of documents against a plan with the index's statistics."""

    def __init__(self, stats: dict[str, Any], scheme: dict[str, str], broader: dict[str, list[str]]) -> None:
        self.n = max(stats["documents"], 1)
        self.avg = stats["average_length"]
        self.df = stats["df"]
        self.concept_df = stats["concept_df"]
        self.scheme, self.broader = scheme, broader

    def idf(self, df: int) -> float:
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def weighed(self, plan: QueryPlan, lang: str) -> Weighed:
        """What of the scoring no document changes, worked out once per query."""
        number = {word.position: n for n, word in enumerate(plan.words)}
        words = []
        for word in plan.words:
            spaces = []
            for ns, wanted in word.terms.items():
                text_lang = "fi" if ns == "fp" else ns
                factor = 1.0 if text_lang == lang else OTHER_LANGUAGE_FACTOR
                df = self.df.get(ns, {})
                # a term no document holds adds nothing to any document: not looked up
                held = [(t, w, self.idf(df[t])) for t, w in wanted.items() if df.get(t)]
                if held:
                    spaces.append((ns, text_lang, factor, held))
            words.append(spaces)
        concepts = []
        for cid, (strength, positions) in plan.concepts.items():
            weight = CONCEPT_WEIGHT.get(self.scheme.get(cid, ""), PATHWAY_WEIGHT if ":" in cid else 0.5)
            matched = sorted(number[p] for p in positions if p in number)  # of the words the plan kept
            concepts.append((cid, weight * strength * self.idf(self.concept_df.get(cid, 0)), matched))
        anchors = frozenset(a for relation, ids in plan.anchors.items() if relation != "route" for a in ids)
        places = frozenset(plan.attributes.get("municipality") or ())
        units = [sorted(number[p] for p in unit) for unit in self.units(plan)]
        return Weighed(units, words, concepts, frozenset(plan.matched), places, anchors)

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

    def score(self, plan: QueryPlan, payload: dict[str, Any], lang: str) -> Scored:
        """One payload's score (a window of one)."""
        return self.scores(plan, PayloadWindow([payload]), lang)[0]

    def rank(self, plan: QueryPlan, window: Window, lang: str) -> list[Scored]:
        """The window's documents, best first (equal scores by id)."""
        if plan.empty:
            scored = [Scored(0.0, at, sid) for at, sid in enumerate(window.ids)]
        else:
            scored = self.scores(plan, window, lang)
        return sorted(scored, key=lambda s: (-s.score, s.id))

    def scores(self, plan: QueryPlan, window: Window, lang: str) -> list[Scored]:
        """Every document's score, in the window's order."""
        weighed, n = self.weighed(plan, lang), len(window)
        total, matched = self._words(weighed, window)
        named: list[list[str]] | None = None
        if weighed.concepts:
            total, named = self._concepts(weighed, window, total, matched)
        if plan.words:
            share = np.zeros(n)
            for unit in weighed.units:  # the mean over units of the share of each unit's words matched
                share = share + matched[:, unit].sum(axis=1) / len(unit)
            total = total * per_value(share / len(weighed.units), lambda s: s**COORDINATION_POWER)
        if plan.attributes:
            share = self._attribute_share(plan, window)
            total = total * (1 + ATTRIBUTE_BOOST * share) if plan.words else share
        values, at = window.groups("basic_level")
        total = scaled(total, np.array([bool(v) for v in values], dtype=bool)[at], BASIC_LEVEL_PRIOR)
        if weighed.places:
            # the query names a place and the service is known to be only in others (unknown is not elsewhere)
            values, at = window.groups("facets")
            known = [f.get("municipality") for f in values]
            elsewhere = np.array([bool(k) and weighed.places.isdisjoint(k) for k in known], dtype=bool)[at]
            total = scaled(total, elsewhere, ELSEWHERE_FACTOR)
        total = scaled(total, np.array([sid in weighed.anchors for sid in window.ids], dtype=bool), ANCHOR_FACTOR)
        values, at = window.groups("exclusions")
        excluded = [self._excluded(weighed.named, v) if v else [] for v in values]
        total = scaled(total, np.array([bool(e) for e in excluded], dtype=bool)[at], EXCLUDED_FACTOR)
        rounded = [round(t, 6) for t in total.tolist()]
        held = named if named is not None else [[]] * n  # one shared empty list: read, never changed
        found = [excluded[spot] for spot in at.tolist()]
        return [Scored(*row) for row in zip(rounded, range(n), window.ids, held, found, strict=True)]

    def _words(self, weighed: Weighed, window: Window) -> tuple[Floats, Bools]:
        """The words' BM25F scores summed, and which words each document matched (a boolean matrix)."""
        n = len(window)
        total = np.zeros(n)
        matched = np.zeros((n, len(weighed.words)), dtype=bool)
        norms: dict[str, Floats] = {}
        tfs: dict[tuple[str, str], Floats] = {}
        for k, spaces in enumerate(weighed.words):
            best = np.zeros(n)
            for ns, text_lang, factor, wanted in spaces:
                norm = norms.get(text_lang)
                if norm is None:
                    avg = self.avg[text_lang]
                    length = np.maximum(window.lengths(text_lang), avg)  # thin documents get no bonus
                    norm = norms[text_lang] = K1 * (1 - B + B * length / avg)
                for term, weight, idf in wanted:
                    tf = tfs.get((ns, term))
                    if tf is None:
                        tf = tfs[(ns, term)] = window.frequencies(ns, term)
                    best = np.maximum(best, idf * tf * (K1 + 1) / (tf + norm) * weight * factor)
            total = total + best  # a word a document lacks adds 0.0, which changes no sum
            matched[:, k] = best > 0
        return total, matched

    @staticmethod
    def _concepts(weighed: Weighed, window: Window, total: Floats, matched: Bools) -> tuple[Floats, list[list[str]]]:
        """The concepts' scores added in the plan's order, their words marked matched, and for each document
        the concepts of the query it holds by the graph."""
        values, at = window.groups("concepts")
        for cid, rarity, words in weighed.concepts:
            status = [held.get(cid) for held in values]
            # weight × strength × idf × status, as ((w × s) × i) × f; 0.0 where the document lacks it
            addend = np.array([rarity * STATUS_FACTOR[s] if s is not None else 0.0 for s in status], dtype=np.float64)[
                at
            ]
            total = total + addend
            if words:
                holds = np.array([s is not None for s in status], dtype=bool)[at]
                matched[:, words] |= holds[:, None]
        named = [
            [cid for cid, _, _ in weighed.concepts if cid in weighed.named and held.get(cid) not in (None, "titled")]
            for held in values
        ]
        return total, [named[a] for a in at.tolist()]

    @staticmethod
    def _attribute_share(plan: QueryPlan, window: Window) -> Floats:
        """The share of the query's attributes (flags, facet values) each document has."""
        have = np.zeros(len(window), dtype=np.int64)
        flags, at_flags = window.groups("flags")
        facets, at_facets = window.groups("facets")
        for name, values in plan.attributes.items():
            if name in FLAGS:
                have = have + np.array([name in f for f in flags], dtype=np.int64)[at_flags]
            else:
                has = [any(v in f.get(name, []) for v in values) for f in facets]
                have = have + np.array(has, dtype=np.int64)[at_facets]
        share: Floats = have / len(plan.attributes)
        return share

    def _excluded(self, named: frozenset[str], exclusions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "situation": e["situation"],
                "exclusion": e["exclusion"],
                "source": {k: e.get(k) for k in ("source", "title", "document", "quote")},
            }
            for e in exclusions
            if named & {e["situation"], *self.broader.get(e["situation"], [])}
        ]
