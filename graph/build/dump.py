"""Build step: the whole graph as a gzip-compressed N-Quads dump beside graph.nq, for download."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.store.dataset import DUMP_FILE
from graph.store.graphstore import GRAPH_FILE, GraphStore


def write_dump(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Compress the build's graph.nq into graph.nq.gz (mtime 0: the same graph gives the same bytes)."""
    started = time.perf_counter()
    target = build_dir / DUMP_FILE
    with (
        (build_dir / GRAPH_FILE).open("rb") as source,
        target.open("wb") as raw,
        gzip.GzipFile(filename="perhepolku.nq", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as out,
    ):
        shutil.copyfileobj(source, out, 1 << 20)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    seconds = round(time.perf_counter() - started, 2)
    progress(f"  wrote the dump {DUMP_FILE} ({target.stat().st_size} bytes, {seconds} s)")
    return {"dump": {"file": DUMP_FILE, "bytes": target.stat().st_size, "sha256": digest, "seconds": seconds}}
