"""Search documents: a service's neighbours by name are the services a scan of every title finds."""

from __future__ import annotations

from typing import Any

from graph.store.knowledge import KnowledgeGraph
from search_index.documents import service_documents


def scanned_neighbours(docs: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Per service, the first service (in document order) whose Finnish title each of its names is."""
    return {
        doc["id"]: {
            other["id"]
            for part in doc["texts"]["fi"]["name"]
            for other in [next((d for d in docs if d["labels"].get("fi") == part), None)]
            if other is not None
        }
        for doc in docs
    }


def check(kg: KnowledgeGraph) -> int:
    docs = service_documents(kg)
    linked = {(row["from"], row["to"]) for row in kg.select("pathway-edges")}
    named = 0
    for doc_id, others in scanned_neighbours(docs).items():
        doc = next(d for d in docs if d["id"] == doc_id)
        assert others <= set(doc["neighbours"]), doc_id
        by_link = {b for a, b in linked if a == doc_id} | {a for a, b in linked if b == doc_id}
        assert set(doc["neighbours"]) == others | by_link, doc_id
        named += len(others)
    return named


def test_neighbours_by_name_are_what_a_scan_of_the_titles_finds_on_the_seed_graph(kg):
    assert check(kg) > 0


def test_neighbours_by_name_are_what_a_scan_of_the_titles_finds_on_a_generated_graph(generated_build):
    check(KnowledgeGraph.open(generated_build))
