"""The coverage matrix agrees with the stated bounds and with the gap report's uncovered windows."""

from __future__ import annotations

from graph.navigation import coverage_matrix, gap_report


def _row(matrix, situation):
    return next(row for row in matrix["rows"] if row["situation"] == situation)


def test_cells_follow_the_family_stage_bounds(kg):
    anxiety = _row(coverage_matrix(kg), "anxiety")["cells"]
    # terapeuttinen vauvaperhetyö: from pregnancy week 20, children under one year (source 000)
    assert [c["id"] for c in anxiety["pregnancy-late"]] == ["terapeuttinen-vauvaperhetyo"]
    assert anxiety["pregnancy-late"][0]["whole"] and anxiety["baby"][0]["whole"]
    assert anxiety["pregnancy-early"] == [] and anxiety["toddler"] == []


def test_an_empty_cell_is_an_uncovered_window_of_the_gap_report(kg):
    matrix = coverage_matrix(kg)
    windows = {g["situations"][0]: g["title"] for g in gap_report(kg)["items"] if g["kind"] == "uncovered_window"}
    checked = 0
    for row in matrix["rows"]:
        for stage in matrix["stages"]:
            if not row["cells"][stage["id"]]:
                unit = "pregnancy week" if stage["unit"] == "week" else "child age"
                assert unit in windows.get(row["situation"], ""), (row["situation"], stage["id"])
                checked += 1
    assert checked >= 4


def test_a_municipality_narrows_the_cells_to_services_there(kg):
    everywhere = coverage_matrix(kg)
    espoo = coverage_matrix(kg, "Espoo")
    assert espoo["municipality"] == "049"
    count = lambda m: sum(len(c) for row in m["rows"] for c in row["cells"].values())  # noqa: E731
    assert count(espoo) < count(everywhere)
