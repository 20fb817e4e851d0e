"""The build stores the rows of the slow parameterless queries; a loaded graph serves them unchanged."""
from __future__ import annotations

from graph.kg import PRECOMPUTED, KnowledgeGraph, load_precomputed


def test_precomputed_rows_equal_the_live_queries(build_dir, kg):
    stored = load_precomputed(build_dir)
    assert set(stored) == set(PRECOMPUTED)
    for name in PRECOMPUTED:
        assert stored[name] == kg.store.select(kg.named(name).text), name


def test_a_build_without_precomputed_rows_still_answers(build_dir, kg):
    bare = KnowledgeGraph(kg.store)  # as for a build made before the step existed
    assert bare.services == kg.services
    assert bare.select_once("gap-dead-ends") == kg.select_once("gap-dead-ends")
