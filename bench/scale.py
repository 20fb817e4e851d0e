"""National scale: the seed build and generated graphs (6,400 services is about 1.4M quads), measured alike.

For a generated size: `perhepolku generate`, `perhepolku build --data` (wall-clock, and each step's
seconds from the manifest). For every build measured: each named query with its example parameters
run raw in-process (Oxigraph alone, live, however the API answers it), then over HTTP against
`perhepolku serve` every row of bench/endpoints.py beside the floor route, interleaved, with cold
start and the server's memory. Run by `make bench` (BENCH_GRAPH_SERVICES).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.endpoints import case, endpoints, example_params, optional_endpoints
from bench.http import bench_http
from bench.timing import measure
from graph.store.endpoint import STORED_MEDIA, stored_chunks

ROOT = Path(__file__).resolve().parent.parent
RAW_BUDGET_S = 3.0  # per named query: enough runs for a median, at most a few seconds


def _build(services: int, work: Path) -> tuple[Path, float]:
    data, instance = work / "data", work / "instance"
    cli = [sys.executable, "-m", "api.cli"]
    subprocess.run(
        cli + ["generate", "--services", str(services), "--seed", "1", "--out", str(data)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    env = {**os.environ, "PERHEPOLKU_INSTANCE": str(instance)}
    started = time.perf_counter()
    subprocess.run(cli + ["build", "--data", str(data)], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return (instance / "current").resolve(), round(time.perf_counter() - started, 1)


def raw_named(kg: Any, runs: int) -> list[dict]:
    """Each named query with its example parameters, raw in Oxigraph; `answered` says how the API answers it."""
    rows = []
    where = case(kg)
    for query in kg.catalog:
        params = example_params(kg, query, where)
        bound = kg.bind(query.name, params)
        started = time.perf_counter()
        list(kg.store.run(query.text, bound))
        once = time.perf_counter() - started
        n = min(runs, int(RAW_BUDGET_S / max(once, 1e-4)))
        if n < 2:  # a query of seconds: its one run is the figure
            timing = {"median_ms": round(once * 1000, 1), "p95_ms": round(once * 1000, 1), "runs": 1}
        else:
            timing = measure(lambda q=query, b=bound: list(kg.store.run(q.text, b)), n, warmup=0 if n < 5 else 2)
        media = "text/turtle" if query.form in ("CONSTRUCT", "DESCRIBE") else STORED_MEDIA
        stored = stored_chunks(kg, query.name, params, media)
        answered = "precomputed" if stored is not None else "live"
        rows.append({"query": query.name, **timing, "answered": answered})
    return rows


def measure_build(folder: Path, runs: int, services: int | None = None, build_s: float | None = None) -> dict:
    from graph.store.knowledge import KnowledgeGraph

    started = time.perf_counter()
    kg = KnowledgeGraph.open(folder)
    open_s = round(time.perf_counter() - started, 2)
    manifest = kg.manifest
    entry: dict[str, Any] = {
        "services": services if services is not None else len(kg.services),
        "quads": manifest["quads"],
        "store": manifest.get("store", "memory"),
        "build_s": build_s,
        "steps": manifest.get("timings", {}),
        "open_in_process_s": open_s,
        "engine": manifest.get("index", {}).get("engine"),
        "documents_mb": round(manifest.get("documents_bytes", 0) / 1e6, 1),
    }
    print(f"  raw named queries on {entry['quads']} quads ...", flush=True)
    entry["named_raw"] = raw_named(kg, runs)
    for kind in os.environ.get("BENCH_SERVERS", "serve,gunicorn").split(","):
        print(f"  over HTTP ({kind}) ...", flush=True)
        suffix = "" if kind == "serve" else f"_{kind}"
        entry["http" + suffix], entry["server" + suffix] = bench_http(
            runs, folder, lambda port: {**endpoints(kg), **optional_endpoints(kg, port)}, kind
        )
    print("  pages in-process ...", flush=True)
    from api import create_app
    from bench.pages import bench_pages

    app = create_app({"BUILD_DIR": str(folder), "LOG_REQUESTS": False, "RELOAD_INTERVAL": 0})
    entry["pages"] = bench_pages(app, max(3, runs // 4))
    app.extensions["perhepolku"].current.close()
    return entry


def bench_scale(sizes: list[int], runs: int, progress: Callable[[list[dict]], None] | None = None) -> list[dict]:
    results = []
    for services in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"perhepolku-scale-{services}-"))
        try:
            print(f"  generating and building {services} services ...", flush=True)
            folder, build_s = _build(services, work)
            results.append(measure_build(folder, runs, services, build_s))
            if progress:
                progress(results)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return results
