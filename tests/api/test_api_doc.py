"""docs/api.md documents exactly the endpoints of /openapi.json, each parameter named in its section."""

from __future__ import annotations

import re
from pathlib import Path

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
METHODS = ("get", "post", "put", "patch", "delete")
_HEADING = re.compile(r"^## (GET|POST|PUT|PATCH|DELETE) (/\S*)\s*$", re.M)


def sections() -> dict[tuple[str, str], str]:
    """(method, path) -> the text of its section in docs/api.md."""
    text = API_DOC.read_text(encoding="utf-8")
    found = list(_HEADING.finditer(text))
    out = {}
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        key = (match.group(1).lower(), match.group(2))
        assert key not in out, f"{key} is documented twice"
        out[key] = text[match.end() : end]
    return out


def operations(spec: dict) -> dict[tuple[str, str], list[str]]:
    """(method, path) -> the names of its parameters (the path's and the operation's).

    The one operation per named query counts as GET /api/v1/queries/{name}: docs/api.md documents the
    endpoint, docs/sparql.md's catalogue each query and its parameters (tests/test_docs.py holds it).
    """
    out: dict[tuple[str, str], list[str]] = {}
    for path, item in spec["paths"].items():
        if path.startswith("/api/v1/queries/"):
            out[("get", "/api/v1/queries/{name}")] = ["name", "format"]
            continue
        shared = [p["name"] for p in item.get("parameters", [])]
        for method in METHODS:
            if method in item:
                out[(method, path)] = shared + [p["name"] for p in item[method].get("parameters", [])]
    return out


def test_every_endpoint_is_documented_and_every_documented_one_exists(client):
    spec = client.get("/openapi.json").get_json()
    documented, served = set(sections()), set(operations(spec))
    assert served - documented == set(), "in /openapi.json but not in docs/api.md"
    assert documented - served == set(), "in docs/api.md but not in /openapi.json"


def test_every_parameter_is_named_in_its_section(client):
    spec = client.get("/openapi.json").get_json()
    docs = sections()
    missing = [
        f"{method.upper()} {path}: {name}"
        for (method, path), names in operations(spec).items()
        for name in names
        if f"`{name}`" not in docs[(method, path)]
    ]
    assert missing == []


def test_every_section_shows_a_request():
    for (method, path), text in sections().items():
        assert "```console" in text, f"{method.upper()} {path} shows no request"
