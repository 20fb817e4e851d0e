"""Where the pathway drawing puts its boxes and lines: layered columns, links routed through the gaps.

Columns are the longest path to a node; rows within a column are ordered by the mean row of the
neighbours (a few sweeps), so links cross less. Every link is an orthogonal path that leaves its box
on the right, runs vertically only in the gap between two columns and horizontally only in the gap
between two rows (or in a box's own band next to it), so no line passes through a box it does not
join. Each link has its own track in every gap it uses and its own port on a box's side, so no two
lines overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.navigation.pathways import layers

BOX_W, BOX_H = 200.0, 44.0
MARGIN = 20.0
COL_GAP, ROW_GAP, TRACK = 64.0, 28.0, 9.0  # smallest gaps; a gap grows with the tracks it carries


@dataclass
class Layout:
    boxes: dict[str, tuple[float, float]]  # node id -> top-left corner (every box BOX_W × BOX_H)
    order: list[str]  # nodes in reading order: column by column, top to bottom
    paths: list[list[tuple[float, float]]]  # per edge (graph order): the polyline's points
    width: float
    height: float


def _rows(graph: dict[str, Any], column: dict[str, int]) -> dict[str, int]:
    """Row of each node within its column: barycentre sweeps over the neighbours' rows."""
    cols: dict[int, list[str]] = {}
    for node in graph["nodes"]:
        cols.setdefault(column[node["id"]], []).append(node["id"])
    row = {n: i for members in cols.values() for i, n in enumerate(members)}
    near: dict[str, list[str]] = {n: [] for n in row}
    for e in graph["edges"]:
        near[e["from"]].append(e["to"])
        near[e["to"]].append(e["from"])
    for sweep in range(4):
        for col in sorted(cols, reverse=bool(sweep % 2)):
            members = cols[col]

            def centre(n: str) -> tuple[float, int]:
                others = [row[m] for m in near[n] if column[m] != col]
                return (sum(others) / len(others) if others else float(row[n]), row[n])

            members.sort(key=centre)
            row.update({n: i for i, n in enumerate(members)})
    return row


def layout(graph: dict[str, Any]) -> Layout:
    """Boxes and routed lines of the pathway graph (see the module docstring)."""
    column = layers(graph)
    row = _rows(graph, column)
    ncols = max(column.values(), default=0) + 1
    nrows = max(row.values(), default=0) + 1
    edges = graph["edges"]
    # which gaps each edge uses: column gaps g (right of column g; -1 is the left margin), a row gap j
    # (below row j; -1 is the top margin) for a link that is not between neighbouring columns
    out_gap = [column[e["from"]] for e in edges]
    in_gap = [column[e["to"]] - 1 for e in edges]
    lane: list[int | None] = [None] * len(edges)
    lane_load: dict[int, int] = {}
    for i, e in enumerate(edges):
        if out_gap[i] != in_gap[i]:
            a, b = sorted((row[e["from"]], row[e["to"]]))
            middle = (a + b) / 2
            chosen = min(range(a - 1, b + 1), key=lambda j: (lane_load.get(j, 0), abs(j + 0.5 - middle)))
            lane[i], lane_load[chosen] = chosen, lane_load.get(chosen, 0) + 1
    tracks: dict[int, list[int]] = {}  # column gap -> the edges with a vertical run there
    for i in range(len(edges)):
        for g in {out_gap[i], in_gap[i]}:
            tracks.setdefault(g, []).append(i)
    for members in tracks.values():
        members.sort(key=lambda i: (row[edges[i]["from"]], row[edges[i]["to"]], i))
    col_gap = {g: max(COL_GAP, (len(tracks.get(g, [])) + 3) * TRACK) for g in range(-1, ncols)}
    row_gap = {j: max(ROW_GAP, (lane_load.get(j, 0) + 1) * TRACK) for j in range(-1, nrows)}
    col_x, x = {}, MARGIN + col_gap[-1]
    for c in range(ncols):
        col_x[c], x = x, x + BOX_W + col_gap[c]
    row_y, y = {}, MARGIN + row_gap[-1]
    for r in range(nrows):
        row_y[r], y = y, y + BOX_H + row_gap[r]
    boxes = {n: (col_x[column[n]], row_y[row[n]]) for n in row}

    def gap_left(g: int) -> float:
        return col_x[g] + BOX_W if g >= 0 else MARGIN

    def track_x(g: int, i: int) -> float:
        members = tracks[g]
        return gap_left(g) + (members.index(i) + 2) * (col_gap[g] / (len(members) + 3))

    lane_members: dict[int, list[int]] = {}
    for i, j in enumerate(lane):
        if j is not None:
            lane_members.setdefault(j, []).append(i)

    def lane_y(j: int, i: int) -> float:
        members = lane_members[j]
        top = row_y[j] + BOX_H if j >= 0 else MARGIN
        return top + (members.index(i) + 1) * (row_gap[j] / (len(members) + 1))

    ports = _ports(graph, row, out_gap, in_gap)
    paths = []
    for i, e in enumerate(edges):
        sx, sy = boxes[e["from"]]
        tx, ty = boxes[e["to"]]
        y1, y2 = sy + ports[(i, "out")] * BOX_H, ty + ports[(i, "in")] * BOX_H
        x1 = track_x(out_gap[i], i)
        points = [(sx + BOX_W, y1), (x1, y1)]
        j = lane[i]
        if j is None:
            points += [(x1, y2)]
        else:
            x2, ly = track_x(in_gap[i], i), lane_y(j, i)
            points += [(x1, ly), (x2, ly), (x2, y2)]
        points.append((tx, y2))
        paths.append(points)
    order = sorted(row, key=lambda n: (column[n], row[n]))
    return Layout(boxes, order, paths, x + MARGIN, y + MARGIN)


def _ports(
    graph: dict[str, Any], row: dict[str, int], out_gap: list[int], in_gap: list[int]
) -> dict[tuple[int, str], float]:
    """Where each edge leaves and enters its boxes, as a fraction of the box's height.

    The ports of one row band in one column gap (the right side of the box before the gap, the left
    side of the box after it) are spread together, so no two lines share a height there; a link
    straight across to its neighbour in the same row keeps one height and stays straight.
    """
    bands: dict[tuple[int, int], list[tuple[float, int, str]]] = {}
    for i, e in enumerate(graph["edges"]):
        a, b = row[e["from"]], row[e["to"]]
        straight = out_gap[i] == in_gap[i] and a == b
        bands.setdefault((out_gap[i], a), []).append((float(b), i, "both" if straight else "out"))
        if not straight:
            bands.setdefault((in_gap[i], b), []).append((float(a), i, "in"))
    out: dict[tuple[int, str], float] = {}
    for members in bands.values():
        members.sort()
        for k, (_other, i, side) in enumerate(members):
            at = (k + 1) / (len(members) + 1)
            for name in ("out", "in") if side == "both" else (side,):
                out[(i, name)] = at
    return out
