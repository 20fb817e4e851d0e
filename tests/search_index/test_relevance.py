"""Relevance on the judged query set: mean nDCG@5 must stay at or above 0.9."""

from __future__ import annotations

from pathlib import Path

from search_index.evaluation import evaluate, ndcg
from search_index.search import search

JUDGMENTS = Path(__file__).parent / "judgments.json"
THRESHOLD = 0.9


def test_ndcg_is_computed_correctly():
    assert ndcg(["a", "b"], {"a": 3, "b": 1}) == 1.0
    assert ndcg(["b", "a"], {"a": 3, "b": 1}) < 1.0
    assert ndcg(["x"], {"a": 3}) == 0.0


def test_judged_set_is_large_and_varied():
    import json

    queries = json.loads(JUDGMENTS.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 30
    assert {q["lang"] for q in queries} == {"fi", "sv", "en"}


def test_mean_ndcg_at_5(index):
    result = evaluate(JUDGMENTS, lambda q, lang: [i["id"] for i in search(index, q, lang=lang, limit=5)["items"]])
    weak = [s for s in result["per_query"] if s["ndcg"] < 0.5]
    assert result["mean_ndcg"] >= THRESHOLD, result["per_query"]
    assert not weak, weak


def test_typo_gets_did_you_mean(index):
    result = search(index, "masenus")
    assert result["did_you_mean"] == "masennus" and result["total"] >= 3
    assert search(index, "masennus")["did_you_mean"] is None


def test_concurrent_searches_agree(index):
    """Searches from many threads at once give the same answers as one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    queries = ["vauva ei nuku", "masennus", "perhetyö", "päihteet raskaus", "crying baby", "paivaryhma"] * 60
    expected = {q: [i["id"] for i in search(index, q)["items"]] for q in set(queries)}
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda q: (q, [i["id"] for i in search(index, q)["items"]]), queries))
    assert all(ids == expected[q] for q, ids in results)


PEOPLE = Path(__file__).parent / "judgments_people.json"
# Issue 11 asks for 0.9 on the test half. Measured at this commit (docs/search.md) over both batches
# (305 queries): test 0.821, dev 0.877 (batch 1 alone: test 0.838, dev 0.905; before the sixth vocabulary
# pass test 0.815, dev 0.853). The threshold guards what is reached, just below it; it is not the goal,
# and the judgments are not edited.
PEOPLE_TEST_FLOOR = 0.815


def test_people_set_test_half(index):
    import json

    queries = json.loads(PEOPLE.read_text(encoding="utf-8"))["queries"]
    test = [q for q in queries if q["split"] == "test"]
    assert len(queries) >= 150 and len(test) >= 75
    scores = [
        ndcg([i["id"] for i in search(index, q["q"], lang=q["lang"], limit=5)["items"]], q["relevant"]) for q in test
    ]
    assert sum(scores) / len(scores) >= PEOPLE_TEST_FLOOR
    empty = [q["q"] for q in test if not search(index, q["q"], lang=q["lang"])["items"]]
    assert len(empty) <= 2, empty
