"""Named queries rewritten for Oxigraph at national scale give the answers of their plain form.

tests/graph/reference/ holds each query as it was before its rewrite (the plain SPARQL a reader would
write); both run with the same bound parameters for every service of the seed graph and of a
generated one, and their solutions are compared as multisets (a CONSTRUCT's as sets of triples).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph.store.catalog import Catalog
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from tests.graph.test_precompute import solutions

REFERENCE = Path(__file__).parent / "reference"
REWRITTEN = sorted(path.stem for path in REFERENCE.glob("*.rq"))


def answer(result: Any) -> Any:
    """A SELECT answer as its variables and multiset of solutions; a graph as its set of triples."""
    if isinstance(result, ox.QuerySolutions):
        return solutions(result)
    return {str(triple) for triple in result}


def compare(kg: KnowledgeGraph, name: str) -> Counter[str]:
    """Compare the rewritten query with its reference for every service (or once, without a parameter);
    counts of what was compared."""
    plain = (REFERENCE / f"{name}.rq").read_text(encoding="utf-8")
    query = kg.named(name)
    assert query.text != plain, name
    seen: Counter[str] = Counter()
    calls: list[dict[str, str]] = [{"service": s} for s in sorted(kg.service_ids)] if query.params else [{}]
    if query.params and not query.params[0].required:
        calls.append({})  # unbound too: the build stores that answer (every service's)
    for raw in calls:
        bound = kg.bind(name, raw)
        live = answer(kg.store.run(query.text, bound))
        assert live == answer(kg.store.run(plain, bound)), (name, raw)
        seen["calls"] += 1
        if isinstance(live, set):
            seen["rows"] += len(live)
            continue
        seen["rows"] += sum(live[1].values())
        for row, count in live[1].items():
            seen["rows with an alternative" if "alternativeId" in dict(row) else "rows without"] += count
    return seen


def calls(kg: KnowledgeGraph, name: str, services: int) -> int:
    """How many calls compare makes: one per service, and one unbound for an optional parameter."""
    params = kg.named(name).params
    return services + (not params[0].required) if params else 1


def test_the_rewritten_queries_are_the_ones_kept_for_reference():
    assert REWRITTEN == [
        "exclusion-alternatives",
        "export-cpsv-ap",
        "gap-excluded-no-alternative",
        "pathway-graph",
        "pathway-upstream",
        "service-channels",
        "service-links",
        "service-requirements",
    ]


@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_query_answers_as_its_plain_form_on_the_seed_graph(kg, name):
    seen = compare(kg, name)
    assert seen["calls"] == calls(kg, name, len(kg.service_ids)) and seen["rows"] > 0
    if name == "exclusion-alternatives":  # both branches of the OPTIONAL are compared
        assert seen["rows with an alternative"] > 0 and seen["rows without"] > 0


@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_query_answers_as_its_plain_form_on_a_generated_graph(generated_build, name):
    kg = KnowledgeGraph.open(generated_build)
    seen = compare(kg, name)
    assert (
        seen["calls"] == calls(kg, name, 24) and seen["rows"] > 0
    )  # (its exclusions have no alternative at this size)


BARRING = """
@prefix pp: <https://w3id.org/perhepolku/ontology#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix cv: <http://data.europa.eu/m8g/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:acute skos:broader :use ; dct:identifier "acute" . :use dct:identifier "use" . :other dct:identifier "other" .
:svc dct:identifier "svc" ; cv:holdsRequirement :x1, :x2 .
:x1 a pp:Exclusion ; dct:identifier "x1" ; pp:excludedSituation :acute .
:x2 a pp:Exclusion ; dct:identifier "x2" ; pp:excludedSituation :other .
:open dct:identifier "open" ; dct:title "Avoin"@fi, "Open"@en ; pp:addressesSituation :acute .
:broad dct:identifier "broad" ; pp:addressesSituation :use .
:self dct:identifier "self" ; pp:addressesSituation :acute ; cv:holdsRequirement :x3 .
:x3 a pp:Exclusion ; dct:identifier "x3" ; pp:excludedSituation :acute .
:wider dct:identifier "wider" ; pp:addressesSituation :acute ; cv:holdsRequirement :x4 .
:x4 a pp:Exclusion ; dct:identifier "x4" ; pp:excludedSituation :use .
"""


def test_a_barred_alternative_is_left_out_as_by_not_exists():
    """Alternatives that exclude the situation, or a broader one, are barred; an exclusion without any
    alternative keeps its row; the rewrite and the plain form agree on each."""
    store = ox.Store()
    store.load(BARRING.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:t:g"))
    graph = GraphStore(store)
    bound = {"service": ox.NamedNode("urn:t:svc")}
    rewritten = Catalog().get("exclusion-alternatives").text
    plain = (REFERENCE / "exclusion-alternatives.rq").read_text(encoding="utf-8")
    answer = solutions(graph.run(rewritten, bound))
    assert answer == solutions(graph.run(plain, bound))
    rows = sorted((dict(row)["requirementId"], dict(row).get("alternativeId", "")) for row in answer[1])
    assert rows == [('"x1"', '"broad"'), ('"x1"', '"open"'), ('"x2"', "")]


UNCOVERED = """
@prefix pp: <https://w3id.org/perhepolku/ontology#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix cv: <http://data.europa.eu/m8g/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <urn:t:> .
:lonely dct:identifier "lonely" . :covered dct:identifier "covered" . :two dct:identifier "two" .
:narrow dct:identifier "narrow" ; skos:broader :wide . :wide dct:identifier "wide" .
:barred dct:identifier "barred" ; skos:broader :parent . :parent dct:identifier "parent" .
:svc dct:identifier "svc" ; cv:holdsRequirement :x1, :x2, :x3, :x4, :x5 .
:x1 a pp:Exclusion ; dct:identifier "x1" ; pp:excludedSituation :lonely .
:x2 a pp:Exclusion ; dct:identifier "x2" ; pp:excludedSituation :covered .
:x3 a pp:Exclusion ; dct:identifier "x3" ; pp:excludedSituation :narrow .
:x4 a pp:Exclusion ; dct:identifier "x4" ; pp:excludedSituation :barred .
:x5 a pp:Exclusion ; dct:identifier "x5" ; pp:excludedSituation :two .
:open dct:identifier "open" ; pp:addressesSituation :covered .
:broad dct:identifier "broad" ; pp:addressesSituation :wide .
:shut dct:identifier "shut" ; pp:addressesSituation :barred ; cv:holdsRequirement :x6 .
:x6 a pp:Exclusion ; dct:identifier "x6" ; pp:excludedSituation :parent .
:d dct:identifier "d" ; pp:addressesSituation :two . :e dct:identifier "e" ; pp:addressesSituation :two .
"""


def test_an_exclusion_is_a_gap_only_without_an_alternative_as_in_the_plain_form():
    """No service for the situation, or only one that bars it (or a broader one), is a gap; one
    alternative, two, or one for a broader situation is none; the rewrite and its plain form agree."""
    store = ox.Store()
    store.load(UNCOVERED.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:t:g"))
    graph = GraphStore(store)
    rewritten = Catalog().get("gap-excluded-no-alternative").text
    plain = (REFERENCE / "gap-excluded-no-alternative.rq").read_text(encoding="utf-8")
    answer = solutions(graph.run(rewritten))
    assert answer == solutions(graph.run(plain))
    rows = sorted((dict(row)["serviceId"], dict(row)["requirementId"]) for row in answer[1])
    assert rows == [('"shut"', '"x6"'), ('"svc"', '"x1"'), ('"svc"', '"x4"')]
