"""The Whoosh search engine behind the SearchIndex interface: build, open, search with facets, suggest."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter

from graph.vocab import LANGS
from search_index.common import IndexBase, write_shared
from search_index.fields import FACETS, FLAGS, TEXT_FIELDS
from search_index.plan import did_you_mean, plan_query
from search_index.whoosh_analyzer import LanguageAnalyzer

ENGINE = "whoosh"
SNIPPET_FIELDS = {lang: (f"{lang}_text", f"{lang}_title") for lang in LANGS}


def schema() -> Schema:
    fields = {"id": ID(stored=True, unique=True), "doc": STORED(), "concepts": KEYWORD(commas=True, scorable=True)}
    for lang in LANGS:
        for name in TEXT_FIELDS:
            fields[f"{lang}_{name}"] = TEXT(analyzer=LanguageAnalyzer(lang), stored=True, phrase=False)
    for name in TEXT_FIELDS:
        fields[f"fi_{name}_parts"] = TEXT(analyzer=LanguageAnalyzer("fi", parts=True), phrase=False)
    for name in FACETS + FLAGS:
        fields[name] = KEYWORD(commas=True, stored=False)
    return Schema(**fields)


def build(
    folder: Path,
    docs: list[dict[str, Any]],
    labels: list[dict[str, str]],
    concept_names: dict[str, dict[str, Any]],
    suggestions: list[dict[str, str]],
) -> dict[str, Any]:
    """Write a fresh index into `folder` (which the caller later swaps into place)."""
    (folder / "whoosh").mkdir(parents=True)
    ix = whoosh_index.create_in(str(folder / "whoosh"), schema())
    writer = ix.writer(limitmb=256)
    for doc in docs:
        fields: dict[str, Any] = {
            "id": doc["id"],
            "doc": {"labels": doc["labels"], "facets": {n: doc["facets"].get(n, []) for n in FACETS}},
        }
        for lang in LANGS:
            for kind in ("title", "text"):
                text = "\n".join(doc["texts"][lang][kind])
                fields[f"{lang}_{kind}"] = text
                if lang == "fi":
                    fields[f"fi_{kind}_parts"] = text
        values = {
            v
            for name in ("target_group", "situation", "work_form", "service_level")
            for v in doc["facets"].get(name, [])
        }
        fields["concepts"] = ",".join(sorted(values))
        for name in FACETS + FLAGS:
            fields[name] = ",".join(doc["facets"].get(name, []))
        writer.add_document(**fields)
    writer.commit(optimize=True)
    write_shared(folder, labels, concept_names, suggestions)
    return {"engine": ENGINE, "documents": len(docs)}


class WhooshIndex(IndexBase):
    """An opened index: the Whoosh searcher, the concept matcher, facet labels and completions."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.ix = whoosh_index.open_dir(str(folder / "whoosh"))
        # a Whoosh searcher is not safe to share between threads: each thread gets its own
        self._local = threading.local()
        self._searchers: list[Any] = []
        self._lock = threading.Lock()
        # facet values per document number, read once: counting them beats Whoosh's per-search facet set-up
        self.doc_facets = {num: stored["doc"]["facets"] for num, stored in self.searcher.iter_docs()}

    @property
    def searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.ix.searcher()
            with self._lock:
                self._searchers.append(searcher)
        return searcher

    def _known(self, term: str) -> bool:
        reader = self.searcher.reader()
        return any((field, term) in reader for lang in LANGS for field in (f"{lang}_title", f"{lang}_text"))

    def _suggest(self, field: str, word: str, maxdist: int) -> list[str]:
        return list(self.searcher.corrector(field).suggest(word, limit=1, maxdist=maxdist))

    def build_query(self, text: str, lang: str) -> tuple[Q.Query, dict[str, str]]:
        """The engine-neutral plan (search_index.plan) as a Whoosh query."""
        plan = plan_query(text, lang, self.matcher, self._known, self._suggest)
        words = [Q.Or([Q.Term(f, t, boost=b) for f, t, b in group]) for group in plan.words]
        concepts = [Q.Term("concepts", cid, boost=b) for cid, b in plan.concepts]
        return (Q.Or(words + concepts, scale=0.9) if not plan.empty else Q.NullQuery), plan.corrections

    def raw_search(self, text: str, lang: str) -> Any:
        """The engine alone (plan and match, no facets or snippets): the floor the API is measured against."""
        return self.searcher.search(self.build_query(text, lang)[0], limit=10)

    def search(
        self, text: str, lang: str, filters: dict[str, list[str]], flags: dict[str, bool], limit: int, offset: int
    ) -> dict[str, Any]:
        query, corrections = self.build_query(text, lang) if text else (Q.Every(), {})
        conditions: list[Q.Query] = [
            Q.Or([Q.Term(name, v) for v in values]) for name, values in filters.items() if values
        ]
        conditions += [
            Q.Term(name, "true") if wanted else Q.Not(Q.Term(name, "true")) for name, wanted in flags.items()
        ]
        filter_query = Q.And(conditions) if conditions else None
        results = self.searcher.search(query, filter=filter_query, limit=offset + limit)
        results.fragmenter = ContextFragmenter(maxchars=200, surround=60)
        results.formatter = HtmlFormatter(tagname="mark", between=" … ")
        items = []
        for hit in results[offset : offset + limit]:
            labels = hit["doc"]["labels"]
            snippet = next((s for s in (hit.highlights(f) for f in SNIPPET_FIELDS[lang]) if s), "")
            items.append(
                {
                    "id": hit["id"],
                    "labels": labels,
                    "label": labels.get(lang) or labels.get("fi"),
                    "score": round(hit.score or 0.0, 4),
                    "snippet": snippet,
                }
            )
        facets = self.facets((self.doc_facets[num] for num in results.docs()), lang)
        return {
            "total": len(results),
            "items": items,
            "facets": facets,
            "did_you_mean": did_you_mean(text, corrections),
        }

    def close(self) -> None:
        with self._lock:
            searchers, self._searchers = self._searchers, []
        for searcher in searchers:
            searcher.close()
