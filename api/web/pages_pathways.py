"""The pathways page: the referral network as the server's SVG, nodes linking to service pages.

One service's upstream and downstream are highlighted (`?service=`); `?municipality=` keeps the
services a family living there can use by area. The drawing of each (language, service,
municipality) is made once per build and kept with the build's resources.
"""

from __future__ import annotations

from typing import Any

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from api.web.names import LINK_KINDS
from graph.navigation import pathway, pathway_graph, svg
from graph.navigation.render import EDGE_STYLES, edge_attributes
from graph.store import KnowledgeGraph

PAGE_SIZE = 100  # links listed per page
MAX_DRAWN = 250  # nodes beyond this are listed, not drawn (a national network would be unreadable and huge)


def _drawing(kg: KnowledgeGraph, graph: dict[str, Any], lang: str, focus: dict[str, Any] | None) -> str:
    if len(graph["nodes"]) > MAX_DRAWN:
        return ""
    classes = {}
    if focus:
        classes = {n["id"]: "up" for n in focus["upstream"]} | {n["id"]: "down" for n in focus["downstream"]}
        classes[focus["id"]] = "focus"
    href = url_for("web.service", service_id="ID", lang=lang).replace("ID", "{id}")
    return svg(graph, lang, href=href, classes=classes, kind_names=dict(LINK_KINDS.items()))


def _options(graph: dict[str, Any], focus: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The services to choose from: those in the network, and the chosen one even where it has no link."""
    nodes: list[dict[str, Any]] = graph["nodes"]
    if focus and focus["id"] not in {n["id"] for n in nodes}:
        nodes = sorted([*nodes, {"id": focus["id"], "labels": focus["labels"]}], key=lambda n: n["id"])
    return nodes


@bp.get("/pathways")
@cached_page
def pathways() -> ResponseReturnValue:
    lang = page_lang()
    kg = resources().kg
    service_id = request.args.get("service") or None
    focus = pathway(kg, service_id) if service_id else None  # NotFound for an unknown id: a 404 page
    offset = int_arg("offset", 0, 0, 1_000_000)
    municipality = request.args.get("municipality") or None
    # InvalidParameter names the field; the domain function gets the value as given, as from the JSON API
    code = kg.municipality_iri(municipality) if municipality else None
    graph = kg.memo(f"web-pathway-graph:{code}", lambda: pathway_graph(kg, municipality))
    svg_key = f"web-pathway-svg:{lang}:{service_id}:{code}"
    main = {
        "drawing": Markup(kg.memo(svg_key, lambda: _drawing(kg, graph, lang, focus))),
        "municipality": municipality or "",
        "graph": graph,
        "edges": graph["edges"][offset : offset + PAGE_SIZE],
        "offset": offset,
        "page_size": PAGE_SIZE,
        "names": kg.memo("web-pathway-names", lambda: {n["id"]: n["labels"] for n in pathway_graph(kg)["nodes"]}),
        "focus": focus,
        "focus_drawn": focus is not None and focus["id"] in {n["id"] for n in graph["nodes"]},
        "options": _options(graph, focus),
        "kinds": [kind for kind in EDGE_STYLES if any(e["kind"] == kind for e in graph["edges"])],
        "service_id": service_id,
        "edge_attributes": lambda kind: Markup(edge_attributes(kind)),
    }
    return render_template("pathways.html", main=main, key=(service_id, code, offset))
