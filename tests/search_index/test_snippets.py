"""Snippet sentences in their compact form (search_index.snippets.compact) meet a query as the term lists did."""

from __future__ import annotations

import pytest

from search_index.plan import QueryPlan, Word
from search_index.snippets import Needles, _matches, compact


@pytest.fixture(scope="module")
def sentences(kg):
    from search_index.documents import concept_labels, service_documents
    from search_index.prepare import prepare

    payloads, _ = prepare(service_documents(kg), concept_labels(kg))
    return [entry for payload in payloads for entry in payload["sentences"]]


def listed(entry, needles):
    """The reading of the [term, start, end] lists the compact line replaced."""
    terms = dict(needles[0])
    met, spans = set(), set()
    for term, start, end in entry["terms"]:
        if f";{term} " in terms:
            met |= terms[f";{term} "]
            spans.add((start, end))
    return met, sorted(spans)


@pytest.mark.parametrize("q, lang", [("vauva ei nuku", "fi"), ("förlossningsdepression", "sv"), ("home visits", "en")])
def test_compact_lines_meet_the_query_as_the_lists_did(index, sentences, q, lang):
    needles = Needles(index.plan(q, lang))
    met_any = 0
    for entry, line in zip(sentences, compact(sentences), strict=True):
        assert _matches(line, needles(entry["lang"])) == listed(entry, needles(entry["lang"]))
        met_any += bool(listed(entry, needles(entry["lang"]))[0])
    assert met_any


def test_a_term_met_twice_marks_both_places():
    entry = {"text": "vauva ja vauva", "terms": [["vauva", 0, 5], ["ja", 6, 8], ["vauva", 9, 14], ["vauvat", 9, 14]]}
    one = Needles(QueryPlan(words=[Word(0, "vauva", {"fi": {"vauva": 1.0}})]))("fi")
    assert _matches(compact([entry])[0], one) == ({0}, [(0, 5), (9, 14)])
    prefix = Needles(QueryPlan(words=[Word(0, "vauv", {"fi": {"vauv": 1.0}})]))("fi")
    assert _matches(compact([entry])[0], prefix) == (set(), [])  # a term's prefix is no match
    assert _matches(compact([entry])[0], Needles(QueryPlan(words=[]))("fi")) == (set(), [])


@pytest.mark.parametrize("term", ["a b", "a;b", ""])
def test_a_term_the_line_cannot_hold_is_refused(term):
    with pytest.raises(ValueError):
        compact([{"text": "x", "terms": [[term, 0, 1]]}])
