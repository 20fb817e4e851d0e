"""Run every benchmark and write bench/results/report.md (+ .json): `make bench`.

Environment: BENCH_RUNS (requests per row, default 100), BENCH_GRAPH_SERVICES (generated graphs,
default "6400": about 1.4M quads, a build of minutes), BENCH_SIZES (generated search corpora, none
by default; "1000,10000,100000" for the search engines' figures), BENCH_PTV_SERVICES (generated PTV
records imported, default 10000; 0 skips the catalogue import).
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from bench.pages import COLUMNS as PAGE_COLUMNS
from bench.timing import measure, table

RESULTS = Path(__file__).parent / "results"


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def bench_search(build_dir: Path, kg, runs: int, sizes: list[int]) -> tuple[list[dict], dict]:
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.evaluation import evaluate
    from search_index.indexer import facet_names, open_folder, open_index, write_index
    from search_index.search import search

    judged = Path(__file__).resolve().parent.parent / "tests" / "search_index" / "judgments.json"
    queries = [q["q"] for q in json.loads(judged.read_text(encoding="utf-8"))["queries"]]
    seed_index = open_index(build_dir)
    quality = evaluate(judged, lambda q, lang: [i["id"] for i in search(seed_index, q, lang=lang, limit=5)["items"]])
    rows = [_search_row(f"seed graph, {seed_index.engine_name}", len(kg.services), None, seed_index, queries, runs)]
    from bench.corpus import generate

    templates = service_documents(kg)
    labels = concept_labels(kg)
    engines = [e for e in os.environ.get("BENCH_ENGINES", "whoosh,tantivy").split(",") if e]
    whoosh_max = int(os.environ.get("BENCH_WHOOSH_MAX", "20000"))
    for size in sizes:
        docs = generate(templates, size)
        for name in engines:
            if name == "whoosh" and size > whoosh_max:
                continue
            engine = importlib.import_module(f"search_index.{name}_engine")
            folder = Path(tempfile.mkdtemp(prefix=f"perhepolku-bench-{size}-"))
            try:
                started = time.perf_counter()
                write_index(folder, engine, docs, labels, facet_names(kg), suggestions(templates, labels, kg))
                build_seconds = round(time.perf_counter() - started, 1)
                index = open_folder(folder)
                rows.append(
                    _search_row(f"generated {size}, {name}", size, build_seconds, index, queries, max(20, runs // 10))
                )
                index.close()
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    return rows, quality


def _search_row(name: str, docs: int, build_seconds, index, queries: list[str], runs: int) -> dict:
    from search_index.search import search

    position = iter(range(10**9))
    timing = measure(
        lambda: search(index, queries[next(position) % len(queries)], limit=10), runs=max(runs, len(queries))
    )
    raw_pos = iter(range(10**9))
    raw = measure(lambda: index.raw_search(queries[next(raw_pos) % len(queries)], "fi"), runs=max(runs, len(queries)))
    return {
        "corpus": name,
        "documents": docs,
        "build_s": build_seconds if build_seconds is not None else "(in make build)",
        "p50_ms": timing["median_ms"],
        "p95_ms": timing["p95_ms"],
        "raw_engine_p50_ms": raw["median_ms"],
        "raw_engine_p95_ms": raw["p95_ms"],
    }


STEPS = [
    "load",
    "quotes",
    "shacl",
    "reasoner",
    "rules",
    "application_profiles",
    "write_graph",
    "disk_store",
    "precompute",
    "store_documents",
    "store_reports",
    "write_dump",
    "build_index",
]


def build_text(results: list[dict]) -> str:
    """The builds measured, with each step's seconds from the manifest."""
    rows = [{**r, **{s: r.get("steps", {}).get(s, "") for s in STEPS}} for r in results]
    return table(rows, ["services", "quads", "store", "engine", "build_s", "open_in_process_s", "documents_mb", *STEPS])


HTTP_COLUMNS = ["endpoint", "status", "median_ms", "p95_ms", "runs", "floor_p95_ms", "ratio"]


def _suffixed(key: str, kind: str) -> str:
    return key if kind == "serve" else f"{key}_{kind}"  # bench.scale's keys: http, http_gunicorn, ...


