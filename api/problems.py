"""RFC 9457 problem details: every error leaves the API as application/problem+json."""

from __future__ import annotations

import logging

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException

from graph.errors import PerhepolkuError

PROBLEM = "application/problem+json"
log = logging.getLogger("perhepolku.api")


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    field: str | None = None,
    type_: str = "about:blank",
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"type": type_, "title": title, "status": status, "detail": detail, "instance": request.path}
    if field:
        body["field"] = field
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(PerhepolkuError)
    def domain_error(exc: PerhepolkuError) -> Response:
        retry_after = getattr(exc, "retry_after", None)
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return problem(exc.status, exc.title, exc.detail, field=exc.field, headers=headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        allowed = getattr(exc, "valid_methods", None)
        headers = {"Allow": ", ".join(allowed)} if allowed else None
        return problem(exc.code or 500, exc.name, exc.description or exc.name, headers=headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        # A bug, not bad input: log the traceback and say so without leaking internals.
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem(500, "Internal Server Error", "an unexpected error occurred; it has been logged")
