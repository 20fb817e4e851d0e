"""The named-query capability: list the library, run one with typed parameters, describe the endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph.store.knowledge import KnowledgeGraph
from graph.store.service_description import describe
from graph.store.sparql import GRAPH_TYPES, serialize

NAMED_QUERY_CAPS = {"max_bytes": 50_000_000, "max_triples": 1_000_000}


def list_queries(kg: KnowledgeGraph) -> dict[str, Any]:
    """Every named query with title, description, form and typed parameters."""
    items = [q.dump() for q in kg.catalog]
    return {"total": len(items), "items": items}


def run_named(kg: KnowledgeGraph, name: str, params: Mapping[str, Any], media_type: str) -> bytes:
    """Run a named query with parameters (checked, bound) and serialise the result in `media_type`."""
    return serialize(kg.run(name, params), media_type, **NAMED_QUERY_CAPS)


def describe_endpoint(kg: KnowledgeGraph, endpoint: str, media_type: str) -> bytes:
    """The SPARQL Service Description of the endpoint in an RDF media type."""
    sizes = {row["graph"]: row["triples"] for row in kg.select_once("graph-sizes")}
    return bytes(ox.serialize(describe(endpoint, sizes), format=GRAPH_TYPES[media_type][1]) or b"")
