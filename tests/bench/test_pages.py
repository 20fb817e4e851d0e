"""The page-vs-JSON benchmark runs on the seed build: a row per page, both timed, the ratio and the size."""

from __future__ import annotations

from bench.pages import PAIRS, bench_pages


def test_every_page_is_timed_beside_its_json_endpoint(app):
    rows = bench_pages(app, runs=3)
    assert [row["page"] for row in rows] == [name for name, _, _ in PAIRS]
    for row in rows:
        assert row["page_median_ms"] > 0 and row["json_median_ms"] > 0 and row["ratio"] > 0
        assert 1000 < row["page_bytes"] < 1_000_000
