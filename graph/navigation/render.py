"""The pathway graph as Mermaid, Graphviz DOT and a self-contained SVG, for people who would rather look."""

from __future__ import annotations

from html import escape
from typing import Any

from graph.navigation.layout import BOX_H, BOX_W, layout

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


# how each kind of link is drawn: (colour, width, dash pattern); told apart by the dash and width, not only by colour
EDGE_STYLES = {
    "next-step": ("#3d3d3d", 1.5, ""),
    "referral": ("#0b5394", 1.5, "9,4"),
    "intake": ("#6a3d9a", 1.8, "2,3"),
    "escalation": ("#a3221a", 3.0, ""),
    "alongside": ("#5a5a5a", 1.5, "5,4,1,4"),
    "continuation": ("#1e6b2f", 1.5, "12,3,3,3"),
}
KIND_NAMES = {kind: kind.replace("-", " ") for kind in EDGE_STYLES}  # what a drawing without a web page says
# average advance of a character at font-size 12 (a box holds what fits; the rest is cut with an ellipsis)
_NARROW, _WIDE = set("iljtfrI.,:;'!|() -"), set("mwMWÄÖ@")


def _width(text: str) -> float:
    return sum(3.6 if c in _NARROW else 10.0 if c in _WIDE else 8.2 if c.isupper() else 6.6 for c in text)


def _lines(text: str, room: float = BOX_W - 16, most: int = 2) -> list[str]:
    """The label in at most `most` lines that fit `room`; what does not fit is cut with an ellipsis."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and _width(joined) <= room:
            lines[-1] = joined
        else:
            lines.append(word)
    cut = len(lines) > most
    lines = lines[:most] or [""]
    for k, line in enumerate(lines):
        last = k == len(lines) - 1
        if _width(line) > room or (last and cut):
            while line and _width(line + "…") > room:
                line = line[:-1]
            lines[k] = line.rstrip() + "…"
    return lines


def _marker(kind: str) -> str:
    colour = EDGE_STYLES[kind][0]
    return (
        f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" '
        f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
    )


def edge_attributes(kind: str) -> str:
    """The stroke attributes of a link of `kind` (a legend draws its sample with the same)."""
    colour, width, dash = EDGE_STYLES.get(kind, EDGE_STYLES["next-step"])
    known = kind if kind in EDGE_STYLES else "next-step"
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return f'fill="none" stroke="{colour}" stroke-width="{width:g}"{dashes} marker-end="url(#arrow-{known})"'


def svg(
    graph: dict[str, Any],
    lang: str = "fi",
    href: str | None = None,
    classes: dict[str, str] | None = None,
    kind_names: dict[str, str] | None = None,
) -> str:
    """Layered left-to-right drawing (graph.navigation.layout): boxes in columns, links routed around them.

    With `href` (a template with `{id}`) each node links there; `classes` gives nodes a CSS class;
    `kind_names` names the kinds of link in the links' tooltips. Nodes come in reading order.
    """
    drawn = layout(graph)
    names = kind_names or KIND_NAMES
    by_id = {n["id"]: n for n in graph["nodes"]}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawn.width:g}" height="{drawn.height:g}" '
        f'viewBox="0 0 {drawn.width:g} {drawn.height:g}" font-family="sans-serif" font-size="12">',
        "<defs>" + "".join(_marker(kind) for kind in EDGE_STYLES) + "</defs>",
    ]
    for e, points in zip(graph["edges"], drawn.paths, strict=True):
        d = "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)
        tip = f"{_label(by_id[e['from']], lang)} → {_label(by_id[e['to']], lang)}: {names.get(e['kind'], e['kind'])}"
        parts.append(
            f'<path class="edge {escape(e["kind"])}" d="{d}" {edge_attributes(e["kind"])}><title>{escape(tip)}</title></path>'
        )
    for node_id in drawn.order:
        node = by_id[node_id]
        x, y = drawn.boxes[node_id]
        css = (classes or {}).get(node_id)
        text = _label(node, lang)
        used = lang if node["labels"].get(lang) else "fi" if node["labels"].get("fi") else None
        lines = _lines(text)
        first = y + BOX_H / 2 + 4 - 7 * (len(lines) - 1)
        spans = "".join(
            f'<tspan x="{x + BOX_W / 2:g}" y="{first + 14 * k:g}">{escape(line)}</tspan>'
            for k, line in enumerate(lines)
        )
        text_lang = f' lang="{used}"' if used and used != lang else ""
        box = (
            f"<g{f' class={chr(34)}{css}{chr(34)}' if css else ''}><title>{escape(text)}</title>"
            f'<rect x="{x:g}" y="{y:g}" width="{BOX_W:g}" height="{BOX_H:g}" rx="8" fill="#eef4fb" stroke="#2b6cb0"/>'
            f'<text text-anchor="middle"{text_lang}>{spans}</text></g>'
        )
        link = f'<a href="{escape(href.format(id=node_id))}" aria-label="{escape(text)}">{box}</a>' if href else box
        parts.append(link)
    return "\n".join(parts + ["</svg>"]) + "\n"
