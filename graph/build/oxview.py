"""A read-only view of an Oxigraph store through the few rdflib Graph methods the build checks use.

The quote check and the rule-based classifier were written against rdflib; at a million triples
rdflib takes about 50 s just to parse, while Oxigraph loads in a few seconds. This view lets the
same checks read the union of the store's named graphs directly, converting terms on the fly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

Node = URIRef | BNode | Literal


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as the equal rdflib term (plain strings stay plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))


def to_ox(term: Node | None) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    """An rdflib term as the Oxigraph term (None stays a wildcard)."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))


class StoreView:
    """The union of an Oxigraph store's graphs, read like an rdflib Graph (triples de-duplicated)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def __len__(self) -> int:
        return len(self.store)

    def _quads(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[ox.Quad]:
        subject, predicate = to_ox(s), to_ox(p)
        if isinstance(subject, ox.Literal) or isinstance(predicate, (ox.Literal, ox.BlankNode)):
            return iter(())  # no triple has a literal subject or a non-IRI predicate
        return self.store.quads_for_pattern(subject, predicate, to_ox(o), None)

    def triples(self, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator[tuple[Node, Node, Node]]:
        seen: set[tuple[Any, Any, Any]] = set()
        for q in self._quads(*pattern):
            triple = (q.subject, q.predicate, q.object)
            if triple not in seen:
                seen.add(triple)
                yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)  # type: ignore[arg-type]  # no RDF-star here

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        return ((s, o) for s, _, o in self.triples((None, predicate, None)))

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        return (s for s, _, _ in self.triples((None, predicate, obj)))

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(self.objects(subject, predicate), None)

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        return next(iter(self._quads(*triple)), None) is not None

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return self.triples((None, None, None))

    def to_graph(self) -> Graph:
        """A real rdflib Graph of the union (for pySHACL and HermiT, on graphs small enough)."""
        graph = Graph()
        for triple in self:
            graph.add(triple)
        return graph
