"""Parsing of raw request values (strings or lists of them) into typed values; errors name the field."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from graph import vocab
from graph.errors import InvalidParameter

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_INT = re.compile(r"^-?[0-9]{1,9}$")
# an absolute IRI: a scheme we accept, then no white space or characters RFC 3987 forbids unescaped
_IRI = re.compile(r"^(?:https?://|urn:)[^\s<>\"{}|\\^`]+$")
PREGNANCY_WEEKS = (1, 42)  # the bounds a pregnancy week and a child's age in months are taken in
CHILD_MONTHS = (0, 240)
TRUE_WORDS = ("true",)
FALSE_WORDS = ("false",)


def one_value(name: str, value: Any) -> Any:
    """The single value of a parameter given as a string or a list of at most one string."""
    if isinstance(value, (list, tuple)):
        if len(value) > 1:
            raise InvalidParameter(f"parameter {name!r} takes one value", field=name)
        return value[0] if value else None
    return value


def parse_int(name: str, value: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`."""
    if not _INT.match(value.strip()):
        raise InvalidParameter(f"{name} must be a whole number from {low} to {high}, not {value[:40]!r}", field=name)
    number = int(value)
    if not low <= number <= high:
        raise InvalidParameter(f"{name} must be from {low} to {high}, not {number}", field=name)
    return number


def parse_bool(name: str, value: str) -> bool:
    """true or false (as documented; yes/no/1/0 are refused so a typo is not read as a choice)."""
    lowered = value.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise InvalidParameter(f"{name} must be true or false, not {value[:40]!r}", field=name)


def parse_lang(name: str, value: str) -> str:
    """One of the interface languages fi, sv, en."""
    if value not in vocab.LANGS:
        raise InvalidParameter(f"{name} must be one of {', '.join(vocab.LANGS)}, not {value[:40]!r}", field=name)
    return value


def parse_week(name: str, value: str) -> int:
    """A pregnancy week, 1 to 42."""
    return parse_int(name, value, *PREGNANCY_WEEKS)


def parse_months(name: str, value: str) -> int:
    """A child's age in whole months, 0 to 240."""
    return parse_int(name, value, *CHILD_MONTHS)


def parse_slug(name: str, value: str) -> str:
    """An id of lower-case letters, digits and dashes."""
    if not SLUG.match(value):
        raise InvalidParameter(
            f"{name} must be an id of lower-case letters, digits and dashes, not {value[:40]!r}", field=name
        )
    return value


def parse_iri(name: str, value: str) -> str:
    """An absolute http(s) or urn IRI of at most 500 characters (graph names, query parameters)."""
    if (
        len(value) > 500
        or not _IRI.match(value)
        or any(unicodedata.category(ch)[0] in "CZ" for ch in value)  # control, private, unassigned, spaces
    ):
        raise InvalidParameter(f"{name} must be an absolute http(s) or urn IRI", field=name)
    return value


def municipality_key(value: str) -> str:
    """Fold a municipality name for lookup: lower case, no diacritics, no punctuation."""
    folded = unicodedata.normalize("NFKD", value.strip().lower())
    return "".join(ch for ch in folded if ch.isalnum())
