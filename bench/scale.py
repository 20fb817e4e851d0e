"""National scale: generated graphs of about 10k, 100k and 1M triples, built and measured one by one.

For each size: `perhepolku generate`, `perhepolku build --data` (graph, reasoning, index and the
build's timings from its manifest), then in-process median/p95 of eligibility, pathway, a named
query and the gap report, each beside its floor (the raw Oxigraph query the API stands on), and
over HTTP against `perhepolku serve` on that build: the same endpoints plus search, cold start to
the first answer and the server's peak memory. Run by `make bench` (BENCH_GRAPH_SERVICES).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.http import bench_http
from bench.timing import measure

ROOT = Path(__file__).resolve().parent.parent
ELIGIBILITY_QUERIES = ("eligibility-stage", "eligibility-area", "eligibility-access", "eligibility-situation")


def _build(services: int, work: Path) -> Path:
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
    (instance / "build_seconds").write_text(str(round(time.perf_counter() - started, 1)))
    return (instance / "current").resolve()


def _cases(kg) -> dict:
    """A family, a service with a pathway and its raw-query floors, all taken from the generated graph."""
    from graph.navigation.profile import parse_profile

    start = kg.select_once("pathway-edges")[0]["from"]
    situation = next(c for c, v in kg.concepts.items() if v["scheme"] == "situation")
    home = kg.select_once("municipalities")[0]["code"]
    raw = {"municipality": home, "child_age_months": 4, "situation": [situation], "language": "fi"}
    return {"start": start, "raw_profile": raw, "profile": parse_profile(kg, raw), "situation": situation}


SEARCHES = [
    ("vauva ei nuku", "fi"),
    ("synnytyksen jälkeinen masennus", "fi"),
    ("förlossningsdepression", "sv"),
    ("home visits", "en"),
]


def in_process(kg, index, runs: int) -> list[dict]:
    from graph.navigation.eligibility import screen
    from graph.navigation.gaps import gap_report
    from graph.navigation.pathways import pathway
    from search_index.search import search

    case = _cases(kg)
    raw = case["raw_profile"]
    params = {
        "eligibility-stage": {"child_age_months": raw["child_age_months"]},
        "eligibility-area": {"municipality": raw["municipality"]},
        "eligibility-access": {"language": "fi"},
        "eligibility-situation": {"situation": case["situation"]},
    }
    bound = {name: kg.bind(name, p) for name, p in params.items()}

    def raw_run(name: str, binding: dict) -> None:
        list(kg.store.run(kg.named(name).text, binding))

    downstream = kg.bind("pathway-downstream", {"service": case["start"]})
    turn = iter(range(10**9))
    rows = [
        (
            "search (fi, sv, en; 1-3 words)",
            lambda: _search(search, index, _cycle(turn)),
            lambda: index.raw_search(*_cycle(turn)),
            "the same plan, engine alone",
        ),
        (
            "eligibility",
            lambda: screen(kg, case["profile"]),
            lambda: [raw_run(n, bound[n]) for n in ELIGIBILITY_QUERIES],
            "the four eligibility queries, raw",
        ),
        (
            "pathway",
            lambda: pathway(kg, case["start"]),
            lambda: raw_run("pathway-downstream", downstream),
            "pathway-downstream, raw",
        ),
        (
            "named query pathway-downstream",
            lambda: kg.select("pathway-downstream", {"service": case["start"]}),
            lambda: raw_run("pathway-downstream", downstream),
            "the same query, raw",
        ),
        ("gap report", lambda: gap_report(kg), lambda: raw_run("gap-dead-ends", {}), "gap-dead-ends, raw"),
    ]
    out = []
    for name, api, floor, floor_name in rows:
        timing, floor_timing = measure(api, runs), measure(floor, max(3, runs // 10), warmup=1)
        out.append(
            {
                "operation": name,
                **timing,
                "floor": floor_name,
                "floor_median_ms": floor_timing["median_ms"],
                "ratio": round(timing["median_ms"] / max(floor_timing["median_ms"], 1e-6), 2),
            }
        )
    return out


def _search(search, index, query: tuple[str, str]) -> None:
    search(index, query[0], lang=query[1], limit=10)


def _cycle(turn) -> tuple[str, str]:
    q, lang = SEARCHES[next(turn) % len(SEARCHES)]
    return q, lang


def endpoints(kg) -> dict[str, str]:
    case = _cases(kg)
    raw = case["raw_profile"]
    return {
        "search (vauva ei nuku)": "/api/v1/search?" + urlencode({"q": "vauva ei nuku"}),
        "search (förlossningsdepression, sv)": "/api/v1/search?"
        + urlencode({"q": "förlossningsdepression", "lang": "sv"}),
        "search (home visits, en)": "/api/v1/search?" + urlencode({"q": "home visits", "lang": "en"}),
        "eligibility": "/api/v1/eligibility?" + urlencode({**raw, "situation": raw["situation"][0]}),
        "pathway": f"/api/v1/services/{case['start']}/pathway",
        "named query (pathway-downstream)": "/api/v1/queries/pathway-downstream?"
        + urlencode({"service": case["start"]}),
        "gap report": "/api/v1/gaps",
    }


def page_pairs(kg) -> list[tuple[str, str, str]]:
    """The web pages of a generated graph beside their JSON endpoints (bench/pages.py's pairs at scale)."""
    case = _cases(kg)
    raw = case["raw_profile"]
    profile = urlencode({**raw, "situation": raw["situation"][0]})
    return [
        ("search", "/?q=vauva", "/api/v1/search?q=vauva"),
        ("service", f"/services/{case['start']}", f"/api/v1/services/{case['start']}"),
        ("screening", f"/screening?{profile}", f"/api/v1/eligibility?{profile}&limit=20"),
        ("pathways", f"/pathways?service={case['start']}", "/api/v1/pathways?format=svg"),
        ("gaps", "/gaps", "/api/v1/gaps"),
        ("sparql editor", "/sparql", "/api/v1/queries"),
    ]


def bench_scale(sizes: list[int], runs: int) -> list[dict]:
    from graph.store.knowledge import KnowledgeGraph
    from search_index.indexer import open_index

    results = []
    for services in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"perhepolku-scale-{services}-"))
        try:
            print(f"  generating and building {services} services ...", flush=True)
            folder = _build(services, work)
            started = time.perf_counter()
            kg = KnowledgeGraph.open(folder)
            open_s = round(time.perf_counter() - started, 2)
            manifest = kg.manifest
            entry = {
                "services": services,
                "quads": manifest["quads"],
                "store": manifest.get("store", "memory"),
                "build_s": float((work / "instance" / "build_seconds").read_text()),
                "graph_s": manifest.get("graph_seconds"),
                "precompute_s": manifest.get("precompute_seconds"),
                "index_s": manifest.get("index", {}).get("index_seconds"),
                "open_in_process_s": open_s,
                "engine": manifest.get("index", {}).get("engine"),
            }
            index = open_index(folder)
            entry["in_process"] = in_process(kg, index, runs)
            index.close()
            entry["http"], entry["server"] = bench_http(runs, folder, endpoints(kg))
            from api import create_app
            from bench.pages import bench_pages

            app = create_app({"BUILD_DIR": str(folder), "LOG_REQUESTS": False, "RELOAD_INTERVAL": 0})
            entry["pages"] = bench_pages(app, max(3, runs // 4), page_pairs(kg))
            app.extensions["perhepolku"].current.close()
            results.append(entry)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return results
