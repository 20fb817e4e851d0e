"""Parsing of query-string and JSON arguments shared by the views; errors name the field."""

from __future__ import annotations

from typing import Any

from flask import request

from graph.errors import InvalidParameter
from graph.parsing import one_value, parse_int


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    return parse_int(name, raw, low, high)


def parse_limit(raw: Any, default: int, high: int = 1000) -> int:
    """`limit` from the query string (a list) or a JSON body (a number or a string)."""
    value = one_value("limit", raw)
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidParameter(f"limit must be a whole number from 1 to {high}", field="limit")
    return parse_int("limit", str(value), 1, high)


def only_args(*allowed: str) -> None:
    """Refuse query parameters the endpoint does not take (a typo should not be silently ignored)."""
    unknown = sorted(set(request.args) - set(allowed))
    if unknown:
        raise InvalidParameter(
            f"unknown parameter {unknown[0]!r}; this endpoint takes: {', '.join(allowed) or 'none'}", field=unknown[0]
        )


def page() -> tuple[int, int]:
    return int_arg("limit", 50, 1, 1000), int_arg("offset", 0, 0, 1_000_000)


def multi(name: str) -> list[str]:
    """A repeatable parameter: ?x=a&x=b or ?x=a,b."""
    values: list[Any] = []
    for raw in request.args.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values
