"""Converters from raw request strings to bound RDF terms, one per parameter type of the query headers."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Callable

import pyoxigraph as ox

from graph import vocab
from graph.errors import InvalidParameter
from graph.store import iri, literal

if TYPE_CHECKING:
    from graph.kg import KnowledgeGraph

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
LANG_IRIS = {"fi": "FIN", "sv": "SWE", "en": "ENG"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _int_in(name: str, value: str, low: int, high: int) -> int:
    if not re.fullmatch(r"-?[0-9]{1,6}", value.strip()):
        raise InvalidParameter(f"{name} must be a whole number from {low} to {high}, not {value[:40]!r}", field=name)
    number = int(value)
    if not low <= number <= high:
        raise InvalidParameter(f"{name} must be from {low} to {high}, not {number}", field=name)
    return number


def parse_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise InvalidParameter(f"{name} must be true or false, not {value[:40]!r}", field=name)


def parse_lang(name: str, value: str) -> str:
    if value not in vocab.LANGS:
        raise InvalidParameter(f"{name} must be one of fi, sv, en, not {value[:40]!r}", field=name)
    return value


def parse_week(name: str, value: str) -> int:
    return _int_in(name, value, 1, 42)


def parse_months(name: str, value: str) -> int:
    return _int_in(name, value, 0, 240)


def parse_slug(name: str, value: str) -> str:
    if not SLUG.match(value):
        raise InvalidParameter(f"{name} must be an id of lower-case letters, digits and dashes, not {value[:40]!r}", field=name)
    return value


def municipality_key(value: str) -> str:
    """Fold a municipality name for lookup: lower case, no diacritics, no punctuation."""
    folded = unicodedata.normalize("NFKD", value.strip().lower())
    return "".join(ch for ch in folded if ch.isalnum())


def converters(kg: "KnowledgeGraph") -> dict[str, Callable[[str, str], Any]]:
    """Converters for every parameter type used in queries/*.rq headers."""

    def concept(name: str, value: str) -> ox.NamedNode:
        return iri(kg.concept(value, field=name)["iri"])

    def scheme(name: str, value: str) -> ox.NamedNode:
        if value not in kg.schemes:
            raise InvalidParameter(f"{name}: unknown concept scheme {value[:40]!r}; one of {', '.join(sorted(kg.schemes))}", field=name)
        return iri(vocab.ID + "scheme/" + value)

    def any_iri(name: str, value: str) -> ox.NamedNode:
        if len(value) > 500 or not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
            raise InvalidParameter(f"{name} must be an absolute http(s) IRI", field=name)
        return iri(value)

    def string(name: str, value: str) -> ox.Literal:
        if len(value) > 200 or _CONTROL.search(value):
            raise InvalidParameter(f"{name} must be text of at most 200 characters without control characters", field=name)
        return literal(value)

    return {
        "service": lambda n, v: iri(vocab.SERVICE + parse_slug(n, v)),
        "concept": concept,
        "scheme": scheme,
        "municipality": lambda n, v: iri(kg.municipality_iri(v, field=n)),
        "lang": lambda n, v: literal(parse_lang(n, v)),
        "language": lambda n, v: iri("http://publications.europa.eu/resource/authority/language/" + LANG_IRIS[parse_lang(n, v)]),
        "week": lambda n, v: literal(parse_week(n, v)),
        "months": lambda n, v: literal(parse_months(n, v)),
        "boolean": lambda n, v: literal(parse_bool(n, v)),
        "iri": any_iri,
        "string": string,
    }
