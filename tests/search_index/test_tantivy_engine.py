"""Both engines behind one SearchIndex give the same answers: order, scores, snippets, did-you-mean, interpretation."""

from __future__ import annotations

import pytest

from search_index.search import search
from search_index.speller import Speller, distance

QUERIES = [
    ("vauva ei nuku", "fi"),
    ("päihteet", "fi"),
    ("synnytyksen jälkeinen masennus", "fi"),
    ("masenus", "fi"),
    ("förlossningsdepression", "sv"),
    ("gratis stöd på svenska", "sv"),
    ("home visits", "en"),
    ("anonymous support", "en"),
    ("perhetyö", "fi"),
    ("psykoosi", "fi"),
    ("", "fi"),
]


def test_both_are_search_indexes(index, tantivy_index):
    for ix in (index, tantivy_index):
        assert all(callable(getattr(ix, m)) for m in ("search", "suggest", "close")) and "depression" in ix.names
    assert index.engine_name == "whoosh" and tantivy_index.engine_name == "tantivy"


@pytest.mark.parametrize("q, lang", QUERIES)
def test_same_answers_as_whoosh(index, tantivy_index, q, lang):
    whoosh, tantivy = (search(ix, q, lang=lang, limit=50) for ix in (index, tantivy_index))
    assert tantivy == whoosh


def test_filters_and_flags_as_whoosh(index, tantivy_index):
    for filters in ({"situation": ["depression"]}, {"free": ["true"]}, {"anonymous": ["false"], "language": ["sv"]}):
        whoosh, tantivy = (search(ix, "vauva", filters=filters, limit=50) for ix in (index, tantivy_index))
        assert tantivy["items"] and tantivy == whoosh


def test_speller_finds_the_nearest_frequent_term():
    speller = Speller({"masennus": 5, "masennuksen": 2, "vauva": 9})
    assert speller.suggest("masenus") == ["masennus"]
    assert speller.suggest("vavua", maxdist=1) == ["vauva"]  # a transposition is one edit
    assert speller.suggest("xyz", maxdist=2) == []
    assert distance("kissa", "kassi") == 2
