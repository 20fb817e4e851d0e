"""OpenAPI paths of search and suggest."""

from __future__ import annotations

from api.openapi import json_ok, problems, query_param, ref
from graph.vocab import LANGS

_IDS = {"type": "array", "items": {"type": "string", "maxLength": 80}, "maxItems": 20}
_LANG = query_param("lang", {"type": "string", "enum": list(LANGS), "default": "fi"}, "analysis and label language")
PATHS = {
    "/api/v1/search": {
        "get": {
            "summary": "Finnish-aware multilingual search over the services, with filters, facets and did-you-mean",
            "parameters": [
                query_param("q", {"type": "string", "maxLength": 500}, "what the user typed; empty browses everything"),
                _LANG,
                query_param("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}, "page size"),
                query_param(
                    "offset", {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}, "hits to skip"
                ),
                *[
                    query_param(
                        name,
                        _IDS,
                        (
                            "only services in this municipality (Finnish or Swedish name, or three-digit code; repeatable)"
                            if name == "municipality"
                            else f"only services with this {name.replace('_', ' ')} (concept id of its scheme; repeatable)"
                        ),
                        explode=True,
                    )
                    for name in ("target_group", "situation", "work_form", "service_level", "municipality", "language")
                ],
                *[
                    query_param(
                        name,
                        {"type": "boolean"},
                        f"only services that are (true) or are not (false) {name.replace('_', '-')}",
                    )
                    for name in ("free", "anonymous", "self_referral")
                ],
            ],
            "responses": {"200": json_ok(ref("SearchResult")), **problems(400)},
        }
    },
    "/api/v1/suggest": {
        "get": {
            "summary": "Completions of service and concept labels for a search box",
            "parameters": [
                query_param("q", {"type": "string", "maxLength": 500}, "the prefix typed so far"),
                _LANG,
                query_param("limit", {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}, "how many"),
            ],
            "responses": {"200": json_ok(ref("Suggestions")), **problems(400)},
        }
    },
}
SCHEMAS = {
    "SearchResult": {
        "type": "object",
        "required": ["total", "items", "facets", "did_you_mean", "interpreted"],
        "properties": {
            "query": {"type": "string"},
            "lang": {"type": "string"},
            "total": {"type": "integer"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "id",
                        "labels",
                        "label",
                        "score",
                        "snippet",
                        "snippet_lang",
                        "snippet_translated",
                        "concepts",
                    ],
                    "properties": {
                        "id": {"type": "string"},
                        "labels": ref("Labels"),
                        "label": {"type": ["string", "null"]},
                        "score": {"type": "number"},
                        "snippet": {
                            "type": "string",
                            "description": "the best whole sentence(s), query words in <mark>",
                        },
                        "snippet_lang": {"type": ["string", "null"], "description": "the snippet's language"},
                        "snippet_translated": {
                            "type": "boolean",
                            "description": "the snippet is an editors' translation",
                        },
                        "concepts": {
                            "type": "array",
                            "description": "the concepts the query named that the service has",
                            "items": {"type": "object", "required": ["id", "label"]},
                        },
                        "excluded_for": {
                            "type": "array",
                            "description": "situations the query names that the service excludes, with the exclusion's source",
                            "items": {
                                "type": "object",
                                "required": ["situation", "exclusion", "source"],
                                "properties": {"source": ref("Source")},
                            },
                        },
                    },
                },
            },
            "facets": {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "object", "required": ["id", "label", "count"]},
                },
            },
            "did_you_mean": {"type": ["string", "null"]},
            "interpreted": {
                "type": ["object", "null"],
                "description": "how the query was read: attributes (free, anonymous, self_referral, language, "
                "municipality), the concepts it names, words split into two",
            },
        },
    },
    "Suggestions": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "query": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "required": ["text", "kind", "id"]}},
        },
    },
}
