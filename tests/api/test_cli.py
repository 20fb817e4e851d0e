"""The `perhepolku` command line through click's CliRunner: each command, its output and its exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main
from tests.conftest import FIXTURES


@pytest.fixture()
def runner(build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner whose configured instance folder holds the session's build."""
    monkeypatch.setenv("PERHEPOLKU_INSTANCE", str(build_dir.parent.parent))
    return CliRunner()


def test_query_runs_a_named_query_with_parameters(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "pathway-downstream", "--param", "service=neuvola"])
    assert result.exit_code == 0 and "perhetyo" in result.output
    bad = runner.invoke(main, ["query", "pathway-downstream", "--param", "service"])
    assert bad.exit_code == 2 and "KEY=VALUE" in bad.output


def test_sparql_reads_a_query_and_refuses_updates(runner: CliRunner) -> None:
    result = runner.invoke(main, ["sparql", "-"], input="ASK { ?s ?p ?o }")
    assert result.exit_code == 0 and result.output.strip() == "true"
    refused = runner.invoke(main, ["sparql", "-"], input="CLEAR ALL")
    assert refused.exit_code == 2 and "read-only" in refused.output


def test_gaps_in_each_format(runner: CliRunner) -> None:
    result = runner.invoke(main, ["gaps", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["counts"]["dead_end"] >= 1
    assert runner.invoke(main, ["gaps", "--format", "csv"]).output.startswith("kind,title")
    assert runner.invoke(main, ["gaps", "--format", "markdown"]).output.startswith("|")


def test_claims_writes_the_readings_as_markdown(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["claims"])
    assert result.exit_code == 0 and result.output.startswith("# Claims") and "| interpreted |" in result.output
    out = tmp_path / "claims.md"
    assert runner.invoke(main, ["claims", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.output


def test_stats_counts_classes_and_quads(runner: CliRunner) -> None:
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 0 and "ontology#Service" in result.output and "quads" in result.output


def test_search_prints_ranked_hits(runner: CliRunner) -> None:
    result = runner.invoke(main, ["search", "baby", "blues"])
    assert result.exit_code == 0 and " 1. " in result.output and "[baby-blues]" in result.output
    as_json = json.loads(runner.invoke(main, ["search", "--json", "perhetyö"]).output)
    assert as_json["items"] and as_json["items"][0]["id"] == "perhetyo"


@pytest.mark.parametrize(
    ("extra", "code", "says"),
    [([], 0, "CONFORMS"), (["--extra", str(FIXTURES / "shacl-violation.ttl")], 1, "DOES NOT CONFORM")],
)
def test_validate_exit_codes(runner: CliRunner, extra: list[str], code: int, says: str) -> None:
    result = runner.invoke(main, ["validate", "--no-reason", *extra])
    assert result.exit_code == code, result.output
    assert says in result.output


def test_validate_error_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("this is not turtle <", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_generate_writes_a_graph(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["generate", "--services", "12", "--out", str(tmp_path / "gen")])
    assert result.exit_code == 0 and "wrote 12 services" in result.output
    assert list((tmp_path / "gen").glob("*.ttl"))


def test_a_missing_build_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERHEPOLKU_INSTANCE", str(tmp_path / "none"))
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 2 and "perhepolku build" in result.output
