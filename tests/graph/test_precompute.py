"""The build stores the answers of the parameterless named queries; each equals its live query."""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.precompute import (
    GRAPH_FORMATS,
    PRECOMPUTED,
    combinations,
    domain,
    graph_queries,
    grouped_queries,
    per_value_queries,
    stored_queries,
)
from graph.errors import QueryTimeout
from graph.store.endpoint import EXPORT_CAPS, stored_graph
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PrecomputedRows
from graph.store.sparql import GRAPH_TYPES

JSON = ox.QueryResultsFormat.JSON


def solutions(result: ox.QuerySolutions) -> tuple[list[str], Counter[tuple[tuple[str, str], ...]]]:
    """The variables and the multiset of solutions (order aside: ties in ORDER BY may fall either way)."""
    names = [v.value for v in result.variables]
    return names, Counter(tuple((n, str(row[n])) for n in names if row[n] is not None) for row in result)


def graph_terms(triples: Iterable[ox.Triple]) -> set[str]:
    """The graph canonicalised (its blank nodes named by its structure: a parsed graph renames them), as
    N-Triples lines: two graphs are isomorphic if and only if these are equal."""
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q.triple) for q in dataset}


def assert_answers_equal_live(build_dir: Path) -> int:
    kg = KnowledgeGraph.open(build_dir)
    stored = PrecomputedRows(build_dir)
    compared = 0
    for query in stored_queries(kg.catalog):
        answer = stored.answer(query.name, {})
        assert answer is not None, query.name
        live = solutions(kg.store.run(query.text))
        assert solutions(ox.parse_query_results(answer, format=JSON)) == live, query.name
        compared += 1
    calls = [(q, {q.params[0].name: value}) for q in grouped_queries(kg.catalog) for value in domain(kg, q)]
    calls += [(q, call) for q in per_value_queries(kg.catalog) for call in combinations(kg, q)]
    assert {q.name for q, _ in calls} == {q.name for q in grouped_queries(kg.catalog) + per_value_queries(kg.catalog)}
    for query, call in calls:
        bound = kg.bind(query.name, call)
        answer = stored.answer(query.name, bound)
        assert answer is not None, (query.name, call)
        live = solutions(kg.store.run(query.text, bound))
        assert solutions(ox.parse_query_results(answer, format=JSON)) == live, (query.name, call)
        compared += 1
    for query in graph_queries(kg.catalog):
        live_graph = list(kg.store.run(query.text))
        for media in GRAPH_TYPES:  # as stored, or converted from the stored N-Triples
            body = stored_graph(kg, query.name, media, EXPORT_CAPS)
            assert body is not None, (query.name, media)
            parsed = [q.triple for q in ox.parse(b"".join(body[1]), format=GRAPH_TYPES[media][1])]
            assert graph_terms(parsed) == graph_terms(live_graph), (query.name, media)
            compared += 1
    for name in PRECOMPUTED:
        rows = stored.get(name)
        assert rows is not None and sorted(map(json.dumps, rows)) == sorted(
            map(json.dumps, kg.store.select(kg.named(name).text))
        ), name
    return compared


def test_every_stored_answer_equals_its_live_query_for_every_parameter_value(build_dir, kg):
    grouped = grouped_queries(kg.catalog)
    assert len(grouped) >= 10 and {
        "service-facts",
        "service-requirements",
        "services-by-situation",
        "service-channels",
    } <= {q.name for q in grouped}
    per_value = per_value_queries(kg.catalog)
    assert {q.name for q in per_value} == {"concepts", "gap-language", "eligibility-access"}
    access = next(q for q in per_value if q.name == "eligibility-access")
    assert len(combinations(kg, access)) == 4 * 3 * 3 - 1  # language (3 or none) x two booleans (or none)
    assert {q.name for q in graph_queries(kg.catalog)} == {"pathway-graph", "export-cpsv-ap"}
    expected = len(stored_queries(kg.catalog)) + sum(len(domain(kg, q)) for q in grouped)
    expected += sum(len(combinations(kg, q)) for q in per_value) + 2 * len(GRAPH_TYPES)
    assert assert_answers_equal_live(build_dir) == expected > 200
    assert PrecomputedRows(build_dir).get("no-such-query") is None


def test_every_stored_answer_of_a_generated_graph_equals_its_live_query(generated_build):
    assert assert_answers_equal_live(generated_build) > 24 * 9


