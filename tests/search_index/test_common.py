"""The shared index: completions found by bisection equal a scan; the engine calls search() makes (count,
window, keep, a plan made once) agree with a full search on both engines."""

from __future__ import annotations

import pytest

from search_index.analysis import fold
from search_index.fields import RERANK_WINDOW


def scanned(index, prefix: str) -> set[str]:
    key = fold(prefix)
    return {
        s["text"].lower()
        for s in index.completions
        if s["key"].startswith(key) or any(w.startswith(key) for w in s["key"].split())
    }


def test_suggest_finds_what_a_scan_finds(index):
    prefixes = ["v", "vau", "perhe", "masen", "för", "baby", "ty", "hoidolli", "x", "ö"]
    for prefix in prefixes:
        got = index.suggest(prefix, "fi", 10_000)
        assert {s["text"].lower() for s in got} == scanned(index, prefix), prefix
    assert index.suggest("vau", "fi", 10)[0]["text"].lower().startswith("vau")


QUERIES = [
    ("vauva", "fi", {}, {}),
    ("vauva ei nuku", "fi", {"situation": ["everyday-struggles"]}, {}),
    ("förlossningsdepression", "sv", {}, {"free": True}),
    ("home visits", "en", {"municipality": ["091"]}, {"anonymous": False}),
    ("", "fi", {}, {"self_referral": True}),
    ("xyzzy", "fi", {}, {}),  # nothing matches
]


@pytest.fixture(params=["whoosh", "tantivy"])
def both(request, index, tantivy_index):
    return index if request.param == "whoosh" else tantivy_index


@pytest.mark.parametrize("q, lang, filters, flags", QUERIES)
def test_count_and_window_agree_with_a_full_search(both, q, lang, filters, flags):
    whole = both.search(q, lang, filters, flags, RERANK_WINDOW, 0)
    plan = both.plan(q, lang) if q else None
    assert both.count(q, lang, filters, flags) == both.count(q, lang, filters, flags, plan=plan) == whole["total"]
    assert both.window(q, lang, filters, flags, plan=plan) == {item["id"] for item in whole["items"]}
    assert both.search(q, lang, filters, flags, 10, 0, plan=plan) == both.search(q, lang, filters, flags, 10, 0)


def test_a_smaller_window_is_the_engines_best(both):
    request = both.request(both.plan("vauva", "fi"), {}, {})
    best = both.engine.match(request, 3)
    assert best.total > 3 and both.engine.window(request, 3) == [p["id"] for p in best.payloads]


def test_keep_drops_hits_and_counts_what_is_left(both):
    whole = both.search("vauva", "fi", {}, {}, RERANK_WINDOW, 0)
    ids = [item["id"] for item in whole["items"]]
    dropped = set(ids[1::2])
    kept = both.search("vauva", "fi", {}, {}, 3, 1, keep=lambda i: i not in dropped)
    left = [item for item in whole["items"] if item["id"] not in dropped]
    assert kept["total"] == len(left) and kept["items"] == left[1:4]
    assert kept["facets"] == whole["facets"]  # the facets are those of every match


@pytest.mark.parametrize(
    "q, flags", [("", {}), ("vauva", {}), ("perhe", {"anonymous": False}), ("masennus", {}), ("", {"free": True})]
)
def test_tantivys_facet_counts_agree_however_counted(tantivy_index, q, flags):
    """In memory (every match in the window), aggregated over the matches, or all less the rest."""
    engine = tantivy_index.engine
    request = tantivy_index.request(tantivy_index.plan(q, "fi") if q else None, {}, flags)
    whole, one = engine.match(request, RERANK_WINDOW), engine.match(request, 1)
    assert whole.total == one.total > 1 and len(whole.payloads) == whole.total
    assert one.facets == whole.facets
    assert engine._aggregate(engine._query(request)) == whole.facets


def test_both_ways_of_tantivys_facet_counts_are_exercised(tantivy_index):
    engine = tantivy_index.engine
    every, masennus = (tantivy_index.count(q, "fi", {}, {}) for q in ("", "masennus"))
    assert every == engine.documents and masennus > 1 and 2 * masennus <= engine.documents
