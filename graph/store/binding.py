"""Converters from raw request strings to bound RDF terms, one per parameter type of the query headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph import vocab
from graph.errors import InvalidParameter
from graph.parsing import parse_bool, parse_iri, parse_lang, parse_months, parse_slug, parse_week
from graph.store.graphstore import iri, literal

if TYPE_CHECKING:
    from graph.store.knowledge import KnowledgeGraph

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def converters(kg: KnowledgeGraph) -> dict[str, Callable[[str, str], Any]]:
    """Converters for every parameter type used in queries/*.rq headers."""

    def concept(name: str, value: str) -> ox.NamedNode:
        # a parameter named after a scheme (situation, work_form, target_group…) takes that scheme's concepts
        scheme = name.replace("_", "-")
        return iri(kg.concept(value, field=name, scheme=scheme if scheme in kg.schemes else None)["iri"])

    def service(name: str, value: str) -> ox.NamedNode:
        if parse_slug(name, value) not in kg.service_ids:
            raise InvalidParameter(f"{name}: no service with id {value!r}; GET /api/v1/services lists them", field=name)
        return iri(vocab.SERVICE + value)

    def scheme(name: str, value: str) -> ox.NamedNode:
        if value not in kg.schemes:
            raise InvalidParameter(
                f"{name}: unknown concept scheme {value[:40]!r}; one of {', '.join(sorted(kg.schemes))}", field=name
            )
        return iri(vocab.ID + "scheme/" + value)

    def any_iri(name: str, value: str) -> ox.NamedNode:
        try:
            return iri(parse_iri(name, value))
        except ValueError as exc:  # RFC 3987 details Oxigraph checks (brackets, ports, code points)
            raise InvalidParameter(f"{name} is not a valid IRI: {exc}", field=name) from None

    def string(name: str, value: str) -> ox.Literal:
        if len(value) > 200 or _CONTROL.search(value):
            raise InvalidParameter(
                f"{name} must be text of at most 200 characters without control characters", field=name
            )
        return literal(value)

    return {
        "service": service,
        "concept": concept,
        "scheme": scheme,
        "municipality": lambda n, v: iri(kg.municipality_iri(v, field=n)),
        "lang": lambda n, v: literal(parse_lang(n, v)),
        "language": lambda n, v: iri(vocab.LANGUAGE + vocab.LANGUAGE_CODES[parse_lang(n, v)]),
        "week": lambda n, v: literal(parse_week(n, v)),
        "months": lambda n, v: literal(parse_months(n, v)),
        "boolean": lambda n, v: literal(parse_bool(n, v)),
        "iri": any_iri,
        "string": string,
    }
