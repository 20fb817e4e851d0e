"""Open Referral HSDS 3.0 under /hsds/: thin handlers over graph.hsds (the perhepolku profile)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from flask import Blueprint, Response, jsonify, request, url_for
from flask.typing import ResponseReturnValue

from api.args import int_arg, only_args
from api.openapi import register
from api.openapi_hsds import PATHS, SCHEMAS
from api.resources import resources
from graph import hsds
from graph.errors import InvalidParameter
from graph.parsing import parse_lang

bp = Blueprint("hsds", __name__)
register(PATHS, SCHEMAS)
LIST_ARGS = ("page", "per_page", "lang", "format")
FILTER_ARGS = ("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")


def _lang() -> str:
    return parse_lang("lang", request.args.get("lang", "fi"))


def _filters() -> hsds.Filters:
    after = request.args.get("modified_after")
    when = None
    if after is not None:
        try:
            when = datetime.fromisoformat(after.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidParameter(
                "modified_after must be an ISO 8601 date or datetime", field="modified_after"
            ) from None
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "ndjson"):
        raise InvalidParameter("format must be json or ndjson", field="format")
    return hsds.Filters(
        page=int_arg("page", 1, 1, 1_000_000),
        per_page=int_arg("per_page", 50, 1, 1000),
        lang=_lang(),
        modified_after=when,
        **{name: request.args.get(name) or None for name in FILTER_ARGS if name != "modified_after"},
    )


@bp.get("/hsds/")
def root() -> ResponseReturnValue:
    only_args()
    return jsonify(hsds.root(url_for("core.openapi", _external=True)))


@bp.get("/hsds/services")
def services() -> ResponseReturnValue:
    only_args(*LIST_ARGS, *FILTER_ARGS)
    filters, kg = _filters(), resources().kg
    if request.args.get("format") == "ndjson":
        lines: Iterator[str] = (json.dumps(doc, ensure_ascii=False) + "\n" for doc in hsds.stream_services(kg, filters))
        return Response(lines, mimetype="application/x-ndjson")
    return jsonify(hsds.list_services(kg, filters))


@bp.get("/hsds/services/<hsds_id>")
def service(hsds_id: str) -> ResponseReturnValue:
    only_args("lang")
    return jsonify(hsds.service(resources().kg, hsds_id, _lang()))


@bp.get("/hsds/organizations")
def organizations() -> ResponseReturnValue:
    only_args("page", "per_page", "lang")
    return jsonify(hsds.list_organizations(resources().kg, _filters()))


@bp.get("/hsds/organizations/<hsds_id>")
def organization(hsds_id: str) -> ResponseReturnValue:
    only_args("lang")
    return jsonify(hsds.organization(resources().kg, hsds_id, _lang()))


@bp.get("/hsds/service_at_locations")
def service_at_locations() -> ResponseReturnValue:
    only_args("page", "per_page", "lang", *FILTER_ARGS)
    return jsonify(hsds.list_service_at_locations(resources().kg, _filters()))


@bp.get("/hsds/service_at_locations/<hsds_id>")
def service_at_location(hsds_id: str) -> ResponseReturnValue:
    only_args("lang")
    return jsonify(hsds.service_at_location(resources().kg, hsds_id, _lang()))


@bp.get("/hsds/taxonomies")
def taxonomies() -> ResponseReturnValue:
    only_args("page", "per_page")
    return jsonify(hsds.list_taxonomies(resources().kg, _filters()))


@bp.get("/hsds/taxonomies/<hsds_id>")
def taxonomy(hsds_id: str) -> ResponseReturnValue:
    only_args()
    return jsonify(hsds.taxonomy(resources().kg, hsds_id))


@bp.get("/hsds/taxonomy_terms")
def taxonomy_terms() -> ResponseReturnValue:
    only_args("page", "per_page", "lang", "taxonomy_id")
    return jsonify(hsds.list_taxonomy_terms(resources().kg, _filters()))


@bp.get("/hsds/taxonomy_terms/<hsds_id>")
def taxonomy_term(hsds_id: str) -> ResponseReturnValue:
    only_args("lang")
    return jsonify(hsds.taxonomy_term(resources().kg, hsds_id, _lang()))