def test_the_comparison_sees_a_changed_answer(build_dir, kg):
    live = kg.store.run(kg.named("services").text)
    answer = PrecomputedRows(build_dir).answer("services", {})
    assert answer is not None
    fewer = json.loads(answer)
    fewer["results"]["bindings"].pop()
    parsed = ox.parse_query_results(json.dumps(fewer).encode(), format=JSON)
    assert solutions(parsed) != solutions(live)


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"])
def test_a_call_without_parameters_is_answered_as_stored(client, kg, build_dir, accept):
    response = client.get("/api/v1/queries/gap-language", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    live = client.get("/api/v1/queries/gap-language?language=sv", headers={"Accept": accept})
    assert live.status_code == 200  # with a parameter the query runs live
    if accept.endswith("json"):
        assert response.data == PrecomputedRows(build_dir).answer("gap-language", {})


def test_a_build_without_precomputed_rows_still_answers(build_dir, kg):
    bare = KnowledgeGraph(kg.store)  # as for a build made before the step existed
    assert bare.services == kg.services
    assert bare.select_once("gap-dead-ends") == kg.select_once("gap-dead-ends")
    assert bare.stored_answer("services", {}) is None


def test_a_stored_answer_is_sent_in_pieces_as_stored_whatever_its_size(client, build_dir, monkeypatch):
    from graph.store import endpoint
    from graph.store.precomputed import ANSWERS_DIR, PRECOMPUTED_DIR, Packed, answer_key

    stored = PrecomputedRows(build_dir).answer("requirements", {})
    assert stored is not None and len(stored) > 1000
    packed = Packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, "requirements")
    length, pieces = packed.chunks(answer_key({}), size=1000) or (0, iter([]))
    parts = list(pieces)
    assert length == len(stored) and len(parts) > 1 and b"".join(parts) == stored
    # the sent pieces' pages were dropped from the process (graph.store.precomputed.release): read again
    assert packed.get(answer_key({})) == stored and b"".join(packed.chunks(answer_key({}), size=4096)[1]) == stored
    monkeypatch.setitem(endpoint.NAMED_QUERY_CAPS, "max_bytes", 100)  # the cap of a live answer only
    response = client.get("/api/v1/queries/requirements", headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and response.data == stored
    assert response.headers["Content-Length"] == str(len(stored))
    converted = client.get("/api/v1/queries/requirements", headers={"Accept": "text/csv"})
    assert converted.status_code == 503  # converting it builds a new answer, held to the cap


@pytest.mark.parametrize("media", list(GRAPH_TYPES))
def test_a_graph_query_and_the_export_are_sent_as_stored_without_running(app, client, build_dir, media, monkeypatch):
    from api.resources import resources

    with app.app_context():
        served = resources().kg

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored graph answer ran live")

    monkeypatch.setattr(served.store, "run", refuse)
    stored = PrecomputedRows(build_dir)
    for path, name in (
        ("/api/v1/queries/pathway-graph", "pathway-graph"),
        ("/api/v1/export/cpsv-ap", "export-cpsv-ap"),
    ):
        response = client.get(path, headers={"Accept": media})
        assert response.status_code == 200 and response.mimetype == media, path
        assert response.data == stored.graph(name, media), path
        assert int(response.headers["Content-Length"]) == len(response.data) > 100, path


def test_a_large_graph_is_stored_in_two_formats_and_converted_to_the_others(kg, tmp_path, monkeypatch):
    from graph.store.precomputed import write_graphs

    precompute = importlib.import_module("graph.build.precompute")
    monkeypatch.setattr(precompute, "SMALL_GRAPH", 0)
    query = kg.named("export-cpsv-ap")
    answers = precompute.graph_answers(kg.store, query)
    assert set(answers) == set(GRAPH_FORMATS)
    write_graphs(tmp_path, query.name, answers)
    large = KnowledgeGraph(kg.store, kg.catalog, precomputed=PrecomputedRows(tmp_path))
    live = graph_terms(kg.store.run(query.text))
    for media in ("application/ld+json", "application/rdf+xml"):
        assert large.stored_graph(query.name, media) is None  # not stored: converted
        body = stored_graph(large, query.name, media, EXPORT_CAPS)
        assert body is not None
        data = b"".join(body[1])
        assert body[0] == len(data) > 1000
        assert graph_terms(q.triple for q in ox.parse(data, format=GRAPH_TYPES[media][1])) == live, media
    assert stored_graph(large, query.name, "text/csv", EXPORT_CAPS) is None  # not an RDF format: nothing read
    with pytest.raises(QueryTimeout):  # a conversion is held to the caps a live answer is
        stored_graph(large, query.name, "application/ld+json", {"max_bytes": 1000, "max_triples": 1_000_000})
    with pytest.raises(QueryTimeout):
        stored_graph(large, query.name, "application/rdf+xml", {"max_bytes": 1 << 30, "max_triples": 10})
    assert stored_graph(large, query.name, "text/turtle", {"max_bytes": 10, "max_triples": 1}) is not None  # as stored
