"""A by-place query's answers (graph.build.placed) equal the live query for every municipality."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.placed import NOWHERE, placed_answers, placed_queries
from graph.errors import ArtefactError
from graph.store.catalog import parse_query_file
from graph.store.derived import ELSEWHERE, at_place
from graph.store.knowledge import KnowledgeGraph
from graph.store.municipalities import official
from graph.store.precomputed import ANSWERS_DIR, PRECOMPUTED_DIR, Packed, PrecomputedRows, placed_file
from tests.graph.test_precompute import solutions

JSON = ox.QueryResultsFormat.JSON


def compare(build_dir: Path) -> tuple[int, int]:
    """Every municipality of the build (and the call without one): the written-over answer is the live one,
    in the live order. Returns how many calls were compared and in how many some row was met."""
    kg = KnowledgeGraph.open(build_dir)
    stored = PrecomputedRows(build_dir)
    query = kg.named("eligibility-area")
    compared = met = 0
    names: dict[str, str] = {}  # one name or code of each municipality, as a client passes it
    for key, iri in kg.municipalities.items():
        names.setdefault(iri, key)
    for code in official().names:  # and every official one, with services in the graph or not
        names.setdefault(kg.municipality_iri(code), code)
    for value in [None, *sorted(names.values())]:
        bound = kg.bind(query.name, {} if value is None else {"municipality": value})
        answer = stored.answer(query.name, bound)
        assert answer is not None, value
        chunks = stored.answer_chunks(query.name, bound)
        assert chunks is not None and b"".join(chunks[1]) == answer
        live = kg.store.run(query.text, bound)
        got = ox.parse_query_results(answer, format=JSON)
        assert solutions(got) == solutions(live), value
        rows = json.loads(answer)["results"]["bindings"]
        live_rows = json.loads(bytes(kg.store.run(query.text, bound).serialize(format=JSON) or b""))
        assert rows == live_rows["results"]["bindings"], value  # and in the same order
        met += any(r["status"]["value"] == "met" for r in rows)
        compared += 1
    return compared, met


def test_eligibility_area_is_stored_by_place(kg, build_dir):
    assert [q.name for q in placed_queries(kg.catalog)] == ["eligibility-area"]
    line = json.loads(placed_file(build_dir / PRECOMPUTED_DIR, "eligibility-area").read_text(encoding="utf-8"))
    assert line == {
        "param": "municipality",
        "place": "place",
        "status": "status",
        "other": "failed",
        "same": "met",
        "nowhere": NOWHERE,
    }


def test_every_municipality_on_the_seed_graph_equals_the_live_query(build_dir):
    compared, met = compare(build_dir)
    assert compared > 300 and met == 1  # every municipality of Finland; the seed's services are for Helsinki


def test_every_municipality_on_a_generated_graph_equals_the_live_query(generated_build):
    compared, met = compare(generated_build)
    assert compared > 300 and met >= 3


def test_the_server_writes_only_the_asked_places_rows(build_dir, kg):
    nowhere = Packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, "eligibility-area").get(ELSEWHERE)
    assert nowhere is not None and b'"value":"met"' not in nowhere
    helsinki = kg.municipality_iri("Helsinki")
    line = json.loads(placed_file(build_dir / PRECOMPUTED_DIR, "eligibility-area").read_text(encoding="utf-8"))
    rows = json.loads(at_place(nowhere, line, helsinki))["results"]["bindings"]
    assert all(r["municipality"]["value"] == helsinki for r in rows)
    assert {r["serviceId"]["value"] for r in rows if r["status"]["value"] == "met"} == {
        r["serviceId"]["value"] for r in rows if r.get("place", {}).get("value") == helsinki
    }


def test_the_build_refuses_a_by_place_line_the_query_does_not_keep(kg, tmp_path):
    text = (Path("queries") / "eligibility-area.rq").read_text(encoding="utf-8")
    wrong = tmp_path / "eligibility-area.rq"
    wrong.write_text(text.replace("?status failed -> met", "?status failed -> unknown"), encoding="utf-8")
    with pytest.raises(ArtefactError, match="does not hold"):
        placed_answers(kg.store, parse_query_file(wrong))


def test_a_malformed_or_misplaced_by_place_line_fails_when_the_catalogue_loads(tmp_path):
    text = (Path("queries") / "eligibility-area.rq").read_text(encoding="utf-8")
    for line, message in (("municipality = place", "malformed"), ("home = ?place ; ?status failed -> met", "names")):
        bad = tmp_path / "q.rq"
        bad.write_text(text.replace("municipality = ?place ; ?status failed -> met", line), encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            parse_query_file(bad)
