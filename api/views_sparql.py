"""The SPARQL 1.1 Protocol endpoint (read-only) and the named-query library over HTTP.

Liberal in what it accepts, as Fuseki and Oxigraph are: parameters it does not know (SPARQLWrapper's
`output=`/`results=`, YASGUI's page state, `callback=`, `timeout=`) are ignored; only updates are refused.
"""

from __future__ import annotations

import time

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from api.args import only_args
from api.negotiation import choose, prefers_html
from api.openapi import register
from api.openapi_sparql import PATHS, SCHEMAS
from api.resources import resources
from api.stored import stored_response
from api.web.pages_sparql import editor
from graph.errors import InvalidParameter, PayloadTooLarge, QueryRefused, UnsupportedMediaType
from graph.parsing import parse_iri
from graph.store import describe_endpoint, inspect, kind_of, list_queries, run_named, stored_chunks

bp = Blueprint("sparql", __name__)
register(PATHS, SCHEMAS)
FORM = "application/x-www-form-urlencoded"
READ_ONLY = "SPARQL Update is not allowed: this endpoint is read-only"
NOT_QUERY_PARAMS = frozenset({"format", "output", "results"})


@bp.after_request
def vary(response: Response) -> Response:
    response.vary.add("Accept")  # every answer here is negotiated (or could be)
    return response


def _allow_large_body() -> None:
    """A query may be up to MAX_QUERY_LENGTH characters by POST; a form encodes one in up to 3 bytes each."""
    cap = 3 * current_app.config["MAX_QUERY_LENGTH"] + 64 * 1024
    request.max_content_length = max(cap, current_app.config["MAX_CONTENT_LENGTH"] or 0)
    request.max_form_memory_size = cap


def _protocol_request() -> tuple[str | None, list[str] | None, list[str] | None]:
    """(query, default graphs, named graphs) from GET, form POST or sparql-query POST, per the protocol."""
    is_form = request.method == "POST" and request.mimetype == FORM
    if "update" in request.args or (is_form and "update" in request.form):
        raise QueryRefused(READ_ONLY, field="update")
    if request.method == "POST" and request.mimetype == "application/sparql-update":
        raise QueryRefused(READ_ONLY, field="update")
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        if "query" in request.args:
            raise InvalidParameter("a sparql-query body takes no query parameter", field="query")
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidParameter("the query body is not valid UTF-8", field="query") from None
        return _checked(text), _graphs("default-graph-uri"), _graphs("named-graph-uri")
    if request.method == "POST" and not is_form:
        raise UnsupportedMediaType(
            f"POST takes {FORM} or application/sparql-query, not {request.mimetype or 'no content type'}"
        )
    queries = request.args.getlist("query") + (request.form.getlist("query") if is_form else [])
    if len(queries) > 1:
        raise InvalidParameter("exactly one query, please (in the URL or the body, not both)", field="query")
    return (
        (_checked(queries[0]) if queries else None),
        _graphs("default-graph-uri"),
        _graphs("named-graph-uri"),
    )


def _checked(query: str) -> str:
    if len(query) > current_app.config["MAX_QUERY_LENGTH"]:
        raise PayloadTooLarge(
            f"the query is longer than {current_app.config['MAX_QUERY_LENGTH']} characters", field="query"
        )
    if not query.strip():
        raise InvalidParameter("the query is empty", field="query")
    return query


def _graphs(name: str) -> list[str] | None:
    values = request.args.getlist(name)
    if request.method == "POST" and request.mimetype == FORM:
        values += request.form.getlist(name)
    return [parse_iri(name, value) for value in values] or None


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> ResponseReturnValue:
    _allow_large_body()
    query, default_graphs, named_graphs = _protocol_request()
    if request.method == "GET" and prefers_html() and (query is None or request.args.get("format") == "html"):
        return editor(query)  # a browser: the editor page (a query only when the editor's form asks for HTML)
    res = resources()
    if query is None and request.method == "POST":
        raise InvalidParameter("a POST needs a query", field="query")
    if query is None:
        media = choose("graph")
        return Response(describe_endpoint(res.kg, request.base_url, media), mimetype=media)
    media = choose(inspect(query).kind)
    if default_graphs is not None or named_graphs is not None:
        # the protocol's dataset replaces the query's FROM / FROM NAMED; what it leaves out is empty
        default_graphs, named_graphs = default_graphs or [], named_graphs or []
    budget = current_app.extensions["perhepolku_budget"]
    client = request.remote_addr or "unknown"
    budget.check(client)
    started = time.monotonic()
    try:
        body = res.sandbox.execute(query, media, default_graphs, named_graphs)
    finally:
        budget.charge(client, time.monotonic() - started)
    return Response(body, mimetype=media)


@bp.get("/api/v1/queries")
def queries() -> Response:
    only_args()
    return jsonify(list_queries(resources().kg))


@bp.get("/api/v1/queries/<name>")
def named_query(name: str) -> Response:
    kg = resources().kg
    query = kg.named(name)
    params = {key: request.args.getlist(key) for key in request.args if key not in NOT_QUERY_PARAMS}
    media = choose(kind_of(query.form))
    stored = stored_chunks(kg, name, params, media)
    if stored is not None:  # the build's answer, sent from the mapped file as it is
        return stored_response(*stored, media)
    return Response(run_named(kg, name, params, media), mimetype=media)
