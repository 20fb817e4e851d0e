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


def test_stored_frequencies_read_the_query_terms_back():
    from search_index.tantivy_engine import StoredFrequencies, tf_text

    tf = {
        "fi": {"vauva": 1.5, "vauvaperhe": 0.333, "masennus": 3.0},
        "sv": {"vauva": 0.6},
        "en": {},
        "fp": {"vau": 2.0},
    }
    stored = StoredFrequencies(tf_text(tf))
    for ns, terms in tf.items():
        for term, weight in terms.items():
            assert stored.get(ns, {}).get(term) == weight
    assert stored.get("fi", {}).get("vau") is None and stored.get("en", {}).get("vauva") is None
    assert stored.get("sv", {}).get("vauv") is None  # a prefix of a stored term is not that term
