"""SHACL conformance of the curated graph, and fixtures that prove each check can fail."""

from __future__ import annotations

import subprocess
import sys

import pytest

from graph.build.validate import shacl_check, validate
from tests.conftest import FIXTURES


def test_curated_graph_conforms_to_the_shapes(source_graph):
    conforms, text = shacl_check(source_graph)
    assert conforms, text


def test_shacl_catches_missing_translations_and_a_dangling_link():
    report = validate(extra=[FIXTURES / "shacl-violation.ttl"], reason=False)
    assert not report.shacl_conforms
    assert "Finnish, Swedish and English" in report.shacl_text
    assert "toService" in report.shacl_text
    # the service states a work form but no derivation supports pp:workForm
    assert "without a derivation that supports it" in report.shacl_text


def test_hermit_finds_the_inconsistent_fixture():
    report = validate(extra=[FIXTURES / "inconsistent.ttl"])
    assert report.consistent is False
    assert not report.conforms


def test_full_validation_passes_with_reasoning():
    report = validate()
    assert report.conforms, report.text()
    assert report.consistent is True


@pytest.mark.parametrize("extra, code", [([], 0), (["--extra", str(FIXTURES / "shacl-violation.ttl")], 1)])
def test_validate_command_exit_codes(extra, code):
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "validate", "--no-reason", *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code, result.stdout + result.stderr
    assert ("CONFORMS" in result.stdout) if code == 0 else ("DOES NOT CONFORM" in result.stdout)


def test_validate_command_error_exit_code(tmp_path):
    (tmp_path / "broken.ttl").write_text("this is not turtle <", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "validate", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "cannot parse Turtle" in result.stderr
