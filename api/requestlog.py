"""Structured request logging: one JSON line per request with a request id, also sent back as a header."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request

from api.resources import resources

access = logging.getLogger("perhepolku.access")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def init_app(app: Flask) -> None:
    access.setLevel(logging.INFO)
    if app.config["LOG_REQUESTS"] and not access.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access.addHandler(handler)
        access.propagate = False

    @app.before_request
    def start() -> None:
        supplied = request.headers.get("X-Request-Id", "")
        g.request_id = supplied if _CLIENT_ID.match(supplied) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def finish(response: Response) -> Response:
        response.headers["X-Request-Id"] = g.get("request_id", "")
        try:
            build = resources().build_id
        except Exception:  # no build loaded (start-up failure); the line is still worth writing
            build = None
        if build:
            response.headers["X-Perhepolku-Build"] = build
        if app.config["LOG_REQUESTS"]:
            access.info(
                json.dumps(
                    {
                        "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                        "request_id": g.get("request_id"),
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "ms": round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 2),
                        "build": build,
                        "remote": request.remote_addr,
                    }
                )
            )
        return response
