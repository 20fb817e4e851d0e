"""Run every benchmark and write bench/results/report.md (+ .json): `make bench`.

Environment: BENCH_RUNS (repetitions per measurement, default 200), BENCH_SIZES (search corpus
sizes, default "1000,10000"; add 100000 for the national-scale figure, which takes minutes),
BENCH_PTV_SERVICES (generated PTV records imported, default 10000).
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


def bench_named_queries(kg, runs: int) -> list[dict]:
    """Each named query with its example parameters, beside the raw Oxigraph query with the same bindings."""
    rows = []
    for query in kg.catalog:
        params = {p.name: p.example for p in query.params if p.example}
        bound = kg.bind(query.name, params)
        api = measure(
            lambda: kg.select(query.name, params) if query.form == "SELECT" else list(kg.run(query.name, params)), runs
        )
        floor = measure(
            lambda: list(
                kg.store.store.query(
                    query.text,
                    substitutions={__import__("pyoxigraph").Variable(k): v for k, v in bound.items()} or None,
                    use_default_graph_as_union=True,
                )
            ),
            runs,
        )
        rows.append(
            {
                "query": query.name,
                "median_ms": api["median_ms"],
                "p95_ms": api["p95_ms"],
                "raw_median_ms": floor["median_ms"],
                "ratio": round(api["median_ms"] / max(floor["median_ms"], 1e-6), 2),
            }
        )
    return rows


def bench_navigation(kg, runs: int) -> list[dict]:
    from graph.navigation.eligibility import screen
    from graph.navigation.gaps import gap_report
    from graph.navigation.pathways import pathway
    from graph.navigation.profile import parse_profile
    from graph.navigation.services import get_service

    profile = parse_profile(
        kg, {"pregnancy_week": 24, "situation": ["anxiety"], "municipality": "Helsinki", "language": "sv"}
    )
    cases = {
        "eligibility (nurse example)": lambda: screen(kg, profile),
        "pathway (perhetyo)": lambda: pathway(kg, "perhetyo"),
        "gap report": lambda: gap_report(kg),
        "service detail (terapeuttinen-vauvaperhetyo)": lambda: get_service(kg, "terapeuttinen-vauvaperhetyo"),
    }
    return [{"operation": name, **measure(fn, runs)} for name, fn in cases.items()]


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


def scale_text(results: list[dict]) -> str:
    """The national-scale tables: builds, in-process beside floors, HTTP, per generated size."""
    builds = table(
        results,
        ["services", "quads", "store", "engine", "build_s", "graph_s", "precompute_s", "index_s", "open_in_process_s"],
    )
    parts = ["### National scale: builds\n" + builds]
    for r in results:
        parts.append(
            f"#### {r['services']} services, {r['quads']} quads: in-process\n"
            + table(r["in_process"], ["operation", "median_ms", "p95_ms", "floor", "floor_median_ms", "ratio"])
        )
        parts.append(
            f"#### {r['services']} services: over HTTP (cold start {r['server']['cold_start_s']} s, "
            f"peak RSS {r['server']['peak_rss_mb']} MB)\n"
            + table(r["http"], ["endpoint", "median_ms", "p95_ms", "runs"])
        )
        if r.get("pages"):
            parts.append(
                f"#### {r['services']} services: pages beside their JSON endpoints (in-process)\n"
                + table(
                    r["pages"], ["page", "json_median_ms", "page_median_ms", "ratio", "first_render_ms", "page_bytes"]
                )
            )
    return "\n\n".join(parts)


def main() -> None:
    from graph.paths import current_build
    from graph.store.knowledge import KnowledgeGraph

    runs = int(os.environ.get("BENCH_RUNS", "200"))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if s]
    build_dir = current_build()
    kg = KnowledgeGraph.open(build_dir)
    report = {
        "machine": machine(),
        "graph": {"quads": len(kg.store), "services": len(kg.services), "build": kg.manifest},
    }
    print("named queries ...", flush=True)
    report["named_queries"] = bench_named_queries(kg, runs)
    print("navigation ...", flush=True)
    report["navigation"] = bench_navigation(kg, runs)
    print("http ...", flush=True)
    from bench.http import bench_http

    report["http"], report["server"] = bench_http(runs)
    print("pages ...", flush=True)
    from api import create_app
    from bench.pages import bench_pages

    report["pages"] = bench_pages(create_app({"BUILD_DIR": str(build_dir), "LOG_REQUESTS": False}), runs)
    print(f"search (sizes {sizes}) ...", flush=True)
    report["search"], quality = bench_search(build_dir, kg, runs, sizes)
    report["search_quality"] = {"mean_ndcg_at_5": quality["mean_ndcg"], "queries": quality["queries"]}
    graph_sizes = [int(s) for s in os.environ.get("BENCH_GRAPH_SERVICES", "60,640,6400").split(",") if s]
    print(f"national scale (generated graphs of {graph_sizes} services) ...", flush=True)
    from bench.scale import bench_scale

    report["scale"] = bench_scale(graph_sizes, max(20, runs // 4))
    ptv_services = int(os.environ.get("BENCH_PTV_SERVICES", "10000"))
    print(f"catalogue import ({ptv_services} generated PTV services) and requirement rules ...", flush=True)
    from bench import catalogues

    report["catalogues"] = {
        "import": catalogues.bench_import(ptv_services),
        "extraction": catalogues.bench_extraction(),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    text = "\n\n".join(
        [
            f"Machine: {report['machine']}  \nGraph: {report['graph']['quads']} quads, {report['graph']['services']} services; "
            f"build {kg.manifest.get('graph_seconds')} s graph + {kg.manifest.get('index', {}).get('index_seconds')} s index",
            "### Named queries (in-process, bound parameters) vs raw Oxigraph\n"
            + table(report["named_queries"], ["query", "median_ms", "p95_ms", "raw_median_ms", "ratio"]),
            "### Navigation (in-process)\n" + table(report["navigation"], ["operation", "median_ms", "p95_ms", "runs"]),
            "### Over HTTP (one keep-alive client, development server)\n"
            + table(report["http"], ["endpoint", "median_ms", "p95_ms", "runs"])
            + f"\n\nCold start to the first answer: {report['server']['cold_start_s']} s; "
            f"server peak RSS: {report['server']['peak_rss_mb']} MB (plus {2} SPARQL worker processes)",
            "### Pages beside the JSON endpoint each shows (in-process, Flask test client)\n"
            + table(
                report["pages"],
                [
                    "page",
                    "url",
                    "json_median_ms",
                    "page_median_ms",
                    "ratio",
                    "first_render_ms",
                    "first_ratio",
                    "page_bytes",
                ],
            ),
            "### Search\n"
            + table(
                report["search"],
                ["corpus", "documents", "build_s", "p50_ms", "p95_ms", "raw_engine_p50_ms", "raw_engine_p95_ms"],
            ),
            f"Mean nDCG@5 over {quality['queries']} judged queries: **{quality['mean_ndcg']}**",
            scale_text(report["scale"]),
            catalogues.text(report["catalogues"]),
        ]
    )
    (RESULTS / "report.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
