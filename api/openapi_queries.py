"""The build-dependent part of the OpenAPI document: one operation per named query, its parameters typed
from the query header, and the concept-id parameters of the other operations as enums.

Generated from the served build, so concept and scheme parameters list the ids the build holds
(generated clients get enums; fuzzers generate values the server accepts). Two string kinds that
JSON Schema cannot spell are named by `format`: `iri` (RFC 3987, as Oxigraph reads it) and
`municipality` (a name in fi/sv/en or a three-digit code).
"""

from __future__ import annotations

import copy
from typing import Any

from api.openapi import RDF_TYPES, SPARQL_RESULTS, body_schema, problems, query_param
from graph.store import KnowledgeGraph
from graph.vocab import LANGS

IRI = r"^(?:https?://|urn:)[^\s<>\"{}|\\^`]+$"
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
NO_NUL = r"^[^\x00]*$"  # the query string may hold anything but NUL (api.guard)
MUNICIPALITY_SCHEMA = {"type": "string", "format": "municipality", "minLength": 1, "maxLength": 64}
IRI_SCHEMA = {"type": "string", "format": "iri", "pattern": "^(?:https?://|urn:)", "maxLength": 500}
FORMAT = query_param(
    "format",
    {"type": "string", "pattern": NO_NUL},
    "a format alias (json, xml, csv, tsv, turtle, jsonld, ntriples, rdfxml, n3…) or a media type; "
    "values that mean nothing for the query are ignored and Accept decides",
)


def param_schema(kind: str, kg: KnowledgeGraph, name: str = "") -> dict[str, Any]:
    """The JSON Schema of a named-query parameter type, as graph.store.binding checks it (a concept parameter
    named after a scheme takes that scheme's concepts)."""
    scheme = name.replace("_", "-")
    concepts = [cid for cid, c in kg.concepts.items() if scheme not in kg.schemes or c["scheme"] == scheme]
    schemas: dict[str, dict[str, Any]] = {
        "service": {"type": "string", "enum": sorted(kg.service_ids)},
        "concept": {"type": "string", "enum": sorted(concepts)},
        "scheme": {"type": "string", "enum": sorted(kg.schemes)},
        "municipality": MUNICIPALITY_SCHEMA,
        "lang": {"type": "string", "enum": list(LANGS)},
        "language": {"type": "string", "enum": list(LANGS)},
        "week": {"type": "integer", "minimum": 1, "maximum": 42},
        "months": {"type": "integer", "minimum": 0, "maximum": 240},
        "boolean": {"type": "boolean"},
        "iri": IRI_SCHEMA,
        "string": {"type": "string", "maxLength": 200, "pattern": NO_CONTROL},
    }
    return schemas[kind]


def _body(media: str) -> dict[str, Any]:
    return {"schema": body_schema(media)}


def query_paths(kg: KnowledgeGraph) -> dict[str, Any]:
    """`/api/v1/queries/<name>` for every named query, with its declared parameters."""
    paths: dict[str, Any] = {}
    for query in kg.catalog:
        params = [
            query_param(
                p.name,
                param_schema(p.type, kg, p.name) | ({"default": p.default} if p.default else {}),
                p.description + (f" (e.g. {p.example})" if p.example else ""),
                required=p.required,
            )
            for p in query.params
        ]
        media = SPARQL_RESULTS if query.form in ("SELECT", "ASK") else RDF_TYPES
        responses: dict[str, Any] = {
            "200": {
                "description": f"{query.form} results, content-negotiated like /sparql",
                "content": {m: _body(m) for m in media},
            },
            **problems(400, 406),
        }
        paths[f"/api/v1/queries/{query.name}"] = {
            "get": {
                "operationId": "query_" + query.name.replace("-", "_"),
                "summary": query.title,
                "description": query.description,
                "tags": ["named queries"],
                "parameters": [*params, FORMAT],
                "responses": responses,
            }
        }
    return paths


def _with_params(operation: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A copy of `operation` whose named parameters get the given schemas."""
    patched = copy.deepcopy(operation)
    for param in patched.get("parameters", []):
        if param["name"] in schemas:
            param["schema"] = schemas[param["name"]]
    return patched


def build_paths(kg: KnowledgeGraph, static: dict[str, Any]) -> dict[str, Any]:
    """The named-query operations and the build's concept ids on the operations that take them."""
    by_scheme: dict[str, list[str]] = {}
    for concept_id, entry in kg.concepts.items():
        by_scheme.setdefault(entry["scheme"], []).append(concept_id)
    situations: dict[str, Any] = {
        "type": "array",
        "items": {"type": "string", "enum": sorted(by_scheme.get("situation", []))},
    }

    def facet(name: str) -> dict[str, Any]:
        scheme = name.replace("_", "-")
        values = by_scheme[scheme] if scheme in by_scheme else list(kg.concepts)
        return {"type": "array", "items": {"type": "string", "enum": sorted(values)}}

    paths = query_paths(kg)
    patches: dict[str, dict[str, dict[str, Any]]] = {
        "/api/v1/concepts": {"get": {"scheme": {"type": "string", "enum": sorted(kg.schemes)}}},
        "/api/v1/eligibility": {
            "get": {"situation": situations | {"maxItems": 20}, "municipality": MUNICIPALITY_SCHEMA}
        },
        "/api/v1/gaps": {"get": {"municipality": MUNICIPALITY_SCHEMA}},
        "/api/v1/search": {
            "get": {
                name: facet(name) for name in ("target_group", "situation", "work_form", "service_level", "language")
            }
            | {"municipality": {"type": "array", "items": MUNICIPALITY_SCHEMA}}
        },
    }
    for path, methods in patches.items():
        if path in static:
            paths[path] = {method: _with_params(op, methods.get(method, {})) for method, op in static[path].items()}
    return paths


def build_schemas(kg: KnowledgeGraph, static: dict[str, Any]) -> dict[str, Any]:
    """The Profile body with the build's situation ids and the municipality format."""
    profile = copy.deepcopy(static["Profile"])
    situations = sorted(cid for cid, entry in kg.concepts.items() if entry["scheme"] == "situation")
    profile["properties"]["situation"] = {
        "type": "array",
        "items": {"type": "string", "enum": situations},
        "maxItems": 20,
    }
    profile["properties"]["municipality"] = MUNICIPALITY_SCHEMA
    return {"Profile": profile}
