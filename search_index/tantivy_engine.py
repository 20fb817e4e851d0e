"""The tantivy engine adapter (the scale engine): the same pre-analysed terms, matched and counted in Rust.

Terms are indexed as whitespace-separated tokens, so tantivy matches exactly the terms Whoosh
matches; facets are counted by tantivy's terms aggregation over every match.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import tantivy

from search_index.common import SharedIndex
from search_index.fields import FACETS, FLAGS, MATCH_FIELDS
from search_index.protocol import Matched, MatchRequest

ENGINE = "tantivy"
TOKENIZER = "terms"  # pre-analysed terms separated by spaces
SHOULD, MUST, MUST_NOT = tantivy.Occur.Should, tantivy.Occur.Must, tantivy.Occur.MustNot
# what only the page's hits need (their titles and snippet sentences, over half of a payload): stored apart,
# so the rerank window decodes what ranking reads and no more
DISPLAY = ("labels", "sentences")


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("payload", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("display", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("terms", tokenizer_name=TOKENIZER, index_option="freq")
    for name in MATCH_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in FACETS + FLAGS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
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
    for row in rows:
        rank = {k: v for k, v in row["payload"].items() if k not in DISPLAY and k != "tf"}
        rank["tf_text"] = tf_text(row["payload"]["tf"])
        shown = {k: row["payload"][k] for k in DISPLAY}
        fields: dict[str, Any] = {"id": row["id"], "payload": json.dumps(rank, ensure_ascii=False)}
        fields["display"] = json.dumps(shown, ensure_ascii=False)
        fields["terms"] = " ".join(row["terms"])
        fields.update({name: list(values) for name, values in row["keywords"].items()})
        writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()


def tf_text(tf: dict[str, dict[str, float]]) -> str:
    """A payload's weighted term frequencies as one line per term, "\\nns:term\\tweight\\n", looked up by find."""
    return "\n" + "".join(f"{ns}:{term}\t{weight}\n" for ns, terms in tf.items() for term, weight in terms.items())


class _Namespace:
    __slots__ = ("prefix", "text")

    def __init__(self, text: str, ns: str) -> None:
        self.text, self.prefix = text, f"\n{ns}:"

    def get(self, term: str, default: float | None = None) -> float | None:
        key = f"{self.prefix}{term}\t"
        at = self.text.find(key)
        if at < 0:
            return default
        start = at + len(key)
        return float(self.text[start : self.text.index("\n", start)])


class StoredFrequencies:
    """The term frequencies of a stored payload, read for the query's terms only.

    Decoding every term of 200 payloads per search (a map per namespace) was most of a search at
    6,400 services; the ranker asks for a few terms, each found in the stored text.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def get(self, ns: str, default: Any = None) -> _Namespace:
        return _Namespace(self.text, ns)


class TantivyEngine:
    """Matching and facet aggregation over an opened tantivy index."""

    def __init__(self, folder: Path) -> None:
        self.index = _open(folder / ENGINE)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

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

    def match(self, request: MatchRequest, window: int) -> Matched:
        query = self._query(request)
        result = self.searcher.search(query, limit=window, count=True)
        payloads = []
        for _, address in result.hits:
            payload = json.loads(str(self.searcher.doc(address).get_first("payload")))
            payload["tf"], payload["_address"] = StoredFrequencies(payload.pop("tf_text")), address
            payloads.append(payload)
        aggregations = self.searcher.aggregate(query, {n: {"terms": {"field": n, "size": 1000}} for n in FACETS})
        counts = {
            n: Counter({b["key"]: b["doc_count"] for b in aggregations.get(n, {}).get("buckets", [])}) for n in FACETS
        }
        return Matched(int(getattr(result, "count", 0) or 0), payloads, counts)

    def complete(self, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The page's payloads with what a hit shows (labels, sentences), read from the stored display field."""
        out = []
        for payload in payloads:
            shown = json.loads(str(self.searcher.doc(payload["_address"]).get_first("display")))
            out.append({**payload, **shown})
        return out

    def raw(self, request: MatchRequest) -> Any:
        return self.searcher.search(self._query(request), limit=10)

    def close(self) -> None:
        """Nothing to release: tantivy searchers are reference-counted snapshots."""


def open_index(folder: Path) -> SharedIndex:
    return SharedIndex(folder, TantivyEngine(folder), ENGINE)
