"""The build stores the rows of the slow parameterless queries; a loaded graph serves them unchanged."""

from __future__ import annotations

from graph.build.precompute import PRECOMPUTED
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PrecomputedRows


def test_precomputed_rows_equal_the_live_queries(build_dir, kg):
    stored = PrecomputedRows(build_dir)
    for name in PRECOMPUTED:
        assert stored.get(name) == kg.store.select(kg.named(name).text), name
    assert stored.get("no-such-query") is None


def test_a_build_without_precomputed_rows_still_answers(build_dir, kg):
    bare = KnowledgeGraph(kg.store)  # as for a build made before the step existed
    assert bare.services == kg.services
    assert bare.select_once("gap-dead-ends") == kg.select_once("gap-dead-ends")
