"""A classed query's stored answers (graph.build.classed) equal the live query for every value that matters."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.classed import classed_queries, representatives
from graph.parsing import CHILD_MONTHS, PREGNANCY_WEEKS
from graph.store.catalog import parse_query_file
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PRECOMPUTED_DIR, PrecomputedRows, class_file
from tests.graph.test_precompute import solutions

JSON = ox.QueryResultsFormat.JSON


def probes(reps: list[int], low: int, high: int) -> list[int | None]:
    """Unbound, the bounds, and every representative with its neighbours."""
    near = {v for r in reps for v in (r - 1, r, r + 1) if low <= v <= high}
    return [None, *sorted(near | {low, high})]


def compare(build_dir: Path, stored: PrecomputedRows | None = None) -> int:
    """Every probe of both parameters of eligibility-stage: the stored (or written-over) answer is the live one."""
    kg = KnowledgeGraph.open(build_dir)
    stored = stored or PrecomputedRows(build_dir)
    query = kg.named("eligibility-stage")
    reps = json.loads(class_file(build_dir / PRECOMPUTED_DIR, query.name).read_text(encoding="utf-8"))
    compared = 0
    for week in probes(reps["pregnancy_week"], *PREGNANCY_WEEKS):
        for age in probes(reps["child_age_months"], *CHILD_MONTHS):
            call = {k: str(v) for k, v in (("pregnancy_week", week), ("child_age_months", age)) if v is not None}
            bound = kg.bind(query.name, call)
            answer = stored.answer(query.name, bound)
            assert answer is not None, call
            chunks = stored.answer_chunks(query.name, bound)
            assert chunks is not None and b"".join(chunks[1]) == answer, call
            live = solutions(kg.store.run(query.text, bound))
            if solutions(ox.parse_query_results(answer, format=JSON)) != live:
                return -1
            compared += 1
    return compared


def test_eligibility_stage_is_stored_by_class(kg):
    assert [q.name for q in classed_queries(kg.catalog)] == ["eligibility-stage"]
    reps = representatives(kg.store, kg.named("eligibility-stage"))
    assert reps["pregnancy_week"][0] == 1 and 20 in reps["pregnancy_week"]  # the seed's "from week 20"
    assert reps["child_age_months"][0] == 0 and {12, 36} <= set(reps["child_age_months"])


@pytest.mark.parametrize("which", ["seed", "generated"])
def test_every_class_equals_the_live_query_at_and_around_each_threshold(which, build_dir, generated_build):
    folder = build_dir if which == "seed" else generated_build
    assert compare(folder) >= 60


def test_the_comparison_sees_a_missing_threshold(build_dir, monkeypatch):
    rows = PrecomputedRows(build_dir)
    reps = json.loads(class_file(build_dir / PRECOMPUTED_DIR, "eligibility-stage").read_text(encoding="utf-8"))
    reps["child_age_months"].remove(12)  # ages 12-35 would then be answered as ages under 12
    rows._classes["eligibility-stage"] = reps
    assert compare(build_dir, rows) == -1


def test_an_answer_is_written_over_only_where_the_parameter_is(build_dir, kg):
    stored = PrecomputedRows(build_dir)
    answer = stored.answer("eligibility-stage", kg.bind("eligibility-stage", {"pregnancy_week": "23"}))
    assert answer is not None
    bindings = json.loads(answer)["results"]["bindings"]
    assert bindings and all(b["pregnancy_week"]["value"] == "23" and "child_age_months" not in b for b in bindings)


def test_a_malformed_classes_line_fails_when_the_catalogue_loads(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# title: t\n# description: d\n# classes: week <= pp:x\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(ValueError, match="classes"):
        parse_query_file(path)


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_the_api_answers_any_family_stage_from_the_stored_classes(app, client, monkeypatch, accept):
    from api.resources import resources

    with app.app_context():
        served = resources().kg

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a classed call ran live")

    monkeypatch.setattr(served.store, "run", refuse)
    response = client.get(
        "/api/v1/queries/eligibility-stage?pregnancy_week=23&child_age_months=15", headers={"Accept": accept}
    )
    assert response.status_code == 200 and response.mimetype == accept
    if accept.endswith("json"):
        rows = response.get_json()["results"]["bindings"]
        assert rows and {(r["pregnancy_week"]["value"], r["child_age_months"]["value"]) for r in rows} == {("23", "15")}
    else:
        assert response.data.count(b"\n23,15,") == response.data.count(b"\n") - 1  # every row echoes the family
