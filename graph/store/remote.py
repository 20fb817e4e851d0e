"""A graph store behind a remote SPARQL 1.1 endpoint (e.g. `oxigraph serve-read-only`), so several
stateless API servers can share one graph while each keeps its own search index of the same build.

It answers like the embedded store: `run` returns Oxigraph result objects parsed from the
endpoint's answer. A named query's parameters travel in the text the catalogue binds
(`NamedQuery.bound_text`: a VALUES block of typed terms it has checked, never request text);
this module sends queries and assembles none.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from graph.errors import ArtefactError, QueryError, QueryTimeout
from graph.store.catalog import NamedQuery
from graph.store.graphstore import MANIFEST_FILE, GraphStore, Term
from graph.store.sparql import inspect


class RemoteGraphStore(GraphStore):
    """Queries go over HTTP to `endpoint`; the build folder still provides the manifest."""

    def __init__(self, endpoint: str, manifest: Mapping[str, Any], timeout: float = 30.0) -> None:
        super().__init__(ox.Store(), manifest)
        self.endpoint, self.timeout = endpoint, timeout

    @classmethod
    def connect(cls, endpoint: str, build_dir: Path, timeout: float = 30.0) -> RemoteGraphStore:
        try:
            manifest = json.loads((build_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ArtefactError(f"no readable build manifest in {build_dir}: run `perhepolku build` first") from exc
        store = cls(endpoint, manifest, timeout)
        if not store.run("ASK { ?s ?p ?o }"):
            raise ArtefactError(f"the SPARQL endpoint {endpoint} holds no data: load the build's graph.nq into it")
        return store

    def __len__(self) -> int:
        return int(self.manifest.get("quads", 0))

    def run_named(self, query: NamedQuery, substitutions: Mapping[str, Term] | None = None) -> Any:
        return self.run(query.bound_text(substitutions or {}))

    def run(self, query: str, substitutions: Mapping[str, Term] | None = None, **options: Any) -> Any:
        if substitutions:
            raise QueryError("a remote endpoint cannot substitute values: run a named query (run_named)")
        form = inspect(query).form
        fields: list[tuple[str, str]] = [("query", query)]
        if "default_graph" in options:
            graphs = options["default_graph"]
            # an empty default graph (the protocol's "named graphs only") is asked for as a graph that does not exist
            names = [g.value for g in graphs] if isinstance(graphs, list) and graphs else ["urn:perhepolku:empty"]
            fields += [("default-graph-uri", name) for name in names]
        if "named_graphs" in options:
            named = [g.value for g in options["named_graphs"]] or ["urn:perhepolku:empty"]
            fields += [("named-graph-uri", name) for name in named]
        accept = "application/sparql-results+json" if form in ("SELECT", "ASK") else "application/n-triples"
        request = urllib.request.Request(
            self.endpoint,
            data=urlencode(fields).encode("utf-8"),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise QueryError(
                f"the SPARQL endpoint refused the query: {exc.read()[:300].decode('utf-8', 'replace')}"
            ) from exc
        except (TimeoutError, urllib.error.URLError) as exc:
            raise QueryTimeout(f"the SPARQL endpoint {self.endpoint} did not answer: {exc}") from exc
        if form in ("SELECT", "ASK"):
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        return ox.parse(body, ox.RdfFormat.N_TRIPLES)
