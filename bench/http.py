"""Over HTTP against `perhepolku serve` or the gunicorn setup: every endpoint beside the floor route
measured in the same run, cold start from built artefacts to the first answer, and the server's memory.

The requests are interleaved (one of each endpoint per round, the floor included), so a burst of load
on the shared machine falls on every row alike; `ratio` is a row's p95 over the floor's p95.
Run by `python -m bench`; loopback only; the server it starts is stopped.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory(pid: int) -> dict[str, float]:
    """Peak and current RSS of the server process, the current RSS of its children (SPARQL workers, or
    gunicorn's workers) and the largest child's peak."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return {
        "peak_rss_mb": round(_status_kb(pid, "VmHWM") / 1024, 1),
        "rss_mb": round(_status_kb(pid, "VmRSS") / 1024, 1),
        "workers_rss_mb": round(sum(_status_kb(k, "VmRSS") for k in kids) / 1024, 1),
        "worker_peak_rss_mb": round(max((_status_kb(k, "VmHWM") for k in kids), default=0) / 1024, 1),
    }


def summary(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 3),
        "runs": len(samples),
    }


def interleaved(paths: dict[str, str], fetch: Callable[[str], int], runs: int, slow_ms: float = 100.0) -> list[dict]:
    """Rounds fetching every path once (the first path is the floor each row is set beside); a row whose
    answers after a first one take more than `slow_ms` joins only as many rounds as `runs` such requests
    would fill (at least 10), so one slow row does not hold the run for an hour; its `runs` says how many
    it had. The first answer (a worker opening what the row reads) is not timed: cold figures are the
    cold start's and the pages' first visits."""
    first: dict[str, float] = {}
    status: dict[str, int] = {}
    for name, path in paths.items():
        status[name] = fetch(path)
        started = time.perf_counter()
        fetch(path)
        fetch(path)
        first[name] = (time.perf_counter() - started) * 500
    quota = {n: runs if t <= slow_ms else max(10, int(runs * slow_ms / t)) for n, t in first.items()}
    quota.update({n: 1 for n, code in status.items() if code != 200})  # an error answer is reported, not timed
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for round_ in range(runs):
        for name, path in paths.items():
            if round_ >= quota[name]:
                continue
            started = time.perf_counter()
            fetch(path)
            samples[name].append((time.perf_counter() - started) * 1000)
    floor_name = next(iter(paths))
    floor = summary(samples[floor_name])
    rows = []
    for name in paths:
        row: dict[str, Any] = {"endpoint": name, **summary(samples[name]), "floor_p95_ms": floor["p95_ms"]}
        row["status"] = status[name]
        row["ratio"] = round(row["p95_ms"] / max(floor["p95_ms"], 1e-6), 1)
        rows.append(row)
    return rows


def command(kind: str, port: int) -> list[str]:
    """The server's command line: `perhepolku serve`, or gunicorn as `make serve-prod` runs it (two workers
    of four threads: one a core of this machine)."""
    if kind == "gunicorn":
        app = ["-c", "python:api.gunicorn_conf", "--workers", "2", "--threads", "4", "api:create_app()"]
        return [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", *app]
    return [sys.executable, "-m", "api.cli", "serve", "--port", str(port)]


class Server:
    """A server (`command`) on a free port over `build_dir` (else the current build), from the checkout at `root`."""

    def __init__(self, build_dir: Path | None = None, root: Path = ROOT, kind: str = "serve") -> None:
        self.port = _port()
        env = {**os.environ, "PERHEPOLKU_LOG_REQUESTS": "false", "PERHEPOLKU_RELOAD_INTERVAL": "0"}
        if build_dir is not None:
            env["PERHEPOLKU_BUILD_DIR"] = str(build_dir)
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command(kind, self.port),
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while True:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("the server exited before answering") from None
                time.sleep(0.02)
            finally:
                conn.close()
        self.cold_start_s = round(time.perf_counter() - started, 2)
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)

    def fetch(self, path: str) -> int:
        self.conn.request(
            "GET", path, headers={"Accept": "text/html" if not path.startswith(("/api", "/h")) else "*/*"}
        )
        response = self.conn.getresponse()
        response.read()
        return response.status

    def stop(self) -> dict[str, float]:
        figures = {"cold_start_s": self.cold_start_s, **memory(self.process.pid)}
        self.conn.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        return figures


def bench_http(
    runs: int,
    build_dir: Path | None = None,
    endpoints: Callable[[int], dict[str, str]] | None = None,
    kind: str = "serve",
) -> tuple[list[dict], dict]:
    """Start a server, measure `endpoints(port)` (name -> path, the floor first) interleaved, stop it."""
    from bench.endpoints import FLOOR

    server = Server(build_dir, kind=kind)
    try:
        paths = endpoints(server.port) if endpoints else {"floor (/health)": FLOOR}
        rows = interleaved(paths, server.fetch, runs)
    finally:
        process = server.stop()
    return rows, process
