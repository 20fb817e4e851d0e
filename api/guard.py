"""Input hygiene before any handler runs: path and query string must be UTF-8, without NUL bytes."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import Flask, request

from graph.errors import InvalidParameter, PayloadTooLarge

MAX_QUERY_STRING = 32 * 1024


def _utf8(raw: bytes, field: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidParameter(f"the {field} is not valid UTF-8", field=field) from None
    if "\x00" in text:
        raise InvalidParameter(f"the {field} contains a NUL byte", field=field)
    return text


def init_app(app: Flask) -> None:
    @app.before_request
    def check_request_line() -> None:
        if len(request.query_string) > MAX_QUERY_STRING:
            raise PayloadTooLarge(f"the query string is longer than {MAX_QUERY_STRING} bytes", field="query string")
        _utf8(unquote_to_bytes(request.query_string.replace(b"+", b" ")), "query string")
        # WSGI hands the path over as bytes decoded as Latin-1
        _utf8(request.environ.get("PATH_INFO", "").encode("latin-1", "replace"), "path")
