"""One opened build: the Oxigraph store (embedded or remote), the named-query catalogue and its binding,
precomputed rows, the client-SPARQL sandbox, the SPARQL media types and the service description."""

from graph.store.endpoint import describe_endpoint, list_queries, run_named
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph, labels
from graph.store.sandbox import SparqlSandbox
from graph.store.sparql import (
    ALIASES,
    FORMAT_PARAM,
    GRAPH_TYPES,
    RESULT_TYPES,
    inspect,
    kind_of,
    media_types,
    serialize,
)

__all__ = [
    "ALIASES",
    "FORMAT_PARAM",
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "GraphStore",
    "KnowledgeGraph",
    "SparqlSandbox",
    "describe_endpoint",
    "inspect",
    "kind_of",
    "labels",
    "list_queries",
    "media_types",
    "run_named",
    "serialize",
]
