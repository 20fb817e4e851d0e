"""The read-only graph store: a built dataset loaded into Oxigraph, queried with bound parameters."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import ArtefactError, QueryError
from graph.store.sparql import names_dataset

if TYPE_CHECKING:
    from graph.store.catalog import NamedQuery

GRAPH_FILE = "graph.nq"
SOURCES_COPY = "sources"  # the build's copy of the source texts its quotes cite
MANIFEST_FILE = "manifest.json"
DISK_STORE_DIR = "store"
# from this many quads the build also writes an on-disk Oxigraph store, which servers open in
# milliseconds (read-only, shared by every process) instead of loading graph.nq into memory
DISK_STORE_MIN_QUADS = 250_000
Term = ox.NamedNode | ox.Literal | ox.BlankNode

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}


def to_python(term: Term | None) -> Any:
    """An Oxigraph term as a plain Python value: IRIs and strings as str, numbers and booleans typed."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value
        if dtype in _INTEGER_TYPES:
            return int(term.value)
        if dtype == XSD + "boolean":
            return term.value in ("true", "1")
        if dtype in (XSD + "decimal", XSD + "double", XSD + "float"):
            return float(term.value)
        return term.value
    return term.value


class GraphStore:
    """An in-memory Oxigraph store holding one build; shared read-only by every request."""

    def __init__(self, store: ox.Store, manifest: Mapping[str, Any] | None = None) -> None:
        self.store = store
        self.manifest = dict(manifest or {})

    @classmethod
    def open(cls, build_dir: Path) -> GraphStore:
        """Open a build folder: its on-disk store read-only if it has one, else graph.nq loaded into memory.

        A clear ArtefactError if the build is missing or corrupt.
        """
        graph_file = build_dir / GRAPH_FILE
        manifest_file = build_dir / MANIFEST_FILE
        if not graph_file.is_file() or not manifest_file.is_file():
            raise ArtefactError(f"no built graph in {build_dir}: run `perhepolku build` (or `make build`) first")
        try:
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
            on_disk = (build_dir / DISK_STORE_DIR).is_dir()
            if on_disk:  # RocksDB checks its own files; counting 1.4M quads would cost 0.2 s
                store = ox.Store.read_only(str(build_dir / DISK_STORE_DIR))
            else:
                store = ox.Store()
                store.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_QUADS)
        except (OSError, ValueError, SyntaxError) as exc:
            raise ArtefactError(f"built graph in {build_dir} is unreadable ({exc}); rebuild it") from exc
        if not on_disk and len(store) != manifest.get("quads"):
            raise ArtefactError(
                f"built graph in {build_dir} has {len(store)} quads, manifest says {manifest.get('quads')}; rebuild it"
            )
        return cls(store, manifest)

    @staticmethod
    def write_disk_store(graph_file: Path, folder: Path) -> None:
        """Write the N-Quads of a build as an on-disk Oxigraph store into `folder` (for GraphStore.open)."""
        disk = ox.Store(str(folder))
        disk.bulk_load(path=str(graph_file), format=ox.RdfFormat.N_QUADS)
        disk.flush()
        del disk

    def __len__(self) -> int:
        return len(self.store)

    def run(self, query: str, substitutions: Mapping[str, Term] | None = None, **options: Any) -> Any:
        """Run a query over the union of the named graphs, unless `default_graph` is given or the query
        names its own dataset (FROM / FROM NAMED, which SPARQL 1.1 then takes as the dataset)."""
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): v for k, v in (substitutions or {}).items()
        }
        if "default_graph" not in options and "named_graphs" not in options and not names_dataset(query):
            options["use_default_graph_as_union"] = True
        try:
            return self.store.query(query, substitutions=subs or None, **options)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from exc

    def run_named(self, query: NamedQuery, substitutions: Mapping[str, Term] | None = None) -> Any:
        """Run a named query with its bound parameters (Oxigraph substitutes them)."""
        return self.run(query.text, substitutions)

    def select(self, query: str | NamedQuery, substitutions: Mapping[str, Term] | None = None) -> list[dict[str, Any]]:
        """Rows of a SELECT query (text or named) as dicts of plain Python values (unbound variables left out)."""
        solutions = self.run(query, substitutions) if isinstance(query, str) else self.run_named(query, substitutions)
        return rows_of(solutions)


def stored_rows(answer: bytes) -> list[dict[str, Any]]:
    """The rows of a SELECT answer stored as SPARQL JSON, as `select` gives them."""
    parsed = ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)
    if not isinstance(parsed, ox.QuerySolutions):
        raise ArtefactError("a stored answer is not a SELECT result; rebuild")
    return rows_of(parsed)


def rows_of(solutions: ox.QuerySolutions) -> list[dict[str, Any]]:
    """SELECT solutions as dicts of plain Python values (unbound variables left out)."""
    names = [v.value for v in solutions.variables]
    # a solution iterated gives its values in the variables' order (None where unbound): 2-4x faster than
    # looking each up by name, which was most of reading the 250,000 search-text rows at 6,400 services
    return [{n: to_python(term) for n, term in zip(names, row, strict=True) if term is not None} for row in solutions]


def iri(value: str) -> ox.NamedNode:
    """A NamedNode for an IRI string (ValueError for an invalid one)."""
    return ox.NamedNode(value)


def literal(value: Any, lang: str | None = None) -> ox.Literal:
    """A typed literal for a Python value (bool, int, str)."""
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(str(value), language=lang) if lang else ox.Literal(str(value))
