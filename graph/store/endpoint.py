"""The named-query capability (list the library, run one with typed parameters), the endpoint's Service
Description, and the Linked Data answers: one resource's description, the dataset's VoID/DCAT, the profile exports."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import NotFound
from graph.store.dataset import describe_dataset, dump_file
from graph.store.knowledge import KnowledgeGraph
from graph.store.service_description import describe
from graph.store.sparql import GRAPH_TYPES, kind_of, serialize

NAMED_QUERY_CAPS = {"max_bytes": 50_000_000, "max_triples": 1_000_000}
EXPORTS = {"cpsv-ap": "export-cpsv-ap"}  # profile -> the named query that answers its export
EXPORT_CAPS = {"max_bytes": 1 << 30, "max_triples": 20_000_000}
STORED_MEDIA = "application/sparql-results+json"  # the stored answers' format, sent as stored
CONVERTED_FROM = "application/n-triples"  # a stored graph not stored in a media type is converted from this
Body = tuple[int, Iterator[bytes]]  # an answer's length in bytes and its bytes in pieces


def list_queries(kg: KnowledgeGraph) -> dict[str, Any]:
    """Every named query with title, description, form and typed parameters."""
    items = [q.dump() for q in kg.catalog]
    return {"total": len(items), "items": items}


def run_named(kg: KnowledgeGraph, name: str, params: Mapping[str, Any], media_type: str) -> bytes:
    """Run a named query with parameters (checked, bound) and serialise the result in `media_type`; a call
    the build answered already (graph.build.precompute) is sent from its stored result."""
    bound = kg.bind(name, params)
    graph = stored_graph(kg, name, media_type, NAMED_QUERY_CAPS) if not bound else None
    if graph is not None:
        return b"".join(graph[1])
    stored = kg.stored_answer(name, bound)
    if stored is not None:
        if media_type == STORED_MEDIA and len(stored) <= NAMED_QUERY_CAPS["max_bytes"]:
            return stored
        parsed = ox.parse_query_results(stored, format=ox.QueryResultsFormat.JSON)
        return serialize(parsed, media_type, **NAMED_QUERY_CAPS)
    return serialize(kg.run(name, params), media_type, **NAMED_QUERY_CAPS)


def stored_chunks(kg: KnowledgeGraph, name: str, params: Mapping[str, Any], media_type: str) -> Body | None:
    """A call the build answered, in the stored format: its length and bytes in pieces, sent from the mapped
    file as they are (no copy, no conversion, whatever the size: the answer exists already, so the cap
    that keeps a live query from building a huge answer does not apply); a graph query's in any RDF
    format (stored_graph). None otherwise."""
    bound = kg.bind(name, params)
    if kind_of(kg.named(name).form) == "graph":
        return None if bound else stored_graph(kg, name, media_type, NAMED_QUERY_CAPS)
    if media_type != STORED_MEDIA:
        return None
    return kg.stored_chunks(name, bound)


def stored_graph(kg: KnowledgeGraph, name: str, media_type: str, caps: Mapping[str, int]) -> Body | None:
    """A parameterless graph query's answer as the build stored it (graph.build.precompute): in
    `media_type` as stored, whatever its size, else converted from its stored N-Triples within `caps` (a
    large answer is stored in N-Triples and Turtle only, like a live answer it is refused past the caps);
    None if the build stored none."""
    if media_type not in GRAPH_TYPES:
        return None
    stored = kg.stored_graph(name, media_type)
    if stored is not None:
        return stored
    ntriples = kg.stored_graph_bytes(name, CONVERTED_FROM)
    if ntriples is None:
        return None
    triples = (quad.triple for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    body = serialize(triples, media_type, max_bytes=caps["max_bytes"], max_triples=caps["max_triples"])
    return len(body), iter((body,))


def describe_endpoint(kg: KnowledgeGraph, endpoint: str, media_type: str) -> bytes:
    """The SPARQL Service Description of the endpoint in an RDF media type."""
    sizes = {row["graph"]: row["triples"] for row in kg.select_once("graph-sizes")}
    return bytes(ox.serialize(describe(endpoint, sizes), format=GRAPH_TYPES[media_type][1]) or b"")


def describe_resource(kg: KnowledgeGraph, iri: str, media_type: str) -> bytes:
    """The description of one minted resource (the `resource` named query) in an RDF media type; NotFound
    if the graph says nothing about it."""
    triples = list(kg.run("resource", {"resource": iri}))
    if not triples:
        raise NotFound(f"the graph says nothing about <{iri[:200]}>", field="id")
    return serialize(triples, media_type, **NAMED_QUERY_CAPS)


def export_profile(kg: KnowledgeGraph, profile: str, media_type: str) -> Body:
    """The public services in an application profile's terms only (CPSV-AP 3.2 with CCCEV 2), in an RDF
    media type, as its length and pieces: what GET /api/v1/export/cpsv-ap and `perhepolku export cpsv-ap`
    answer. The build's stored answer where it has one, else the live query."""
    if profile not in EXPORTS:
        raise NotFound(f"no export for the profile {profile[:40]!r}; known: {', '.join(EXPORTS)}", field="profile")
    stored = stored_graph(kg, EXPORTS[profile], media_type, EXPORT_CAPS)
    if stored is not None:
        return stored
    body = serialize(kg.run(EXPORTS[profile]), media_type, **EXPORT_CAPS)
    return len(body), iter((body,))


def dataset_description(kg: KnowledgeGraph, build_dir: Path, base: str, media_type: str) -> bytes:
    """The VoID and DCAT description of the served build, for a deployment at `base`."""
    dump = dump_file(build_dir)
    metadata = (kg.select_once("dataset-metadata") or [{}])[0]
    sizes = {row["graph"]: row["triples"] for row in kg.select_once("graph-sizes")}
    triples = describe_dataset(
        base.rstrip("/"),
        kg.manifest,
        metadata,
        sizes,
        kg.select_once("dataset-sources"),
        dump.stat().st_size if dump else None,
    )
    return bytes(ox.serialize(triples, format=GRAPH_TYPES[media_type][1]) or b"")
