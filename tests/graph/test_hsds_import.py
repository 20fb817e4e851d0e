"""HSDS 3.0 in and out: the specification's JSON examples imported, built and screened; the tabular export
validated with frictionless; imported services served back as HSDS that passes the schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import hsds
from graph.build.importers import import_hsds, import_ptv
from graph.build.validate import validate
from graph.hsds.index import hsds_index
from graph.paths import CURATED_DIR

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLE = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("hsds")
    report = import_hsds([FIXTURES / "hsds" / "json" / "service_full.json"], out)
    assert report["imported"] == 1
    ptv = tmp_path_factory.mktemp("ptv")
    import_ptv([FIXTURES / "ptv" / "seed"], ptv)
    return out, ptv


@pytest.fixture(scope="module")
def kg(imported):
    from graph.build.pipeline import build_graph
    from graph.store.knowledge import KnowledgeGraph

    return KnowledgeGraph(build_graph([CURATED_DIR, *imported], reasoner="rules"))


def test_the_specification_examples_import_and_conform(imported):
    report = validate([imported[0]], reasoner="rules")
    assert report.conforms, report.text()


def test_a_page_of_services_is_read(tmp_path):
    report = import_hsds([FIXTURES / "hsds" / "json" / "service_list.json"], tmp_path)
    assert report["imported"] == 1 and (tmp_path / f"hsds-service-{EXAMPLE}.ttl").is_file()
    assert validate([tmp_path], reasoner="rules").conforms


def test_an_imported_hsds_service_keeps_its_id_and_facts(kg, hsds_schema):
    index = hsds_index(kg)
    assert EXAMPLE in index.services
    doc = hsds.service(kg, EXAMPLE, "en")
    assert doc["name"] == "Community Counselling" and doc["organization"]["name"] == "Example Organization Inc."
    assert [p["number"] for p in doc["phones"]] == ["+44 1234 234567"]
    assert list(hsds_schema("service").iter_errors(doc)) == []
    found = hsds.list_services(kg, hsds.Filters(search="counselling", lang="en"))
    assert EXAMPLE in {s["id"] for s in found["contents"]}


def test_imported_ptv_services_validate_as_hsds(kg, hsds_schema):
    index = hsds_index(kg)
    ptv = [u for u, e in index.services.items() if e.slug.startswith("ptv-")]
    assert len(ptv) == 21  # the seed services as PTV records (tests/fixtures/ptv/seed)
    for uuid in ptv:
        doc = hsds.service(kg, uuid)
        assert list(hsds_schema("service").iter_errors(doc)) == []
        assert doc["last_modified"] == "2026-11-02T08:00:00Z"
    after = hsds.list_services(
        kg, hsds.Filters(modified_after=__import__("datetime").datetime(2026, 11, 1), per_page=100)
    )
    assert {s["id"] for s in after["contents"]} == set(ptv)


def test_the_imported_example_is_screened(kg):
    from graph.navigation import parse_profile, screen

    answer = screen(kg, parse_profile(kg, {"child_age_months": ["6"]}), limit=1000)
    ids = {i["id"] for status in ("eligible", "ineligible", "unknown") for i in answer[status]}
    assert EXAMPLE in ids


def test_tabular_export_passes_frictionless(kg, tmp_path):
    from frictionless import validate as frictionless_validate

    counts = hsds.export_csv(kg, tmp_path / "csv")
    assert counts["service"] == len(kg.services) and counts["taxonomy_term"] > 50 and counts["schedule"] > 0
    report = frictionless_validate(str(tmp_path / "csv" / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]
    header = (tmp_path / "csv" / "services.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,organization_id,program_id,name")


def test_the_cli_imports(tmp_path):
    from click.testing import CliRunner

    from api.cli import main

    runner = CliRunner()
    done = runner.invoke(main, ["import", "ptv", str(FIXTURES / "ptv" / "seed"), "--out", str(tmp_path / "ptv")])
    assert done.exit_code == 0, done.output
    assert '"imported": 21' in done.output
    done = runner.invoke(main, ["import", "hsds", str(FIXTURES / "hsds" / "json"), "--out", str(tmp_path / "hsds")])
    assert done.exit_code == 0, done.output
    done = runner.invoke(main, ["generate", "--format", "ptv", "--services", "5", "--out", str(tmp_path / "gen")])
    assert done.exit_code == 0 and '"services": 5' in done.output
