"""One opened build: the Oxigraph store (embedded or remote), the named-query catalogue and its binding,
precomputed rows, the client-SPARQL sandbox, the SPARQL media types and the service description."""

from graph.store.dataset import DUMP_PATH, dump_file
from graph.store.endpoint import (
    EXPORTS,
    dataset_description,
    describe_endpoint,
    describe_resource,
    export_profile,
    list_queries,
    run_named,
    stored_chunks,
)
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
    "DUMP_PATH",
    "EXPORTS",
    "FORMAT_PARAM",
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "GraphStore",
    "KnowledgeGraph",
    "SparqlSandbox",
    "dataset_description",
    "describe_endpoint",
    "describe_resource",
    "dump_file",
    "export_profile",
    "inspect",
    "kind_of",
    "labels",
    "list_queries",
    "media_types",
    "run_named",
    "serialize",
    "stored_chunks",
]
