"""The shared index: completions found by bisection over every word's prefix equal a scan of all of them."""

from __future__ import annotations

from search_index.analysis import fold


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
