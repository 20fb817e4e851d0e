"""The rule-based classifier for large graphs agrees with HermiT on the curated graph."""

from __future__ import annotations

import pytest
from rdflib.namespace import OWL

from graph.build.hermit import InconsistentOntology
from graph.build.hermit import infer_types as hermit
from graph.build.rules import definitions
from graph.build.rules import infer_types as rules
from tests.conftest import FIXTURES


def test_rules_give_hermits_class_assertions(source_graph):
    by_hermit = {t for t in hermit(source_graph) if t[2] != OWL.NamedIndividual}
    assert rules(source_graph) == by_hermit


def test_every_definition_is_covered(source_graph):
    names = {str(d.cls).rsplit("#", 1)[-1] for d in definitions(source_graph)}
    assert {
        "SelfReferralService",
        "FreeService",
        "AnonymousService",
        "LowThresholdService",
        "HomeVisitService",
        "ServiceWithExclusions",
        "GovernmentService",
    } <= names


def test_rules_find_the_inconsistent_fixture():
    from graph.build.loader import load_store
    from graph.build.oxview import StoreView

    with pytest.raises(InconsistentOntology):
        rules(StoreView(load_store(extra=[FIXTURES / "inconsistent.ttl"])).to_graph())
