"""Finland's official municipalities (ontology/municipalities.ttl): codes and fi/sv names for input checks.

The list is closed: a name or code that is not on it is a mistake (a typo, a district, a place
abroad) and the caller hears so, while a real municipality where the graph has no service is a
valid answer with nothing in it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from graph.parsing import municipality_key
from graph.paths import MUNICIPALITIES_FILE

_SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class Municipalities:
    """The official list: code -> {lang: name}, and every folded name -> code."""

    names: dict[str, dict[str, str]]
    keys: dict[str, str]

    def code(self, value: str) -> str | None:
        """The code of a municipality given by code or by its Finnish or Swedish name; None if not one."""
        value = value.strip()
        if value in self.names:
            return value
        return self.keys.get(municipality_key(value))

    def close_names(self, value: str, n: int = 3) -> list[str]:
        """Official names that look like `value` (for a "did you mean" in an error)."""
        folded = {municipality_key(name): name for langs in self.names.values() for name in langs.values()}
        return [
            folded[key] for key in difflib.get_close_matches(municipality_key(value), list(folded), n=n, cutoff=0.8)
        ]


@lru_cache(maxsize=1)
def official() -> Municipalities:
    """The list, read once from the ontology package."""
    names: dict[str, dict[str, str]] = {}
    notation, label = ox.NamedNode(_SKOS + "notation"), ox.NamedNode(_SKOS + "prefLabel")
    codes: dict[str, str] = {}
    quads = list(ox.parse(path=str(MUNICIPALITIES_FILE), format=ox.RdfFormat.TURTLE))
    for quad in quads:
        if quad.predicate == notation:
            codes[str(quad.subject)] = quad.object.value
    for quad in quads:
        if quad.predicate == label and str(quad.subject) in codes:
            literal = quad.object
            assert isinstance(literal, ox.Literal)
            names.setdefault(codes[str(quad.subject)], {})[literal.language or ""] = literal.value
    keys = {municipality_key(name): code for code, langs in names.items() for name in langs.values()}
    return Municipalities(names=names, keys=keys)
