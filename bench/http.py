"""Over HTTP against a running server, next to the in-process figures: per-endpoint median and p95,
cold start from built artefacts to the first answer, and the server's peak memory.

Run by `python -m bench` (the report's "HTTP" table); loopback only; the server it starts is stopped.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.timing import measure

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = {
    "search (vauva ei nuku)": "/api/v1/search?" + urlencode({"q": "vauva ei nuku"}),
    "eligibility (nurse example)": "/api/v1/eligibility?"
    + urlencode({"pregnancy_week": 24, "situation": "anxiety", "municipality": "Helsinki", "language": "sv"}),
    "pathway (perhetyo)": "/api/v1/services/perhetyo/pathway",
    "named query (pathway-downstream)": "/api/v1/queries/pathway-downstream?service=neuvola",
    "gap report": "/api/v1/gaps",
    "service detail": "/api/v1/services/terapeuttinen-vauvaperhetyo",
    "sparql (count)": "/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def bench_http(
    runs: int, build_dir: Path | None = None, endpoints: dict[str, str] | None = None
) -> tuple[list[dict], dict]:
    """Start `perhepolku serve` (on `build_dir`, else the current build), time `endpoints`, stop it."""
    port = _port()
    env = {**os.environ, "PERHEPOLKU_LOG_REQUESTS": "false", "PERHEPOLKU_RELOAD_INTERVAL": "0"}
    if build_dir is not None:
        env["PERHEPOLKU_BUILD_DIR"] = str(build_dir)
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.02)
        cold_start = round(time.perf_counter() - started, 2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        def fetch(path: str) -> None:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)

        rows = [
            {"endpoint": name, **measure(lambda p=path: fetch(p), runs)}
            for name, path in (endpoints or ENDPOINTS).items()
        ]
        process = {"cold_start_s": cold_start, "peak_rss_mb": peak_rss_mb(server.pid)}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows, process
