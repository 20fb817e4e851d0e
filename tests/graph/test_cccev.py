"""Eligibility as CCCEV 2.x: every criterion kind is a cv:Criterion testing information concepts, and every bound
a criterion states is a cv:Constraint on its concept (the rule queries/build/40-cccev.rq over the alignments)."""

from __future__ import annotations

import pyoxigraph as ox

from graph import vocab

CV = "http://data.europa.eu/m8g/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
CONSTRAINT_ON = ox.NamedNode(vocab.PP + "constraintOn")
TESTS_CONCEPT = ox.NamedNode(vocab.PP + "testsConcept")


def _objects(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> set[ox.NamedNode]:
    return {q.object for q in store.quads_for_pattern(s, p, None, None) if isinstance(q.object, ox.NamedNode)}


def _subclasses(store: ox.Store, top: ox.NamedNode) -> set[ox.NamedNode]:
    found, todo = {top}, [top]
    while todo:
        for q in store.quads_for_pattern(None, SUBCLASS, todo.pop(), None):
            if isinstance(q.subject, ox.NamedNode) and q.subject not in found:
                found.add(q.subject)
                todo.append(q.subject)
    return found


def _criteria(store: ox.Store) -> set[ox.NamedNode]:
    kinds = _subclasses(store, ox.NamedNode(CV + "Criterion"))
    return {q.subject for k in kinds for q in store.quads_for_pattern(None, RDF_TYPE, k, None)}  # type: ignore[misc]


def test_every_project_criterion_kind_is_a_cccev_criterion(seed_store):
    kinds = _subclasses(seed_store, ox.NamedNode(CV + "Criterion"))
    for top in ("EligibilityCriterion", "Exclusion"):
        assert ox.NamedNode(vocab.PP + top) in kinds
    # every requirement the curated data states (its constraints, requirement/<id>/<bound>, are cv:Constraint)
    stated = {
        q.subject
        for q in seed_store.quads_for_pattern(None, RDF_TYPE, None, ox.NamedNode(vocab.GRAPH_CURATED))
        if "/requirement/" in str(q.subject)
    }
    assert len(stated) >= 15 and stated <= _criteria(seed_store)


def test_every_criterion_tests_a_concept_and_every_bound_is_a_constraint(seed_store):
    mapped = {q.subject for q in seed_store.quads_for_pattern(None, CONSTRAINT_ON, None, None)}
    flags = {q.subject for q in seed_store.quads_for_pattern(None, TESTS_CONCEPT, None, None)}
    constraints = 0
    for criterion in _criteria(seed_store):
        used = {q.predicate for q in seed_store.quads_for_pattern(criterion, None, None, None)}
        own = {p for p in used if p.value.startswith(vocab.PP)}
        assert own <= mapped | flags, (criterion.value, own - mapped - flags)  # a new bound needs its CCCEV mapping
        assert _objects(seed_store, criterion, ox.NamedNode(CV + "hasConcept")), criterion.value
        for p in own & mapped:
            constraint = ox.NamedNode(f"{criterion.value}/{p.value.rsplit('#', 1)[1]}")
            assert _objects(seed_store, criterion, ox.NamedNode(CV + "hasRequirement")) >= {constraint}
            assert _objects(seed_store, constraint, ox.NamedNode(CV + "constrains")) == _objects(
                seed_store, p, CONSTRAINT_ON
            )
            values = {q.object for q in seed_store.quads_for_pattern(criterion, p, None, None)}
            assert {q.object for q in seed_store.quads_for_pattern(constraint, p, None, None)} == values
            titles = {
                q.object.language
                for q in seed_store.quads_for_pattern(
                    constraint, ox.NamedNode(vocab.PREFIXES["dct"] + "title"), None, None
                )
            }  # type: ignore[union-attr]
            assert titles == set(vocab.LANGS), constraint.value
            constraints += 1
    assert constraints >= 9


def test_no_evidence_since_no_source_names_one(seed_store):
    for cls in ("Evidence", "EvidenceType"):
        assert not list(seed_store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(CV + cls), None))
