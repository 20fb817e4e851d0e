"""Service detail as stored data: the build writes every service's `get_service` answer beside the graph.

The documents are made by calling `get_service` itself, so whatever it answers (a field another part
adds included) is what a server returns; no second description of a service exists. At 6,400 services
its four per-service queries would take about a second each, so while the build writes the documents
each of them runs once without its service bound and `get_service` reads its service's rows from
the result: the same query and the same rows, grouped by the ?service column the query projects.
tests/graph/test_documents.py holds every stored document equal to the live answer.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from graph import vocab
from graph.navigation.services import get_service
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PrecomputedRows, write_documents

_PROJECTS_SERVICE = re.compile(r"\bSELECT\b[^{]*\?service\b", re.IGNORECASE)


class _Grouped(KnowledgeGraph):
    """A build's graph whose queries taking only a service are run once for every service and kept by service."""

    def __init__(self, store: GraphStore, precomputed: PrecomputedRows) -> None:
        super().__init__(store, precomputed=precomputed)
        self._by_service: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.timings: dict[str, float] = {}

    def _groupable(self, name: str, raw: Mapping[str, Any] | None) -> bool:
        query = self.named(name)
        return (
            raw is not None
            and set(raw) == {"service"}
            and [(p.name, p.type) for p in query.params] == [("service", "service")]
            and bool(_PROJECTS_SERVICE.search(query.text))
        )

    def select(self, name: str, raw: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if not self._groupable(name, raw):
            return super().select(name, raw)
        assert raw is not None
        self.bind(name, raw)  # the same checks as a live call (an unknown service is refused)
        if name not in self._by_service:
            started = time.perf_counter()
            grouped: dict[str, list[dict[str, Any]]] = {}
            for row in self.store.select(self.named(name).text):
                grouped.setdefault(row.get("service", ""), []).append(row)
            self._by_service[name] = grouped
            self.timings[name] = round(time.perf_counter() - started, 2)
        return [dict(row) for row in self._by_service[name].get(vocab.SERVICE + str(raw["service"]), [])]


def service_documents(store: GraphStore, build_dir: Path) -> dict[str, dict[str, Any]]:
    """`get_service` of every service of the graph in `store` (with the build's precomputed rows)."""
    kg = _Grouped(store, PrecomputedRows(build_dir))
    return {row["id"]: get_service(kg, row["id"]) for row in kg.services}


def store_documents(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step (after the precomputed rows): write every service's document into the build folder."""
    started = time.perf_counter()
    documents = service_documents(store, build_dir)
    size = write_documents(build_dir, documents)
    seconds = round(time.perf_counter() - started, 2)
    progress(f"stored {len(documents)} service documents ({size / 1e6:.1f} MB) in {seconds} s")
    return {"documents_seconds": seconds, "documents": len(documents), "documents_bytes": size}
