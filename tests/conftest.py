"""Shared fixtures: one graph built from the curated data per test session, the app and its client."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run (a red build must be reproducible); local runs explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
# the CLI as a subprocess, for tests that need a real process (a server, a killed build)
PERHEPOLKU = [sys.executable, "-m", "api.cli"]
# CI runs on a shared two-core machine: a server that loads a build and starts its SPARQL workers
# may take many seconds there, so waits are deadlines, never a fixed number of short tries
SERVER_START_SECONDS = 180.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(url: str, deadline: float = SERVER_START_SECONDS) -> None:
    """Return once `url` answers; fail after `deadline` seconds."""
    end = time.monotonic() + deadline
    while True:
        try:
            urllib.request.urlopen(url, timeout=10).read()
            return
        except OSError:
            if time.monotonic() > end:
                raise AssertionError(f"{url} did not come up within {deadline:.0f} s") from None
            time.sleep(0.2)


def env_for(instance: Path, **extra: str) -> dict[str, str]:
    """The environment of a subprocess CLI that uses `instance` as its instance folder."""
    return {**os.environ, "PERHEPOLKU_INSTANCE": str(instance), **extra}


def copy_instance(build_dir: Path, root: Path) -> Path:
    """An instance folder at `root` holding a copy of `build_dir` as its `current` build."""
    (root / "builds").mkdir(parents=True)
    shutil.copytree(build_dir, root / "builds" / build_dir.name)
    (root / "current").symlink_to(Path("builds") / build_dir.name)
    return root


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full build (graph, reasoning, index) into a temporary instance folder."""
    from api.build_steps import steps
    from graph.build.pipeline import build

    return build(instance=tmp_path_factory.mktemp("instance"), steps=steps())


@pytest.fixture(scope="session")
def generated_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated graph (24 services) built with the precomputed answers, documents and reports."""
    from graph.build import generate, precompute
    from graph.build.pipeline import build
    from graph.navigation.documents import store_documents
    from graph.navigation.reports import store_reports

    root = tmp_path_factory.mktemp("generated")
    generate(24, 7, root / "data")
    steps = [precompute, store_documents, store_reports]
    return build(root / "data", instance=root / "instance", steps=steps, reasoner="rules")


@pytest.fixture()
def instance(tmp_path: Path, build_dir: Path) -> Path:
    """A private instance folder holding a copy of the session's build as `current`."""
    return copy_instance(build_dir, tmp_path / "instance")


@pytest.fixture(scope="session")
def seed_store(build_dir: Path):
    """The session build's graph (ontology, data, translations, inferred) in an Oxigraph store of its own."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(build_dir / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="session")
def kg(build_dir: Path):
    from graph.store.knowledge import KnowledgeGraph

    return KnowledgeGraph.open(build_dir)


@pytest.fixture(scope="session")
def app(build_dir: Path):
    from api import create_app

    return create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def source_graph():
    """The curated sources loaded with rdflib (before reasoning), as one graph."""
    from graph.build.loader import load_store
    from graph.build.oxview import StoreView

    return StoreView(load_store()).to_graph()


@pytest.fixture(scope="session")
def index(build_dir: Path):
    from search_index.indexer import open_index

    return open_index(build_dir)


@pytest.fixture(scope="session")
def tantivy_index(kg, tmp_path_factory: pytest.TempPathFactory):
    """The seed graph's search index built with tantivy, the scale engine."""
    from search_index import tantivy_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names, open_folder, write_index

    folder = tmp_path_factory.mktemp("tantivy") / "index"
    docs, labels = service_documents(kg), concept_labels(kg)
    write_index(folder, tantivy_engine, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    return open_folder(folder)


@pytest.fixture(scope="session")
def corpus_index(kg, tmp_path_factory: pytest.TempPathFactory):
    """A tantivy index of 600 documents generated from the seed's (bench.corpus), whose parts repeat."""
    from bench.corpus import generate
    from search_index import tantivy_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names, open_folder, write_index

    templates, labels = service_documents(kg), concept_labels(kg)
    folder = tmp_path_factory.mktemp("corpus") / "index"
    docs = generate(templates, 600)
    write_index(folder, tantivy_engine, docs, labels, facet_names(kg), suggestions(templates, labels, kg))
    return open_folder(folder)


@pytest.fixture(scope="session")
def api_schema(app):
    import schemathesis

    return schemathesis.openapi.from_wsgi("/openapi.json", app)


def start_server(kind: str, build_dir: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    """Start the development server ("dev", `perhepolku serve`) or gunicorn on `build_dir`; wait until it answers.

    Returns the process; the caller terminates it.
    """
    environ = {**os.environ, "PERHEPOLKU_BUILD_DIR": str(build_dir), "PERHEPOLKU_LOG_REQUESTS": "false", **env}
    if kind == "dev":
        command = [*PERHEPOLKU, "serve", "--port", str(port)]
    else:
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        conf = ["-c", "python:api.gunicorn_conf", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
        command = [gunicorn, *conf, "api:create_app()"]
    process = subprocess.Popen(command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
    except AssertionError:
        process.terminate()
        raise
    return process


@pytest.fixture(scope="module", params=["dev", "gunicorn"])
def server_port(request, build_dir):
    """The session's build served by each real server in turn (a module's tests run against both): its port."""
    port = free_port()
    process = start_server(request.param, build_dir, port)
    yield port
    process.terminate()
    process.wait(timeout=60)


@pytest.fixture(scope="session")
def live_server(app):
    """The session app served over real HTTP on a free loopback port (werkzeug, threaded), for real clients."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="perhepolku-live-server")
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=30)


CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser here


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (executable_path); skipped only where it is not installed.

    CI must have it (.ci/run installs the package when missing), so there a missing browser fails.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); the browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, live_server):
    """A fresh browser page (own context: no cookies, cache or downloads shared) whose base URL is the live server."""
    context = browser.new_context(base_url=live_server, accept_downloads=True, viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


HSDS_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hsds"


@pytest.fixture(scope="session")
def hsds_schema():
    """Validators of the vendored HSDS 3.0 schemas, compiled with additionalProperties false everywhere
    (the way the specification repository checks its own examples); formats are checked."""
    from compiletojsonschema.compiletojsonschema import CompileToJsonSchema
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.validators import validator_for

    cache: dict[str, object] = {}

    def validator(name: str):
        if name not in cache:
            path = HSDS_FIXTURES / "schema" / f"{name}.json"
            schema = CompileToJsonSchema(str(path), set_additional_properties_false_everywhere=True).get()
            cls = validator_for(schema, default=Draft202012Validator)
            cache[name] = cls(schema, format_checker=FormatChecker())
        return cache[name]

    return validator
