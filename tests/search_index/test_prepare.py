"""Preparing documents: each text analysed once per build gives the payloads and statistics of analysing it
at every use."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from graph.store.knowledge import KnowledgeGraph
from search_index import prepare as prepare_module
from search_index.analysis import analyse
from search_index.documents import concept_labels, service_documents


class Counted(prepare_module.Analyses):
    """The kept analyses, counting the texts asked for again."""

    instances: ClassVar[list[Counted]] = []

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        Counted.instances.append(self)

    def __call__(self, text: str, lang: str, *, query: bool = False) -> Any:
        self.calls += 1
        return super().__call__(text, lang, query=query)


class EveryTime(prepare_module.Analyses):
    """No analysis kept: every use analyses the text again (what prepare did before)."""

    def __call__(self, text: str, lang: str, *, query: bool = False) -> Any:
        return analyse(text, lang, query=query)


def compare(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> Counted:
    docs, labels = service_documents(kg), concept_labels(kg)
    monkeypatch.setattr(prepare_module, "Analyses", EveryTime)
    plain = prepare_module.prepare(docs, labels)
    monkeypatch.setattr(prepare_module, "Analyses", Counted)
    Counted.instances.clear()
    assert prepare_module.prepare(docs, labels) == plain
    (kept,) = Counted.instances
    return kept


def test_kept_analyses_give_the_payloads_of_analysing_every_time_on_the_seed_graph(kg, monkeypatch):
    kept = compare(kg, monkeypatch)
    assert kept.calls > len(kept._done) > 0  # texts were asked for again and answered as kept


def test_kept_analyses_give_the_payloads_of_analysing_every_time_on_a_generated_graph(generated_build, monkeypatch):
    kept = compare(KnowledgeGraph.open(generated_build), monkeypatch)
    assert kept.calls > len(kept._done) > 0
