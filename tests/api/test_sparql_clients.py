"""Real SPARQL clients with their default settings against a real server: SPARQLWrapper (SELECT and ASK
in JSON, XML, CSV, TSV; CONSTRUCT and DESCRIBE in Turtle, RDF/XML, JSON-LD, N3; GET and POST),
rdflib's SPARQLStore as a read-only Graph with JSON and XML results, and a large VALUES query."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

pytestmark = [
    pytest.mark.slow,
    # SPARQLWrapper 2.0 parses graphs into rdflib's ConjunctiveGraph, which rdflib 7 deprecates
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]
PP = "https://w3id.org/perhepolku/ontology#"
SERVICE = "https://w3id.org/perhepolku/id/service/"
SELECT = f"PREFIX pp: <{PP}> SELECT ?s WHERE {{ ?s a pp:Service }} ORDER BY ?s"
ASK = f"PREFIX pp: <{PP}> ASK {{ ?s a pp:AnonymousService }}"
CONSTRUCT = f"PREFIX pp: <{PP}> CONSTRUCT {{ ?a pp:leadsTo ?b }} WHERE {{ ?a pp:leadsTo ?b }}"
DESCRIBE = f"DESCRIBE <{SERVICE}baby-blues>"
SERVICES = 21
LEADS_TO = 11  # the pp:leadsTo shortcuts: no therapeutic work -> Jälkituki (second reading)


def wrapper(live_server: str, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    client = SPARQLWrapper(live_server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def rows(fmt: str, converted) -> list[str]:
    """The ?s values of a converted SELECT answer, whatever the format."""
    if fmt == JSON:
        return [b["s"]["value"] for b in converted["results"]["bindings"]]
    if fmt == XML:
        return [n.firstChild.firstChild.data for n in converted.getElementsByTagName("binding")]
    text = converted.decode("utf-8")
    if fmt == CSV:
        return [row[0] for row in list(csv.reader(io.StringIO(text)))[1:]]
    return [line.strip("<>") for line in text.splitlines()[1:]]


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(live_server, fmt, method):
    found = rows(fmt, wrapper(live_server, SELECT, fmt, method).query().convert())
    assert len(found) == SERVICES and all(s.startswith(SERVICE) for s in found)


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_ask(live_server, fmt, method):
    converted = wrapper(live_server, ASK, fmt, method).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    elif fmt == XML:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert converted.decode("utf-8").splitlines()[-1].strip().lower() in ("true", "1")


def graph_of(fmt: str, converted) -> Graph:
    if isinstance(converted, Graph):
        return converted
    return Graph().parse(data=converted.decode("utf-8"), format="turtle" if fmt in (TURTLE, N3) else fmt)


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, XML, JSONLD, N3])
def test_sparqlwrapper_construct(live_server, fmt, method):
    graph = graph_of(fmt, wrapper(live_server, CONSTRUCT, fmt, method).query().convert())
    assert len(graph) == LEADS_TO and all(p == URIRef(PP + "leadsTo") for p in graph.predicates())


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD, N3])
def test_sparqlwrapper_describe(live_server, fmt, method):
    graph = graph_of(fmt, wrapper(live_server, DESCRIBE, fmt, method).query().convert())
    assert any("Baby blues" in str(o) for o in graph.objects(URIRef(SERVICE + "baby-blues"), None))


def test_sparqlwrapper_default_format_is_xml(live_server):
    client = SPARQLWrapper(live_server + "/sparql")
    client.setQuery(SELECT)
    assert len(rows(XML, client.query().convert())) == SERVICES


def test_a_large_values_query(live_server):
    ids = [f"{SERVICE}x-{i:05d}" for i in range(950)] + [SERVICE + "baby-blues", SERVICE + "neuvola"]
    values = " ".join(f"<{iri}>" for iri in ids)
    query = f"PREFIX pp: <{PP}> SELECT ?s WHERE {{ VALUES ?s {{ {values} }} ?s a pp:Service }} ORDER BY ?s"
    assert len(query) > 45_000
    converted = wrapper(live_server, query, JSON, POST).query().convert()
    assert rows(JSON, converted) == [SERVICE + "baby-blues", SERVICE + "neuvola"]
    store_graph = Graph(store=SPARQLStore(live_server + "/sparql", returnFormat="json", method="POST"))
    assert len(list(store_graph.query(query))) == 2


@pytest.mark.parametrize("return_format", ["json", "xml"])
def test_rdflib_sparqlstore_as_a_read_only_graph(live_server, return_format):
    graph = Graph(store=SPARQLStore(live_server + "/sparql", returnFormat=return_format))
    assert len(list(graph.query(SELECT))) == SERVICES
    assert graph.query(ASK).askAnswer is True
    assert len(graph.query(CONSTRUCT).graph) == LEADS_TO
    assert any("Baby blues" in str(o) for o in graph.objects(URIRef(SERVICE + "baby-blues"), None))
    assert (URIRef(SERVICE + "baby-blues"), None, None) in graph
    with pytest.raises(TypeError):
        graph.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))
