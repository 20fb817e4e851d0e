"""The synthetic graph generator: valid against the same quote check and shapes, deterministic."""

from __future__ import annotations

import pytest

from graph.build.generate import generate
from graph.build.validate import validate


@pytest.mark.slow
def test_generated_graph_passes_quotes_and_shapes(tmp_path):
    counts = generate(12, 5, tmp_path)
    assert counts == {"services": 12, "municipalities": 309, "links": counts["links"]} and counts["links"] >= 6
    report = validate(tmp_path, reasoner="rules")
    assert report.conforms, report.text()
    assert not report.quote_problems and report.consistent and report.reasoner == "rules"


def test_same_seed_same_graph(tmp_path):
    generate(8, 9, tmp_path / "a")
    generate(8, 9, tmp_path / "b")
    generate(8, 10, tmp_path / "c")
    for name in ("generated.ttl", "generated-translations.ttl", "sources.ttl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "generated.ttl").read_bytes() != (tmp_path / "c" / "generated.ttl").read_bytes()
