"""What both search engines share: the SearchIndex an engine adapter is wrapped in.

Field mapping (search_index.prepare), the query plan, ranking, hit assembly, snippets, spelling
corrections, facet labels and completions all live here and in the modules it calls; an engine
adapter (whoosh_engine, tantivy_engine) only matches and counts facets.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from search_index.completions import Completions
from search_index.fields import CONCEPT_FACETS, FACETS, RERANK_WINDOW
from search_index.pathways import PathwayReader
from search_index.plan import QueryPlan, did_you_mean, interpreted, plan_query
from search_index.prepare import NAMESPACES
from search_index.protocol import Engine, MatchRequest
from search_index.ranking import Ranker, Scored
from search_index.snippets import Needles, snippet
from search_index.speller import Speller
from search_index.synonyms import ConceptMatcher

SHARED_FILES = ("labels.json", "concepts.json", "suggestions.json", "stats.json")


def write_shared(folder: Path, **data: Any) -> None:
    """The engine-neutral files of an index folder (labels, concepts, suggestions, stats)."""
    for name, value in data.items():
        (folder / f"{name}.json").write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _read(folder: Path, name: str) -> Any:
    return json.loads((folder / name).read_text(encoding="utf-8"))


class SharedIndex:
    """A SearchIndex: the concept matcher, ranker, speller, labels and completions around an engine."""

    def __init__(self, folder: Path, engine: Engine, engine_name: str) -> None:
        self.engine, self.engine_name = engine, engine_name
        labels = _read(folder, "labels.json")
        self.matcher = ConceptMatcher(labels)
        self._names: dict[str, dict[str, Any]] = _read(folder, "concepts.json")
        self._labels: dict[tuple[str, str], dict[str, str]] = {}  # (facet, language) -> value -> label
        self.completer = Completions(_read(folder, "suggestions.json"))
        self.completions = self.completer.entries
        stats = _read(folder, "stats.json")
        self.ranker = Ranker(stats, self.matcher.scheme, self.matcher.broader)
        self.pathways = PathwayReader(labels, stats.get("pathways", {}))
        self.vocabulary: dict[str, dict[str, int]] = {ns: dict(stats["df"][ns]) for ns in NAMESPACES}
        for lang, terms in self.matcher.rarity.items():
            for term in terms:
                self.vocabulary[lang].setdefault(term, 1)
        self.spellers = {lang: Speller(self.vocabulary[lang]) for lang in ("fi", "sv", "en")}

    @property
    def names(self) -> Mapping[str, Mapping[str, Any]]:
        return self._names

    def _known(self, namespace: str, term: str) -> bool:
        return term in self.vocabulary.get(namespace, {}) or (namespace == "fi" and term in self.vocabulary["fp"])

    def _suggest(self, lang: str, word: str, maxdist: int) -> list[str]:
        return self.spellers[lang].suggest(word, maxdist)

    def plan(self, text: str, lang: str) -> QueryPlan:
        return plan_query(text, lang, self.matcher, self._known, self._suggest, self.pathways)

    def request(self, plan: QueryPlan | None, filters: dict[str, list[str]], flags: dict[str, bool]) -> MatchRequest:
        if plan is None:
            return MatchRequest(filters=filters, flags=flags, everything=True)
        terms = sorted({f"{ns}:{t}" for w in plan.words for ns, ts in w.terms.items() for t in ts})
        return MatchRequest(
            terms=terms,
            concepts=sorted(plan.concepts),
            excluded=sorted(plan.matched),
            attributes=plan.attributes,
            filters=filters,
            flags=flags,
        )

    def raw_search(self, text: str, lang: str) -> Any:
        """The engine alone (plan and match, no ranking, facets or snippets): the floor search is measured against."""
        return self.engine.raw(self.request(self.plan(text, lang), {}, {}))

    def _planned(self, text: str, lang: str, plan: QueryPlan | None) -> QueryPlan | None:
        """The plan a caller made for `text` (search_index.search plans once a search), else made here."""
        return plan if plan is not None or not text else self.plan(text, lang)

    def search(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        limit: int,
        offset: int,
        *,
        plan: QueryPlan | None = None,
        keep: Callable[[str], bool] | None = None,
    ) -> dict[str, Any]:
        plan = self._planned(text, lang, plan)
        if plan is not None and plan.empty:
            return self._answer(0, [], {n: Counter() for n in FACETS}, lang, text, plan)
        window = RERANK_WINDOW if keep is not None else max(RERANK_WINDOW, offset + limit)
        matched = self.engine.match(self.request(plan, filters, flags), window)
        found = matched.window
        if plan is None:
            ranked = sorted((Scored(0.0, at, sid) for at, sid in enumerate(found.ids)), key=lambda s: s.id)
        else:
            ranked = self.ranker.rank(plan, found, lang)
        total = matched.total
        if keep is not None:
            ranked = [s for s in ranked if keep(s.id)]
            total = len(ranked)
        scored = ranked[offset : offset + limit]
        page = self.engine.complete([found.payload(s.at) for s in scored])  # the page's payloads alone
        needles = Needles(plan) if plan is not None else None
        items = [
            self._item(p, needles, s.score, s.concepts, s.excluded_for, lang) for p, s in zip(page, scored, strict=True)
        ]
        return self._answer(total, items, matched.facets, lang, text, plan)

    def count(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        *,
        plan: QueryPlan | None = None,
    ) -> int:
        plan = self._planned(text, lang, plan)
        return 0 if plan is not None and plan.empty else self.engine.count(self.request(plan, filters, flags))

    def window(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        *,
        plan: QueryPlan | None = None,
    ) -> set[str]:
        plan = self._planned(text, lang, plan)
        if plan is not None and plan.empty:
            return set()
        return set(self.engine.window(self.request(plan, filters, flags), RERANK_WINDOW))

    def _item(
        self,
        payload: dict[str, Any],
        needles: Needles | None,
        score: float,
        concepts: list[str],
        excluded: list[dict[str, Any]],
        lang: str,
    ) -> dict[str, Any]:
        labels = payload["labels"]
        item = {
            "id": payload["id"],
            "labels": labels,
            "label": labels.get(lang) or labels.get("fi"),
            "score": round(score, 4),
            **snippet(payload, needles, lang),
            "concepts": [{"id": c, "label": self.label("", c, lang)} for c in concepts],
        }
        if excluded:
            item["excluded_for"] = [dict(e, label=self.label("", e["situation"], lang)) for e in excluded]
        return item

    def _answer(
        self,
        total: int,
        items: list[dict[str, Any]],
        counts: dict[str, Counter[str]],
        lang: str,
        text: str,
        plan: QueryPlan | None,
    ) -> dict[str, Any]:
        return {
            "total": total,
            "items": items,
            "facets": self.facet_counts(counts, lang),
            "did_you_mean": did_you_mean(text, plan.corrections) if plan else None,
            "interpreted": interpreted(plan) if plan else None,
        }

    def facet_counts(self, counts: dict[str, Counter[str]], lang: str) -> dict[str, list[dict[str, Any]]]:
        """Facet values with labels and counts, largest first."""
        out = {}
        for name, counter in counts.items():
            labels = self._labels.setdefault((name, lang), {})
            rows = []
            for value, n in sorted(counter.items(), key=_largest_first):
                label = labels.get(value)
                if label is None:  # the names never change: each value's label is worked out once per language
                    label = labels[value] = self._label(name, value, lang)
                rows.append({"id": value, "label": label, "count": n})
            out[name] = rows
        return out

    def label(self, facet: str, value: str, lang: str) -> str:
        labels = self._labels.setdefault((facet, lang), {})
        found = labels.get(value)
        if found is None:
            found = labels[value] = self._label(facet, value, lang)
        return found

    def _label(self, facet: str, value: str, lang: str) -> str:
        names = self._names.get(f"{facet}:{value}") or self._names.get(value) or {}
        return str(names.get(lang) or names.get("fi") or value)

    def suggest(self, prefix: str, lang: str, limit: int) -> list[dict[str, str]]:
        return self.completer.suggest(prefix, lang, limit)

    def close(self) -> None:
        self.engine.close()


def _largest_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def facet_values(payload: dict[str, Any]) -> dict[str, list[str]]:
    """The facet values a payload counts for."""
    return {name: payload["facets"].get(name, []) for name in FACETS}


__all__ = ["CONCEPT_FACETS", "SHARED_FILES", "SharedIndex", "facet_values", "write_shared"]