def _http_text(r: dict, kind: str) -> str:
    """A build's HTTP rows under one server, headed by its cold start and memory."""
    server = r[_suffixed("server", kind)]
    if kind == "serve":
        head = (
            f"{r['services']} services, {r['quads']} quads: over HTTP, `perhepolku serve` (cold start "
            f"{server['cold_start_s']} s, server RSS {server['rss_mb']} MB, peak {server['peak_rss_mb']} MB, "
            f"SPARQL workers {server['workers_rss_mb']} MB)"
        )
    else:
        head = (
            f"{r['services']} services: over HTTP, {kind} (2 workers × 4 threads; cold start "
            f"{server['cold_start_s']} s, workers' RSS {server['workers_rss_mb']} MB together, the "
            f"largest's peak {server['worker_peak_rss_mb']} MB)"
        )
    return f"#### {head}\n" + table(r[_suffixed("http", kind)], HTTP_COLUMNS)


def scale_text(results: list[dict]) -> str:
    """Per build: over HTTP beside the floor, then each named query raw."""
    parts = ["### Builds (seconds per step from the manifest)\n" + build_text(results)]
    for r in results:
        parts.extend(_http_text(r, kind) for kind in ("serve", "gunicorn") if _suffixed("server", kind) in r)
        parts.append(
            f"#### {r['services']} services: named queries raw in Oxigraph (example parameters)\n"
            + table(r["named_raw"], ["query", "median_ms", "p95_ms", "runs", "answered"])
        )
        if r.get("pages"):
            parts.append(
                f"#### {r['services']} services: pages beside their JSON endpoints (in-process)\n"
                + table(r["pages"], PAGE_COLUMNS)
            )
    return "\n\n".join(parts)


def main() -> None:
    from bench.scale import bench_scale, measure_build
    from graph.paths import current_build

    runs = int(os.environ.get("BENCH_RUNS", "100"))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "").split(",") if s]
    graph_sizes = [int(s) for s in os.environ.get("BENCH_GRAPH_SERVICES", "6400").split(",") if s]
    build_dir = current_build()
    report: dict = {"machine": machine(), "load_average_start": os.getloadavg()}
    print("seed build ...", flush=True)
    report["seed"] = measure_build(build_dir, runs)
    RESULTS.mkdir(exist_ok=True)

    def keep(partial: dict) -> None:  # a run of many minutes keeps what it has measured
        (RESULTS / "partial.json").write_text(json.dumps(partial, indent=2, ensure_ascii=False), encoding="utf-8")

    keep(report)
    print(f"generated graphs of {graph_sizes} services ...", flush=True)
    report["scale"] = bench_scale(graph_sizes, runs, lambda done: keep({**report, "scale": done}))
    if sizes:
        from graph.store.knowledge import KnowledgeGraph

        print(f"search corpora {sizes} ...", flush=True)
        report["search"], quality = bench_search(build_dir, KnowledgeGraph.open(build_dir), runs, sizes)
        report["search_quality"] = {"mean_ndcg_at_5": quality["mean_ndcg"], "queries": quality["queries"]}
    ptv_services = int(os.environ.get("BENCH_PTV_SERVICES", "10000"))
    if ptv_services:
        from bench import catalogues

        print(f"catalogue import ({ptv_services} generated PTV services) and requirement rules ...", flush=True)
        report["catalogues"] = {
            "import": catalogues.bench_import(ptv_services),
            "extraction": catalogues.bench_extraction(),
        }
    report["load_average_end"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    load = ", ".join(f"{a:.1f}" for a in report["load_average_start"])
    parts = [
        f"Machine: {report['machine']}  \nLoad average (1, 5, 15 min) at the start: {load}; at the end: "
        + ", ".join(f"{a:.1f}" for a in report["load_average_end"]),
        scale_text([report["seed"], *report["scale"]]),
    ]
    if sizes:
        parts.append(
            "### Search corpora\n"
            + table(
                report["search"],
                ["corpus", "documents", "build_s", "p50_ms", "p95_ms", "raw_engine_p50_ms", "raw_engine_p95_ms"],
            )
        )
    if "catalogues" in report:
        parts.append(catalogues.text(report["catalogues"]))
    text = "\n\n".join(parts)
    (RESULTS / "report.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
