"""The SPARQL SHACL engine reports the same violations as pySHACL, the reference engine."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from graph.build.loader import SHAPES_FILE, load_shapes, load_store
from graph.build.oxview import StoreView
from graph.build.shacl import ShaclEngine, UnsupportedShape, check_supported
from tests.conftest import FIXTURES


def _pyshacl(graph: Graph) -> set[tuple]:
    from pyshacl import validate

    _, results, _ = validate(graph, shacl_graph=load_shapes(), inference="none", advanced=True)
    out = set()
    for result in results.objects(None, SH.result):
        path = results.value(result, SH.resultPath)
        component = str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[1]
        out.add(
            (
                str(results.value(result, SH.focusNode)),
                str(path) if path else None,
                component.removesuffix("ConstraintComponent"),
            )
        )
    return out


def _engine(store) -> set[tuple]:
    # blank nodes keep their labels on the way to rdflib; only the "_:" prefix differs
    return {(v.focus.removeprefix("_:"), v.path, v.component) for v in ShaclEngine(SHAPES_FILE).validate(store)}


@pytest.mark.parametrize("extra", [[], ["shacl-violation.ttl"], ["shacl-every-component.ttl"]])
def test_same_violations_as_pyshacl(extra):
    store = load_store(extra=[FIXTURES / name for name in extra])
    assert _engine(store) == _pyshacl(StoreView(store).to_graph())


def test_every_component_fixture_trips_every_component():
    store = load_store(extra=[FIXTURES / "shacl-every-component.ttl"])
    components = {component for _, _, component in _engine(store)}
    assert components >= {
        "Pattern",
        "LanguageIn",
        "UniqueLang",
        "Datatype",
        "MinInclusive",
        "MaxInclusive",
        "Class",
        "In",
        "MaxCount",
        "MinLength",
        "Or",
        "NodeKind",
        "Node",
        "MinCount",
        "SPARQL",
    }


def test_the_scratch_graph_is_removed(source_graph):
    store = load_store()
    before = len(store)
    ShaclEngine(SHAPES_FILE).validate(store)
    assert len(store) == before


def test_unsupported_shapes_are_refused():
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:closed true .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShape):
        check_supported(shapes)


def test_a_sparql_constraint_is_evaluated_with_this_bound_to_the_focus_nodes_first():
    import pyoxigraph as ox

    from graph.build.shacl import FOCUS_OF, SCRATCH, _prebound

    text = _prebound("SELECT $this WHERE { $this a ?class . FILTER NOT EXISTS { $this <urn:p> ?v } }", "urn:shape")
    assert text.index(f"<{FOCUS_OF.value}> <urn:shape>") < text.index("?this a ?class") and "$this" not in text
    store = ox.Store()
    data = ox.NamedNode("urn:data")
    for node in ("urn:a", "urn:b"):
        store.add(
            ox.Quad(
                ox.NamedNode(node),
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode("urn:C"),
                data,
            )
        )
    store.add(ox.Quad(ox.NamedNode("urn:a"), FOCUS_OF, ox.NamedNode("urn:shape"), SCRATCH))
    rows = [row["this"].value for row in store.query(text, default_graph=[data])]
    assert rows == ["urn:a"]  # urn:b is no focus node of the shape
