"""The CPSV-AP 3.2 profile: the seed graph's violations are exactly the explained ones, the report is current,
and a generated graph conforms outright."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import SH

from graph import vocab
from graph.build.generate import generate
from graph.build.oxview import StoreView
from graph.build.pipeline import build_graph
from graph.build.profiles import PROFILES, check_profile, load_explanations, markdown
from graph.build.shacl import ShaclEngine, UnsupportedShape
from graph.store.graphstore import MANIFEST_FILE

ROOT = Path(__file__).resolve().parents[2]
CV = "http://data.europa.eu/m8g/"
CPSV = PROFILES["cpsv-ap"]


def _copy(store: ox.Store) -> ox.Store:
    copy = ox.Store()
    copy.extend(store.quads_for_pattern(None, None, None, None))
    return copy


def test_every_violation_of_the_seed_graph_is_explained_and_every_explanation_needed(seed_store):
    report = check_profile(seed_store, "cpsv-ap")
    assert not report.unexplained, "\n".join(map(str, report.unexplained))
    assert not report.stale, [f"{e.focus} {e.path}" for e in report.stale]
    assert report.conforms and len(report.explained) == len(load_explanations(CPSV))


def test_conformance_report_is_current(seed_store):
    expected = markdown(check_profile(seed_store, "cpsv-ap"))
    assert (ROOT / "docs" / "conformance.md").read_text(encoding="utf-8") == expected, (
        "docs/conformance.md is stale: perhepolku validate --profile cpsv-ap --format markdown > docs/conformance.md"
    )


def test_an_unlisted_violation_fails(seed_store):
    store = _copy(seed_store)
    tvpt = ox.NamedNode(vocab.SERVICE + "terapeuttinen-vauvaperhetyo")
    store.remove_graph(ox.NamedNode(vocab.GRAPH_INFERRED))  # nothing re-derives the authority below
    for quad in list(store.quads_for_pattern(tvpt, ox.NamedNode(CV + "hasCompetentAuthority"), None, None)):
        store.remove(quad)
    report = check_profile(store, "cpsv-ap")
    assert not report.conforms
    assert [(v.focus, v.path) for v in report.unexplained] == [(tvpt.value, CV + "hasCompetentAuthority")]


def test_an_explanation_no_longer_needed_fails(seed_store):
    store = _copy(seed_store)
    neuvola = ox.NamedNode(vocab.SERVICE + "neuvola")
    authority = ox.NamedNode(vocab.ID + "organisation/helsingin-terveyskeskus")
    store.add(
        ox.Quad(neuvola, ox.NamedNode(CV + "hasCompetentAuthority"), authority, ox.NamedNode(vocab.GRAPH_CURATED))
    )
    report = check_profile(store, "cpsv-ap")
    assert not report.unexplained and not report.conforms
    assert [e.focus for e in report.stale] == [neuvola.value]


def test_the_engine_agrees_with_pyshacl_on_the_profile(seed_store):
    from pyshacl import validate

    shapes = Graph().parse(CPSV.shapes, format="turtle")
    _, results, _ = validate(StoreView(seed_store).to_graph(), shacl_graph=shapes, inference="none")
    reference = {
        (str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultPath)))
        for r in results.objects(None, SH.result)
    }
    engine = {(v.focus, v.path) for v in ShaclEngine(CPSV.shapes).validate(seed_store)}
    assert engine == reference and len(engine) == len(load_explanations(CPSV))


def test_closed_shapes_are_refused(tmp_path):
    shapes = tmp_path / "closed.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> a sh:NodeShape ; sh:closed true ; sh:targetClass <urn:C> .\n"
    )
    with pytest.raises(UnsupportedShape):
        ShaclEngine(shapes)


def test_every_build_records_the_profile(build_dir):
    manifest = json.loads((build_dir / MANIFEST_FILE).read_text())
    n = len(load_explanations(CPSV))
    assert manifest["profiles"]["cpsv-ap"] | {"seconds": 0} == {
        "violations": n,
        "explained": n,
        "unexplained": 0,
        "seconds": 0,
    }


@pytest.mark.slow
def test_a_generated_graph_conforms_to_the_profile(tmp_path):
    generate(7, 3, tmp_path)
    report = check_profile(build_graph(tmp_path, reasoner="rules").store, "cpsv-ap", explanations=False)
    assert report.violations == [], "\n".join(map(str, report.violations))
