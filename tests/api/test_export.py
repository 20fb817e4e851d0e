"""The CPSV-AP export: only the profile's and CCCEV's terms plus the mapped extensions, checked by the official
shapes on its own (no ontology beside it): its only violations are the explained ones."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SH

from api.cli import main
from graph.build.profiles import PROFILES, load_explanations
from graph.build.shacl import ShaclEngine
from graph.paths import ONTOLOGY_DIR

CPSV = PROFILES["cpsv-ap"]
PP = "https://w3id.org/perhepolku/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PROFILE_TERMS = (
    "http://purl.org/vocab/cpsv#",
    "http://data.europa.eu/m8g/",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/2004/02/skos/core#",
    str(RDF_TYPE.value),
)


def _store(body: bytes, fmt: ox.RdfFormat) -> ox.Store:
    store = ox.Store()  # a named graph: the SHACL engine validates the named graphs of a store
    store.load(body, format=fmt, to_graph=ox.NamedNode("urn:export"))
    return store


@pytest.fixture(scope="module")
def turtle(app) -> bytes:
    response = app.test_client().get("/api/v1/export/cpsv-ap")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    return bytes(response.data)


def test_the_export_violates_only_what_is_explained(turtle):
    found = {
        (v.focus, v.path, v.component) for v in ShaclEngine(CPSV.shapes).validate(_store(turtle, ox.RdfFormat.TURTLE))
    }
    assert found == {(e.focus, e.path, e.component) for e in load_explanations(CPSV)}


def test_pyshacl_agrees_on_the_export(turtle):
    from pyshacl import validate

    shapes = Graph().parse(CPSV.shapes, format="turtle")
    _, results, _ = validate(Graph().parse(data=turtle, format="turtle"), shacl_graph=shapes, inference="none")
    focus = {str(results.value(r, SH.focusNode)) for r in results.objects(None, SH.result)}
    assert focus == {e.focus for e in load_explanations(CPSV)}


def test_only_profile_terms_and_mapped_extensions(turtle, kg):
    store = _store(turtle, ox.RdfFormat.TURTLE)
    predicates = {q.predicate.value for q in store}
    alignments = Graph().parse(ONTOLOGY_DIR / "alignments.ttl", format="turtle")
    mapped = {
        str(s)
        for p in (RDFS.subPropertyOf, URIRef(PP + "constraintOn"), URIRef(PP + "testsConcept"))
        for s in alignments.subjects(p, None)
    }
    extensions = {p for p in predicates if not p.startswith(PROFILE_TERMS)}
    assert extensions and extensions <= mapped and all(p.startswith(PP) for p in extensions), extensions - mapped
    services = set(store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode("http://purl.org/vocab/cpsv#PublicService")))
    assert len(services) == len(kg.select("services"))
    constraints = set(store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode("http://data.europa.eu/m8g/Constraint")))
    concepts = set(
        store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode("http://data.europa.eu/m8g/InformationConcept"))
    )
    assert len(constraints) >= 9 and len(concepts) >= 8


def test_json_ld_holds_the_same_triples(app, turtle):
    response = app.test_client().get("/api/v1/export/cpsv-ap", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    as_jsonld = {(q.subject, q.predicate, q.object) for q in _store(response.data, ox.RdfFormat.JSON_LD)}
    assert as_jsonld == {(q.subject, q.predicate, q.object) for q in _store(turtle, ox.RdfFormat.TURTLE)}
    assert app.test_client().get("/api/v1/export/cpsv-ap?format=jsonld").mimetype == "application/ld+json"


def test_the_cli_exports_the_same(build_dir, monkeypatch, turtle):
    monkeypatch.setenv("PERHEPOLKU_INSTANCE", str(build_dir.parent.parent))
    result = CliRunner().invoke(main, ["export", "cpsv-ap"])
    assert result.exit_code == 0
    cli = {(q.subject, q.predicate, q.object) for q in _store(result.output.encode(), ox.RdfFormat.TURTLE)}
    assert cli == {(q.subject, q.predicate, q.object) for q in _store(turtle, ox.RdfFormat.TURTLE)}
    jsonld = CliRunner().invoke(main, ["export", "cpsv-ap", "--format", "jsonld"])
    assert jsonld.exit_code == 0 and jsonld.output.startswith(("[", "{"))
