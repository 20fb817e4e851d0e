"""The pathway graph as Mermaid, Graphviz DOT and a self-contained SVG, for people who would rather look."""

from __future__ import annotations

from html import escape
from typing import Any

from graph.navigation.pathways import layers

ARROWS = {
    "next-step": "-->",
    "escalation": "==>",
    "alongside": "-.->",
    "continuation": "-->",
    "intake": "-->",
    "referral": "-->",
}


def _label(node: dict[str, Any], lang: str) -> str:
    return str(node["labels"].get(lang) or node["labels"].get("fi") or node["id"])


def mermaid(graph: dict[str, Any], lang: str = "fi") -> str:
    lines = ["flowchart LR"]
    ids = {n["id"]: f"n{i}" for i, n in enumerate(graph["nodes"])}
    for node in graph["nodes"]:
        lines.append(f'  {ids[node["id"]]}["{_label(node, lang).replace(chr(34), chr(39))}"]')
    for e in graph["edges"]:
        lines.append(f"  {ids[e['from']]} {ARROWS.get(e['kind'], '-->')}|{e['kind']}| {ids[e['to']]}")
    return "\n".join(lines) + "\n"


def dot(graph: dict[str, Any], lang: str = "fi") -> str:
    lines = ["digraph pathway {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="sans-serif"];']
    for node in graph["nodes"]:
        text = _label(node, lang).replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  "{node["id"]}" [label="{text}"];')
    for e in graph["edges"]:
        style = {"alongside": "dashed", "escalation": "bold"}.get(e["kind"], "solid")
        lines.append(f'  "{e["from"]}" -> "{e["to"]}" [label="{e["kind"]}", style={style}];')
    return "\n".join(lines + ["}"]) + "\n"


def svg(graph: dict[str, Any], lang: str = "fi", href: str | None = None, classes: dict[str, str] | None = None) -> str:
    """Layered left-to-right drawing: columns by longest path, rows by order within a column.

    With `href` (a template with `{id}`) each node links there; `classes` gives nodes a CSS class.
    """
    column = layers(graph)
    rows: dict[int, int] = {}
    pos = {}
    for node in graph["nodes"]:
        col = column[node["id"]]
        pos[node["id"]] = (30 + col * 260, 30 + rows.get(col, 0) * 70)
        rows[col] = rows.get(col, 0) + 1
    width = 30 + (max(column.values(), default=0) + 1) * 260
    height = 30 + max(rows.values(), default=1) * 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ]
    for e in graph["edges"]:
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        dash = ' stroke-dasharray="5,4"' if e["kind"] == "alongside" else ""
        parts.append(
            f'<line x1="{x1 + 200}" y1="{y1 + 20}" x2="{x2}" y2="{y2 + 20}" stroke="#555"{dash} '
            f'marker-end="url(#arrow)"><title>{escape(e["kind"])}</title></line>'
        )
    for node in graph["nodes"]:
        x, y = pos[node["id"]]
        css = (classes or {}).get(node["id"])
        box = (
            f"<g{f' class={chr(34)}{css}{chr(34)}' if css else ''}>"
            f'<rect x="{x}" y="{y}" width="200" height="40" rx="8" fill="#eef4fb" stroke="#2b6cb0"/>'
            f'<text x="{x + 100}" y="{y + 24}" text-anchor="middle">{escape(_label(node, lang)[:32])}</text></g>'
        )
        parts.append(f'<a href="{escape(href.format(id=node["id"]))}">{box}</a>' if href else box)
    return "\n".join(parts + ["</svg>"]) + "\n"
