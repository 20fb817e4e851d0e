"""OpenAPI paths of the SPARQL endpoint and the named-query library."""

from __future__ import annotations

from typing import Any

from api.openapi import GRAPH_TYPES_LIST, PROBLEM, RDF_TYPES, SPARQL_RESULTS, json_ok, path_param, problems, query_param

_IRI_LIST = {"type": "array", "items": {"type": "string", "format": "uri", "maxLength": 500}}
_FORMAT = query_param(
    "format",
    {"type": "string", "enum": ["json", "xml", "csv", "tsv", "turtle", "jsonld", "ntriples", "rdfxml"]},
    "media type for browsers (overrides Accept)",
)


def _body_schema(media: str) -> dict[str, Any]:
    """JSON media types carry a document, the others text."""
    return {"type": ["object", "array"]} if media.endswith("json") else {"type": "string"}


_SPARQL_OK = {
    "description": "Query results, or the Service Description when no query is given",
    "content": {m: {"schema": _body_schema(m)} for m in SPARQL_RESULTS + RDF_TYPES},
}
_SPARQL_ERRORS = {
    **problems(400, 406, 413, 415, 503),
    "403": {
        "description": "Update or SERVICE refused",
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
}

PATHS = {
    "/sparql": {
        "get": {
            "summary": "SPARQL 1.1 query (read-only); without `query`, the Service Description",
            "parameters": [
                query_param("query", {"type": "string", "maxLength": 20000}, "the SPARQL query"),
                query_param("default-graph-uri", _IRI_LIST, "default graph(s) of the dataset", explode=True),
                query_param("named-graph-uri", _IRI_LIST, "named graph(s) of the dataset", explode=True),
                _FORMAT,
            ],
            "responses": {"200": _SPARQL_OK, **_SPARQL_ERRORS},
        },
        "post": {
            "summary": "SPARQL 1.1 query by form (query=) or as application/sparql-query",
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["query"],
                            "properties": {
                                "query": {"type": "string", "maxLength": 20000},
                                "default-graph-uri": _IRI_LIST,
                                "named-graph-uri": _IRI_LIST,
                            },
                        }
                    },
                    "application/sparql-query": {"schema": {"type": "string", "maxLength": 20000}},
                }
            },
            "responses": {"200": _SPARQL_OK, **_SPARQL_ERRORS},
        },
    },
    "/api/v1/queries": {
        "get": {
            "summary": "The named-query library: titles, descriptions, typed parameters",
            "responses": {"200": json_ok({"$ref": "#/components/schemas/QueryList"}), **problems(400)},
        }
    },
    "/api/v1/queries/{name}": {
        "get": {
            "summary": "Run a named query; its parameters go in the query string (see /api/v1/queries)",
            "parameters": [path_param("name", "query name, e.g. pathway-downstream"), _FORMAT],
            "responses": {
                "200": {
                    "description": "Results, content-negotiated like /sparql",
                    "content": {m: {"schema": _body_schema(m)} for m in GRAPH_TYPES_LIST},
                },
                **problems(400, 404, 406),
            },
        }
    },
}
SCHEMAS = {
    "QueryList": {
        "type": "object",
        "required": ["total", "items"],
        "properties": {
            "total": {"type": "integer"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "title", "description", "parameters"],
                    "properties": {
                        "name": {"type": "string"},
                        "title": {"type": "string"},
                        "description": {"type": "string"},
                        "form": {"type": "string"},
                        "parameters": {"type": "array", "items": {"type": "object"}},
                    },
                },
            },
        },
    },
}
