"""The development server (`perhepolku serve`): Werkzeug's, with the request line handed over as WSGI says.

Werkzeug's handler treats the request target as text and encodes it to UTF-8 once more before
decoding it as Latin-1 (its "WSGI encoding dance"). Python's http.server has already decoded the
raw bytes as Latin-1, so a raw, unescaped ``ä`` (``C3 A4``, which curl sends as typed) reaches
the application as four characters and reads back as ``Ã¤``; percent-encoded it is right. Here
the path, query string and request URI are rebuilt from the raw request target, Latin-1 to Latin-1,
exactly as gunicorn does, so raw and percent-encoded UTF-8 give the same answer on both servers.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, run_simple


def wsgi_target(raw_target: str) -> dict[str, str]:
    """PATH_INFO, QUERY_STRING and the raw URI of a request target given as its bytes decoded as Latin-1."""
    parts = urlsplit(raw_target)
    path = f"/{parts.netloc}{parts.path}" if not parts.scheme and parts.netloc else parts.path
    return {
        "PATH_INFO": unquote_to_bytes(path.encode("latin-1")).decode("latin-1"),
        "QUERY_STRING": parts.query,
        "REQUEST_URI": raw_target,
        "RAW_URI": raw_target,
    }


class RequestHandler(WSGIRequestHandler):
    """Werkzeug's handler without the second UTF-8 encoding of the request target."""

    def make_environ(self) -> Any:
        environ = super().make_environ()
        environ.update(wsgi_target(self.path))  # self.path: the target's raw bytes, decoded as Latin-1
        return environ


def run(app: Flask, host: str, port: int) -> None:
    """Serve `app` threaded, without reloader or debugger, until interrupted."""
    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False, request_handler=RequestHandler)
