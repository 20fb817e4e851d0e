"""The planners' coverage matrix: situations × family stages, each cell the services that cover it.

A service covers a stage where its family-stage bounds admit at least one week or month of it (the
rule of the uncovered-window gaps); a service whose sources give no bounds counts as covering every
stage, and `whole` says whether it covers the stage from its first to its last week or month.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from graph.navigation.criteria.stage import StageBounds
from graph.store.knowledge import KnowledgeGraph, labels

# (id, unit, first, last): pregnancy weeks or child age in months, as the gap report counts them
STAGES = (
    ("pregnancy-early", "week", 1, 19),
    ("pregnancy-late", "week", 20, 42),
    ("baby", "month", 0, 11),
    ("toddler", "month", 12, 35),
)


Cover = tuple[str, Any, StageBounds | None]  # a covering row: its service, area and stage bounds (None: it states none)


def coverage_rows(kg: KnowledgeGraph) -> list[tuple[str, dict[str, Any], list[Cover]]]:
    """Per situation, in the rows' order: its labels and its covering rows, made once per build from
    situation-coverage (the matrix and the uncovered windows of every municipality read the same rows; the
    rows themselves are not kept)."""

    def make() -> list[tuple[str, dict[str, Any], list[Cover]]]:
        found: OrderedDict[str, tuple[dict[str, Any], list[Cover]]] = OrderedDict()
        alike: dict[StageBounds, StageBounds] = {}  # one object for bounds that many services share
        for row in kg.rows("situation-coverage"):
            _, covers = found.setdefault(row["situationId"], (labels(row), []))
            if "serviceId" not in row:
                continue
            bounds = None
            if row.get("hasStage"):
                made = StageBounds(
                    row.get("acceptsExpecting"),
                    row.get("minPregnancyWeek"),
                    row.get("acceptsChild"),
                    row.get("childAgeUnderMonths"),
                )
                bounds = alike.setdefault(made, made)
            covers.append((row["serviceId"], row.get("area"), bounds))
        return [(situation, names, covers) for situation, (names, covers) in found.items()]

    table: list[tuple[str, dict[str, Any], list[Cover]]] = kg.memo("coverage-rows", make)
    return table


def _points(bounds: StageBounds | None, unit: str) -> range:
    """The weeks or months a covering row's service admits (every one when it states no bounds)."""
    if unit == "week":
        if bounds is not None and bounds.accepts_expecting is False:
            return range(0)
        first = bounds.min_pregnancy_week if bounds is not None and bounds.min_pregnancy_week is not None else 1
        return range(first, 43)
    if bounds is not None and bounds.accepts_child is False:
        return range(0)
    under = bounds.child_under_months if bounds is not None and bounds.child_under_months is not None else 36
    return range(0, min(under, 36))


def _admissions(kg: KnowledgeGraph) -> list[tuple[str, dict[str, Any], list[tuple[Any, str, dict[str, bool]]]]]:
    """Per situation, in order: its labels, and for each covering row its area, its service and the stages it
    admits ({stage: whole}); made once per build, as every municipality's matrix reads the same rows."""

    def make() -> list[tuple[str, dict[str, Any], list[tuple[Any, str, dict[str, bool]]]]]:
        out = []
        for situation, names, rows in coverage_rows(kg):
            covers = []
            for service, area, bounds in rows:
                stages = {}
                for stage, unit, first, last in STAGES:
                    admitted = set(_points(bounds, unit)) & set(range(first, last + 1))
                    if admitted:
                        stages[stage] = len(admitted) == last - first + 1
                covers.append((area, service, stages))
            out.append((situation, names, covers))
        return out

    found: list[tuple[str, dict[str, Any], list[tuple[Any, str, dict[str, bool]]]]] = kg.memo(
        "coverage-admissions", make
    )
    return found


def coverage_matrix(kg: KnowledgeGraph, municipality: str | None = None) -> dict[str, Any]:
    """Rows per situation, a cell per stage listing {id, whole} of the services covering it; made once per build."""
    code = kg.municipality_code(municipality) if municipality else None

    def make() -> dict[str, Any]:
        out = []
        for situation, names, covers in _admissions(kg):
            cells: dict[str, dict[str, dict[str, Any]]] = {stage: {} for stage, *_ in STAGES}
            for area, service, stages in covers:
                if code and area and area != code:
                    continue
                for stage, whole in stages.items():
                    cell = cells[stage].setdefault(service, {"id": service, "whole": whole})
                    cell["whole"] = cell["whole"] or whole
            out.append(
                {
                    "situation": situation,
                    "labels": dict(names),
                    "cells": {stage: list(found.values()) for stage, found in cells.items()},
                }
            )
        columns = [{"id": s, "unit": unit, "from": first, "to": last} for s, unit, first, last in STAGES]
        return {"municipality": code, "stages": columns, "rows": out}

    matrix: dict[str, Any] = kg.memo(f"coverage-matrix:{code}", make)
    return matrix
