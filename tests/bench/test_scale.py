"""The national-scale benchmark runs end to end on a tiny generated graph (full sizes run in `make bench`)."""

from __future__ import annotations

import pytest

from bench.__main__ import scale_text
from bench.scale import bench_scale


@pytest.mark.slow
def test_scale_benchmark_builds_serves_and_measures_a_generated_graph():
    [result] = bench_scale([12], runs=3)
    assert result["services"] == 12 and result["quads"] > 1000 and result["build_s"] > 0
    operations = {row["operation"]: row for row in result["in_process"]}
    assert set(operations) == {
        "search (fi, sv, en; 1-3 words)",
        "eligibility",
        "pathway",
        "named query pathway-downstream",
        "gap report",
    }
    assert all(row["floor_median_ms"] > 0 and row["p95_ms"] >= row["median_ms"] for row in operations.values())
    assert {row["endpoint"] for row in result["http"]} >= {"eligibility", "pathway", "gap report"}
    assert result["server"]["cold_start_s"] > 0 and result["server"]["peak_rss_mb"] > 0
    assert "12 services" in scale_text([result])
    pages = {row["page"]: row for row in result["pages"]}
    assert set(pages) == {"search", "service", "screening", "pathways", "gaps", "sparql editor"}
    assert all(0 < row["page_bytes"] < 1_000_000 and row["first_render_ms"] > 0 for row in pages.values())
