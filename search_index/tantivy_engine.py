"""The tantivy engine adapter (the scale engine): the same pre-analysed terms, matched and counted in Rust.

Terms are indexed as whitespace-separated tokens, so tantivy matches exactly the terms Whoosh
matches; facets are counted by tantivy's terms aggregation over every match. What ranking reads of
a payload is held in memory by document number (search_index.ranking_data, the `num` fast field);
tantivy stores only what a hit shows, read for the page's hits.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import tantivy

from graph.errors import ArtefactError
from search_index.common import SharedIndex
from search_index.fields import FACETS, FLAGS, MATCH_FIELDS
from search_index.protocol import Matched, MatchRequest
from search_index.ranking_data import DataWindow, RankingData, write_ranking
from search_index.snippets import compact

ENGINE = "tantivy"
TOKENIZER = "terms"  # pre-analysed terms separated by spaces
SHOULD, MUST, MUST_NOT = tantivy.Occur.Should, tantivy.Occur.Must, tantivy.Occur.MustNot
# what only the page's hits need (their titles and snippet sentences, over half of a payload): stored in
# tantivy, read for the page; the rest of a payload is what ranking reads, held in memory (ranking_data)
DISPLAY = ("labels", "sentences")
FACET = "facet"


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_unsigned_field("num", fast=True)  # the document's number in the ranking data
    builder.add_text_field("display", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("terms", tokenizer_name=TOKENIZER, index_option="freq")
    for name in MATCH_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in FACETS + FLAGS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # every facet value as "facet:value" in one column: one terms aggregation counts them all (half the time of six)
    builder.add_text_field(FACET, tokenizer_name="raw", fast=True, index_option="basic")
    return builder.build()


def _open(path: Path, create: bool = False) -> tantivy.Index:
    index = tantivy.Index(schema(), path=str(path), reuse=not create)
    index.register_tokenizer(TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    return index


def build(folder: Path, rows: list[dict[str, Any]]) -> None:
    """Write the engine's part of an index folder: one tantivy document per prepared row."""
    (folder / ENGINE).mkdir(parents=True)
    index = _open(folder / ENGINE, create=True)
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    for num, row in enumerate(rows):
        shown = {k: row["payload"][k] for k in DISPLAY}
        shown["sentences"] = compact(shown["sentences"])
        fields: dict[str, Any] = {"id": row["id"], "display": json.dumps(shown, ensure_ascii=False)}
        fields["terms"] = " ".join(row["terms"])
        fields.update({name: list(values) for name, values in row["keywords"].items()})
        fields[FACET] = [f"{name}:{value}" for name in FACETS for value in row["keywords"][name]]
        document = tantivy.Document(**fields)
        document.add_unsigned("num", num)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    write_ranking(folder, [row["payload"] for row in rows], DISPLAY)


