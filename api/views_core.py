"""Core endpoints: health, the OpenAPI document, services and concepts."""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from api.args import only_args, page
from api.openapi import PATHS, SCHEMAS, spec
from api.openapi_queries import build_paths, build_schemas
from api.resources import resources
from graph.navigation import get_service, list_concepts, list_services

bp = Blueprint("core", __name__)


@bp.get("/health")
def health() -> ResponseReturnValue:
    only_args()
    res = resources()
    return jsonify(
        status="ok",
        graph={
            "version": res.kg.manifest.get("version"),
            "build_id": res.kg.manifest.get("build_id"),
            "built_at": res.kg.manifest.get("built_at"),
            "quads": res.kg.manifest.get("quads"),
        },
        index=res.kg.manifest.get("index"),
    )


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    kg = resources().kg
    paths = kg.memo("openapi-build-paths", lambda: build_paths(kg, PATHS))
    return jsonify(spec(paths, kg.memo("openapi-build-schemas", lambda: build_schemas(kg, SCHEMAS))))


@bp.get("/api/v1/services")
def services() -> ResponseReturnValue:
    only_args("limit", "offset")
    limit, offset = page()
    return jsonify(list_services(resources().kg, limit, offset))


@bp.get("/api/v1/services/<service_id>")
def service(service_id: str) -> ResponseReturnValue:
    only_args()
    return jsonify(get_service(resources().kg, service_id))


@bp.get("/api/v1/concepts")
def concepts() -> ResponseReturnValue:
    only_args("scheme")
    return jsonify(list_concepts(resources().kg, request.args.get("scheme")))
