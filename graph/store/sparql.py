"""SPARQL 1.1 query execution for untrusted text: inspection, result formats, size caps, serialisation.

A client's query is inspected before it runs: updates and SERVICE (federation) are refused, the
query form decides which media types can be offered. Results are serialised by Oxigraph into a
writer that stops at a byte cap; CONSTRUCT/DESCRIBE triples are de-duplicated first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any, cast

import pyoxigraph as ox

from graph.errors import QueryError, QueryRefused, QueryTimeout

# media type -> (format parameter, oxigraph format)
RESULT_TYPES = {
    "application/sparql-results+json": ("json", ox.QueryResultsFormat.JSON),
    "application/sparql-results+xml": ("xml", ox.QueryResultsFormat.XML),
    "text/csv": ("csv", ox.QueryResultsFormat.CSV),
    "text/tab-separated-values": ("tsv", ox.QueryResultsFormat.TSV),
}
GRAPH_TYPES = {
    "text/turtle": ("turtle", ox.RdfFormat.TURTLE),
    "application/ld+json": ("jsonld", ox.RdfFormat.JSON_LD),
    "application/n-triples": ("ntriples", ox.RdfFormat.N_TRIPLES),
    "application/rdf+xml": ("rdfxml", ox.RdfFormat.RDF_XML),
}
FORMAT_PARAM = {name: media for media, (name, _) in {**RESULT_TYPES, **GRAPH_TYPES}.items()}
FORMAT_PARAM.update(
    {
        "srj": "application/sparql-results+json",
        "srx": "application/sparql-results+xml",
        "ttl": "text/turtle",
        "nt": "application/n-triples",
    }
)
# What clients call the formats (`format=`/`output=` values and Accept media types), by query kind:
# Fuseki's and Oxigraph's names, SPARQLWrapper's (json, xml, n3, json-ld, rdf+xml) and the synonyms of
# the media types (application/json is SPARQL JSON for SELECT/ASK and JSON-LD for CONSTRUCT/DESCRIBE).
_RESULT_ALIASES = {
    "application/sparql-results+json": ("json", "srj", "application/json", "text/javascript", "application/javascript"),
    "application/sparql-results+xml": ("xml", "srx", "application/xml", "text/xml"),
    "text/csv": ("csv",),
    "text/tab-separated-values": ("tsv", "text/tsv"),
}
_GRAPH_ALIASES = {
    "text/turtle": (
        "turtle",
        "ttl",
        "n3",
        "text/n3",
        "text/rdf+n3",
        "application/turtle",
        "application/x-turtle",
        "application/n3",
    ),
    # a client that asks a graph query for SPARQL JSON or XML results (rdflib's SPARQLStore does) gets the
    # graph in the RDF syntax of the same family, which its result parsers read
    "application/ld+json": (
        "jsonld",
        "json-ld",
        "json",
        "application/json",
        "application/x-json+ld",
        "application/sparql-results+json",
    ),
    "application/n-triples": ("ntriples", "n-triples", "nt", "text/plain"),
    "application/rdf+xml": (
        "rdfxml",
        "rdf+xml",
        "rdf",
        "xml",
        "application/xml",
        "text/xml",
        "application/sparql-results+xml",
    ),
}
ALIASES = {
    kind: {alias: media for media, names in table.items() for alias in (media, *names)}
    for kind, table in (("results", _RESULT_ALIASES), ("graph", _GRAPH_ALIASES))
}


def kind_of(form: str) -> str:
    """`results` for SELECT and ASK, `graph` for CONSTRUCT and DESCRIBE."""
    return "results" if form in ("SELECT", "ASK") else "graph"


def media_types(kind: str) -> list[str]:
    """The media types a query kind is answered in, the default first."""
    return list(RESULT_TYPES if kind == "results" else GRAPH_TYPES)


# Strings, IRIs and comments removed before looking for keywords, so `"SERVICE"` or <urn:service> do not count.
_LEXEMES = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_KEYWORD = r"(?<![\w:?$\-.]){}(?![\w:\-])"
_FORMS = re.compile(_KEYWORD.format(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)"), re.IGNORECASE)
_UPDATES = re.compile(_KEYWORD.format(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)"), re.IGNORECASE)
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)
_FROM = re.compile(_KEYWORD.format("FROM"), re.IGNORECASE)


def strip_lexemes(query: str) -> str:
    """The query with string literals, IRIs and comments blanked out, positions kept (keywords only remain)."""
    return _LEXEMES.sub(lambda match: " " * len(match.group(0)), query)


@dataclass(frozen=True)
class Inspection:
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    dataset: bool = False  # the query names its own dataset (FROM / FROM NAMED)

    @property
    def kind(self) -> str:
        return kind_of(self.form)


def inspect(query: str) -> Inspection:
    """Refuse what must never run (updates, federation) and tell the query form; QueryError otherwise."""
    if "\x00" in query:
        raise QueryError("the query contains a NUL character", field="query")
    bare = strip_lexemes(query)
    if _SERVICE.search(bare):
        raise QueryRefused(
            "SERVICE (federated query) is not allowed: this endpoint never connects anywhere", field="query"
        )
    if _UPDATES.search(bare):
        raise QueryRefused("SPARQL Update is not allowed: this endpoint is read-only", field="query")
    form = _FORMS.search(bare)
    if not form:
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE", field="query")
    return Inspection(form.group(1).upper(), dataset=bool(_FROM.search(bare)))


@lru_cache(maxsize=512)
def names_dataset(query: str) -> bool:
    """Whether the query has FROM or FROM NAMED clauses (then they, not the union, make its dataset)."""
    return bool(_FROM.search(strip_lexemes(query)))


class CappedWriter:
    """A binary writer that refuses to grow past `cap` bytes."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.chunks: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise QueryTimeout(f"the result is larger than the cap of {self.cap} bytes; narrow the query or add LIMIT")
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.chunks)


def serialize(result: Any, media_type: str, *, max_bytes: int, max_triples: int) -> bytes:
    """Serialise an Oxigraph query result in `media_type`, refusing results past the caps."""
    out = CappedWriter(max_bytes)
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        if media_type not in RESULT_TYPES:
            raise QueryError(f"{media_type} is not a result format for SELECT/ASK")
        result.serialize(cast(IO[bytes], out), RESULT_TYPES[media_type][1])  # a write() sink is all it needs
        return out.getvalue()
    if media_type not in GRAPH_TYPES:
        raise QueryError(f"{media_type} is not an RDF format for CONSTRUCT/DESCRIBE")
    triples = distinct(result, max_triples)
    ox.serialize(triples, cast(IO[bytes], out), GRAPH_TYPES[media_type][1])
    return out.getvalue()


def distinct(triples: Iterable[ox.Triple], cap: int) -> list[ox.Triple]:
    """The triples without repeats, in their first order; QueryTimeout past `cap` of them."""
    seen: dict[ox.Triple, None] = {}
    for triple in triples:
        seen.setdefault(triple, None)
        if len(seen) > cap:
            raise QueryTimeout(f"the result has more than {cap} triples; narrow the query")
    return list(seen)
