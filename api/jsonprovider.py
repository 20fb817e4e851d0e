"""The app's JSON provider: Flask's behaviour (UTF-8 text, keys in their order, its types), written by orjson.

At 6,400 services a screening answer is 180 KB of JSON: the standard library took about 2 ms to write
it, orjson about a quarter of that (docs/benchmarks.md). The bytes are the standard library's but for
two things: a float written with an exponent there (1e-05, 1e-07) is written as orjson writes it (0.00001,
1e-7), the same number; and NaN and infinities, which are not JSON and which strict parsers refuse, are
written as null. What orjson cannot write (an integer beyond 64 bits) is written by the standard library.
`dumps`, which other callers use with their own options, is Flask's own; tests/api/test_jsonprovider.py.
"""

from __future__ import annotations

import json
from typing import Any, cast

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider, _default

# Flask's own rules for dates (HTTP dates), Decimal, UUID, dataclasses and objects with __html__
OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class FastJSONProvider(DefaultJSONProvider):
    """Flask's DefaultJSONProvider whose responses orjson writes; `ensure_ascii` and `sort_keys` are off."""

    ensure_ascii = False
    sort_keys = False

    def encoded(self, obj: Any, indent: bool = False) -> bytes:
        """`obj` as UTF-8 JSON, compact (or indented by two spaces), as a response carries it."""
        try:
            return orjson.dumps(obj, default=_default, option=OPTIONS | (orjson.OPT_INDENT_2 if indent else 0))
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, a key orjson refuses: as before
            layout: dict[str, Any] = {"indent": 2} if indent else {"separators": (",", ":")}
            return json.dumps(obj, default=_default, ensure_ascii=False, **layout).encode("utf-8")

    def response(self, *args: Any, **kwargs: Any) -> Response:
        obj = self._prepare_response_obj(args, kwargs)
        indent = (self.compact is None and self._app.debug) or self.compact is False
        made = self._app.response_class(self.encoded(obj, indent) + b"\n", mimetype=self.mimetype)  # type: ignore[arg-type]
        return cast(Response, made)
