"""Stored answers reach a client whole on both servers: from their file under gunicorn (sendfile), in pieces
under Werkzeug's server; the bytes are the in-process answer's."""

from __future__ import annotations

import http.client

import pytest
from flask import Flask

from api.stored import stored_response
from graph.store.precomputed import ANSWERS_DIR, PRECOMPUTED_DIR, Packed

PATHS = [
    "/api/v1/queries/services",  # a stored SELECT answer
    "/api/v1/queries/eligibility-access?language=sv",  # one of a query's stored calls
    "/api/v1/export/cpsv-ap",  # a stored graph (Turtle)
    "/api/v1/queries/eligibility-area?municipality=Helsinki",  # made from a stored one (pieces without a file)
]


def _get(port: int, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        for _ in range(2):  # twice on one connection: the first answer ended where its length said
            conn.request(method, path)
            response = conn.getresponse()
            body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS)
def test_a_stored_answer_is_sent_whole_and_as_stored(server_port, path, client):
    status, headers, body = _get(server_port, path)
    expected = client.get(path)
    assert status == expected.status_code == 200
    assert body == expected.data and int(headers["content-length"]) == len(body) > 0
    head_status, head_headers, head_body = _get(server_port, path, "HEAD")
    assert head_status == 200 and head_body == b"" and head_headers["content-length"] == headers["content-length"]


class GunicornWrapper:
    """A file wrapper as gunicorn's module names it."""

    __module__ = "gunicorn.http.wsgi"

    def __init__(self, filelike):
        self.filelike = filelike

    def __iter__(self):
        return iter(lambda: self.filelike.read(8192), b"")

    def close(self):
        self.filelike.close()


def test_a_server_that_sends_files_gets_the_file_from_the_records_offset(build_dir):
    packed = Packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, "services")
    length, pieces = packed.chunks("")
    app = Flask(__name__)
    with app.test_request_context(environ_base={"wsgi.file_wrapper": GunicornWrapper}):
        response = stored_response(length, pieces, "application/sparql-results+json")
    assert response.direct_passthrough and isinstance(response.response, GunicornWrapper)
    handle = response.response.filelike
    assert handle.tell() == pieces.offset and handle.read(length) == packed.get("")
    response.response.close()
    with app.test_request_context():  # Werkzeug's own wrapper reads 8 KB at a time: the pieces instead
        plain = stored_response(length, pieces, "application/sparql-results+json")
    assert not plain.direct_passthrough and b"".join(plain.response) == packed.get("")
