"""Content negotiation as SPARQL clients expect it: a `format` (or `output`, `results`) alias, else Accept.

Liberal like Fuseki and Oxigraph: media-type parameters (charset…) are ignored, `application/json`
means SPARQL JSON results for SELECT/ASK and JSON-LD for graphs, wildcards get the default, and a
format value that means nothing for the query kind is ignored (Accept decides). Only an Accept that
names specific types none of which fits is a 406.
"""

from __future__ import annotations

from flask import request

from graph.errors import NotAcceptable
from graph.store import ALIASES, media_types

FORMAT_KEYS = ("format", "output", "results")
# what a browser or a generic HTTP tool sends when it has no preference among RDF formats
GENERIC = {"text/html", "application/xhtml+xml", "text/plain", "application/octet-stream"}


def _format_value() -> str | None:
    """The first format-like parameter, from the URL or a form body."""
    sources = [request.args]
    if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
        sources.append(request.form)
    for key in FORMAT_KEYS:
        for source in sources:
            value = source.get(key)
            if value:
                return value.strip().lower()
    return None


def parse_accept(header: str) -> list[tuple[str, float]]:
    """(media type without parameters, q) pairs, best first; ties keep the header's order."""
    entries = []
    for position, part in enumerate(header.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media or "/" not in media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        entries.append((media.lower(), q, position))
    entries.sort(key=lambda e: (-e[1], e[0].endswith("/*"), e[2]))
    return [(media, q) for media, q, _ in entries]


def choose(kind: str) -> str:
    """The media type to answer a `results` or `graph` request in; NotAcceptable only for specific misfits."""
    aliases, candidates = ALIASES[kind], media_types(kind)
    fmt = _format_value()
    if fmt and fmt in aliases:
        return aliases[fmt]
    header = request.headers.get("Accept", "")
    entries = parse_accept(header)
    if not entries:
        return candidates[0]
    refused = {aliases.get(media) for media, q in entries if q == 0}
    for media, q in entries:
        if q == 0:
            continue
        if media in aliases and aliases[media] not in refused:
            return aliases[media]
        if media.endswith("/*"):
            family = media[:-1]
            for candidate in candidates:
                if (media == "*/*" or candidate.startswith(family)) and candidate not in refused:
                    return candidate
    if all(media in GENERIC or media.endswith("/*") for media, _ in entries):
        return candidates[0]
    raise NotAcceptable(f"cannot answer in {header[:120]!r}; available: {', '.join(candidates)}")


HTML = ("text/html", "application/xhtml+xml")


def prefers_html() -> bool:
    """Whether the client ranks an HTML page above every RDF format (a browser does; RDF clients do not)."""
    if _format_value():
        return _format_value() in ("html", *HTML)
    graph = ALIASES["graph"]
    for media, q in parse_accept(request.headers.get("Accept", "")):
        if q > 0 and media in HTML:
            return True
        if q > 0 and media in graph:
            return False
    return False
