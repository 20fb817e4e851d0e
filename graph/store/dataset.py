"""The VoID and DCAT description of the served dataset (build version, licence, sources, graphs, dump)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import vocab

DUMP_FILE = "graph.nq.gz"  # written by the build (graph.build.dump) beside graph.nq
DUMP_PATH = "/dumps/perhepolku.nq.gz"  # where the server offers it
DATASET = vocab.BASE + "dataset"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = vocab.PREFIXES["dct"]
XSD = vocab.PREFIXES["xsd"]
IANA = "http://www.iana.org/assignments/media-types/"
VOCABULARIES = (
    vocab.PP,
    "http://purl.org/vocab/cpsv#",
    "http://data.europa.eu/m8g/",
    vocab.PREFIXES["skos"],
    vocab.PREFIXES["schema"],
    vocab.PREFIXES["prov"],
)


def dump_file(build_dir: Path) -> Path | None:
    """The compressed N-Quads dump of a build, if the build wrote one."""
    path = build_dir / DUMP_FILE
    return path if path.is_file() else None


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _typed(value: Any, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD + datatype))


def describe_dataset(
    base: str,
    manifest: Mapping[str, Any],
    metadata: Mapping[str, Any],
    graph_sizes: Mapping[str, int],
    sources: list[dict[str, Any]],
    dump_bytes: int | None,
) -> list[ox.Triple]:
    """VoID + DCAT triples for the dataset served at `base` (the deployment's root URL, no trailing slash)."""
    rdf_type = _n(vocab.PREFIXES["rdf"] + "type")
    ds, dump, sparql, service = _n(DATASET), ox.BlankNode(), ox.BlankNode(), _n(base + "/sparql")
    licence = _n(str(metadata.get("licence") or "https://creativecommons.org/licenses/by/4.0/"))
    version = str(manifest.get("version", "unknown"))
    t = [
        ox.Triple(ds, rdf_type, _n(VOID + "Dataset")),
        ox.Triple(ds, rdf_type, _n(DCAT + "Dataset")),
        ox.Triple(ds, _n(DCT + "title"), ox.Literal("perhepolku: Finnish family services", language="en")),
        ox.Triple(ds, _n(DCT + "title"), ox.Literal("perhepolku: perheiden palvelut", language="fi")),
        ox.Triple(ds, _n(DCT + "description"), ox.Literal(str(metadata.get("description", "")), language="en")),
        ox.Triple(ds, _n(DCT + "license"), licence),
        ox.Triple(ds, _n(DCT + "identifier"), ox.Literal(str(manifest.get("build_id", version)))),
        ox.Triple(ds, _n(vocab.PREFIXES["owl"] + "versionInfo"), ox.Literal(version)),
        ox.Triple(ds, _n(DCAT + "version"), ox.Literal(version)),
        ox.Triple(ds, _n(DCT + "conformsTo"), _n(vocab.BASE + "ontology")),
        ox.Triple(ds, _n(DCAT + "landingPage"), _n(base + "/")),
        ox.Triple(ds, _n(VOID + "triples"), _typed(manifest.get("quads", 0), "integer")),
        ox.Triple(ds, _n(VOID + "uriSpace"), ox.Literal(vocab.ID)),
        ox.Triple(ds, _n(VOID + "sparqlEndpoint"), service),
        ox.Triple(ds, _n(VOID + "dataDump"), _n(base + DUMP_PATH)),
        ox.Triple(ds, _n(VOID + "exampleResource"), _n(vocab.SERVICE + "baby-blues")),
        ox.Triple(ds, _n(DCAT + "distribution"), dump),
        ox.Triple(dump, rdf_type, _n(DCAT + "Distribution")),
        ox.Triple(dump, _n(DCAT + "downloadURL"), _n(base + DUMP_PATH)),
        ox.Triple(dump, _n(DCAT + "mediaType"), _n(IANA + "application/n-quads")),
        ox.Triple(dump, _n(DCAT + "compressFormat"), _n(IANA + "application/gzip")),
        ox.Triple(dump, _n(DCT + "license"), licence),
        ox.Triple(ds, _n(DCAT + "distribution"), sparql),
        ox.Triple(sparql, rdf_type, _n(DCAT + "Distribution")),
        ox.Triple(sparql, _n(DCAT + "accessURL"), service),
        ox.Triple(sparql, _n(DCAT + "accessService"), service),
        ox.Triple(service, rdf_type, _n(DCAT + "DataService")),
        ox.Triple(service, _n(DCAT + "endpointURL"), service),
        ox.Triple(service, _n(DCT + "conformsTo"), _n("https://www.w3.org/TR/sparql11-protocol/")),
        ox.Triple(service, _n(DCAT + "servesDataset"), ds),
    ]
    if manifest.get("built_at"):
        t.append(ox.Triple(ds, _n(DCT + "modified"), _typed(manifest["built_at"], "dateTime")))
    if dump_bytes is not None:
        t.append(ox.Triple(dump, _n(DCAT + "byteSize"), _typed(dump_bytes, "nonNegativeInteger")))
    t += [ox.Triple(ds, _n(VOID + "vocabulary"), _n(v)) for v in VOCABULARIES]
    for name, size in graph_sizes.items():
        part = ox.BlankNode()
        t += [
            ox.Triple(ds, _n(VOID + "subset"), part),
            ox.Triple(part, rdf_type, _n(VOID + "Dataset")),
            ox.Triple(part, _n(DCT + "identifier"), _n(name)),
            ox.Triple(part, _n(VOID + "triples"), _typed(size, "integer")),
        ]
    for row in sources:
        source = _n(row["source"])
        t += [
            ox.Triple(ds, _n(DCT + "source"), source),
            ox.Triple(source, rdf_type, _n(vocab.PREFIXES["foaf"] + "Document")),
        ]
        if row.get("document"):
            t.append(ox.Triple(source, _n(DCT + "title"), ox.Literal(str(row["document"]))))
    return t
