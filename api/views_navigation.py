"""Navigation endpoints: eligibility screening, referral pathways and the planners' gap report."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue

from api.args import only_args, parse_limit
from api.openapi import register
from api.openapi_navigation import PATHS, SCHEMAS
from api.resources import resources
from graph.errors import InvalidParameter, UnsupportedMediaType
from graph.navigation import (
    DEFAULT_LIMIT,
    FIELDS,
    dot,
    gap_report,
    mermaid,
    parse_profile,
    pathway,
    pathway_graph,
    screen,
    stored_report,
    svg,
)
from graph.parsing import parse_lang

bp = Blueprint("navigation", __name__)
register(PATHS, SCHEMAS)
GRAPH_FORMATS = {
    "mermaid": ("text/vnd.mermaid", mermaid),
    "dot": ("text/vnd.graphviz", dot),
    "svg": ("image/svg+xml", svg),
}


@bp.route("/api/v1/eligibility", methods=["GET", "POST"])
def eligibility() -> ResponseReturnValue:
    kg = resources().kg
    if request.method == "POST":
        only_args("limit")  # limit may also stay in the query string, as before
        if not request.is_json:
            raise UnsupportedMediaType("POST a JSON object with the profile fields (Content-Type: application/json)")
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise InvalidParameter("the body must be a JSON object with the profile fields", field="body")
        raw = dict(body)
        if "limit" not in raw and "limit" in request.args:
            raw["limit"] = request.args.getlist("limit")
    else:
        only_args(*FIELDS, "limit")
        raw = {key: request.args.getlist(key) for key in request.args}
    limit = parse_limit(raw.pop("limit", None), DEFAULT_LIMIT)
    return jsonify(screen(kg, parse_profile(kg, raw), limit))


@bp.get("/api/v1/services/<service_id>/pathway")
def service_pathway(service_id: str) -> ResponseReturnValue:
    only_args()
    return jsonify(pathway(resources().kg, service_id))


@bp.get("/api/v1/pathways")
def pathways() -> ResponseReturnValue:
    only_args("format", "lang", "municipality")
    kg = resources().kg
    fmt = request.args.get("format", "json")
    lang = parse_lang("lang", request.args.get("lang", "fi"))
    if fmt == "json" and "municipality" not in request.args and (stored := stored_report(kg, "pathways")):
        return Response(stored, mimetype="application/json")
    graph = pathway_graph(kg, request.args.get("municipality"))  # given empty is invalid
    if fmt == "json":
        return jsonify(graph)
    if fmt not in GRAPH_FORMATS:
        raise InvalidParameter(f"format must be one of json, {', '.join(GRAPH_FORMATS)}", field="format")
    media, render = GRAPH_FORMATS[fmt]
    return Response(render(graph, lang), mimetype=media)


@bp.get("/api/v1/gaps")
def gaps() -> ResponseReturnValue:
    only_args("municipality", "language")
    kg = resources().kg
    municipality = request.args.get("municipality")  # given empty is invalid, as the OpenAPI says
    if municipality is not None:
        kg.municipality_iri(municipality)  # validates the value, naming the field
    language = request.args.get("language")
    if language is not None and parse_lang("language", language) == "fi":
        raise InvalidParameter("language gaps are reported for sv and en", field="language")
    if municipality is None and language is None and (stored := stored_report(kg, "gaps")):
        return Response(stored, mimetype="application/json")
    return jsonify(gap_report(kg, municipality, language))
