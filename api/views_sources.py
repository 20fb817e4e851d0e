"""Source-document endpoints: the documents every citation names, with their texts."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from api.args import only_args
from api.openapi import register
from api.openapi_sources import PATHS, SCHEMAS
from api.resources import resources
from graph.navigation import get_source, list_sources

bp = Blueprint("sources", __name__)
register(PATHS, SCHEMAS)


@bp.get("/api/v1/sources")
def sources() -> ResponseReturnValue:
    only_args()
    return jsonify(list_sources(resources().kg))


@bp.get("/api/v1/sources/<source_id>")
def source(source_id: str) -> ResponseReturnValue:
    only_args("quote")
    return jsonify(get_source(resources().kg, source_id, request.args.get("quote")))
