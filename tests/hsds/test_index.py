"""The HSDS index a build stores is the one its four queries make."""

from __future__ import annotations

from graph.hsds.index import INDEX_FILE, build_index, hsds_index
from graph.store.knowledge import KnowledgeGraph


def test_the_stored_index_is_the_index_of_the_live_queries(kg):
    live = KnowledgeGraph(kg.store)  # no precomputed rows: the four queries run
    assert live.stored_value(INDEX_FILE) is None and kg.stored_value(INDEX_FILE) is not None
    stored, made = hsds_index(kg), build_index(live)
    assert stored == made
    assert len(stored.services) == len(kg.services) and stored.organizations and stored.places and stored.terms
    assert any(entry.terms for entry in stored.services.values()) and all(
        isinstance(entry.terms, set) for entry in stored.services.values()
    )


def test_the_comparison_sees_a_changed_entry(kg):
    live = build_index(KnowledgeGraph(kg.store))
    next(iter(live.services.values())).terms.add("no-such-term")
    assert live != build_index(KnowledgeGraph(kg.store))


def test_an_index_stored_by_another_version_is_made_again_from_the_queries(build_dir, kg, monkeypatch):
    import graph.hsds.index as index_module

    assert kg.stored_value(INDEX_FILE)["version"] == index_module.INDEX_VERSION
    monkeypatch.setattr(index_module, "INDEX_VERSION", index_module.INDEX_VERSION + 1)

    def refuse(data):
        raise AssertionError("a stored index of another version was read")

    monkeypatch.setattr(index_module, "_loaded", refuse)
    fresh = KnowledgeGraph.open(build_dir)
    assert hsds_index(fresh) == build_index(KnowledgeGraph(kg.store))
