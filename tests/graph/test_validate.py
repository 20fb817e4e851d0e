"""SHACL conformance of the curated graph, and fixtures that prove each check can fail."""

from __future__ import annotations

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
    # a curated service needs a description (only one imported from a catalogue record may have none)
    assert "undescribed needs a description" in report.shacl_text


def test_hermit_finds_the_inconsistent_fixture():
    report = validate(extra=[FIXTURES / "inconsistent.ttl"])
    assert report.consistent is False
    assert not report.conforms


@pytest.mark.slow
def test_full_validation_passes_with_reasoning():
    report = validate()
    assert report.conforms, report.text()
    assert report.consistent is True
