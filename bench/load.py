"""Load test on loopback: gunicorn with several workers, 50 concurrent clients mixing search,
eligibility and SPARQL for a bounded time (`make bench-load`; LOAD_SECONDS, LOAD_CLIENTS, LOAD_WORKERS).

Every request goes to 127.0.0.1 only; the run stops by itself and stops the server it started.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SPARQL = [
    "SELECT ?s WHERE { ?s a <https://w3id.org/perhepolku/ontology#FreeService> }",
    "PREFIX pp: <https://w3id.org/perhepolku/ontology#> SELECT ?a ?b WHERE { ?a pp:leadsTo+ ?b }",
    "ASK { ?s ?p ?o }",
]
PROFILES = [
    {"pregnancy_week": 24, "situation": "anxiety", "municipality": "Helsinki", "language": "sv"},
    {"child_age_months": 4, "situation": "substance-use-acute"},
    {"pregnancy_week": 12},
    {"child_age_months": 3, "anonymous": "true"},
    {"municipality": "Espoo", "child_age_months": 7},
]


def requests_mix(rng: random.Random, queries: list[str]) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.5:
        return "search", "/api/v1/search?" + urlencode({"q": rng.choice(queries)})
    if roll < 0.8:
        return "eligibility", "/api/v1/eligibility?" + urlencode(rng.choice(PROFILES))
    return "sparql", "/sparql?" + urlencode({"query": rng.choice(SPARQL)})


def client(port: int, deadline: float, seed: int, queries: list[str], out: list, errors: list) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        kind, path = requests_mix(rng, queries)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{kind} {response.status}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{kind} {exc!r}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        out.append((kind, (time.perf_counter() - started) * 1000))
    conn.close()


def percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    pick = lambda q: round(values[min(len(values) - 1, int(len(values) * q))], 1)  # noqa: E731
    return {
        "requests": len(values),
        "p50_ms": round(statistics.median(values), 1),
        "p95_ms": pick(0.95),
        "p99_ms": pick(0.99),
    }


def main() -> None:
    seconds = float(os.environ.get("LOAD_SECONDS", "60"))
    clients = int(os.environ.get("LOAD_CLIENTS", "50"))
    workers = os.environ.get("LOAD_WORKERS", "3")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PERHEPOLKU_LOG_REQUESTS": "false"}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "python:api.gunicorn_conf",
            "--workers",
            workers,
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "api:create_app()",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(300):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/health")
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(2)
        judged = json.loads((ROOT / "tests" / "search_index" / "judgments.json").read_text(encoding="utf-8"))
        queries = [q["q"] for q in judged["queries"]]
        out: list = []
        errors: list = []
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=client, args=(port, deadline, n, queries, out, errors)) for n in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {
        "clients": clients,
        "seconds": seconds,
        "gunicorn_workers": int(workers),
        "errors": len(errors),
        "error_samples": errors[:5],
        "throughput_rps": round(len(out) / seconds, 1),
        "all": percentiles([ms for _, ms in out]),
    }
    for kind in ("search", "eligibility", "sparql"):
        report[kind] = percentiles([ms for k, ms in out if k == kind])
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "load.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
