"""Source documents as records: title, kind, date and status, language, text, and citations that name them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.errors import InvalidParameter, NotFound
from graph.store.graphstore import SOURCES_COPY
from graph.store.knowledge import KnowledgeGraph

MAX_QUOTE = 2000  # characters of a quote to locate; longer is a 400
FIELDS = ("file", "language", "kind", "status", "date", "reading", "citations")


def _records(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One record per source of sources.rq rows (a row per title language), by id."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        record = out.setdefault(
            row["id"],
            {
                "id": row["id"],
                "iri": row["source"],
                "title": None,
                "titles": {},
                "description": None,
                **{name: row.get(name) for name in FIELDS},
            },
        )
        if row.get("title"):
            record["titles"][row.get("titleLang") or "und"] = row["title"]
            if record["title"] is None or row.get("titleLang") == record["language"]:
                record["title"] = row["title"]
        if row.get("description"):
            record["description"] = {"text": row["description"], "lang": "en", "by": "perhepolku editors"}
    return out


def records(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Every source record of this build, by id (grouped once per build)."""
    found: dict[str, dict[str, Any]] = kg.memo("source-records", lambda: _records(kg.select_once("sources")))
    return found


def list_sources(kg: KnowledgeGraph) -> dict[str, Any]:
    """Every source document, without its text, ordered by id."""
    items = list(records(kg).values())
    return {"total": len(items), "items": items}


def _text(kg: KnowledgeGraph, file: str) -> str | None:
    if kg.build_dir is None:
        return None
    path = kg.build_dir / SOURCES_COPY / file
    return path.read_text(encoding="utf-8") if path.is_file() else None


def highlights(text: str, quote: str) -> list[dict[str, int]]:
    """Every place `quote` occurs verbatim in `text`, as {start, end} character offsets."""
    spans: list[dict[str, int]] = []
    start = text.find(quote) if quote else -1
    while start >= 0:
        spans.append({"start": start, "end": start + len(quote)})
        start = text.find(quote, start + 1)
    return spans


def get_source(kg: KnowledgeGraph, source_id: str, quote: str | None = None) -> dict[str, Any]:
    """One source document with its text (unknown: null) and, for a `quote`, where it occurs; NotFound otherwise."""
    if quote is not None and len(quote) > MAX_QUOTE:
        raise InvalidParameter(f"quote is {len(quote)} characters long; at most {MAX_QUOTE}", field="quote")
    record = records(kg).get(source_id)
    if record is None:
        raise NotFound(f"no source document {source_id!r}; GET /api/v1/sources lists them", field="id")
    text = kg.memo(f"source-text:{source_id}", lambda: _text(kg, record["file"]))
    out = {**record, "text": text}
    if quote is not None:
        out["quote"] = quote
        out["highlights"] = highlights(text or "", quote)
    return out


def _by_file(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = kg.memo("source-by-file", lambda: {r["file"]: r for r in records(kg).values()})
    return found


def citations(kg: KnowledgeGraph, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct {source, title, document, quote} citations of query rows (columns document, quote), in first-seen order."""
    by_file = _by_file(kg)
    seen: dict[tuple[str, str], None] = {}
    for row in rows:
        if row.get("document") and row.get("quote"):
            seen.setdefault((row["document"], row["quote"]), None)
    out = []
    for document, quote in seen:
        record = by_file.get(document, {})
        out.append({"source": record.get("id"), "title": record.get("title"), "document": document, "quote": quote})
    return out
