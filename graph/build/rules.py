"""Rule-based classification for graphs too large for HermiT.

The ontology's defined classes are intersections of named classes and simple restrictions
(someValuesFrom a named class, hasValue). For such definitions, forward rules reach the same
class assertions as a tableau reasoner: superclass closure, rdfs:domain and rdfs:range, and a
defined class wherever all its parts hold, repeated to a fixpoint. Disjoint classes are checked
explicitly. `tests/graph/test_rules.py` shows the rules and HermiT agree on the curated graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from graph.build.hermit import READING, InconsistentOntology


@dataclass
class Definition:
    """A defined class: named parts, (property, class) existentials and (property, value) fillers."""

    cls: URIRef
    named: list[URIRef] = field(default_factory=list)
    some: list[tuple[URIRef, URIRef]] = field(default_factory=list)
    values: list[tuple[URIRef, Node]] = field(default_factory=list)


def _list(graph: Graph, head: Node | None) -> list[Node | None]:
    items: list[Node | None] = []
    while head and head != RDF.nil:
        items.append(graph.value(head, RDF.first))
        head = graph.value(head, RDF.rest)
    return items


def definitions(graph: Graph) -> list[Definition]:
    """The `owl:equivalentClass [ owl:intersectionOf (...) ]` axioms of the ontology."""
    out = []
    for cls, expr in graph.subject_objects(OWL.equivalentClass):
        if not isinstance(cls, URIRef) or not isinstance(expr, BNode):
            continue
        definition = Definition(cls)
        for part in _list(graph, graph.value(expr, OWL.intersectionOf)):
            if isinstance(part, URIRef):
                definition.named.append(part)
            elif isinstance(prop := graph.value(part, OWL.onProperty), URIRef):
                if isinstance(filler := graph.value(part, OWL.someValuesFrom), URIRef):
                    definition.some.append((prop, filler))
                elif (value := graph.value(part, OWL.hasValue)) is not None:
                    definition.values.append((prop, value))
                else:
                    raise ValueError(f"{cls}: a restriction the rules do not cover")
        out.append(definition)
    return out


def infer_types(graph: Graph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """rdf:type triples for every named class each named individual belongs to (as HermiT gives them)."""
    supers: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            supers[sub].add(sup)
    meta = (str(OWL), str(RDF), str(RDFS))
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    classes |= {c for c in graph.objects(None, RDF.type) if isinstance(c, URIRef) and not str(c).startswith(meta)}
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    readings = set(graph.subjects(RDF.type, READING))  # statements about statements, as HermiT skips them
    for ind, cls in graph.subject_objects(RDF.type):
        if isinstance(ind, URIRef) and isinstance(cls, URIRef) and cls in classes and ind not in readings:
            types[ind].add(cls)
    for prop, cls in graph.subject_objects(RDFS.domain):
        for ind, _ in graph.subject_objects(prop):
            if isinstance(ind, URIRef) and isinstance(cls, URIRef):
                types[ind].add(cls)
    for prop, cls in graph.subject_objects(RDFS.range):
        for _, ind in graph.subject_objects(prop):
            if isinstance(ind, URIRef) and isinstance(cls, URIRef) and cls in classes:
                types[ind].add(cls)
    defs = definitions(graph)
    changed = True
    while changed:
        changed = False
        for ind in list(types):
            closed = _closure(types[ind], supers)
            for d in defs:
                if d.cls not in closed and _holds(graph, ind, d, closed, types, supers):
                    closed.add(d.cls)
                    closed |= _closure({d.cls}, supers)
            if closed != types[ind]:
                types[ind], changed = closed, True
    _check_disjoint(graph, types)
    return {
        (ind, RDF.type, cls) for ind, found in types.items() if ind not in readings for cls in found if cls != OWL.Thing
    }


def _closure(start: set[URIRef], supers: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen, todo = set(start), list(start)
    while todo:
        for sup in supers.get(todo.pop(), ()):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def _holds(
    graph: Graph,
    ind: URIRef,
    d: Definition,
    closed: set[URIRef],
    types: dict[URIRef, set[URIRef]],
    supers: dict[URIRef, set[URIRef]],
) -> bool:
    if not all(part in closed for part in d.named):
        return False
    if not all((ind, prop, value) in graph for prop, value in d.values):
        return False
    return all(
        any(
            filler in _closure(types.get(o, set()) if isinstance(o, URIRef) else set(), supers)
            for o in graph.objects(ind, prop)
        )
        for prop, filler in d.some
    )


def _check_disjoint(graph: Graph, types: dict[URIRef, set[URIRef]]) -> None:
    for a, b in graph.subject_objects(OWL.disjointWith):
        clash = next((ind for ind, found in types.items() if a in found and b in found), None)
        if clash is not None:
            raise InconsistentOntology(f"{clash} is both {a} and {b}, which are disjoint")
