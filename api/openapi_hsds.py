"""OpenAPI paths of the HSDS 3.0 routes under /hsds/ (the Page envelope, filters, ndjson)."""

from __future__ import annotations

from typing import Any

from api.openapi import json_ok, path_param, problems, query_param, ref
from api.openapi_queries import NO_NUL

_TEXT = {"type": "string", "maxLength": 200, "pattern": NO_NUL}
PAGE = query_param("page", {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}, "page number, from 1")
PER_PAGE = query_param("per_page", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}, "page size")
LANG = query_param(
    "lang", {"type": "string", "enum": ["fi", "sv", "en"], "default": "fi"}, "text language (profile extension)"
)
FORMAT = query_param(
    "format", {"type": "string", "enum": ["json", "ndjson"], "default": "json"}, "ndjson: every match, unpaged"
)
FILTERS = [
    query_param("search", _TEXT, "words that must all occur in the service's names or descriptions (any language)"),
    query_param("taxonomy_term_id", _TEXT, "only services linked to this taxonomy term (attribute)"),
    query_param("taxonomy_id", _TEXT, "only services linked to a term of this taxonomy"),
    query_param("organization_id", _TEXT, "only services this organization provides"),
    query_param(
        "modified_after",
        {"type": "string", "format": "hsds-datetime", "maxLength": 40},
        "only services whose record was modified on or after this ISO 8601 date or datetime",
    ),
]
_OBJ = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def _page_of(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": item},
        },
    }


SCHEMAS: dict[str, Any] = {
    "HsdsRoot": {
        "type": "object",
        "required": ["version", "profile", "openapi_url"],
        "properties": {"version": {"type": "string"}, "profile": {"type": "string"}, "openapi_url": {"type": "string"}},
    },
    "HsdsResource": _OBJ,
    "HsdsPage": _page_of(ref("HsdsResource")),
}


def _list(summary: str, params: list[dict[str, Any]], ndjson: bool = False) -> dict[str, Any]:
    ok = json_ok(ref("HsdsPage"), "The HSDS Page envelope")
    if ndjson:
        ok["content"]["application/x-ndjson"] = {"schema": {"type": "string"}}
    return {"get": {"summary": summary, "parameters": params, "responses": {"200": ok, **problems(400)}}}


def _one(summary: str, params: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": [path_param("id", "the HSDS id (a UUID)"), *params],
            "responses": {"200": json_ok(ref("HsdsResource")), **problems(400, 404)},
        }
    }


PATHS: dict[str, Any] = {
    "/hsds/": {
        "get": {
            "summary": "HSDS: the version, the perhepolku profile URI and this API's OpenAPI document",
            "responses": {"200": json_ok(ref("HsdsRoot")), **problems(400)},
        }
    },
    "/hsds/services": _list("HSDS services (list form), filtered", [PAGE, PER_PAGE, LANG, FORMAT, *FILTERS], True),
    "/hsds/services/{id}": _one("One fully nested HSDS service", [LANG]),
    "/hsds/organizations": _list("HSDS organizations", [PAGE, PER_PAGE, LANG]),
    "/hsds/organizations/{id}": _one("One HSDS organization", [LANG]),
    "/hsds/service_at_locations": _list("HSDS services at locations", [PAGE, PER_PAGE, LANG, *FILTERS]),
    "/hsds/service_at_locations/{id}": _one("One HSDS service at a location, with its location", [LANG]),
    "/hsds/taxonomies": _list("HSDS taxonomies (the perhepolku concept schemes)", [PAGE, PER_PAGE]),
    "/hsds/taxonomies/{id}": _one("One HSDS taxonomy", []),
    "/hsds/taxonomy_terms": _list(
        "HSDS taxonomy terms (the perhepolku concepts)",
        [PAGE, PER_PAGE, LANG, query_param("taxonomy_id", _TEXT, "only terms of this taxonomy")],
    ),
    "/hsds/taxonomy_terms/{id}": _one("One HSDS taxonomy term", [LANG]),
}
