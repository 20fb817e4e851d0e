"""IRIs perhepolku uses in Python: namespaces and the named graphs of a build."""

from __future__ import annotations

BASE = "https://w3id.org/perhepolku/"
PP = BASE + "ontology#"
ID = BASE + "id/"
SERVICE = ID + "service/"
CONCEPT = ID + "concept/"
MUNICIPALITY = ID + "municipality/"
SOURCE = BASE + "source/"
GRAPH = BASE + "graph/"

# Named graphs of the built dataset; the default graph of a query is their union.
GRAPH_ONTOLOGY = GRAPH + "ontology"
GRAPH_CURATED = GRAPH + "curated"
GRAPH_TRANSLATIONS = GRAPH + "translations"
GRAPH_INFERRED = GRAPH + "inferred"
GRAPH_READINGS = GRAPH + "readings"  # the second reading of every statement (stated / interpreted)

PREFIXES = {
    "pp": PP,
    "s": SERVICE,
    "c": CONCEPT,
    "src": SOURCE,
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
LANGS = ("fi", "sv", "en")

# EU Publications Office language authority: the IRIs of the interface languages
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"fi": "FIN", "sv": "SWE", "en": "ENG"}
