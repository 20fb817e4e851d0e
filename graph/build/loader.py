"""Read the ontology, concept schemes and curated Turtle into one rdflib dataset of named graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graph import vocab
from graph.errors import BuildError
from graph.paths import CURATED_DIR, MUNICIPALITIES_FILE, ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def _graph_for(path: Path, *, ontology: bool) -> str:
    """Translation and reading files go to graphs of their own, the rest by where they live."""
    if "translations" in path.stem:
        return vocab.GRAPH_TRANSLATIONS
    if path.stem == "readings":
        return vocab.GRAPH_READINGS
    return vocab.GRAPH_ONTOLOGY if ontology else vocab.GRAPH_CURATED


def input_files(data_dir: Path | None = None) -> list[tuple[Path, str]]:
    """Every Turtle file a build reads, with the named graph it goes into."""
    files = [
        (p, _graph_for(p, ontology=True))
        for p in sorted(ONTOLOGY_DIR.glob("*.ttl"))
        if p not in (SHAPES_FILE, MUNICIPALITIES_FILE)
    ]
    data = data_dir or CURATED_DIR
    files += [(p, _graph_for(p, ontology=False)) for p in sorted(data.glob("*.ttl"))]
    if not any(g == vocab.GRAPH_CURATED for _, g in files):
        raise BuildError(f"no curated Turtle files in {data}")
    return files


def load_store(data_dir: Path | None = None, extra: list[Path] | None = None) -> ox.Store:
    """Parse every input file into its named graph of an in-memory Oxigraph store (the build's path)."""
    store = ox.Store()
    files = input_files(data_dir) + [(path, vocab.GRAPH_CURATED) for path in extra or []]
    for path, graph_iri in files:
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph_iri))
        except (SyntaxError, ValueError, OSError) as exc:
            raise BuildError(f"{path.name}: cannot parse Turtle: {exc}") from exc
    return store


def _parse_into(ds: Dataset, path: Path, graph_iri: str) -> None:
    try:
        ds.graph(URIRef(graph_iri)).parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser exception types; all mean bad input
        raise BuildError(f"{path.name}: cannot parse Turtle: {exc}") from exc


def load_shapes() -> Graph:
    """The SHACL shapes graph."""
    return Graph().parse(SHAPES_FILE, format="turtle")
