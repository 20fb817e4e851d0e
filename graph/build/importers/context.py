"""What every importer checks records against: the ontology's concepts and Finland's municipalities."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.requirements import demonym_table
from graph.paths import MUNICIPALITIES_FILE, ONTOLOGY_DIR

SKOS = vocab.PREFIXES["skos"]


@dataclass(frozen=True)
class Context:
    """Concept IRIs the ontology defines (a record's code list entry is linked only if it is one),
    municipality names by code, the stems of inhabitants' names the residence rule reads, and the codes of
    the Åland Islands' municipalities (a nationwide area may leave them out)."""

    concepts: frozenset[str]
    municipalities: dict[str, dict[str, str]]
    demonyms: dict[str, str]
    aland: frozenset[str]


@cache
def load_context() -> Context:
    concepts = ox.Store()
    concepts.bulk_load(path=str(ONTOLOGY_DIR / "concepts.ttl"), format=ox.RdfFormat.TURTLE)
    iris = frozenset(
        str(getattr(q.subject, "value", ""))
        for q in concepts.quads_for_pattern(None, ox.NamedNode(SKOS + "inScheme"), None)
    )
    muns = ox.Store()
    muns.bulk_load(path=str(MUNICIPALITIES_FILE), format=ox.RdfFormat.TURTLE)
    names: dict[str, dict[str, str]] = {}
    for quad in muns.quads_for_pattern(None, ox.NamedNode(SKOS + "prefLabel"), None):
        code = str(getattr(quad.subject, "value", "")).rsplit("/", 1)[-1]
        label = quad.object
        if isinstance(label, ox.Literal) and label.language and code.isdigit():
            names.setdefault(code, {})[label.language] = label.value
    by_name = {label: code for code, labels in names.items() for label in labels.values()}
    aland = frozenset(
        str(getattr(q.object, "value", "")).rsplit("/", 1)[-1]
        for q in muns.quads_for_pattern(ox.NamedNode(vocab.PP + "aland"), ox.NamedNode(SKOS + "member"), None)
    )
    return Context(iris, names, demonym_table(by_name), aland)
