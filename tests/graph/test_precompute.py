"""The build stores the answers of the parameterless named queries; each equals its live query."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.precompute import PRECOMPUTED, domain, grouped_queries, per_value_queries, stored_queries
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PrecomputedRows

JSON = ox.QueryResultsFormat.JSON


def solutions(result: ox.QuerySolutions) -> tuple[list[str], Counter[tuple[tuple[str, str], ...]]]:
    """The variables and the multiset of solutions (order aside: ties in ORDER BY may fall either way)."""
    names = [v.value for v in result.variables]
    return names, Counter(tuple((n, str(row[n])) for n in names if row[n] is not None) for row in result)


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
    for query in grouped_queries(kg.catalog) + per_value_queries(kg.catalog):
        values = domain(kg, query)
        assert values, query.name
        for value in values:
            bound = kg.bind(query.name, {query.params[0].name: value})
            answer = stored.answer(query.name, bound)
            assert answer is not None, (query.name, value)
            live = solutions(kg.store.run(query.text, bound))
            assert solutions(ox.parse_query_results(answer, format=JSON)) == live, (query.name, value)
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
    assert {q.name for q in per_value_queries(kg.catalog)} == {"concepts", "gap-language"}
    grouped += per_value_queries(kg.catalog)
    expected = len(stored_queries(kg.catalog)) + sum(len(domain(kg, q)) for q in grouped)
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
