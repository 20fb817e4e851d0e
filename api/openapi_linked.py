"""OpenAPI paths of the Linked Data routes: resource descriptions, the VoID/DCAT description, the CPSV-AP export, the dump."""

from __future__ import annotations

from typing import Any

from api.openapi import RDF_TYPES, body_schema, path_param, problems, query_param
from api.openapi_queries import NO_NUL

_FORMAT = query_param(
    "format",
    {"type": "string", "pattern": NO_NUL},
    "an RDF format alias (turtle, ttl, n3, jsonld, json-ld, json, ntriples, rdfxml, xml) or a media type; "
    "values that name no RDF format are ignored and Accept decides",
)
_RDF = {m: {"schema": body_schema(m)} for m in RDF_TYPES}
_DATASET = {
    "summary": "VoID and DCAT description of the dataset: build version, licence, sources, graphs, dump, endpoint",
    "parameters": [_FORMAT],
    "responses": {"200": {"description": "RDF, content-negotiated", "content": _RDF}, **problems(400, 406)},
}

PATHS: dict[str, Any] = {
    "/id/{kind}/{local}": {
        "get": {
            "summary": "A minted IRI (https://w3id.org/perhepolku/id/{kind}/{local}) described in RDF",
            "description": "Turtle, JSON-LD, N-Triples or RDF/XML by Accept or `format`; a browser asking "
            "for HTML is sent (303) to the web page of the resource where one exists.",
            "parameters": [
                path_param("kind", "resource kind: service, concept, scheme, channel, requirement, link, …"),
                path_param("local", "the local name, e.g. baby-blues"),
                _FORMAT,
            ],
            "responses": {
                "200": {"description": "The resource's description", "content": _RDF},
                "303": {"description": "The resource's web page (for a client that prefers HTML)"},
                **problems(400, 404, 406),
            },
        }
    },
    "/.well-known/void": {"get": _DATASET},
    "/api/v1/dataset": {"get": _DATASET},
    "/api/v1/export/cpsv-ap": {
        "get": {
            "summary": "The public services as CPSV-AP 3.2 with CCCEV 2 criteria: only the profile's terms plus the mapped extensions",
            "description": "Turtle by default, JSON-LD (or N-Triples, RDF/XML) by Accept or `format`. Every resource is "
            "typed with the profile's classes, so the official CPSV-AP 3.2.0 shapes check the export on its own; its only "
            "violations are the explained ones listed in docs/conformance.md.",
            "parameters": [_FORMAT],
            "responses": {
                "200": {"description": "The export, content-negotiated", "content": _RDF},
                **problems(400, 406),
            },
        }
    },
    "/dumps/perhepolku.nq.gz": {
        "get": {
            "summary": "The whole graph of the served build as gzip-compressed N-Quads",
            "responses": {
                "200": {
                    "description": "graph.nq of the build, gzip-compressed",
                    "content": {"application/gzip": {"schema": {"type": "string", "format": "binary"}}},
                },
                **problems(400),
            },
        }
    },
}
