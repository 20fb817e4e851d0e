"""How a screening sorts the services: by their group's verdicts, then by how many of the family's situations
they address (graph.navigation.eligibility)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from graph.navigation.criteria.groups import Groups
from graph.navigation.criteria.tables import ScreeningTables


def order(
    indices: list[int],
    summary: list[tuple[str, bool, tuple[int, int]]],
    fewer: list[int] | None,
) -> dict[tuple[Any, ...], list[int]]:
    """The catalogue positions of the services by where they sort: eligible, ineligible, and unknown by
    the likely first (only what the sources do not say is open), then by questions left to ask (both
    their group's); within each, those addressing more of the family's situations first, else in the
    catalogue's order (stable sorts, with keys looked up in C: at 6,400 services a Python key per
    service was a third of a screen)."""
    keys = [
        (bucket, not is_likely, close) if bucket == "unknown" else (bucket,) for bucket, is_likely, close in summary
    ]
    rank = {key: n for n, key in enumerate(dict.fromkeys(keys))}
    of_group = [rank[key] for key in keys]
    codes = list(map(of_group.__getitem__, indices))
    order = sorted(range(len(codes)), key=codes.__getitem__)
    found: dict[tuple[Any, ...], list[int]] = {}
    start = 0
    for key, n in zip(rank, _counts(codes, len(rank)), strict=True):
        found[key], start = order[start : start + n], start + n
    if fewer is not None:
        for key, positions in found.items():
            if key[0] != "ineligible":
                positions.sort(key=fewer.__getitem__)
    return found


def fewer(groups: Groups, table: ScreeningTables, situations: list[str]) -> list[int] | None:
    """By catalogue position, minus how many of the family's situations each service addresses (a sort key:
    more first), or None without situations. Each situation's column is made once per build (at 6,400
    services one situation is addressed by some 1,400 services: a Python loop over them was a tenth of a screen)."""
    if not situations:
        return None

    def column(situation: str) -> list[int]:
        out = [0] * len(groups.ids)
        for service_id in table.addressing(situation):
            if service_id in groups.position:
                out[groups.position[service_id]] = -1
        return out

    columns: list[list[int]] = [groups.memo(f"addressing:{s}", partial(column, s)) for s in situations]
    return columns[0] if len(columns) == 1 else list(map(sum, zip(*columns, strict=True)))


def _counts(codes: list[int], size: int) -> list[int]:
    counted = Counter(codes)
    return [counted.get(code, 0) for code in range(size)]
