"""The national-scale benchmark runs end to end on a tiny generated graph (full sizes run in `make bench`)."""

from __future__ import annotations

import pytest

from bench.__main__ import scale_text
from bench.scale import bench_scale
from graph.store.catalog import Catalog


@pytest.mark.slow
def test_scale_benchmark_builds_serves_and_measures_a_generated_graph():
    [result] = bench_scale([12], runs=3)
    assert result["services"] == 12 and result["quads"] > 1000 and result["build_s"] > 0
    assert {"shacl", "precompute", "store_documents", "build_index"} <= set(result["steps"])
    assert {row["query"] for row in result["named_raw"]} == {q.name for q in Catalog()}
    assert all(row["answered"] in ("live", "precomputed") for row in result["named_raw"])
    rows = {row["endpoint"]: row for row in result["http"]}
    assert next(iter(rows)) == "floor (/health)"
    assert {"service detail", "eligibility", "pathway", "gap report", "suggest", "concepts", "services list"} <= set(
        rows
    )
    assert {f"query {q.name}" for q in Catalog()} <= set(rows)
    assert all(
        row["status"] == 200 and row["runs"] == 3 and row["p95_ms"] >= row["median_ms"] and row["ratio"] > 0
        for row in rows.values()
    )
    assert result["server"]["cold_start_s"] > 0 and result["server"]["peak_rss_mb"] > 0
    served = {row["endpoint"]: row for row in result["http_gunicorn"]}  # the same rows under gunicorn
    assert set(served) == set(rows) and all(row["status"] == 200 for row in served.values())
    assert result["server_gunicorn"]["workers_rss_mb"] > 0 and result["server_gunicorn"]["worker_peak_rss_mb"] > 0
    assert "12 services" in scale_text([result]) and "over HTTP, gunicorn" in scale_text([result])
    live = {row["query"] for row in result["named_raw"] if row["answered"] == "live"}
    assert "resource" in live and not {"eligibility-stage", "eligibility-area", "export-cpsv-ap"} & live
    pages = {row["page"]: row for row in result["pages"]}
    assert {"search", "service", "screening", "pathways", "gaps", "sparql editor"} <= set(pages)
    assert all(
        0 < row["page_bytes"] < 1_000_000 and row["first_page_ms"] > 0 and row["first_json_ms"] > 0
        for row in pages.values()
    )
