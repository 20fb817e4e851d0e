"""Search endpoints: full-text search with filters and facets, and completions for a search box."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from api.args import int_arg, only_args
from api.openapi import register
from api.openapi_search import PATHS, SCHEMAS
from api.resources import resources
from search_index.fields import FACETS, FLAGS
from search_index.search import search as run_search
from search_index.search import suggest as run_suggest

bp = Blueprint("search", __name__)
register(PATHS, SCHEMAS)


@bp.get("/api/v1/search")
def search() -> ResponseReturnValue:
    only_args("q", "lang", "limit", "offset", *FACETS, *FLAGS)
    filters = {name: request.args.getlist(name) for name in FACETS + FLAGS if name in request.args}
    res = resources()
    return jsonify(
        run_search(
            res.index,
            request.args.get("q"),
            lang=request.args.get("lang", "fi"),
            filters=filters,
            limit=int_arg("limit", 10, 1, 100),
            offset=int_arg("offset", 0, 0, 10_000),
            concepts=res.kg.concepts,
        )
    )


@bp.get("/api/v1/suggest")
def suggest() -> ResponseReturnValue:
    only_args("q", "lang", "limit")
    return jsonify(
        run_suggest(
            resources().index,
            request.args.get("q"),
            lang=request.args.get("lang", "fi"),
            limit=int_arg("limit", 10, 1, 50),
        )
    )