class TantivyEngine:
    """Matching and facet aggregation over an opened tantivy index."""

    def __init__(self, folder: Path) -> None:
        self.index = _open(folder / ENGINE)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.ranking = RankingData(folder)
        # every distinct facet value: the aggregation's size, so no count is cut off
        held = {
            f"{n}:{v}" for facets in self.ranking.tables.get("facets", []) for n in FACETS for v in facets.get(n, [])
        }
        self.facet_values = max(len(held), 1)
        self.documents = self.searcher.num_docs
        self.every = self._aggregate(tantivy.Query.all_query())  # the counts over all documents

    def _term(self, field: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _query(self, request: MatchRequest) -> tantivy.Query:
        if request.everything:
            clauses = [(MUST, tantivy.Query.all_query())]
        else:
            should = [(SHOULD, self._term("terms", t)) for t in request.terms]
            should += [(SHOULD, self._term("concepts", c)) for c in request.concepts]
            should += [(SHOULD, self._term("excludes", c)) for c in request.excluded]
            should += [(SHOULD, self._term(n, v)) for n, values in request.attributes.items() for v in values]
            clauses = [(MUST, tantivy.Query.boolean_query(should) if should else tantivy.Query.empty_query())]
        for name, values in request.filters.items():
            clauses.append((MUST, tantivy.Query.boolean_query([(SHOULD, self._term(name, v)) for v in values])))
        for name, wanted in request.flags.items():
            clauses.append((MUST if wanted else MUST_NOT, self._term(name, "true")))
        if all(occur == MUST_NOT for occur, _ in clauses):
            clauses.append((MUST, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(clauses)

    def _hits(self, query: tantivy.Query, window: int, count: bool) -> tuple[int, list[Any], list[int]]:
        """(how many match when `count`, the addresses and document numbers of the best `window`)."""
        result = self.searcher.search(query, limit=window, count=count)
        addresses = [address for _, address in result.hits]
        values = self.searcher.fast_field_values("num", addresses)
        nums = [num for num in values if isinstance(num, int)]
        if len(nums) != len(values):
            raise ArtefactError("a search index document has no number: rebuild the index")
        return int(getattr(result, "count", 0) or 0), addresses, nums

    def match(self, request: MatchRequest, window: int) -> Matched:
        query = self._query(request)
        total, addresses, nums = self._hits(query, window, True)
        matches = self.ranking.window(nums, addresses)
        return Matched(total, matches, self._facets(query, total, matches))

    def _facets(self, query: tantivy.Query, total: int, window: DataWindow) -> dict[str, Counter[str]]:
        """Facet counts over every match: from the window's documents when it holds them all, else counted by
        tantivy over the matches or, when most documents match, over those that do not (taken from all)."""
        if total <= len(window):  # every match is in the window: its facet values are in memory
            counts: dict[str, Counter[str]] = {n: Counter() for n in FACETS}
            values, at = window.groups("facets")
            for facets, times in zip(values, np.bincount(at, minlength=len(values)).tolist(), strict=True):
                for name, held in facets.items():
                    for value in held:
                        counts[name][value] += times
            return counts
        if 2 * total <= self.documents:
            return self._aggregate(query)
        rest = self._aggregate(tantivy.Query.boolean_query([(MUST, tantivy.Query.all_query()), (MUST_NOT, query)]))
        return {name: self.every[name] - rest[name] for name in FACETS}

    def _aggregate(self, query: tantivy.Query) -> dict[str, Counter[str]]:
        """Facet counts over the documents `query` matches: one terms aggregation over the facet column."""
        aggregation = self.searcher.aggregate(query, {FACET: {"terms": {"field": FACET, "size": self.facet_values}}})
        counts: dict[str, Counter[str]] = {n: Counter() for n in FACETS}
        for bucket in aggregation.get(FACET, {}).get("buckets", []):
            name, value = str(bucket["key"]).split(":", 1)
            counts[name][value] = bucket["doc_count"]
        return counts

    def count(self, request: MatchRequest) -> int:
        """How many documents match: tantivy's count of the number column, no scoring and no hits."""
        found = self.searcher.aggregate(self._query(request), {"n": {"value_count": {"field": "num"}}})
        return int(found["n"]["value"] or 0)

    def window(self, request: MatchRequest, size: int) -> list[str]:
        """The ids of the engine's best `size` matches (those `match` returns), no payloads or facets."""
        _, _, nums = self._hits(self._query(request), size, False)
        return [self.ranking.value("id", num) for num in nums]

    def complete(self, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The page's payloads with what a hit shows (labels, sentences), read from the stored display field."""
        out = []
        for payload in payloads:
            shown = orjson.loads(
                str(self.searcher.doc(payload["_address"]).get_first("display"))
            )  # json.dumps wrote it
            out.append({**payload, **shown})
        return out

    def raw(self, request: MatchRequest) -> Any:
        return self.searcher.search(self._query(request), limit=10)

    def close(self) -> None:
        """Nothing to release: tantivy searchers are reference-counted snapshots."""


def open_index(folder: Path) -> SharedIndex:
    return SharedIndex(folder, TantivyEngine(folder), ENGINE)
