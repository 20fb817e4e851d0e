"""OpenAPI paths of the SPARQL endpoint and the named-query library."""

from __future__ import annotations

from typing import Any

from api.openapi import PROBLEM, RDF_TYPES, SPARQL_RESULTS, body_schema, json_ok, problems, query_param
from api.openapi_queries import IRI_SCHEMA, NO_NUL

_IRI_LIST = {"type": "array", "items": IRI_SCHEMA}
_FORMAT = query_param(
    "format",
    {"type": "string", "pattern": NO_NUL},
    "a format alias, mapped by the query form: json, xml, csv, tsv, turtle, ttl, n3, jsonld, json-ld, ntriples, "
    "rdfxml, rdf+xml, or a media type (overrides Accept; `output` and `results` are read the same way); "
    "a value that means nothing for the query is ignored and Accept decides",
)
# the query text: SPARQL 1.1 Query grammar, which JSON Schema cannot express; `sparql-query` names it
_QUERY = {"type": "string", "format": "sparql-query", "minLength": 1}


def _body_schema(media: str) -> dict[str, Any]:
    return body_schema(media)


_SPARQL_OK = {
    "description": "Query results, or the Service Description when no query is given",
    "content": {m: {"schema": _body_schema(m)} for m in SPARQL_RESULTS + RDF_TYPES},
}
_SPARQL_ERRORS = {
    **problems(400, 406, 413, 415, 429, 503),
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
                query_param(
                    "query",
                    _QUERY,
                    "the SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE); send long ones by POST (the query "
                    "string is held to 32 KiB)",
                ),
                query_param("default-graph-uri", _IRI_LIST, "default graph(s) of the dataset", explode=True),
                query_param("named-graph-uri", _IRI_LIST, "named graph(s) of the dataset", explode=True),
                _FORMAT,
            ],
            "responses": {"200": _SPARQL_OK, **_SPARQL_ERRORS},
        },
        "post": {
            "summary": "SPARQL 1.1 query by form (query=) or as application/sparql-query",
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["query"],
                            "properties": {
                                "query": _QUERY,
                                "default-graph-uri": _IRI_LIST,
                                "named-graph-uri": _IRI_LIST,
                            },
                        }
                    },
                    "application/sparql-query": {"schema": _QUERY},
                },
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
                        "parameters": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["name", "type", "required", "description"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "type": {"type": "string"},
                                    "required": {"type": "boolean"},
                                    "description": {"type": "string"},
                                    "default": {"type": ["string", "null"]},
                                    "example": {"type": ["string", "null"]},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}
