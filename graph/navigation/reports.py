"""The unfiltered gap report and pathway graph as stored data: functions of the build alone, serialised once.

At 6,400 services the gap report is 1.8 MB of JSON and the pathway graph 2.2 MB; composing and
serialising them took 40–60 ms a request (and made the Python heap churn). The build step calls
`gap_report` and `pathway_graph` themselves, so what a server sends is exactly what they answer;
a call with a filter (municipality, language) is still composed live from the per-build memos.
tests/graph/test_reports.py holds each stored report equal to the live one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.errors import ArtefactError
from graph.navigation.gaps import gap_report
from graph.navigation.pathways import pathway_graph
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PRECOMPUTED_DIR, PrecomputedRows

REPORTS_DIR = "reports"  # {name}.json: one report, serialised as the API sends it
REPORTS: dict[str, Callable[[KnowledgeGraph], dict[str, Any]]] = {
    "gaps": lambda kg: gap_report(kg),
    "pathways": lambda kg: pathway_graph(kg),
}


def serialised(report: dict[str, Any]) -> bytes:
    """A report as JSON bytes (UTF-8, compact), as a stored report is written."""
    return json.dumps(report, ensure_ascii=False, separators=(",", ":")).encode()


def stored_report(kg: KnowledgeGraph, name: str) -> bytes | None:
    """The build's stored report `name` (read once per build), or None if the build has none."""
    if kg.build_dir is None:
        return None
    path = kg.build_dir / PRECOMPUTED_DIR / REPORTS_DIR / f"{name}.json"

    def read() -> bytes | None:
        if not path.is_file():
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ArtefactError(f"{path} is unreadable ({exc}); rebuild") from exc

    found: bytes | None = kg.memo(f"report:{name}", read)
    return found


def store_reports(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step (after the precomputed rows): write the unfiltered gap report and pathway graph."""
    started = time.perf_counter()
    kg = KnowledgeGraph(store, precomputed=PrecomputedRows(build_dir), build_dir=build_dir)
    folder = build_dir / PRECOMPUTED_DIR / REPORTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, make in REPORTS.items():
        data = serialised(make(kg))
        (folder / f"{name}.json").write_bytes(data)
        sizes[name] = len(data)
    seconds = round(time.perf_counter() - started, 2)
    progress(f"stored the {', '.join(REPORTS)} reports ({sum(sizes.values()) / 1e6:.1f} MB) in {seconds} s")
    return {"reports_seconds": seconds, "reports_bytes": sizes}
