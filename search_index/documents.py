"""Search documents built from the graph (never from the text files): one per service.

A document holds, per language, its texts by kind (title, text, quote, name, label, condition),
the neighbours whose titles its own sentences mention, its exclusions with their sources, the
sentences a snippet may show, its facet values and its concepts (direct, main or inferred).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store.knowledge import KnowledgeGraph, labels
from graph.store.municipalities import official
from graph.vocab import LANGS
from search_index.fields import CONCEPT_SOURCES, FACETS, FLAGS, TEXT_FIELDS

# quotes naming another service (its parts, the whole it belongs to) say nothing about this one
_NAME_PROPERTIES = ("http://purl.org/dc/terms/hasPart", "https://w3id.org/perhepolku/ontology#partOf")


def _empty(service_id: str, names: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": service_id,
        "labels": names,
        "texts": {lang: {kind: [] for kind in TEXT_FIELDS} for lang in LANGS},
        "sentences": [],
        "neighbours": [],
        "links": [],  # [to, kind] of its pathway links out
        "exclusions": [],
        "facets": defaultdict(list),
        "direct": [],
    }


def _add(doc: dict[str, Any], lang: str, kind: str, text: str) -> None:
    if text not in doc["texts"][lang][kind]:
        doc["texts"][lang][kind].append(text)


def _sentence(doc: dict[str, Any], text: str, lang: str, kind: str, document: str | None = None) -> None:
    if not any(s["text"] == text and s["lang"] == lang for s in doc["sentences"]):
        doc["sentences"].append(
            {"text": text, "lang": lang, "kind": kind, "translated": lang != "fi", "document": document}
        )


def _sentence_like(quote: str) -> bool:
    """A quote worth indexing as text: words, not a bare name or a diagram edge of the design card."""
    return len(quote.split()) > 2 and "→" not in quote


def service_documents(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Per service: labels, texts per language and kind, sentences, exclusions and filter values."""
    docs = {row["id"]: _empty(row["id"], labels(row)) for row in kg.services}
    for row in kg.select("search-texts"):
        doc = docs.get(row["id"])
        if doc and row.get("lang") in LANGS:
            _add(doc, row["lang"], row["kind"], row["text"])
            if row["kind"] == "text":
                _sentence(doc, row["text"], row["lang"], "description")
    _quotes(kg, docs)
    _pathways(kg, docs)
    for row in kg.select("search-facets"):
        if row["id"] in docs and row["facet"] in (*FACETS, *FLAGS, "service_class", "basic_level"):
            docs[row["id"]]["facets"][row["facet"]].append(row["value"])
    for doc in docs.values():
        values = {v for name in CONCEPT_SOURCES for v in doc["facets"].get(name, [])}
        above = {b for v in values for b in kg.broader_closure(v)[1:]}
        doc["direct"] = sorted(values - above)
    return list(docs.values())


def _source_titles(kg: KnowledgeGraph) -> dict[str, dict[str, str | None]]:
    """{source, title} of each source file: the id and the title in the document's own language."""
    out: dict[str, dict[str, str | None]] = {}
    for row in kg.select_once("sources"):
        entry = out.setdefault(row["file"], {"source": row["id"], "title": row.get("title")})
        if row.get("titleLang") and row.get("titleLang") == row.get("language"):
            entry["title"] = row["title"]
    return out


def _quotes(kg: KnowledgeGraph, docs: dict[str, dict[str, Any]]) -> None:
    """Fact quotes as text, requirement quotes as conditions, exclusions kept apart (never indexed)."""
    rows = kg.select("search-quotes")
    excluded = {(r["id"], r["quote"]) for r in rows if r["kind"] == "exclusion"}
    titled = _source_titles(kg)
    for row in rows:
        doc = docs.get(row["id"])
        if doc is None:
            continue
        quote = row["quote"]
        if row["kind"] == "exclusion":
            doc["exclusions"].append(
                {
                    "situation": row["situation"],
                    "exclusion": row["requirement"],
                    **titled.get(row["document"], {"source": None, "title": None}),
                    "document": row["document"],
                    "quote": quote,
                }
            )
        elif (row["id"], quote) in excluded:
            continue
        elif row["kind"] == "requirement":
            _add(doc, "fi", "condition", quote)
        elif row.get("supports") not in _NAME_PROPERTIES and _sentence_like(quote):
            _add(doc, "fi", "quote", quote)
            _sentence(doc, quote, "fi", "quote", row["document"])


def _pathways(kg: KnowledgeGraph, docs: dict[str, dict[str, Any]]) -> None:
    """A pathway sentence belongs to the service it points at; its source service only names it."""
    for row in kg.select("pathway-edges"):
        source, target = docs.get(row["from"]), docs.get(row["to"])
        if source is None or target is None:
            continue
        for doc, peer in ((source, target), (target, source)):
            if peer["id"] not in doc["neighbours"]:
                doc["neighbours"].append(peer["id"])
        if [row["to"], row["kind"]] not in source["links"]:
            source["links"].append([row["to"], row["kind"]])
        if row.get("quote") and _sentence_like(row["quote"]):
            _add(target, "fi", "quote", row["quote"])
            _sentence(target, row["quote"], "fi", "pathway", row.get("document"))
    titled: dict[str, dict[str, Any]] = {}  # Finnish title -> the first service with it (a scan per name was n²)
    for doc in docs.values():
        if doc["labels"].get("fi") is not None:
            titled.setdefault(doc["labels"]["fi"], doc)
    for doc in docs.values():
        for part in doc["texts"]["fi"]["name"]:
            other = titled.get(part)
            if other is not None and other["id"] not in doc["neighbours"]:
                doc["neighbours"].append(other["id"])


def concept_labels(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """{id, scheme, label, lang, kind, notation, broader} for every label search understands."""
    out: list[dict[str, Any]] = [
        {
            "id": r["id"],
            "scheme": r["schemeId"],
            "label": r["label"],
            "lang": r["lang"],
            "kind": r.get("labelKind", "pref"),
            "notation": r.get("notation"),
            "broader": kg.broader_closure(r["id"])[1:],
        }
        for r in kg.select("concept-labels")
    ]
    known = {row["code"]: row for row in kg.select("municipalities")}
    # every official municipality is a place a query may name, also one where the graph has no service
    # (Tampere): its name then is no content word, and services known to be elsewhere sink
    for code, names in official().names.items():
        known.setdefault(code, {"code": code, "fi": names.get("fi"), "sv": names.get("sv"), "en": names.get("fi")})
    for row in known.values():
        for lang in LANGS:
            if row.get(lang):
                out.append(
                    {
                        "id": f"municipality:{row['code']}",
                        "scheme": "municipality",
                        "label": row[lang],
                        "lang": lang,
                        "kind": "pref",
                        "notation": row["code"],
                        "broader": [],
                    }
                )
    return out


def suggestions(docs: list[dict[str, Any]], concepts: list[dict[str, Any]], kg: KnowledgeGraph) -> list[dict[str, str]]:
    """The completions a search box offers: service titles and concept labels (not hidden ones) in each language."""
    out = [
        {"text": text, "lang": lang, "kind": "service", "id": doc["id"]}
        for doc in docs
        for lang, text in doc["labels"].items()
        if text
    ]
    out += [
        {"text": c["label"], "lang": c["lang"], "kind": "concept", "id": c["id"]}
        for c in concepts
        if c.get("kind") != "hidden" and c["scheme"] in ("situation", "work-form", "target-group", "service-level")
    ]
    return out
