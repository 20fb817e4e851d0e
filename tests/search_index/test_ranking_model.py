"""The window-at-a-time ranking model (numpy) gives each document the score the per-document loop gives
(tests/search_index/reference_ranking.py), bit for bit, with its concepts and exclusions, on both engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search_index.window import PayloadWindow
from tests.search_index.reference_ranking import reference_score

JUDGED = Path(__file__).parent


def _queries() -> list[tuple[str, str]]:
    old = json.loads((JUDGED / "judgments.json").read_text(encoding="utf-8"))["queries"]
    people = json.loads((JUDGED / "judgments_people.json").read_text(encoding="utf-8"))["queries"]
    return [(q["q"], q["lang"]) for q in old + people]


def _scores(scored) -> list[tuple]:
    return [(s.score, s.id, s.concepts, s.excluded_for) for s in scored]


@pytest.mark.parametrize("which", ["whoosh seed", "tantivy corpus"])
def test_every_document_scores_as_the_per_document_loop_scores_it(which, index, corpus_index):
    searched = index if which == "whoosh seed" else corpus_index
    engine, ranker = searched.engine, searched.ranker
    compared = attributes = concepts = 0
    for q, lang in _queries():
        plan = searched.plan(q, lang)
        if plan.empty:
            continue
        request = searched.request(plan, {}, {})
        window = engine.match(request, 200).window
        if which == "whoosh seed":
            payloads = window.payloads
        else:  # each document's frequencies of every query term, as a payload dict
            payloads = engine.ranking.payloads(window.nums, engine.ranking.wanted(request.terms))
        expected = [reference_score(ranker, plan, p, lang) for p in payloads]
        assert _scores(ranker.scores(plan, window, lang)) == expected, q
        assert _scores(ranker.scores(plan, PayloadWindow(payloads), lang)) == expected, q
        compared += 1
        attributes += bool(plan.attributes)
        concepts += bool(plan.concepts)
    assert compared > 300 and attributes > 20 and concepts > 150  # the model's every part was exercised


def test_ranking_orders_by_score_then_id(corpus_index):
    plan = corpus_index.plan("vauvaperhetyö", "fi")
    window = corpus_index.engine.match(corpus_index.request(plan, {}, {}), 200).window
    ranked = corpus_index.ranker.rank(plan, window, "fi")
    assert [(s.score, s.id) for s in ranked] == sorted(((s.score, s.id) for s in ranked), key=lambda x: (-x[0], x[1]))
    assert len({s.score for s in ranked}) < len(ranked)  # ties exist, and are broken by id


def test_an_empty_window_ranks_to_nothing(index):
    """A query with words, concepts and attributes over a window of no documents (nothing matched)."""
    plan = index.plan("maksuton anonyymi tuki synnytyksen jälkeiseen masennukseen helsingissä", "fi")
    assert plan.words and plan.concepts and plan.attributes
    assert index.ranker.rank(plan, PayloadWindow([]), "fi") == []


def test_random_plans_score_as_the_per_document_loop_scores_them(corpus_index):
    """Plans no judged query makes: attribute words alone, many words, concepts matching words the plan
    dropped, terms no document holds, anchors and places inside the window, strengths just under 1."""
    import random

    from search_index.fields import FLAGS
    from search_index.plan import QueryPlan, Word
    from search_index.protocol import MatchRequest

    engine, ranker = corpus_index.engine, corpus_index.ranker
    window = engine.match(MatchRequest(everything=True), 200).window
    payloads = engine.ranking.payloads(window.nums, engine.ranking.wanted(engine.ranking.vocabulary))
    rng = random.Random(11)
    vocabulary = [key.split(":", 1) for key in engine.ranking.vocabulary]
    concepts = sorted({c for p in payloads for c in p["concepts"]})
    places = sorted({m for p in payloads for m in p["facets"].get("municipality", [])})
    kinds = {"words": 0, "attributes only": 0, "anchored": 0, "placed": 0, "unheld": 0}
    for _ in range(150):
        words = []
        for n in range(rng.choice([0, 1, 2, 3, 5, 12, 40])):
            terms: dict[str, dict[str, float]] = {}
            for ns, term in rng.sample(vocabulary, rng.randint(1, 3)):
                terms.setdefault(ns, {})[term] = rng.choice([1.0, 0.35, 0.6, 0.8])
            if rng.random() < 0.2:
                terms.setdefault("fi", {})["no-document-holds-this"] = 1.0
                kinds["unheld"] += 1
            words.append(Word(n * 7, f"w{n}", terms))
        named = rng.sample(concepts, rng.randint(0, 3))
        plan_concepts = {
            cid: (rng.choice([1.0, 1.0 - 1e-10, 0.7]), frozenset(rng.sample(range(0, 300, 7), 2))) for cid in named
        }
        attributes: dict[str, list[str]] = {}
        if rng.random() < 0.4:
            attributes[rng.choice(FLAGS)] = ["true"]
        if rng.random() < 0.3:
            attributes["municipality"] = rng.sample(places, 2)
            kinds["placed"] += 1
        anchors = {"after": [rng.choice(window.ids)]} if rng.random() < 0.3 else {}
        kinds["anchored"] += bool(anchors)
        plan = QueryPlan(words=words, concepts=plan_concepts, matched=named[:2], attributes=attributes, anchors=anchors)
        if plan.empty:
            continue
        kinds["words" if words else "attributes only"] += 1
        expected = [reference_score(ranker, plan, p, "fi") for p in payloads]
        assert _scores(ranker.scores(plan, window, "fi")) == expected, plan
    assert all(count > 5 for count in kinds.values()), kinds
