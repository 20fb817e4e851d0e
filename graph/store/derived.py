"""Answers the server makes from stored ones by writing over their bytes: a classed query's (graph.build.classed:
the asked values over its class's representative's, joined around their positions) and a by-place query's
(graph.build.placed: in two passes, the asked value over a value that is no place and the status of its rows)."""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
CLASSES = ".classes.json"  # {query name}.classes.json: a classed query's representatives
PLACED = ".by-place.json"  # {query name}.by-place.json: a by-place query's line, and the value that is no place
ELSEWHERE = "elsewhere"  # the key of a by-place query's answer for that value
_PLAIN_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*$")  # written by JSON as it is

Lookup = Callable[[Mapping[str, str]], "memoryview | None"]  # a stored answer (in its mapping) by its bound terms


def echo(name: str, value: int) -> bytes:
    """An integer parameter's binding as SPARQL JSON writes it in every row that projects it."""
    return f'"{name}":{{"type":"literal","value":"{value}","datatype":"{INTEGER}"}}'.encode()


def integer(value: int) -> str:
    """An integer term as answer_key sees a bound one (str of an Oxigraph literal)."""
    return f'"{value}"^^<{INTEGER}>'


def spec(answers_dir: Path, name: str) -> tuple[str, dict[str, Any]] | None:
    """("classes", representatives) or ("by-place", line) for a query the build stored so, else None."""
    for kind, suffix in (("classes", CLASSES), ("by-place", PLACED)):
        path = answers_dir / (name + suffix)
        if path.is_file():
            return kind, json.loads(path.read_text(encoding="utf-8"))
    return None


Echoes = tuple[list[str], bytes, "array[int]"]  # the echoed names in row order, their bindings, where they are


def classed(
    lookup: Lookup, reps: Mapping[str, list[int]], bound: Mapping[str, Any], kept: dict[Any, Echoes | None]
) -> bytes | None:
    """The answer of the asked values' classes with the asked values written over the representatives'. Where
    the representatives' bindings are in the answer is found once and `kept` (50 KB a class at 6,400 services)."""
    if not set(bound) <= set(reps):
        return None
    asked = {key: int(term.value) for key, term in bound.items()}
    least = {key: max(r for r in reps[key] if r <= value) for key, value in asked.items() if value >= reps[key][0]}
    if len(least) != len(asked):
        return None
    view = lookup({k: integer(v) for k, v in least.items()})
    if view is None or asked == least:
        return None if view is None else bytes(view)
    where = tuple(sorted(least.items()))
    if where not in kept:
        kept[where] = _echoes(bytes(view), least)
    found = kept[where]
    if found is None:  # not side by side (the build refuses such a query): one pass a parameter
        stored = bytes(view)
        for key, value in least.items():
            stored = stored.replace(echo(key, value), echo(key, asked[key]))
        return stored
    order, old, positions = found
    new = b",".join(echo(key, asked[key]) for key in order)
    # one copy out of the mapping, joined around the bindings: bytes.replace took 4 ms for 6,400 long matches
    parts, start = [], 0
    for at in positions:
        parts.append(view[start:at])
        start = at + len(old)
    parts.append(view[start:])
    return new.join(parts)


def _echoes(stored: bytes, least: Mapping[str, int]) -> Echoes | None:
    """The echoed bindings of a class's answer in the order the rows have them (the build made sure that several
    are side by side in every row, graph.build.classed), as one pattern, and its every position."""
    order = sorted(least, key=lambda key: stored.find(echo(key, least[key])))
    old = b",".join(echo(key, least[key]) for key in order)
    positions = array("q")
    at = stored.find(old)
    if len(order) > 1 and at < 0:
        return None
    while at >= 0:
        positions.append(at)
        at = stored.find(old, at + len(old))
    return order, old, positions


def _uri(name: str, value: str) -> bytes:
    return f'"{name}":{{"type":"uri","value":"{value}"}}'.encode()


def at_place(nowhere: bytes, line: Mapping[str, str], value: str) -> bytes:
    """The answer for `value` from the answer for the value that is no place: the status of the rows whose place
    is `value` (the binding just before it) changed, and `value` written over the other value in every row."""
    status = f'"{line["status"]}":{{"type":"literal","value":"%s"}}'
    here = _uri(line["place"], value) + b","
    answer = nowhere.replace(here + (status % line["other"]).encode(), here + (status % line["same"]).encode())
    return answer.replace(_uri(line["param"], line["nowhere"]), _uri(line["param"], value))


def placed(lookup: Callable[[str], bytes | None], line: Mapping[str, str], bound: Mapping[str, Any]) -> bytes | None:
    """A by-place query's answer for the bound value, or None (another parameter, an IRI JSON would escape)."""
    if set(bound) != {line["param"]}:
        return None
    term = str(bound[line["param"]])
    value = term[1:-1] if term.startswith("<") and term.endswith(">") else ""
    if not _PLAIN_IRI.match(value):
        return None
    nowhere = lookup(ELSEWHERE)
    return None if nowhere is None else at_place(nowhere, line, value)
