"""The named-query library: parse `queries/*.rq` headers, type-check parameters, bind them safely.

A header is a block of comment lines at the top of the file:

    # title: Referral pathway downstream of a service
    # description: What follows the service along referral links, nearest first.
    # param: service service required example=terapeuttinen-vauvaperhetyo -- the service id
    # param: lang lang optional default=fi -- label language (fi, sv or en)
    # classes: pregnancy_week < pp:minPregnancyWeek ; child_age_months < pp:childAgeUnderMonths 12
    # by-place: municipality = ?place ; ?status failed -> met

A `classes:` line promises that each named numeric parameter is used only as `?param < x`, x a value of
the named properties or one of the numbers (besides testing its absence): the build then stores one
answer per class of values that compare alike (graph.build.classed). A `by-place:` line promises that
the parameter is only compared for equality with each row's `?place`, and that a row whose place is the
value has in `?status` the second word where any other value gives the first (graph.build.placed).

Values are converted by their type and passed to Oxigraph as `substitutions`, never pasted
into query text. For a store that cannot substitute (a remote SPARQL endpoint) the catalogue owns
the one other binding: `NamedQuery.bound_text` opens the query's WHERE group with a VALUES block of
the typed, serialised terms; where that block goes is found once, when the file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from graph.errors import InvalidParameter, NotFound
from graph.parsing import one_value
from graph.paths import QUERIES_DIR
from graph.store.sparql import inspect, strip_lexemes

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

_PARAM = re.compile(
    r"^# param: (?P<name>[a-z_]+) (?P<type>[a-z_]+) (?P<req>required|optional)"
    r"(?: default=(?P<default>\S+))?(?: example=(?P<example>\S+))? -- (?P<doc>.+)$"
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_PLACE = re.compile(
    r"^(?P<param>[a-z_]+) = \?(?P<place>\w+) ; \?(?P<status>\w+) (?P<other>[\w-]+) -> (?P<same>[\w-]+)$"
)
_CLASS = re.compile(r"^(?P<name>[a-z_]+) < (?P<bounds>(?:pp:[A-Za-z]+|\d+)(?: (?:pp:[A-Za-z]+|\d+))*)$")


@dataclass(frozen=True)
class Param:
    """One typed query parameter."""

    name: str
    type: str
    required: bool
    description: str
    default: str | None = None
    example: str | None = None

    def dump(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "description": self.description,
            "default": self.default,
            "example": self.example,
        }


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its parsed header."""

    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    # parameter -> the properties (pp: local names) and numbers it is compared with (`# classes:`)
    classes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (parameter, place column, status column, status elsewhere, status at the place) (`# by-place:`)
    by_place: tuple[str, str, str, str, str] | None = None

    @cached_property
    def form(self) -> str:
        return inspect(self.text).form

    @cached_property
    def values_at(self) -> int:
        """Where a VALUES block binding the parameters goes: just inside the first WHERE group."""
        match = _WHERE.search(strip_lexemes(self.text))
        if not match:
            raise ValueError(f"{self.name}: a parameterised query needs a WHERE group")
        return match.end()

    def bound_text(self, substitutions: Mapping[str, Any]) -> str:
        """The query with `substitutions` (terms the binding has checked) as a VALUES block opening WHERE."""
        if not substitutions:
            return self.text
        names = " ".join(f"?{name}" for name in substitutions)
        values = " ".join(str(term) for term in substitutions.values())
        cut = self.values_at
        return f"{self.text[:cut]}\n  VALUES ({names}) {{ ({values}) }}{self.text[cut:]}"

    def dump(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "form": self.form,
            "parameters": [p.dump() for p in self.params],
        }


def parse_query_file(path: Path) -> NamedQuery:
    """Parse one .rq file; a ValueError names the file and line that is malformed."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        if line.startswith("# param:"):
            match = _PARAM.match(line)
            if not match:
                raise ValueError(f"{path.name}:{number}: malformed param line")
            params.append(
                Param(
                    match["name"],
                    match["type"],
                    match["req"] == "required",
                    match["doc"],
                    match["default"],
                    match["example"],
                )
            )
        elif ":" in line:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
    if "title" not in meta or "description" not in meta:
        raise ValueError(f"{path.name}: header needs a title and a description")
    classes = _classes(path, meta)
    numeric = {p.name for p in params if p.type in ("week", "months") and not p.required}
    if not {name for name, _ in classes} <= numeric:
        raise ValueError(f"{path.name}: a classes line names a parameter that is not an optional week or months one")
    by_place = _by_place(path, meta, params)
    query = NamedQuery(path.stem, meta["title"], meta["description"], text, tuple(params), classes, by_place)
    if params:
        _ = query.values_at  # a malformed file fails when the catalogue loads, not at a request
    return query


def _classes(path: Path, meta: Mapping[str, str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The `# classes:` line: `param < bound bound ; param < bound`, each bound pp:Property or an integer."""
    if "classes" not in meta:
        return ()
    parsed = [_CLASS.match(part.strip()) for part in meta["classes"].split(";")]
    if not all(parsed):
        raise ValueError(f"{path.name}: malformed classes line")
    return tuple((m["name"], tuple(m["bounds"].split())) for m in parsed if m)


def _by_place(path: Path, meta: Mapping[str, str], params: list[Param]) -> tuple[str, str, str, str, str] | None:
    """The `# by-place:` line: `param = ?place ; ?status elsewhere -> here`, for an optional IRI parameter."""
    if "by-place" not in meta:
        return None
    match = _PLACE.match(meta["by-place"])
    if not match:
        raise ValueError(f"{path.name}: malformed by-place line")
    if not any(p.name == match["param"] and not p.required and p.type in ("municipality", "iri") for p in params):
        raise ValueError(f"{path.name}: a by-place line names a parameter that is not an optional municipality or IRI")
    return (match["param"], match["place"], match["status"], match["other"], match["same"])


class Catalog:
    """All named queries of a folder, loaded once."""

    def __init__(self, folder: Path = QUERIES_DIR) -> None:
        self.queries = {q.name: q for q in map(parse_query_file, sorted(folder.glob("*.rq")))}

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter(self.queries.values())

    def get(self, name: str) -> NamedQuery:
        if not _NAME.match(name or "") or name not in self.queries:
            raise NotFound(f"no named query {name!r}; GET /api/v1/queries lists them", field="name")
        return self.queries[name]


def bind_params(
    query: NamedQuery, raw: dict[str, Any], converters: dict[str, Callable[[str, str], Any]]
) -> dict[str, Any]:
    """Type-check and convert raw parameter values (strings or lists) into bound terms.

    Unknown parameters, missing required ones and values that fail their type are InvalidParameter.
    """
    known = {p.name: p for p in query.params}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise InvalidParameter(
            f"unknown parameter {unknown[0]!r} for query {query.name!r}; it takes: {', '.join(known) or 'none'}",
            field=unknown[0],
        )
    bound = {}
    for name, param in known.items():
        value = one_value(name, raw.get(name, param.default))
        if value is None:
            if param.required:
                raise InvalidParameter(f"parameter {name!r} is required", field=name)
            continue
        convert = converters.get(param.type)
        if convert is None:
            raise ValueError(f"{query.name}: no converter for type {param.type!r}")
        bound[name] = convert(name, str(value))
    return bound
