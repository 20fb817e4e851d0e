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


def compare(build_dir: Path, stored: PrecomputedRows | None = None, every: bool = False) -> int:
    """Every call of eligibility-stage (`every`) or every probe of both parameters: the stored (or
    written-over) answer is the live one."""
    kg = KnowledgeGraph.open(build_dir)
    stored = stored or PrecomputedRows(build_dir)
    query = kg.named("eligibility-stage")
    reps = json.loads(class_file(build_dir / PRECOMPUTED_DIR, query.name).read_text(encoding="utf-8"))
    weeks = [None, *range(PREGNANCY_WEEKS[0], PREGNANCY_WEEKS[1] + 1)] if every else None
    ages = [None, *range(CHILD_MONTHS[0], CHILD_MONTHS[1] + 1)] if every else None
    compared = 0
    for week in weeks or probes(reps["pregnancy_week"], *PREGNANCY_WEEKS):
        for age in ages or probes(reps["child_age_months"], *CHILD_MONTHS):
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


def test_every_call_on_the_seed_graph_equals_the_live_query(build_dir):
    assert compare(build_dir, every=True) == 43 * 242  # each week 1-42 or none, each age 0-240 or none


def test_every_class_of_a_generated_graph_equals_the_live_query_at_and_around_each_threshold(generated_build):
    assert compare(generated_build) >= 60


def test_too_many_classes_are_answered_live(kg, tmp_path, monkeypatch):
    from graph.build import classed

    monkeypatch.setattr(classed, "MAX_CALLS", 5)
    seconds: dict[str, float] = {}
    classed.store_classed(tmp_path, kg, kg.store, seconds)
    rows = PrecomputedRows(tmp_path)
    assert not class_file(tmp_path / PRECOMPUTED_DIR, "eligibility-stage").exists()
    assert rows.answer("eligibility-stage", {}) is not None  # the call without parameters is still stored
    assert rows.answer("eligibility-stage", kg.bind("eligibility-stage", {"pregnancy_week": "20"})) is None


def test_the_comparison_sees_a_missing_threshold(build_dir, monkeypatch):
    rows = PrecomputedRows(build_dir)
    reps = json.loads(class_file(build_dir / PRECOMPUTED_DIR, "eligibility-stage").read_text(encoding="utf-8"))
    reps["child_age_months"].remove(12)  # ages 12-35 would then be answered as ages under 12
    rows._specs["eligibility-stage"] = ("classes", reps)
    assert compare(build_dir, rows) == -1


def test_an_answer_is_written_over_only_where_the_parameter_is(build_dir, kg):
    stored = PrecomputedRows(build_dir)
    answer = stored.answer("eligibility-stage", kg.bind("eligibility-stage", {"pregnancy_week": "23"}))
    assert answer is not None
    bindings = json.loads(answer)["results"]["bindings"]
    assert bindings and all(b["pregnancy_week"]["value"] == "23" and "child_age_months" not in b for b in bindings)


@pytest.mark.parametrize(
    "header",
    [
        "# classes: week <= pp:x",  # not `<`
        "# param: week week optional -- w\n# classes: wek < pp:x",  # not a parameter
        "# param: lang language optional -- l\n# classes: lang < pp:x",  # not a number
    ],
)
def test_a_malformed_classes_line_fails_when_the_catalogue_loads(tmp_path, header):
    path = tmp_path / "bad.rq"
    path.write_text(f"# title: t\n# description: d\n{header}\nSELECT * WHERE {{ ?s ?p ?o }}\n")
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
        lines = response.data.decode().splitlines()
        assert len(lines) > 5 and all(line.startswith("23,15,") for line in lines[1:])  # every row echoes the family


def test_the_build_refuses_classed_parameters_not_side_by_side(kg, tmp_path):
    import shutil

    from graph.build.classed import classed_answers
    from graph.errors import ArtefactError
    from graph.paths import QUERIES_DIR
    from graph.store.catalog import Catalog

    folder = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR, folder)
    path = folder / "eligibility-stage.rq"
    text = path.read_text(encoding="utf-8")
    moved = text.replace(
        "SELECT ?pregnancy_week ?child_age_months ?serviceId", "SELECT ?pregnancy_week ?serviceId ?child_age_months"
    )
    assert moved != text
    path.write_text(moved, encoding="utf-8")
    apart = KnowledgeGraph(kg.store, Catalog(folder))
    with pytest.raises(ArtefactError, match="side by side"):
        classed_answers(apart, kg.store, apart.named("eligibility-stage"))
    answers, _ = classed_answers(kg, kg.store, kg.named("eligibility-stage"))  # as written: side by side
    assert len(answers) == 3 * 4
