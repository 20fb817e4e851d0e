"""Search documents built from the graph (never from the text files): one per service."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store.knowledge import KnowledgeGraph, labels
from graph.vocab import LANGS
from search_index.fields import FACETS, FLAGS


def service_documents(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Per service: labels, title and text per language, and its filter values."""
    docs: dict[str, dict[str, Any]] = {}
    for row in kg.services:
        docs[row["id"]] = {
            "id": row["id"],
            "labels": labels(row),
            "texts": {lang: {"title": [], "text": []} for lang in LANGS},
            "facets": defaultdict(list),
        }
    for row in kg.select("search-texts"):
        doc = docs.get(row["id"])
        if doc and row.get("lang") in LANGS and row["text"] not in doc["texts"][row["lang"]][row["kind"]]:
            doc["texts"][row["lang"]][row["kind"]].append(row["text"])
    for row in kg.select("search-facets"):
        if row["id"] in docs and row["facet"] in FACETS + FLAGS:
            docs[row["id"]]["facets"][row["facet"]].append(row["value"])
    return list(docs.values())


def concept_labels(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """{id, scheme, label, lang} for every label of the concepts search expands to."""
    return [
        {
            "id": r["id"],
            "scheme": r["schemeId"],
            "label": r["label"],
            "lang": r["lang"],
            "broader": kg.broader_closure(r["id"])[1:],
        }
        for r in kg.select("concept-labels")
    ]


def suggestions(docs: list[dict[str, Any]], concepts: list[dict[str, str]], kg: KnowledgeGraph) -> list[dict[str, str]]:
    """The completions a search box offers: service titles and concept labels in each language."""
    out = [
        {"text": text, "lang": lang, "kind": "service", "id": doc["id"]}
        for doc in docs
        for lang, text in doc["labels"].items()
        if text
    ]
    out += [{"text": c["label"], "lang": c["lang"], "kind": "concept", "id": c["id"]} for c in concepts]
    return out
