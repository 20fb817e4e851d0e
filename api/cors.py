"""CORS: any origin (configurable) may call every endpoint, e.g. YASGUI or a JavaScript client elsewhere.

A preflight gets back the request headers it asks for when they are well-formed header names, so
libraries that add X-Requested-With, Authorization or their own headers are not refused; without an
Access-Control-Request-Headers, the allow-list below is sent.
"""

from __future__ import annotations

import re

from flask import Flask, Response, request

ALLOWED_HEADERS = "Accept, Accept-Language, Authorization, Cache-Control, Content-Type, X-Request-Id, X-Requested-With"
EXPOSED_HEADERS = "X-Request-Id, X-Perhepolku-Build, Retry-After, Content-Disposition"
_HEADER_LIST = re.compile(r"^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*\s*$")
MAX_AGE = "600"


def allowed_headers(asked: str | None) -> str:
    """The headers to allow: those a preflight asks for if they are a valid list, else the allow-list."""
    if asked and len(asked) <= 1000 and _HEADER_LIST.match(asked):
        return asked.strip()
    return ALLOWED_HEADERS


def init_app(app: Flask) -> None:
    @app.after_request
    def cors(response: Response) -> Response:
        response.headers["Access-Control-Allow-Origin"] = app.config["CORS_ORIGIN"]
        response.headers["Access-Control-Allow-Headers"] = allowed_headers(
            request.headers.get("Access-Control-Request-Headers")
        )
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Max-Age"] = MAX_AGE
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
