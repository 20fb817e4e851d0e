"""The app's JSON (orjson) is what Flask's own provider wrote: the same bytes for every kind of value it sends,
but floats written with an exponent (the same numbers) and NaN (null: NaN is not JSON)."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import uuid

import pytest
from flask import Flask
from flask.json.provider import _default
from markupsafe import Markup

from api.jsonprovider import FastJSONProvider


@dataclasses.dataclass
class Point:
    x: int
    label: str


VALUES = [
    {"fi": "äiti ja vauva", "sv": "mödrahem", "en": "mother", "emoji": "👶", "quote": 'sanoi "näin"\n'},
    {"when": datetime.datetime(2026, 12, 4, 19, 0, tzinfo=datetime.UTC), "day": datetime.date(2026, 12, 4)},
    {"amount": decimal.Decimal("12.50"), "id": uuid.UUID("12345678-1234-5678-1234-567812345678")},
    {"point": Point(1, "a"), "markup": Markup("<b>x</b>"), "html": Markup("&amp;")},
    {7: "int key", 2.5: "float key", True: "bool key", None: "none key"},
    {"big": 2**70, "small": -(2**63), "list": [1, [2, [3]]], "empty": {}},
    {"small": -(2**63), "floats": [0.1, 0.5, 1.0, -0.0, 123456.789, 1e16, 1e22, 0.0001, 2.5e-3]},
    {"control": "\u001b\u007f\u2028", "escapes": '\\ " / \t'},
    [None, True, False, "", 0, -1.5],
]


def standard(value: object, indent: bool = False) -> bytes:
    """Flask's DefaultJSONProvider with ensure_ascii and sort_keys off, as the app had it."""
    layout: dict[str, object] = {"indent": 2} if indent else {"separators": (",", ":")}  # as Flask asks
    text = json.dumps(value, default=_default, ensure_ascii=False, **layout)
    return text.encode("utf-8")


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("indent", [False, True])
def test_every_kind_of_value_is_written_as_the_standard_library_writes_it(value, indent):
    provider = FastJSONProvider(Flask(__name__))
    assert provider.encoded(value, indent) == standard(value, indent)


@pytest.mark.parametrize("number", [1e-5, 1e-7, -4e-6])
def test_a_float_with_an_exponent_is_the_same_number_in_another_notation(number):
    provider = FastJSONProvider(Flask(__name__))
    written = provider.encoded({"x": number})
    assert json.loads(written) == {"x": number} and written != standard({"x": number})


def test_nan_and_infinity_are_null_where_the_standard_library_wrote_no_json():
    provider = FastJSONProvider(Flask(__name__))
    assert provider.encoded([float("nan"), float("inf"), -float("inf")]) == b"[null,null,null]"
    assert standard([float("nan")]) == b"[NaN]"


def test_dumps_is_flasks_own_for_callers_with_their_options():
    provider = FastJSONProvider(Flask(__name__))
    assert provider.dumps({"a": [1, 2]}) == json.dumps({"a": [1, 2]})  # Flask's layout, not the responses'
    assert provider.dumps({"ä": 1}, separators=(",", ":")) == '{"ä":1}'


def test_a_value_neither_can_write_fails_the_same_way():
    provider = FastJSONProvider(Flask(__name__))
    with pytest.raises(TypeError):
        provider.encoded({"set": {1, 2}})


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/services/terapeuttinen-vauvaperhetyo",
        "/api/v1/eligibility?pregnancy_week=24&situation=anxiety&municipality=Helsinki&language=sv",
        "/api/v1/gaps?municipality=Helsinki",
        "/api/v1/search?q=vauva+ei+nuku",
        "/api/v1/concepts",
    ],
)
def test_the_apps_answers_are_the_bytes_the_standard_library_wrote(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.data == standard(response.get_json()) + b"\n"
