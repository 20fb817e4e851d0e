"""Cold start and the server's memory after a search, for one checkout or several side by side.

    python -m bench.startup cold BUILD_DIR [--rounds 5] [ROOT ...]
    python -m bench.startup rss BUILD_DIR [--rounds 2] [ROOT ...]

`cold`: in a fresh process, `create_app()` and the first `/health` answer through the WSGI app
(`in_process_s`, what docs/benchmarks.md calls cold start), the process from spawn to exit
(`process_s`, the interpreter's own start included) and `perhepolku serve` from spawn to its first
`/health` over HTTP (`serve_s`), with their CPU times, beside the floor: a process that only imports
Flask. `rss`: `perhepolku serve`, `/health` and the three searches of bench/endpoints.py, then VmRSS
and VmHWM of the server and its SPARQL workers as bench/http.py reads them, and again after the
heavier rows. Each ROOT (a checkout: this one when none is given, another for its before-figures)
runs once per round, in turn, the order reversed every other round, so load on the shared machine
falls on all alike.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.http import ROOT, Server, memory

_COLD = """
import json, time
started = time.perf_counter()
from wsgiref.util import setup_testing_defaults
from api import create_app
app = create_app()
created = time.perf_counter()
environ = {"PATH_INFO": "/health"}
setup_testing_defaults(environ)
status = []
b"".join(app(environ, lambda s, h: status.append(s)))
done = time.perf_counter()
print(json.dumps({"create_app_s": created - started, "in_process_s": done - started, "status": status[0]}))
"""
SEARCHES = [("vauva ei nuku", "fi"), ("förlossningsdepression", "sv"), ("home visits", "en")]


def _env(build_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PERHEPOLKU_BUILD_DIR": str(build_dir),
        "PERHEPOLKU_LOG_REQUESTS": "false",
        "PERHEPOLKU_RELOAD_INTERVAL": "0",
    }


def cold_once(root: Path, build_dir: Path) -> dict[str, Any]:
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", _COLD], cwd=root, env=_env(build_dir), capture_output=True, text=True, check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    row["process_s"] = time.perf_counter() - started
    row["process_cpu_s"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # the floor: an interpreter that imports Flask and nothing of the project, in the same round
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "import flask"], cwd=root, env=_env(build_dir), check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    row["floor_process_s"] = time.perf_counter() - started
    row["floor_cpu_s"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    server = Server(build_dir, root)
    row["serve_s"] = server.cold_start_s
    row["serve_cpu_s"] = cpu_seconds(server.process.pid)  # the server's own CPU up to its first answer
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    row["serve_children_cpu_s"] = float(sum(cpu_seconds(int(c)) for c in children))  # its SPARQL workers
    stop(server)
    return row


def stop(server: Server) -> dict[str, float]:
    """Stop the server and wait for its SPARQL workers too: a worker still opening the build when its
    server ends goes on until it is open, and would take the CPU from the next measurement."""
    pid = server.process.pid
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    figures = server.stop()
    deadline = time.monotonic() + 60
    while any(_running(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    return figures


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used (/proc/PID/stat), less sensitive to load than wall."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_once(root: Path, build_dir: Path) -> dict[str, Any]:
    """Memory after `/health` and the searches, then again after the heavier rows of the issue's third
    pass (eligibility, the gap report, pathways, a service, the 53 MB `search-texts` answer)."""
    from bench.endpoints import case
    from graph.store import KnowledgeGraph

    where = case(KnowledgeGraph.open(build_dir))
    heavy = [
        "/api/v1/eligibility?" + urlencode(where["family"]),
        "/api/v1/gaps",
        "/api/v1/pathways",
        f"/api/v1/services/{where['detail']}",
        "/api/v1/queries/search-texts",
    ]
    server = Server(build_dir, root)
    try:
        statuses = [server.fetch("/health")]
        timed = []
        for q, lang in SEARCHES:
            started = time.perf_counter()
            statuses.append(server.fetch("/api/v1/search?" + urlencode({"q": q, "lang": lang})))
            timed.append(time.perf_counter() - started)
        searched = {f"searched_{k}": v for k, v in memory(server.process.pid).items()}
        searched["first_search_s"], searched["second_search_s"] = timed[0], timed[1]  # the index opened by the first
        statuses += [server.fetch(path) for path in heavy]
    finally:
        figures = stop(server)
    return {"statuses": statuses, **searched, **figures}


def rounds(what: str, build_dir: Path, roots: list[Path], n: int) -> dict[str, list[dict[str, Any]]]:
    measure = cold_once if what == "cold" else rss_once
    out: dict[str, list[dict[str, Any]]] = {str(r): [] for r in roots}
    for i in range(n):
        for root in roots if i % 2 == 0 else roots[::-1]:
            out[str(root)].append({**measure(root, build_dir), "load": os.getloadavg()[0]})
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k, v in rows[0].items() if isinstance(v, float) and k != "load"]
    return {
        **{
            k: {
                "median": round(statistics.median(r[k] for r in rows), 3),
                "min": round(min(r[k] for r in rows), 3),
                "max": round(max(r[k] for r in rows), 3),
            }
            for k in keys
        },
        "load": [round(r["load"], 2) for r in rows],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("what", choices=("cold", "rss"))
    parser.add_argument("build_dir", type=Path)
    parser.add_argument("roots", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    found = rounds(args.what, args.build_dir.resolve(), [r.resolve() for r in args.roots] or [ROOT], args.rounds)
    print(json.dumps({root: summary(rows) for root, rows in found.items()}, indent=1))
    print(json.dumps(found))


if __name__ == "__main__":
    main()
