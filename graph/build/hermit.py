"""OWL reasoning with owlready2 and HermiT: consistency check and materialised inferred types."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF

from graph import vocab
from graph.errors import BuildError

log = logging.getLogger(__name__)
READING = URIRef(vocab.PP + "Reading")


class InconsistentOntology(BuildError):
    """HermiT found the ontology plus data inconsistent."""

    prefix = "Inconsistent"


def _reasoner_input(graph: Graph) -> Graph:
    """The triples HermiT needs: every axiom, and the data minus blank-node provenance and hours.

    Class expressions in the ontology are blank nodes and must stay; blank nodes in the data
    (derivations, opening hours) say nothing the reasoner classifies on and slow it down.
    """
    axioms_subjects = set(graph.subjects(RDF.type, OWL.Restriction)) | set(graph.subjects(OWL.intersectionOf, None))
    readings = set(graph.subjects(RDF.type, READING))  # statements about statements: nothing to classify
    out = Graph()
    for s, p, o in graph:
        if s in readings:
            continue
        if isinstance(s, BNode) or isinstance(o, BNode):
            if not _is_axiom_node(graph, s, axioms_subjects) and not _is_axiom_node(graph, o, axioms_subjects):
                continue
        out.add((s, p, o))
        # owlready2 only treats declared named individuals as individuals
        if p == RDF.type and isinstance(s, URIRef) and not str(o).startswith(str(OWL)) and o != RDF.Property:
            out.add((s, RDF.type, OWL.NamedIndividual))
    return out


def _is_axiom_node(graph: Graph, node: object, axiom_subjects: set[Any]) -> bool:
    if not isinstance(node, BNode):
        return False
    if node in axiom_subjects:
        return True
    # members of rdf:List cells used by owl:intersectionOf
    return (node, RDF.first, None) in graph or (None, OWL.equivalentClass, node) in graph


def infer_types(graph: Graph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """Run HermiT; return rdf:type triples for every named class an individual belongs to.

    Raises InconsistentOntology when HermiT proves the graph inconsistent.
    """
    import owlready2  # heavy import (and a JVM at run time): only the build needs it

    world = owlready2.World()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.nt"
        _reasoner_input(graph).serialize(path, format="nt", encoding="utf-8")
        onto = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            raise InconsistentOntology("HermiT: the ontology and data are inconsistent") from exc
        except Exception as exc:  # the JVM failing to start or crash: a build error, never silent
            raise BuildError(f"reasoner failed: {exc}") from exc
        triples = set()
        for ind in world.individuals():
            if not ind.iri or ind.iri.startswith("_"):
                continue
            for cls in ind.INDIRECT_is_a:
                iri = getattr(cls, "iri", None)
                if iri and iri != str(OWL.Thing):
                    triples.add((URIRef(ind.iri), RDF.type, URIRef(iri)))
        world.close()
    log.info("reasoner: %d type assertions", len(triples))
    return triples
