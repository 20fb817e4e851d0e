"""The SPARQL 1.1 Service Description of the endpoint, as RDF built from the loaded build."""

from __future__ import annotations

import pyoxigraph as ox

from graph import vocab
from graph.store.sparql import GRAPH_TYPES, RESULT_TYPES

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/ld+json": "JSON-LD",
    "application/n-triples": "N-Triples",
    "application/rdf+xml": "RDF_XML",
}


def describe(endpoint: str, graph_sizes: dict[str, int]) -> list[ox.Triple]:
    """Triples describing the endpoint at `endpoint`: language, formats, features and its dataset."""
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service = ox.NamedNode(endpoint)

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    dataset, default = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, rdf_type, sd("Graph")),
        ox.Triple(
            service,
            ox.NamedNode("http://purl.org/dc/terms/description"),
            ox.Literal(
                "perhepolku: read-only SPARQL 1.1 endpoint over the family-services knowledge graph. "
                "The default graph is the union of the named graphs. Updates and SERVICE are refused.",
                language="en",
            ),
        ),
    ]
    for media in list(RESULT_TYPES) + list(GRAPH_TYPES):
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + _FORMAT_IRIS[media])))
    for name, size in graph_sizes.items():
        named, graph = ox.BlankNode(), ox.BlankNode()
        triples += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, rdf_type, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(name)),
            ox.Triple(named, sd("graph"), graph),
            ox.Triple(graph, rdf_type, sd("Graph")),
            ox.Triple(
                graph,
                ox.NamedNode("http://rdfs.org/ns/void#triples"),
                ox.Literal(str(size), datatype=ox.NamedNode(vocab.PREFIXES["xsd"] + "integer")),
            ),
        ]
    return triples
