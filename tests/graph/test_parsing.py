"""graph.parsing: every request value parser, on the values it takes and the ones it refuses (naming the field)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.errors import InvalidParameter
from graph.parsing import (
    municipality_key,
    one_value,
    parse_bool,
    parse_int,
    parse_iri,
    parse_lang,
    parse_months,
    parse_slug,
    parse_week,
)


def _int_0_10(name: str, value: str) -> int:
    return parse_int(name, value, 0, 10)


@pytest.mark.parametrize(
    ("parse", "value", "expected"),
    [
        (_int_0_10, "7", 7),
        (_int_0_10, " 10 ", 10),
        (parse_week, "20", 20),
        (parse_months, "0", 0),
        (parse_bool, "true", True),
        (parse_bool, "FALSE", False),
        (parse_lang, "sv", "sv"),
        (parse_slug, "baby-blues", "baby-blues"),
        (parse_iri, "https://w3id.org/perhepolku/graph/curated", "https://w3id.org/perhepolku/graph/curated"),
        (parse_iri, "urn:x:none", "urn:x:none"),
    ],
)
def test_accepted(parse: Callable[[str, str], Any], value: str, expected: Any) -> None:
    assert parse("field", value) == expected


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (_int_0_10, "11"),
        (_int_0_10, "-1"),
        (_int_0_10, "1.5"),
        (_int_0_10, "9" * 12),
        (parse_week, "0"),
        (parse_week, "43"),
        (parse_months, "241"),
        (parse_bool, "yes"),
        (parse_bool, "1"),
        (parse_lang, "de"),
        (parse_slug, "Baby Blues"),
        (parse_slug, "../etc"),
        (parse_iri, "ftp://example.org/x"),
        (parse_iri, "http://a b"),
        (parse_iri, "http://a<b>"),
        (parse_iri, "https://x/" + "a" * 500),
    ],
)
def test_refused_with_the_field_named(parse: Callable[[str, str], Any], value: str) -> None:
    with pytest.raises(InvalidParameter) as raised:
        parse("the_field", value)
    assert raised.value.field == "the_field" and "the_field" in str(raised.value)


def test_one_value() -> None:
    assert one_value("x", ["a"]) == "a" and one_value("x", []) is None and one_value("x", "b") == "b"
    with pytest.raises(InvalidParameter):
        one_value("x", ["a", "b"])


def test_municipality_key_folds_case_diacritics_and_punctuation() -> None:
    assert municipality_key(" Mänttä-Vilppula ") == municipality_key("mantta vilppula") == "manttavilppula"
