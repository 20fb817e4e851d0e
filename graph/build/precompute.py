"""Rows of the slow parameterless queries, run once by the build and read by servers when first needed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.store.catalog import Catalog
from graph.store.graphstore import GraphStore
from graph.store.precomputed import PRECOMPUTED_DIR

# parameterless queries a server needs at start, for the screening, the gap report and pathways;
# at a million triples they take seconds each, so the build runs them once and stores the rows
PRECOMPUTED = (
    "concepts",
    "services",
    "municipalities",
    "requirements",
    "screening-facts",
    "service-channels",
    "pathway-edges",
    "graph-sizes",
    "gap-excluded-no-alternative",
    "gap-language",
    "situation-coverage",
    "gap-dead-ends",
    "gap-missing-data",
    "readings",
)


def precompute(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step: run the PRECOMPUTED queries on the new graph and write their rows, one file per query."""
    started = time.perf_counter()
    catalog = Catalog()
    folder = build_dir / PRECOMPUTED_DIR
    folder.mkdir()
    for name in PRECOMPUTED:
        rows = store.select(catalog.get(name).text)
        (folder / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    progress(f"precomputed {len(PRECOMPUTED)} queries")
    return {"precompute_seconds": round(time.perf_counter() - started, 2)}
