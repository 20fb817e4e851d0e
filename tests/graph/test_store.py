"""A build large enough gets an on-disk store; servers open it read-only and get the same answers."""

from __future__ import annotations

import json

from graph.build.pipeline import build
from graph.store.graphstore import DISK_STORE_DIR
from graph.store.knowledge import KnowledgeGraph


def test_disk_store_answers_like_memory(tmp_path, kg):
    folder = build(instance=tmp_path, reasoner="rules", disk_store_min=0)
    assert (folder / DISK_STORE_DIR).is_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["store"] == "disk" and manifest["timings"]["disk_store"] > 0  # written by its forked child
    on_disk = KnowledgeGraph.open(folder)
    assert len(on_disk.store) == len(kg.store)
    assert on_disk.services == kg.services
    for name, params in [
        ("service-facts", {"service": "perhetyo"}),
        ("pathway-downstream", {"service": "perhetyo"}),
        ("eligibility-stage", {"child_age_months": 7}),
    ]:
        assert on_disk.select(name, params) == kg.select(name, params), name


def test_small_builds_stay_in_memory(build_dir):
    assert not (build_dir / DISK_STORE_DIR).exists()


def test_the_sparql_workers_start_at_the_first_client_query(build_dir):
    """A server never asked for SPARQL starts no worker process (graph.store.sandbox._start)."""
    from graph.store import SparqlSandbox

    sandbox = SparqlSandbox(build_dir, size=2, timeout=60)
    try:
        assert sandbox._all == []
        body = sandbox.execute("ASK { ?s ?p ?o }", "application/sparql-results+json")
        assert b"true" in body and len(sandbox._all) == 2
    finally:
        sandbox.close()
