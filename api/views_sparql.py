"""The SPARQL 1.1 Protocol endpoint (read-only) and the named-query library over HTTP."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from api.args import only_args
from api.negotiation import choose
from api.openapi import register
from api.openapi_sparql import PATHS, SCHEMAS
from api.resources import resources
from graph.errors import InvalidParameter, PayloadTooLarge, QueryRefused, UnsupportedMediaType
from graph.parsing import parse_iri
from graph.store import GRAPH_TYPES, RESULT_TYPES, describe_endpoint, inspect, list_queries, run_named

bp = Blueprint("sparql", __name__)
register(PATHS, SCHEMAS)
PROTOCOL_ARGS = ("query", "default-graph-uri", "named-graph-uri", "format")


def _protocol_request() -> tuple[str | None, list[str] | None, list[str] | None]:
    """(query, default graphs, named graphs) from GET, form POST or sparql-query POST, per the protocol."""
    if "update" in request.args or (
        request.method == "POST"
        and request.mimetype == "application/x-www-form-urlencoded"
        and "update" in request.form
    ):
        raise QueryRefused("SPARQL Update is not allowed: this endpoint is read-only", field="update")
    if request.method == "POST" and request.mimetype == "application/sparql-update":
        raise QueryRefused("SPARQL Update is not allowed: this endpoint is read-only", field="update")
    only_args(*PROTOCOL_ARGS)
    source = request.args
    if request.method == "POST":
        if request.mimetype == "application/x-www-form-urlencoded":
            source = request.form
            unknown = sorted(set(request.form) - set(PROTOCOL_ARGS))
            if unknown:
                raise InvalidParameter(f"unknown form field {unknown[0]!r}", field=unknown[0])
            if "query" in request.args:
                raise InvalidParameter("give the query in the body or the URL, not both", field="query")
        elif request.mimetype == "application/sparql-query":
            if "query" in request.args:
                raise InvalidParameter("a sparql-query body takes no query parameter", field="query")
            try:
                return (
                    _checked(request.get_data().decode("utf-8")),
                    _graphs("default-graph-uri"),
                    _graphs("named-graph-uri"),
                )
            except UnicodeDecodeError:
                raise InvalidParameter("the query body is not valid UTF-8", field="query") from None
        else:
            raise UnsupportedMediaType(
                f"POST takes application/x-www-form-urlencoded or application/sparql-query, "
                f"not {request.mimetype or 'no content type'}"
            )
    queries = source.getlist("query")
    if len(queries) > 1:
        raise InvalidParameter("exactly one query parameter, please", field="query")
    return (
        (_checked(queries[0]) if queries else None),
        _graphs("default-graph-uri", source),
        _graphs("named-graph-uri", source),
    )


def _checked(query: str) -> str:
    if len(query) > current_app.config["MAX_QUERY_LENGTH"]:
        raise PayloadTooLarge(
            f"the query is longer than {current_app.config['MAX_QUERY_LENGTH']} characters", field="query"
        )
    if not query.strip():
        raise InvalidParameter("the query is empty", field="query")
    return query


def _graphs(name: str, source: MultiDict[str, str] | None = None) -> list[str] | None:
    values = (source or request.args).getlist(name) + (request.args.getlist(name) if source is request.form else [])
    return [parse_iri(name, value) for value in values] or None


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> ResponseReturnValue:
    query, default_graphs, named_graphs = _protocol_request()
    res = resources()
    if query is None and request.method == "POST":
        raise InvalidParameter("a POST needs a query", field="query")
    if query is None:
        media = choose(list(GRAPH_TYPES))
        return Response(describe_endpoint(res.kg, request.base_url, media), mimetype=media)
    media = choose(inspect(query).media_types)
    if named_graphs is not None and default_graphs is None:
        default_graphs = []  # the protocol: named graphs only, so the default graph is empty
    body = res.sandbox.execute(query, media, default_graphs, named_graphs)
    return Response(body, mimetype=media)


@bp.get("/api/v1/queries")
def queries() -> ResponseReturnValue:
    only_args()
    return jsonify(list_queries(resources().kg))


@bp.get("/api/v1/queries/<name>")
def named_query(name: str) -> ResponseReturnValue:
    kg = resources().kg
    query = kg.named(name)
    params = {key: request.args.getlist(key) for key in request.args if key != "format"}
    media = choose(list(RESULT_TYPES) if query.form in ("SELECT", "ASK") else list(GRAPH_TYPES))
    return Response(run_named(kg, name, params, media), mimetype=media)
