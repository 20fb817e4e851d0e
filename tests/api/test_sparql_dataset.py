"""The RDF dataset of a query as SPARQL 1.1 defines it: FROM merged into the default graph, FROM NAMED
restricting the named graphs, the protocol's default-graph-uri / named-graph-uri overriding both,
and a graph the store does not hold empty. Expected counts come from the graph sizes."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

G = "https://w3id.org/perhepolku/graph/"
ONTOLOGY, CURATED, INFERRED = G + "ontology", G + "curated", G + "inferred"
COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"
GRAPHS = "SELECT DISTINCT ?g {dataset} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"


def answer(client, query: str, **protocol: list[str]):
    params = [("query", query)] + [(k.replace("_", "-"), v) for k, vs in protocol.items() for v in vs]
    response = client.get("/sparql?" + urlencode(params))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["results"]["bindings"]


def count(client, dataset: str = "", **protocol: list[str]) -> int:
    return int(answer(client, COUNT.format(dataset=dataset), **protocol)[0]["n"]["value"])


def graphs(client, dataset: str = "", **protocol: list[str]) -> set[str]:
    return {row["g"]["value"] for row in answer(client, GRAPHS.format(dataset=dataset), **protocol)}


@pytest.fixture(scope="module")
def sizes(kg) -> dict[str, int]:
    return {row["graph"]: row["triples"] for row in kg.select_once("graph-sizes")}


def test_without_a_dataset_the_default_graph_is_the_union(client, sizes):
    assert count(client) > max(sizes.values())
    assert count(client) == count(client, " ".join(f"FROM <{g}>" for g in sizes))


def test_from_is_the_default_graph(client, sizes):
    assert count(client, f"FROM <{ONTOLOGY}>") == sizes[ONTOLOGY] < count(client)
    assert count(client, f"FROM <{CURATED}>") == sizes[CURATED]


def test_several_from_graphs_are_merged(client, sizes):
    merged = count(client, f"FROM <{ONTOLOGY}> FROM <{CURATED}>")
    assert sizes[ONTOLOGY] < merged <= sizes[ONTOLOGY] + sizes[CURATED]


def test_an_unknown_graph_is_empty(client):
    assert count(client, "FROM <urn:x:none>") == 0
    assert graphs(client, "FROM NAMED <urn:x:none>") == set()


def test_from_alone_leaves_no_named_graphs(client):
    assert graphs(client, f"FROM <{ONTOLOGY}>") == set()


def test_from_named_restricts_the_named_graphs_and_empties_the_default_graph(client, sizes):
    assert graphs(client, f"FROM NAMED <{CURATED}>") == {CURATED}
    assert graphs(client, f"FROM NAMED <{CURATED}> FROM NAMED <{ONTOLOGY}>") == {CURATED, ONTOLOGY}
    assert count(client, f"FROM NAMED <{CURATED}>") == 0
    assert graphs(client) == set(sizes)


def test_the_protocol_dataset_overrides_the_query(client, sizes):
    assert count(client, f"FROM <{ONTOLOGY}>", default_graph_uri=[CURATED]) == sizes[CURATED]
    assert graphs(client, f"FROM NAMED <{CURATED}>", named_graph_uri=[ONTOLOGY]) == {ONTOLOGY}
    # what the protocol dataset leaves out is empty: named graphs only → an empty default graph
    assert count(client, f"FROM <{ONTOLOGY}>", named_graph_uri=[CURATED]) == 0
    assert graphs(client, f"FROM NAMED <{CURATED}>", default_graph_uri=[ONTOLOGY]) == set()
    assert count(client, default_graph_uri=["urn:x:none"]) == 0


def test_the_dataset_by_form_post_and_sparql_query_post(client, sizes):
    body = urlencode([("query", COUNT.format(dataset="")), ("default-graph-uri", ONTOLOGY)])
    form = client.post("/sparql", data=body, content_type="application/x-www-form-urlencoded")
    assert int(form.get_json()["results"]["bindings"][0]["n"]["value"]) == sizes[ONTOLOGY]
    direct = client.post(
        "/sparql?" + urlencode({"default-graph-uri": ONTOLOGY}),
        data=COUNT.format(dataset=f"FROM <{CURATED}>"),
        content_type="application/sparql-query",
    )
    assert int(direct.get_json()["results"]["bindings"][0]["n"]["value"]) == sizes[ONTOLOGY]


def test_from_keyword_in_strings_and_iris_is_not_a_dataset(client):
    query = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != "FROM <urn:x>") }'
    assert int(answer(client, query)[0]["n"]["value"]) > 0
