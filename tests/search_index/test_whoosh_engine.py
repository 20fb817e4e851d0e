"""The Whoosh adapter matches from postings held in memory: the same documents Whoosh's own query finds."""

from __future__ import annotations

import pytest

from search_index.protocol import MatchRequest


def whoosh_match(engine, request: MatchRequest) -> set[int]:
    query, condition = engine._query(request)
    return {hit.docnum for hit in engine.searcher.search(query, filter=condition, limit=None)}


@pytest.mark.parametrize(
    "q, lang, filters, flags",
    [
        ("vauva ei nuku", "fi", {}, {}),
        ("förlossningsdepression", "sv", {}, {}),
        ("psykoosi", "fi", {}, {}),  # a situation some service excludes
        ("anonyymi tuki", "fi", {}, {}),  # an attribute
        ("perhetyö", "fi", {"situation": ["everyday-struggles"]}, {"free": True}),
        ("vauva", "fi", {"municipality": ["091"]}, {"anonymous": False}),
        ("", "fi", {}, {"self_referral": True}),
    ],
)
def test_postings_match_what_whoosh_matches(index, q, lang, filters, flags):
    engine = index.engine
    plan = index.plan(q, lang) if q else None
    request = index.request(plan, filters, flags)
    expected = whoosh_match(engine, request)
    assert engine.matching(request) == expected
    matched = engine.match(request, 200)
    assert matched.total == len(expected) and {p["id"] for p in matched.payloads} == {
        engine.payloads[n]["id"] for n in expected
    }


def test_more_matches_than_the_window_take_whooshs_best(index):
    request = index.request(None, {}, {})
    matched = index.engine.match(request, 3)
    assert matched.total > 3 and len(matched.payloads) == 3
