"""The stored service documents equal the live queries' answer (get_service) for every service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.navigation import get_service
from graph.navigation.services import channels
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import ServiceDocuments


def canonical(value: Any) -> Any:
    """A JSON answer as a client reads it, every list sorted: rows that tie in a query's ORDER BY may come
    in either order, so the comparison is of what a document says, not of how ties fell."""
    value = json.loads(json.dumps(value))

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return sorted((walk(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
        return v

    return walk(value)


def assert_stored_equal_live(build_dir: Path) -> int:
    stored = KnowledgeGraph.open(build_dir)
    live = KnowledgeGraph(stored.store)  # no documents, no stored answers: every query runs
    compared = 0
    for row in stored.services:
        document = stored.document(row["id"])
        assert document is not None, row["id"]
        assert live.document(row["id"]) is None
        assert canonical(document) == canonical(get_service(live, row["id"])), row["id"]
        assert get_service(stored, row["id"]) == document
        assert stored.stored_channels(row["id"]) == document["channels"]  # the channels kept apart are its own
        assert canonical(channels(stored, row["id"])) == canonical(channels(live, row["id"]))
        compared += 1
    return compared


def test_every_seed_service_is_stored_as_the_live_queries_answer_it(build_dir, kg):
    assert assert_stored_equal_live(build_dir) == len(kg.services) == 21


def test_every_generated_service_is_stored_as_the_live_queries_answer_it(generated_build):
    manifest = json.loads((generated_build / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 24 and manifest["documents_bytes"] > 0
    assert assert_stored_equal_live(generated_build) == 24


def test_the_comparison_sees_a_changed_document(build_dir, kg):
    service_id = kg.services[0]["id"]
    document = kg.document(service_id)
    assert document is not None
    document["labels"]["fi"] = "toinen"
    assert canonical(document) != canonical(
        kg.document(service_id)
    )  # a fresh copy each time, and a changed one differs


def test_a_build_without_stored_documents_answers_from_the_queries(tmp_path, build_dir, kg):
    assert ServiceDocuments(tmp_path).get("neuvola") is None
    assert ServiceDocuments(tmp_path).channels("neuvola") is None
    bare = KnowledgeGraph(kg.store)
    assert canonical(get_service(bare, "neuvola")) == canonical(kg.document("neuvola"))


def test_an_unknown_service_is_not_found_with_or_without_documents(kg):
    from graph.errors import NotFound

    for graph in (kg, KnowledgeGraph(kg.store)):
        with pytest.raises(NotFound):
            get_service(graph, "no-such-service")


def test_a_channel_says_which_way_in_the_sources_do_not_give(kg):
    """A phone line without a number, a chat without an address: named in `unknown`, never filled in."""
    by_id = {
        ch["id"]: ch
        for sid in ("baby-blues", "lapsiperheiden-sosiaalineuvonta", "perhetyo")
        for ch in get_service(kg, sid)["channels"]
    }
    assert by_id["baby-blues-puhelin"]["unknown"] == ["telephone"] and by_id["baby-blues-puhelin"]["telephone"] is None
    assert by_id["baby-blues-chat"]["unknown"] == ["url"] and by_id["baby-blues-chat"]["url"] is None
    assert by_id["sosiaalineuvonta-ruotsi"]["unknown"] == ["telephone"]
    assert by_id["sosiaalineuvonta-puhelin"]["unknown"] == [] and by_id["sosiaalineuvonta-puhelin"]["telephone"]
    assert by_id["etkl-jasenyhdistykset"]["unknown"] == []
