"""The tantivy backend finds what Whoosh finds: same matches, facets and corrections, judged relevance kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_index.evaluation import evaluate
from search_index.search import search
from search_index.speller import Speller, distance

JUDGMENTS = Path(__file__).parent / "judgments.json"
QUERIES = [
    ("vauva ei nuku", "fi"),
    ("päihteet", "fi"),
    ("synnytyksen jälkeinen masennus", "fi"),
    ("förlossningsdepression", "sv"),
    ("home visits", "en"),
    ("perhetyö", "fi"),
    ("", "fi"),
]


def test_mean_ndcg_at_5(tantivy_index):
    result = evaluate(
        JUDGMENTS, lambda q, lang: [i["id"] for i in search(tantivy_index, q, lang=lang, limit=5)["items"]]
    )
    assert result["mean_ndcg"] >= 0.9, result["per_query"]


@pytest.mark.parametrize("q, lang", QUERIES)
def test_same_matches_and_facets_as_whoosh(index, tantivy_index, q, lang):
    whoosh, tantivy = (search(ix, q, lang=lang, limit=50) for ix in (index, tantivy_index))
    assert tantivy["total"] == whoosh["total"]
    assert {i["id"] for i in tantivy["items"]} == {i["id"] for i in whoosh["items"]}
    assert tantivy["facets"] == whoosh["facets"]


def test_filters_and_flags_as_whoosh(index, tantivy_index):
    for filters in ({"situation": ["depression"]}, {"free": ["true"]}, {"anonymous": ["false"], "language": ["sv"]}):
        whoosh, tantivy = (search(ix, "vauva", filters=filters, limit=50) for ix in (index, tantivy_index))
        assert [i["id"] for i in tantivy["items"]] and {i["id"] for i in tantivy["items"]} == {
            i["id"] for i in whoosh["items"]
        }


def test_typo_and_snippet(tantivy_index):
    result = search(tantivy_index, "masenus", lang="fi")
    assert result["did_you_mean"] == "masennus"
    assert any("<mark>" in item["snippet"] for item in search(tantivy_index, "päiväryhmä")["items"])


def test_speller_finds_the_nearest_frequent_term():
    speller = Speller({"masennus": 5, "masennuksen": 2, "vauva": 9})
    assert speller.suggest("masenus") == ["masennus"]
    assert speller.suggest("vavua", maxdist=1) == ["vauva"]  # a transposition is one edit
    assert speller.suggest("xyz", maxdist=2) == []
    assert distance("kissa", "kassi") == 2
