"""The tantivy search engine: the scale backend behind the same interface as Whoosh.

Texts are analysed in Python (the same Voikko lemmas, compound parts and Snowball stems as Whoosh
gets) and indexed as whitespace-separated terms, so both engines search the same terms with the
same query plan (search_index.plan); tantivy does the matching, BM25 scoring and facet counting
in Rust. Snippets are cut in Python from the stored texts of the listed hits.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import tantivy

from graph.vocab import LANGS
from search_index.analysis import analyse
from search_index.common import IndexBase, write_shared
from search_index.fields import FACETS, FLAGS, TEXT_FIELDS
from search_index.plan import did_you_mean, plan_query
from search_index.speller import Speller

ENGINE = "tantivy"
TOKENIZER = "terms"  # pre-analysed terms separated by spaces
TEXT_NAMES = [f"{lang}_{kind}" for lang in LANGS for kind in TEXT_FIELDS] + [f"fi_{kind}_parts" for kind in TEXT_FIELDS]
SHOULD, MUST, MUST_NOT = tantivy.Occur.Should, tantivy.Occur.Must, tantivy.Occur.MustNot


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("payload", stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_NAMES:
        builder.add_text_field(name, tokenizer_name=TOKENIZER, index_option="freq")
    builder.add_text_field("concepts", tokenizer_name="raw", index_option="freq")
    for name in FACETS + FLAGS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    return builder.build()


def _open(path: Path, create: bool = False) -> tantivy.Index:
    index = tantivy.Index(schema(), path=str(path), reuse=not create)
    index.register_tokenizer(TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    return index


def build(
    folder: Path,
    docs: list[dict[str, Any]],
    labels: list[dict[str, str]],
    concept_names: dict[str, dict[str, Any]],
    suggestions: list[dict[str, str]],
) -> dict[str, Any]:
    """Write a fresh index into `folder` (which the caller later swaps into place)."""
    (folder / ENGINE).mkdir(parents=True)
    index = _open(folder / ENGINE, create=True)
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    vocabulary: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        texts = {lang: {kind: "\n".join(doc["texts"][lang][kind]) for kind in TEXT_FIELDS} for lang in LANGS}
        fields: dict[str, Any] = {
            "id": doc["id"],
            "payload": json.dumps({"labels": doc["labels"], "texts": texts}, ensure_ascii=False),
        }
        for lang in LANGS:
            for kind, text in texts[lang].items():
                terms = analyse(text, lang)
                fields[f"{lang}_{kind}"] = " ".join(t for t, _, _, part in terms if not part)
                vocabulary[f"{lang}_{kind}"].update({t for t, _, _, part in terms if not part})
                if lang == "fi":
                    fields[f"fi_{kind}_parts"] = " ".join(t for t, _, _, part in terms if part)
        values = {
            v
            for name in ("target_group", "situation", "work_form", "service_level")
            for v in doc["facets"].get(name, [])
        }
        fields["concepts"] = sorted(values)
        for name in FACETS + FLAGS:
            fields[name] = list(doc["facets"].get(name, []))
        writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()
    (folder / "vocabulary.json").write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
    write_shared(folder, labels, concept_names, suggestions)
    return {"engine": ENGINE, "documents": len(docs)}


def snippet(text: str, terms: set[str], lang: str, maxchars: int = 200, surround: int = 60) -> str:
    """The first stretch of `text` around words whose analysed terms were searched, matches in <mark>."""
    spans = sorted({(s, e) for t, s, e, _ in analyse(text, lang) if t in terms})
    if not spans:
        return ""
    start = max(0, spans[0][0] - surround)
    end = min(len(text), start + maxchars)
    out, at = [], start
    for s, e in spans:
        if s < at or e > end:
            continue
        out += [html.escape(text[at:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        at = e
    out.append(html.escape(text[at:end]))
    return ("…" if start else "") + "".join(out).strip() + ("…" if end < len(text) else "")


class TantivyIndex(IndexBase):
    """An opened tantivy index with the shared matcher, labels and completions."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.index = _open(folder / ENGINE)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self._vocabulary = json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
        self._spellers: dict[str, Speller] = {}

    def _known(self, term: str) -> bool:
        return any(self.searcher.doc_freq(f"{lang}_{kind}", term) for lang in LANGS for kind in ("title", "text"))

    def _suggest(self, field: str, word: str, maxdist: int) -> list[str]:
        if field not in self._spellers:
            self._spellers[field] = Speller(self._vocabulary.get(field, {}))
        return self._spellers[field].suggest(word, maxdist)

    def _term(self, field: str, value: str, boost: float | None = None) -> tantivy.Query:
        query = tantivy.Query.term_query(self.schema, field, value)
        return tantivy.Query.boost_query(query, boost) if boost is not None else query

    def query(self, text: str, lang: str, filters: dict[str, list[str]], flags: dict[str, bool]) -> tuple[Any, Any]:
        """The tantivy query for the plan of `text`, with filters and flags; (query, plan or None)."""
        plan = plan_query(text, lang, self.matcher, self._known, self._suggest) if text else None
        clauses = []
        if plan is not None:
            ranked = [
                (SHOULD, tantivy.Query.boolean_query([(SHOULD, self._term(f, t, b)) for f, t, b in group]))
                for group in plan.words
            ]
            ranked += [(SHOULD, self._term("concepts", cid, b)) for cid, b in plan.concepts]
            clauses.append((MUST, tantivy.Query.boolean_query(ranked) if ranked else tantivy.Query.empty_query()))
        else:
            clauses.append((MUST, tantivy.Query.all_query()))
        for name, values in filters.items():
            clauses.append((MUST, tantivy.Query.boolean_query([(SHOULD, self._term(name, v)) for v in values])))
        for name, wanted in flags.items():
            clauses.append((MUST if wanted else MUST_NOT, self._term(name, "true")))
        return tantivy.Query.boolean_query(clauses), plan

    def raw_search(self, text: str, lang: str) -> Any:
        """The engine alone (plan and match, no facets or snippets): the floor the API is measured against."""
        return self.searcher.search(self.query(text, lang, {}, {})[0], limit=10)

    def search(
        self, text: str, lang: str, filters: dict[str, list[str]], flags: dict[str, bool], limit: int, offset: int
    ) -> dict[str, Any]:
        query, plan = self.query(text, lang, filters, flags)
        result = self.searcher.search(query, limit=limit, offset=offset, count=True)
        terms = plan.terms(lang) if plan else set()
        items = []
        for score, address in result.hits:
            doc = self.searcher.doc(address)
            payload = json.loads(str(doc.get_first("payload")))
            labels = payload["labels"]
            texts = payload["texts"][lang]
            cut = next((s for s in (snippet(texts[k], terms, lang) for k in ("text", "title")) if s), "")
            items.append(
                {
                    "id": doc.get_first("id"),
                    "labels": labels,
                    "label": labels.get(lang) or labels.get("fi"),
                    "score": round(score or 0.0, 4),
                    "snippet": cut,
                }
            )
        aggregations = self.searcher.aggregate(query, {n: {"terms": {"field": n, "size": 1000}} for n in FACETS})
        counts = {
            n: Counter({b["key"]: b["doc_count"] for b in aggregations.get(n, {}).get("buckets", [])}) for n in FACETS
        }
        return {
            "total": result.count,  # type: ignore[attr-defined]  # SearchResult.count exists at run time; the stubs lack it
            "items": items,
            "facets": self.facet_counts(counts, lang),
            "did_you_mean": did_you_mean(text, plan.corrections) if plan else None,
        }

    def close(self) -> None:
        """Nothing to release: tantivy searchers are reference-counted snapshots."""
