"""Data truth: every quote appears verbatim in the seed file it cites."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Namespace

from graph.build.provenance import check_quotes
from graph.paths import SOURCES_DIR
from tests.conftest import FIXTURES

PP = Namespace("https://w3id.org/perhepolku/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_every_quote_is_verbatim(source_graph):
    quotes = list(source_graph.subject_objects(PP.quote))
    assert len(quotes) > 200
    assert check_quotes(source_graph) == []


def test_quote_check_reads_the_files_themselves(source_graph, tmp_path):
    # The same graph against altered copies of the seeds must fail: the check is not a tautology.
    for path in SOURCES_DIR.iterdir():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8").replace("a", "ä"), encoding="utf-8")
    assert len(check_quotes(source_graph, tmp_path)) > 100


def test_invented_quote_is_caught():
    from graph.build.validate import validate

    report = validate(extra=[FIXTURES / "bad-quote.ttl"], reason=False)
    assert not report.conforms
    assert any("Palvelu on asiakkaalle kallista." in p for p in report.quote_problems)


def test_every_service_criterion_exclusion_channel_and_link_has_a_source(source_graph):
    from rdflib.namespace import RDF

    classes = [
        PP.Service,
        PP.FamilyStageCriterion,
        PP.ResidenceCriterion,
        PP.SituationCriterion,
        PP.ClientStatusCriterion,
        PP.AssessedCriterion,
        PP.Exclusion,
        PP.ReferralLink,
        Namespace("http://data.europa.eu/m8g/").Channel,
    ]
    for cls in classes:
        for thing in source_graph.subjects(RDF.type, cls):
            derivations = list(source_graph.objects(thing, PROV.qualifiedDerivation))
            assert derivations, f"{thing} has no source"
            for d in derivations:
                assert source_graph.value(d, PP.quote), f"{thing}: derivation without a quote"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="shared/seeds not beside the checkout")
def test_vendored_seeds_match_shared_seeds():
    for seed in sorted(SHARED_SEEDS.glob("*.txt")):
        assert (SOURCES_DIR / seed.name).read_bytes() == seed.read_bytes(), seed.name
