"""The stored gap report and pathway graph equal the live ones (graph/navigation/reports.py)."""

from __future__ import annotations

import json
from pathlib import Path

from graph.navigation import gap_report, pathway_graph, stored_report
from graph.navigation.reports import REPORTS
from graph.store.knowledge import KnowledgeGraph
from tests.graph.test_documents import canonical


def assert_reports_equal_live(build_dir: Path) -> None:
    stored = KnowledgeGraph.open(build_dir)
    live = KnowledgeGraph(stored.store)  # no stored rows or reports: every query runs
    assert stored_report(live, "gaps") is None
    for name, make in (("gaps", gap_report), ("pathways", pathway_graph)):
        data = stored_report(stored, name)
        assert data is not None, name
        assert canonical(json.loads(data)) == canonical(make(live)), name
        assert json.loads(data) == json.loads(json.dumps(make(stored))), name


def test_the_seed_reports_are_stored_as_computed_live(build_dir):
    assert set(json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))["reports_bytes"]) == set(REPORTS)
    assert_reports_equal_live(build_dir)


def test_the_generated_reports_are_stored_as_computed_live(generated_build):
    stored = KnowledgeGraph.open(generated_build)
    assert json.loads(stored_report(stored, "pathways") or b"{}")["edges"]  # the generated graph has links
    assert_reports_equal_live(generated_build)


def test_the_comparison_sees_a_changed_report(build_dir):
    kg = KnowledgeGraph.open(build_dir)
    report = json.loads(stored_report(kg, "gaps") or b"{}")
    report["items"] = report["items"][1:]
    assert canonical(report) != canonical(gap_report(kg))
