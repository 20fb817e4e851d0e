"""Linked Data: every IRI the graph mints resolves under /id/ with content negotiation to its description
(the `resource` named query), the dataset has a VoID/DCAT description, and the build's graph a dump."""

from __future__ import annotations

import gzip

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

ID = "https://w3id.org/perhepolku/id/"
BABY_BLUES = ID + "service/baby-blues"
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
PP = Namespace("https://w3id.org/perhepolku/ontology#")
FORMATS = [
    ("text/turtle", "turtle"),
    ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"),
]


def parsed(response, fmt: str) -> Graph:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return Graph().parse(data=response.get_data(as_text=True), format=fmt)


@pytest.mark.parametrize("accept, fmt", FORMATS)
def test_a_service_iri_resolves_in_each_rdf_format(client, kg, accept, fmt):
    response = client.get("/id/service/baby-blues", headers={"Accept": accept})
    assert response.mimetype == accept and "Accept" in response.headers["Vary"]
    graph = parsed(response, fmt)
    expected = Graph().parse(
        data=kg.run("resource", {"resource": BABY_BLUES}).serialize(
            format=__import__("pyoxigraph").RdfFormat.N_TRIPLES
        ),
        format="nt",
    )
    assert isomorphic(graph, expected)
    subject = URIRef(BABY_BLUES)
    assert any("Baby blues" in str(title) for title in graph.objects(subject, DCT.title))
    quotes = [q for d in graph.objects(subject, PROV.qualifiedDerivation) for q in graph.objects(d, PP.quote)]
    assert quotes, "the description carries the quoted derivations"


def test_format_parameter_on_resources(client):
    assert client.get("/id/service/baby-blues?format=jsonld").mimetype == "application/ld+json"
    assert client.get("/id/service/baby-blues", headers={"Accept": "*/*"}).mimetype == "text/turtle"


def test_every_minted_kind_resolves(client, kg):
    rows = kg.store.select(
        f"SELECT ?kind (SAMPLE(?s) AS ?example) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{ID}')) "
        f"BIND(STRBEFORE(STRAFTER(STR(?s), '{ID}'), '/') AS ?kind) }} GROUP BY ?kind"
    )
    kinds = {row["kind"] for row in rows}
    assert kinds >= {"service", "concept", "scheme", "channel", "requirement", "link", "organisation", "place"}
    for row in rows:
        response = client.get(
            row["example"].removeprefix("https://w3id.org/perhepolku"), headers={"Accept": "text/turtle"}
        )
        graph = parsed(response, "turtle")
        assert (URIRef(row["example"]), None, None) in graph


@pytest.mark.parametrize(
    "path", ["/id/service/no-such-service", "/id/service/a%20b", "/id/Service/x", "/id/concept/<x>"]
)
def test_unknown_or_malformed_resources_are_404_problems(client, path):
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_a_browser_gets_the_web_page_or_turtle(client, app):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/id/service/baby-blues", headers={"Accept": browser})
    try:
        app.url_map.bind("localhost").match("/services/baby-blues", method="GET")
        has_page = True
    except Exception:
        has_page = False
    if has_page:
        assert response.status_code == 303 and response.headers["Location"].endswith("/services/baby-blues")
    else:
        assert response.status_code == 200 and response.mimetype == "text/turtle"
    rdf_client = client.get("/id/service/baby-blues", headers={"Accept": "text/turtle, text/html;q=0.5"})
    assert rdf_client.status_code == 200 and rdf_client.mimetype == "text/turtle"


def test_void_and_dcat_description(client, kg, build_dir):
    graph = parsed(client.get("/.well-known/void", headers={"Accept": "text/turtle"}), "turtle")
    dataset = URIRef("https://w3id.org/perhepolku/dataset")
    assert (dataset, None, VOID.Dataset) in graph and (dataset, None, DCAT.Dataset) in graph
    assert int(graph.value(dataset, VOID.triples)) == kg.manifest["quads"]
    assert str(graph.value(dataset, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))) == kg.manifest["version"]
    assert str(graph.value(dataset, DCT.identifier)) == kg.manifest["build_id"]
    assert graph.value(dataset, DCT.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    sources = set(graph.objects(dataset, DCT.source))
    assert len(sources) == len(kg.select("dataset-sources")) >= 5
    assert str(graph.value(dataset, VOID.sparqlEndpoint)).endswith("/sparql")
    dump = graph.value(dataset, VOID.dataDump)
    assert str(dump).endswith("/dumps/perhepolku.nq.gz")
    distribution = next(
        d for d in graph.objects(dataset, DCAT.distribution) if graph.value(d, DCAT.downloadURL) == dump
    )
    assert int(graph.value(distribution, DCAT.byteSize)) == (build_dir / "graph.nq.gz").stat().st_size
    assert len(list(graph.objects(dataset, VOID.subset))) == 5  # ontology, curated, translations, readings, inferred
    same = parsed(client.get("/api/v1/dataset", headers={"Accept": "application/ld+json"}), "json-ld")
    assert isomorphic(graph, same)
    assert (dataset, DCT.title, Literal("perhepolku: Finnish family services", lang="en")) in graph


def test_the_dump_is_the_whole_graph_of_the_build(client, kg, build_dir):
    response = client.get("/dumps/perhepolku.nq.gz")
    assert response.status_code == 200 and response.mimetype == "application/gzip"
    assert kg.manifest["build_id"] in response.headers["Content-Disposition"]
    data = gzip.decompress(response.get_data())
    response.close()
    assert data == (build_dir / "graph.nq").read_bytes()
    dataset = Dataset().parse(data=data.decode("utf-8"), format="nquads")
    assert len(list(dataset.quads((None, None, None, None)))) == kg.manifest["quads"]
