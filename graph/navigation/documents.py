"""Service detail as stored data: the build writes every service's `get_service` answer beside the graph.

The documents are made by calling `get_service` itself, so whatever it answers (a field another part
adds included) is what a server returns; no second description of a service exists. The step runs
after graph.build.precompute, whose stored per-service answers `get_service`'s queries then read
(one run of each query for every service, instead of one per service).
tests/graph/test_documents.py holds every stored document equal to the live answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.navigation.services import get_service
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PrecomputedRows, write_documents


def service_documents(store: GraphStore, build_dir: Path) -> dict[str, dict[str, Any]]:
    """`get_service` of every service of the graph in `store` (with the build's precomputed rows)."""
    kg = KnowledgeGraph(store, precomputed=PrecomputedRows(build_dir), build_dir=build_dir)
    return {row["id"]: get_service(kg, row["id"]) for row in kg.services}


def store_documents(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step (after the precomputed rows): write every service's document into the build folder."""
    started = time.perf_counter()
    documents = service_documents(store, build_dir)
    size = write_documents(build_dir, documents)
    seconds = round(time.perf_counter() - started, 2)
    progress(f"stored {len(documents)} service documents ({size / 1e6:.1f} MB) in {seconds} s")
    return {"documents_seconds": seconds, "documents": len(documents), "documents_bytes": size}
