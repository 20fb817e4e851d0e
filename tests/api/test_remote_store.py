"""Several API servers sharing one graph in an Oxigraph server: both answer as the embedded store does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from graph.store.catalog import NamedQuery
from tests.conftest import free_port, wait_for

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
URLS = [
    "/api/v1/services?limit=100",
    "/api/v1/services/terapeuttinen-vauvaperhetyo",
    "/api/v1/services/baby-blues",
    "/api/v1/concepts",
    "/api/v1/eligibility?pregnancy_week=24&situation=anxiety&municipality=Helsinki&language=sv",
    "/api/v1/eligibility?child_age_months=4&situation=substance-use-acute",
    "/api/v1/services/perhetyo/pathway",
    "/api/v1/pathways",
    "/api/v1/gaps",
    "/api/v1/search?q=vauva+ei+nuku",
    "/api/v1/queries/pathway-downstream?service=neuvola",
    "/api/v1/queries/eligibility-stage?pregnancy_week=18",
    "/api/v1/queries/eligibility-area?municipality=Helsinki",  # made from a stored answer (by place), as stage is (by class)
    "/api/v1/queries/provenance?subject=" + quote("https://w3id.org/perhepolku/id/service/baby-blues", safe=""),
    "/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
    "/sparql?"
    + urlencode(
        {
            "query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "default-graph-uri": "https://w3id.org/perhepolku/graph/curated",
        }
    ),
]


def get(port: int, path: str) -> object:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return json.loads(response.read())


def test_values_binding_opens_the_where_group():
    import pyoxigraph as ox

    text = 'PREFIX ex: <urn:x#>\nSELECT ?a ?b WHERE { ?a ex:p "WHERE {" . BIND(?b AS ?c) }'
    query = NamedQuery("x", "x", "x", text)
    bound = query.bound_text({"a": ox.NamedNode("urn:a"), "b": ox.Literal('say "hi"')})
    assert bound.startswith('PREFIX ex: <urn:x#>\nSELECT ?a ?b WHERE {\n  VALUES (?a ?b) { (<urn:a> "say \\"hi\\"") }')
    assert query.bound_text({}) == text
    with pytest.raises(ValueError):
        _ = NamedQuery("y", "y", "y", "ASK { ?a ?b ?c }").values_at


def test_the_remote_store_takes_only_text_the_catalogue_bound():
    import pyoxigraph as ox

    from graph.errors import QueryError
    from graph.store.remote import RemoteGraphStore

    store = RemoteGraphStore("http://127.0.0.1:9/never", {})
    with pytest.raises(QueryError, match="run_named"):
        store.run("SELECT ?a WHERE { ?a ?b ?c }", {"a": ox.NamedNode("urn:a")})


@pytest.mark.slow
@pytest.mark.skipif(not OXIGRAPH.exists(), reason="the oxigraph server is not installed")
def test_two_api_servers_share_one_oxigraph_server(build_dir, tmp_path):
    store_port, api_ports = free_port(), [free_port(), free_port()]
    subprocess.run(
        [str(OXIGRAPH), "load", "--location", str(tmp_path / "store"), "--file", str(build_dir / "graph.nq")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    processes = [
        subprocess.Popen(
            [
                str(OXIGRAPH),
                "serve-read-only",
                "--location",
                str(tmp_path / "store"),
                "--bind",
                f"127.0.0.1:{store_port}",
                "--union-default-graph",
                "--timeout-s",
                "10",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        wait_for(f"http://127.0.0.1:{store_port}/query?query=" + quote("ASK { ?s ?p ?o }"))
        for n, port in enumerate(api_ports):
            instance = tmp_path / f"instance{n}"  # each server its own copy of the build (graph manifest + index)
            (instance / "builds").mkdir(parents=True)
            shutil.copytree(build_dir, instance / "builds" / build_dir.name)
            (instance / "current").symlink_to(Path("builds") / build_dir.name)
            env = {
                **os.environ,
                "PERHEPOLKU_INSTANCE": str(instance),
                "PERHEPOLKU_LOG_REQUESTS": "false",
                "PERHEPOLKU_SPARQL_ENDPOINT": f"http://127.0.0.1:{store_port}/query",
            }
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        embedded_port = free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "api.cli", "serve", "--port", str(embedded_port)],
                env={
                    **os.environ,
                    "PERHEPOLKU_INSTANCE": str(tmp_path / "instance0"),
                    "PERHEPOLKU_LOG_REQUESTS": "false",
                },
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        for port in api_ports + [embedded_port]:
            wait_for(f"http://127.0.0.1:{port}/health")
        for path in URLS:
            first, second, embedded = (get(port, path) for port in api_ports + [embedded_port])
            assert first == second == embedded, path
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
