"""OpenAPI paths and schemas of the source-document records."""

from __future__ import annotations

from typing import Any

from api.openapi import json_ok, path_param, problems, query_param, ref

NULLABLE = {"type": ["string", "null"]}
SOURCE_RECORD = {
    "type": "object",
    "required": ["id", "iri", "file", "title", "titles", "language", "kind", "status", "citations"],
    "properties": {
        "id": {"type": "string", "description": "source id, as in every citation's `source`"},
        "iri": {"type": "string"},
        "file": {"type": "string", "description": "file name in graph/data/sources/ (a citation's `document`)"},
        "title": {**NULLABLE, "description": "the title in the document's own language"},
        "titles": {"type": "object", "additionalProperties": {"type": "string"}, "description": "titles by language"},
        "language": {**NULLABLE, "description": "the document's language (fi, sv, en)"},
        "kind": {**NULLABLE, "enum": ["web-page", "brochure", "letter", "design-card", "catalogue-record", None]},
        "status": {**NULLABLE, "enum": ["undated", "current", "historical", "design-assumption", None]},
        "date": {**NULLABLE, "description": "the date the editors read from the text (xsd:gYear), null: unknown"},
        "reading": {**NULLABLE, "description": "the evidence in the text for kind, date and status"},
        "description": {
            "type": ["object", "null"],
            "required": ["text", "lang", "by"],
            "properties": {"text": {"type": "string"}, "lang": {"type": "string"}, "by": {"type": "string"}},
        },
        "citations": {"type": "integer", "description": "how many quoted derivations cite this document"},
    },
}
SCHEMAS: dict[str, Any] = {
    "SourceRecord": SOURCE_RECORD,
    "SourceList": {
        "type": "object",
        "required": ["total", "items"],
        "properties": {"total": {"type": "integer"}, "items": {"type": "array", "items": ref("SourceRecord")}},
    },
    "SourceDocument": {
        "allOf": [
            ref("SourceRecord"),
            {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {**NULLABLE, "description": "the document's full text; null when the build lacks it"},
                    "quote": {"type": "string", "description": "the quote asked for"},
                    "highlights": {
                        "type": "array",
                        "description": "where the quote occurs in `text`, as character offsets",
                        "items": {
                            "type": "object",
                            "required": ["start", "end"],
                            "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}},
                        },
                    },
                },
            },
        ]
    },
}
PATHS: dict[str, Any] = {
    "/api/v1/sources": {
        "get": {
            "summary": "Every source document the graph's statements cite, with title, kind, date and status",
            "responses": {"200": json_ok(ref("SourceList")), **problems(400)},
        }
    },
    "/api/v1/sources/{id}": {
        "get": {
            "summary": "One source document with its full text, and where a quote occurs in it",
            "parameters": [
                path_param("id", "source id, e.g. 000_c68bb571f4d5db5f"),
                query_param("quote", {"type": "string", "maxLength": 2000}, "a quote to locate in the text"),
            ],
            "responses": {"200": json_ok(ref("SourceDocument")), **problems(400, 404)},
        }
    },
}
