"""The neutral catalogue model every importer fills: resources whose every fact cites its record.

An adapter (PTV v11, HSDS 3.0, …) reads its own JSON and calls `Catalogue`; `Catalogue.turtle()`
writes the perhepolku ontology. A fact carries a `Cite` (record, JSON field path, the verbatim
quote); the writer turns each into a `prov:qualifiedDerivation` whose `pp:fieldPath` lets the
build's quote check find the quote in the saved record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph import vocab

DCT, PROV, RDF = vocab.PREFIXES["dct"], vocab.PREFIXES["prov"], vocab.PREFIXES["rdf"]
XSD = vocab.PREFIXES["xsd"]
SOURCE = vocab.SOURCE + "record/"
PREFIXES = {k: v for k, v in vocab.PREFIXES.items() if k not in ("s", "c", "src")} | {"rec": SOURCE}
Value = str | int | bool | float | tuple[str, str] | ox.Literal  # an IRI (str), a typed value, (text, lang)


@dataclass(frozen=True)
class Cite:
    """Where a fact comes from: a record, the JSON path of the field, a verbatim quote of its value."""

    record: str
    path: str
    quote: str


@dataclass
class Record:
    """One saved catalogue record: a source document of the graph."""

    key: str
    file: str
    title: str
    modified: str | None = None
    kind: str = "record"


@dataclass
class Resource:
    """A node of the graph with its facts, each cited (or `None` for type and identifier)."""

    iri: str
    facts: list[tuple[str, Value, Cite | None]] = field(default_factory=list)
    cites: list[Cite] = field(default_factory=list)  # further sources of the resource as a whole

    def add(self, predicate: str, value: Value, cite: Cite | None = None) -> Resource:
        self.facts.append((predicate, value, cite))
        return self

    def has(self, predicate: str, value: Value | None = None) -> bool:
        return any(p == predicate and (value is None or v == value) for p, v, _ in self.facts)


class Catalogue:
    """Everything one import writes: records and resources, keyed by IRI (adding to a known IRI merges)."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.resources: dict[str, Resource] = {}
        self.readings: list[dict[str, Any]] = []
        self.skipped: list[str] = []

    def resource(self, iri: str, *types: str, identifier: str | None = None) -> Resource:
        res = self.resources.setdefault(iri, Resource(iri))
        for t in types:
            if not res.has(RDF + "type", t):
                res.add(RDF + "type", t)
        if identifier is not None and not res.has(DCT + "identifier"):
            res.add(DCT + "identifier", ox.Literal(identifier))
        return res

    def record(self, record: Record) -> str:
        self.records[record.key] = record
        return record.key

    def quads(self, only: set[str] | None = None) -> list[ox.Quad]:
        """The triples of the resources (all, or those of `only`) and of the records they cite."""
        out: list[ox.Triple] = []
        cited: set[str] = set()
        for res in self.resources.values():
            if only is not None and res.iri not in only:
                continue
            node = ox.NamedNode(res.iri)
            for predicate, value, cite in res.facts:
                out.append(ox.Triple(node, ox.NamedNode(predicate), term(value)))
                if cite is not None:
                    out += derivation(node, predicate, cite)
                    cited.add(cite.record)
            for cite in res.cites:
                out += derivation(node, None, cite)
                cited.add(cite.record)
        for reading in self.readings:
            if only is None or reading["subject"] in only:
                out += reading_triples(reading)
        for key in sorted(cited):
            out += record_triples(self.records[key])
        return [ox.Quad(t.subject, t.predicate, t.object) for t in out]

    def turtle(self, only: set[str] | None = None) -> bytes:
        return ox.serialize(self.quads(only), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def term(value: Value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, ox.Literal):
        return value
    if isinstance(value, tuple):
        return ox.Literal(value[0], language=value[1])
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(f"{value:.6f}", datatype=ox.NamedNode(XSD + "decimal"))
    return ox.NamedNode(value)


def derivation(node: ox.NamedNode, predicate: str | None, cite: Cite) -> list[ox.Triple]:
    d = ox.BlankNode()
    out = [
        ox.Triple(node, ox.NamedNode(PROV + "qualifiedDerivation"), d),
        ox.Triple(d, ox.NamedNode(PROV + "entity"), ox.NamedNode(SOURCE + cite.record)),
        ox.Triple(d, ox.NamedNode(vocab.PP + "quote"), ox.Literal(cite.quote)),
        ox.Triple(d, ox.NamedNode(vocab.PP + "fieldPath"), ox.Literal(cite.path)),
    ]
    if predicate is not None:
        out.append(ox.Triple(d, ox.NamedNode(vocab.PP + "supports"), ox.NamedNode(predicate)))
    return out


def record_triples(record: Record) -> list[ox.Triple]:
    node = ox.NamedNode(SOURCE + record.key)
    out = [
        ox.Triple(node, ox.NamedNode(RDF + "type"), ox.NamedNode(vocab.PP + "SourceDocument")),
        ox.Triple(node, ox.NamedNode(RDF + "type"), ox.NamedNode(vocab.PP + "CatalogueRecord")),
        ox.Triple(node, ox.NamedNode(vocab.PP + "sourceFile"), ox.Literal(record.file)),
        ox.Triple(node, ox.NamedNode(DCT + "title"), ox.Literal(record.title)),
        ox.Triple(node, ox.NamedNode(DCT + "type"), ox.Literal(record.kind)),
    ]
    if record.modified:
        out.append(ox.Triple(node, ox.NamedNode(DCT + "modified"), ox.Literal(record.modified)))
    return out


def reading_triples(reading: dict[str, Any]) -> list[ox.Triple]:
    """An interpreted statement: which rule read which sentence of which record (pp:Reading)."""
    node = ox.NamedNode(reading["iri"])
    pp = vocab.PP
    return [
        ox.Triple(node, ox.NamedNode(RDF + "type"), ox.NamedNode(pp + "Reading")),
        ox.Triple(node, ox.NamedNode(RDF + "subject"), ox.NamedNode(reading["subject"])),
        ox.Triple(node, ox.NamedNode(RDF + "predicate"), ox.NamedNode(reading["predicate"])),
        ox.Triple(node, ox.NamedNode(RDF + "object"), term(reading["object"])),
        ox.Triple(node, ox.NamedNode(pp + "readingStatus"), ox.NamedNode(pp + "Interpreted")),
        ox.Triple(node, ox.NamedNode(pp + "reading"), ox.Literal(reading["reading"])),
        ox.Triple(node, ox.NamedNode(pp + "readingBasis"), ox.Literal(reading["rule"])),
        ox.Triple(node, ox.NamedNode(pp + "readingSource"), ox.NamedNode(SOURCE + reading["record"])),
    ]
