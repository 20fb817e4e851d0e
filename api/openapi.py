"""The OpenAPI 3.1 document served at /openapi.json: every endpoint, its parameters and responses."""

from __future__ import annotations

from typing import Any

from graph.store import GRAPH_TYPES, RESULT_TYPES
from graph.vocab import LANGS

JSON = "application/json"
PROBLEM = "application/problem+json"
# the media types the SPARQL endpoint serves, from the one table in graph.store.sparql
SPARQL_RESULTS = list(RESULT_TYPES)
RDF_TYPES = list(GRAPH_TYPES)
GRAPH_TYPES_LIST = SPARQL_RESULTS + RDF_TYPES


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body_schema(media: str) -> dict[str, Any]:
    """The schema of a SPARQL or RDF answer: SPARQL JSON results, JSON-LD (a list of node objects) or text."""
    if media == "application/sparql-results+json":
        return ref("SparqlResults")
    if media == "application/ld+json":
        return ref("JsonLd")
    return {"type": "string"}


def query_param(
    name: str, schema: dict[str, Any], description: str, *, required: bool = False, explode: bool | None = None
) -> dict[str, Any]:
    param = {"name": name, "in": "query", "required": required, "description": description, "schema": schema}
    if explode is not None:
        param.update(style="form", explode=explode)
    return param


def path_param(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "maxLength": 200},
    }


def json_ok(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def problems(*codes: int) -> dict[str, Any]:
    texts = {
        400: "Invalid parameter",
        404: "Not found",
        406: "Not acceptable",
        413: "Body too large",
        415: "Unsupported media type",
        429: "Query-time budget spent (see Retry-After)",
        503: "Query limit reached",
    }
    return {str(c): {"description": texts[c], "content": {PROBLEM: {"schema": ref("Problem")}}} for c in codes}


LABELS = {
    "type": "object",
    "properties": {lang: {"type": ["string", "null"]} for lang in LANGS},
    "required": list(LANGS),
}
SOURCE = {
    "type": "object",
    "description": "A citation: the source document (its id, title, file, kind, status and date) and the verbatim quote",
    "properties": {
        "source": {"type": ["string", "null"], "description": "source id, see /api/v1/sources/{id}"},
        "title": {"type": ["string", "null"], "description": "the source document's title"},
        "document": {"type": "string", "description": "the source's file name"},
        "quote": {"type": "string", "description": "a passage that appears verbatim in the document"},
        "kind": {"type": ["string", "null"], "description": "web-page, brochure, letter, design-card"},
        "status": {
            "type": ["string", "null"],
            "description": "undated, historical (describes services as they were: source 004, 2008), design-assumption",
        },
        "date": {"type": ["string", "null"], "description": "the source's date where it has one (2008)"},
    },
    "required": ["source", "title", "document", "quote"],
}
SOURCES = {"type": "array", "items": ref("Source")}
LIMIT = query_param("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}, "page size")
OFFSET = query_param("offset", {"type": "integer", "minimum": 0, "maximum": 1000000, "default": 0}, "items to skip")

SCHEMAS: dict[str, Any] = {
    "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "field": {"type": "string"},
        },
    },
    "Labels": LABELS,
    "SparqlResults": {
        "type": "object",
        "description": "SPARQL 1.1 Query Results JSON: `results.bindings` for SELECT, `boolean` for ASK",
        "required": ["head"],
        "properties": {
            "head": {
                "type": "object",
                "properties": {"vars": {"type": "array", "items": {"type": "string"}}},
            },
            "results": {
                "type": "object",
                "required": ["bindings"],
                "properties": {
                    "bindings": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": {
                                "type": "object",
                                "required": ["type", "value"],
                                "properties": {
                                    "type": {"type": "string"},
                                    "value": {"type": "string"},
                                    "xml:lang": {"type": "string"},
                                    "datatype": {"type": "string"},
                                },
                            },
                        },
                    }
                },
            },
            "boolean": {"type": "boolean"},
        },
    },
    "JsonLd": {"type": "array", "description": "JSON-LD in expanded form", "items": {"type": "object"}},
    "Source": SOURCE,
    "ServiceSummary": {
        "type": "object",
        "required": ["id", "iri", "labels"],
        "properties": {"id": {"type": "string"}, "iri": {"type": "string"}, "labels": ref("Labels")},
    },
    "ServiceList": {
        "type": "object",
        "required": ["total", "items"],
        "properties": {
            "total": {"type": "integer"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "items": {"type": "array", "items": ref("ServiceSummary")},
        },
    },
    "Part": {
        "type": "object",
        "required": ["known", "items", "sources"],
        "properties": {
            "known": {"type": "boolean"},
            "items": {"type": "array", "items": {"type": "object"}},
            "sources": SOURCES,
        },
    },
    "Service": {
        "type": "object",
        "required": ["id", "iri", "labels", "descriptions", "channels", "eligibility", "exclusions", "links"],
        "properties": {
            "id": {"type": "string"},
            "iri": {"type": "string"},
            "labels": ref("Labels"),
            "descriptions": ref("Labels"),
            "translated": {"type": "array", "items": {"type": "string"}},
            "provider": ref("Part"),
            "places": ref("Part"),
            "area": ref("Part"),
            "languages": ref("Part"),
            "cost": ref("Part"),
            "anonymous": ref("Part"),
            "target_groups": ref("Part"),
            "work_forms": ref("Part"),
            "situations": ref("Part"),
            "access_routes": ref("Part"),
            "channels": {"type": "array", "items": {"type": "object"}},
            "eligibility": {"type": "array", "items": {"type": "object"}},
            "exclusions": {"type": "array", "items": {"type": "object"}},
            "links": {"type": "object"},
            "historical_only": {
                "type": "boolean",
                "description": "every source describing the service is historical: it may have changed or ended since",
            },
            "historical_sources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"document": {"type": "string"}, "date": {"type": ["string", "null"]}},
                },
            },
        },
    },
    "ConceptList": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "total": {"type": "integer"},
            "schemes": {"type": "array", "items": {"type": "string"}},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "scheme", "labels"],
                    "properties": {"id": {"type": "string"}, "scheme": {"type": "string"}, "labels": ref("Labels")},
                },
            },
        },
    },
    "Health": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
}

