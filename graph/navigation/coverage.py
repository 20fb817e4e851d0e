"""The planners' coverage matrix: situations × family stages, each cell the services that cover it.

A service covers a stage where its family-stage bounds admit at least one week or month of it (the
rule of the uncovered-window gaps); a service whose sources give no bounds counts as covering every
stage, and `whole` says whether it covers the stage from its first to its last week or month.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from graph.store.knowledge import KnowledgeGraph, labels

# (id, unit, first, last): pregnancy weeks or child age in months, as the gap report counts them
STAGES = (
    ("pregnancy-early", "week", 1, 19),
    ("pregnancy-late", "week", 20, 42),
    ("baby", "month", 0, 11),
    ("toddler", "month", 12, 35),
)


def _points(row: dict[str, Any], unit: str) -> range:
    """The weeks or months a coverage row's service admits (every one when it states no bounds)."""
    if unit == "week":
        if row.get("hasStage") and row.get("acceptsExpecting") is False:
            return range(0)
        return range(row.get("minPregnancyWeek", 1) if row.get("hasStage") else 1, 43)
    if row.get("hasStage") and row.get("acceptsChild") is False:
        return range(0)
    return range(0, min(row.get("childAgeUnderMonths", 36), 36) if row.get("hasStage") else 36)


def _admissions(kg: KnowledgeGraph) -> list[tuple[str, dict[str, Any], list[tuple[Any, str, dict[str, bool]]]]]:
    """Per situation, in order: its labels, and for each covering row its area, its service and the stages it
    admits ({stage: whole}); made once per build, as every municipality's matrix reads the same rows."""

    def make() -> list[tuple[str, dict[str, Any], list[tuple[Any, str, dict[str, bool]]]]]:
        rows: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        for row in kg.rows("situation-coverage"):  # what is made of them is kept, not the rows
            rows.setdefault(row["situationId"], []).append(row)
        out = []
        for situation, group in rows.items():
            covers = []
            for row in group:
                if "serviceId" not in row:
                    continue
                stages = {}
                for stage, unit, first, last in STAGES:
                    admitted = set(_points(row, unit)) & set(range(first, last + 1))
                    if admitted:
                        stages[stage] = len(admitted) == last - first + 1
                covers.append((row.get("area"), row["serviceId"], stages))
            out.append((situation, labels(group[0]), covers))
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
