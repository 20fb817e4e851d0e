"""Raw and percent-encoded UTF-8 in the request line give the same answer on both servers (Werkzeug's and gunicorn).

curl sends `?q=jälkeinen` as typed: the bytes C3 A4 unescaped. Werkzeug's development server used
to encode them a second time (the answer echoed `jÃ lkeinen` and ranked other services).
"""

from __future__ import annotations

import json
import socket
from urllib.parse import quote

import pytest

from api.devserver import wsgi_target

REQUESTS = [
    "/api/v1/search?q=synnytyksen+jälkeinen+masennus",
    "/api/v1/search?q=vauvan+itkuisuus&municipality=Hyvinkää",
    "/api/v1/eligibility?municipality=Hämeenlinna&pregnancy_week=24",
    "/api/v1/eligibility?municipality=Helsingfors&situation=anxiety",
    "/api/v1/services/ä",
]


def _raw_get(port: int, target: bytes) -> tuple[int, dict]:
    """One HTTP/1.0 request with the target's bytes exactly as given (no client re-encoding)."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(b"GET " + target + b" HTTP/1.0\r\nHost: localhost\r\n\r\n")
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


def _encoded(target: str) -> bytes:
    return quote(target, safe="/?=&+,").encode("ascii")


def test_wsgi_target_keeps_raw_bytes_as_latin1():
    raw = "/api/v1/services/ä?q=jälkeinen".encode().decode("latin-1")  # as http.server hands it over
    environ = wsgi_target(raw)
    assert environ["PATH_INFO"].encode("latin-1").decode() == "/api/v1/services/ä"
    assert environ["QUERY_STRING"].encode("latin-1").decode() == "q=jälkeinen"
    encoded = wsgi_target("/api/v1/services/%C3%A4?q=j%C3%A4lkeinen")
    assert encoded["PATH_INFO"] == environ["PATH_INFO"]
    assert encoded["QUERY_STRING"] == "q=j%C3%A4lkeinen"


@pytest.mark.slow
@pytest.mark.parametrize("target", REQUESTS)
def test_raw_and_percent_encoded_utf8_agree(server_port, target, client):
    raw_status, raw = _raw_get(server_port, target.encode("utf-8"))
    enc_status, encoded = _raw_get(server_port, _encoded(target))
    assert (raw_status, raw) == (enc_status, encoded)
    expected = client.get(_encoded(target).decode())  # the in-process answer is the reference
    assert raw_status == expected.status_code
    assert raw == expected.get_json()
    if "q=" in target and "ä" in target.split("q=")[1].split("&")[0]:
        assert "ä" in raw["query"] and "Ã" not in raw["query"]