PATHS: dict[str, Any] = {
    "/health": {
        "get": {
            "summary": "Liveness and the versions of the loaded graph and index",
            "responses": {"200": json_ok(ref("Health")), **problems(400)},
        }
    },
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": json_ok({"type": "object"})}}},
    "/api/v1/services": {
        "get": {
            "summary": "Service summaries, ordered by id",
            "parameters": [LIMIT, OFFSET],
            "responses": {"200": json_ok(ref("ServiceList")), **problems(400)},
        }
    },
    "/api/v1/services/{id}": {
        "get": {
            "summary": "Everything the graph says about one service, each part with its sources",
            "parameters": [path_param("id", "service id, e.g. terapeuttinen-vauvaperhetyo")],
            "responses": {"200": json_ok(ref("Service")), **problems(400, 404)},
        }
    },
    "/api/v1/concepts": {
        "get": {
            "summary": "Concepts of the SKOS schemes with fi/sv/en labels",
            "parameters": [
                query_param("scheme", {"type": "string", "maxLength": 40}, "only this scheme, e.g. situation")
            ],
            "responses": {"200": json_ok(ref("ConceptList")), **problems(400)},
        }
    },
}


def register(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> None:
    """Views of later capabilities add their paths and schemas here at import time."""
    PATHS.update(paths)
    SCHEMAS.update(schemas or {})


def spec(dynamic: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    """The document; `dynamic` and `schemas` replace paths and schemas with ones computed from the served build."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "perhepolku",
            "version": "0.1.0",
            "description": "Knowledge-graph navigation and search of Finnish family services. "
            "Every fact carries its source document and a verbatim quote.",
        },
        "paths": {**PATHS, **(dynamic or {})},
        "components": {"schemas": {**SCHEMAS, **(schemas or {})}},
    }
