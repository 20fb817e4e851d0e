"""Operations: request ids and logging, clear start-up errors, killed builds, rebuilds under load."""

from __future__ import annotations

import json
import logging
import shutil
import signal
import subprocess
import threading
import time
import urllib.request

import pytest

from graph.errors import ArtefactError
from graph.paths import CURATED_DIR
from tests.conftest import PERHEPOLKU, env_for, free_port


def test_request_id_and_access_log(app, client):
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("perhepolku.access")
    logger.addHandler(handler)
    app.config["LOG_REQUESTS"] = True
    try:
        response = client.get("/api/v1/services?limit=1", headers={"X-Request-Id": "nurse-42"})
        generated = client.get("/health")
    finally:
        app.config["LOG_REQUESTS"] = False
        logger.removeHandler(handler)
    assert response.headers["X-Request-Id"] == "nurse-42"
    assert len(generated.headers["X-Request-Id"]) == 32
    assert response.headers["X-Perhepolku-Build"]
    line = json.loads(records[0])
    assert line["request_id"] == "nurse-42" and line["status"] == 200 and line["path"] == "/api/v1/services"
    bad_id = client.get("/health", headers={"X-Request-Id": "<script>"}).headers["X-Request-Id"]
    assert bad_id != "<script>"


@pytest.mark.slow
def test_missing_artefacts_give_a_clear_message(tmp_path):
    from api import create_app

    with pytest.raises(ArtefactError, match="run `perhepolku build`"):
        create_app({"BUILD_DIR": str(tmp_path)})
    result = subprocess.run(
        PERHEPOLKU + ["serve", "--port", str(free_port())],
        env=env_for(tmp_path / "none"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Artefact error" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_corrupt_artefacts_give_a_clear_message(instance):
    build = (instance / "current").resolve()
    (build / "graph.nq").write_text("<broken", encoding="utf-8")
    result = subprocess.run(PERHEPOLKU + ["stats"], env=env_for(instance), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "rebuild it" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_killed_build_leaves_the_served_build_intact(instance):
    before = (instance / "current").resolve()
    process = subprocess.Popen(
        PERHEPOLKU + ["build"], env=env_for(instance), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    for line in process.stdout:  # kill it while it reasons, half-way through
        if "OWL consistency" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    assert (instance / "current").resolve() == before
    finished = [p for p in (instance / "builds").iterdir() if not p.name.endswith(".tmp")]
    assert finished == [before]
    from graph.store.knowledge import KnowledgeGraph

    assert len(KnowledgeGraph.open(before).services) == 21


def _get(port: int, path: str) -> tuple[int, str, dict]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=20) as response:
        return response.status, response.headers["X-Perhepolku-Build"], json.loads(response.read())


@pytest.mark.slow
def test_rebuild_under_load_loses_nothing_and_never_mixes(instance, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(CURATED_DIR, data)
    (data / "003-baby-blues.ttl").unlink()  # the new build has 19 services instead of 21
    port = free_port()
    server = subprocess.Popen(
        PERHEPOLKU + ["serve", "--port", str(port)],
        env=env_for(instance, PERHEPOLKU_RELOAD_INTERVAL="0.2", PERHEPOLKU_LOG_REQUESTS="false"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: list[tuple[str, str, int]] = []
    errors: list[str] = []
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            for path, kind in (("/api/v1/services?limit=1", "graph"), ("/api/v1/search?q=&limit=1", "index")):
                try:
                    status, build, body = _get(port, path)
                    seen.append((build, kind, body["total"]))
                    if status != 200:
                        errors.append(f"{path}: {status}")
                except Exception as exc:  # any failure is what this test looks for
                    errors.append(f"{path}: {exc!r}")

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                old_build = _get(port, "/health")[1]
                break
            except OSError:
                time.sleep(0.2)
        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for thread in threads:
            thread.start()
        subprocess.run(
            PERHEPOLKU + ["build", "--data", str(data)],
            env=env_for(instance),
            check=True,
            capture_output=True,
            timeout=300,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _get(port, "/health")[1] == old_build:
            time.sleep(0.2)
        time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    assert errors == []
    builds = {build for build, _, _ in seen}
    assert len(builds) == 2 and old_build in builds
    for build, kind, total in seen:  # graph and index of one response always come from one build
        assert total == (21 if build == old_build else 19), (build, kind, total)


def test_proxy_fix_takes_the_forwarded_host_and_client_only_when_configured(build_dir):
    from api import create_app

    headers = {
        "X-Forwarded-For": "203.0.113.7",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "palvelut.example.fi",
        "Accept": "text/turtle",
    }
    for proxies, base in ((1, "https://palvelut.example.fi/sparql"), (0, "http://localhost/sparql")):
        app = create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False, "PROXY_FIX": proxies})
        description = app.test_client().get("/sparql", headers=headers).get_data(as_text=True)
        assert f"<{base}>" in description, description[:500]
