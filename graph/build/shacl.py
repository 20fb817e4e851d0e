"""SHACL validation inside Oxigraph: one SPARQL query per constraint component, over every shape at once.

pySHACL walks the graph in Python and takes about 50 s at 60k triples; this engine copies the
shapes into a scratch named graph, marks each shape's focus nodes there, and lets Oxigraph find
the violations of each constraint component (`queries/shacl/*.rq`) for all shapes in one query.
It covers the SHACL Core components the project's shapes use, plus SHACL-SPARQL constraints, and
refuses shapes that use anything else (`UnsupportedShape`), so a new shape cannot pass unchecked.
`tests/graph/test_shacl_engine.py` shows it reports the same violations as pySHACL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.errors import BuildError
from graph.paths import QUERIES_DIR

# a query row by variable name, and the sh:node parents of each (focus, shape) reached through sh:node
Row = dict[str, Any]
Parents = dict[tuple[Any, Any], list[tuple[Any, Any, Any]]]
SCRATCH = ox.NamedNode("urn:perhepolku:shacl")
FOCUS_OF = ox.NamedNode("urn:perhepolku:shacl#focusOf")
SHACL_QUERIES = QUERIES_DIR / "shacl"
TARGETS = ("target-class", "target-objects")
COMPONENTS = {  # query file -> the SHACL constraint component it checks
    "min-count": "MinCount",
    "max-count": "MaxCount",
    "class": "Class",
    "datatype": "Datatype",
    "min-length": "MinLength",
    "min-inclusive": "MinInclusive",
    "max-inclusive": "MaxInclusive",
    "node-kind": "NodeKind",
    "in": "In",
    "language-in": "LanguageIn",
    "unique-lang": "UniqueLang",
    "or": "Or",
}
SUPPORTED = {
    SH[n]
    for n in (
        "targetClass",
        "targetObjectsOf",
        "property",
        "path",
        "minCount",
        "maxCount",
        "class",
        "datatype",
        "pattern",
        "flags",
        "minLength",
        "minInclusive",
        "maxInclusive",
        "nodeKind",
        "in",
        "languageIn",
        "uniqueLang",
        "or",
        "node",
        "sparql",
        "select",
        "message",
        "name",
        "description",
        "declare",
        "prefixes",
        "prefix",
        "namespace",
        "closed",
    )
}


class UnsupportedShape(BuildError):
    """A shape uses a SHACL feature this engine does not check."""


@dataclass(frozen=True)
class Violation:
    """One validation result: focus node, path (if any), constraint component and message."""

    focus: str
    path: str | None
    component: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.focus}{where}: {self.message} [sh:{self.component}ConstraintComponent]{value}"


def check_supported(shapes: Graph) -> None:
    """Raise UnsupportedShape if any shape uses a SHACL term outside SUPPORTED."""
    for s, p, _ in shapes:
        if str(p).startswith(str(SH)) and p not in SUPPORTED:
            raise UnsupportedShape(f"shape {s} uses {p}, which the SPARQL SHACL engine does not check")
        if p == SH.closed and str(_) != "false":
            raise UnsupportedShape(f"shape {s} is closed; only sh:closed false is checked")
        if p == SH.path and not isinstance(_, URIRef):
            raise UnsupportedShape(f"shape {s} has a complex sh:path; only predicate paths are checked")
    for _, members in shapes.subject_objects(SH["or"]):
        for member in shapes.items(members):
            props = set(shapes.predicates(member)) - {SH.message}
            if props != {SH.path, SH.minCount} or int(str(shapes.value(member, SH.minCount))) != 1:
                raise UnsupportedShape("sh:or members must be property shapes with sh:minCount 1 only")


def _matches(row: Row) -> bool:
    """sh:pattern on one value: blank nodes never match; flags as in XPath (i, m, s, x)."""
    if isinstance(row["v"], ox.BlankNode):
        return False
    flags = 0
    for flag in row["flags"].value if row.get("flags") is not None else "":
        flags |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}.get(flag, 0)
    return re.search(row["pattern"].value, row["v"].value, flags) is not None


def _query(name: str) -> str:
    return (SHACL_QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _prebound(select: str, shape: str) -> str:
    """A SHACL-SPARQL constraint with $this bound to the shape's focus nodes first, as SHACL pre-binds it.

    Unbound, Oxigraph evaluated a FILTER NOT EXISTS with a property path for every typed node of the
    graph (the services' description constraint: 100 s at 640 services, 0.07 s bound)."""
    opening = select.index("{") + 1  # the WHERE group: nothing before it (projection, prefixes) has a brace
    focus = f" GRAPH <{SCRATCH.value}> {{ ?this <{FOCUS_OF.value}> <{shape}> }} "
    return (select[:opening] + focus + select[opening:]).replace("$this", "?this")


def _label(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value if isinstance(term, ox.NamedNode) else str(term)


class ShaclEngine:
    """Validate the named graphs of an Oxigraph store against a shapes file."""

    def __init__(self, shapes_file: Path) -> None:
        self.shapes_file = shapes_file
        parsed = Graph().parse(shapes_file, format="turtle")
        check_supported(parsed)
        # blank nodes become IRIs, so a shape found in the store is the same node in self.shapes
        self.shapes = parsed.skolemize(basepath="urn:perhepolku:shacl:node:")
        self._ntriples = self.shapes.serialize(format="nt", encoding="utf-8")

    def validate(self, store: ox.Store) -> list[Violation]:
        """Every violation of the shapes by the union of the store's named graphs."""
        data: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [g for g in store.named_graphs() if g != SCRATCH]
        store.remove_graph(SCRATCH) if store.contains_named_graph(SCRATCH) else None
        store.load(self._ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=SCRATCH)
        try:
            return self._run(store, data)
        finally:
            store.remove_graph(SCRATCH)

    @staticmethod
    def _select(store: ox.Store, name: str, data: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]) -> list[Row]:
        solutions = cast(ox.QuerySolutions, store.query(_query(name), default_graph=data, named_graphs=[SCRATCH]))
        names = [v.value for v in solutions.variables]
        return [{n: row[n] for n in names} for row in solutions]

    def _run(self, store: ox.Store, data: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]) -> list[Violation]:
        for name in TARGETS:
            store.extend(
                ox.Quad(row["this"], FOCUS_OF, row["shape"], SCRATCH) for row in self._select(store, name, data)
            )
        parents: Parents = {}
        while True:  # shapes reached through sh:node, level by level
            rows = self._select(store, "target-node", data)
            new = [r for r in rows if (r["this"], r["shape"]) not in parents]
            if not new:
                break
            for r in new:
                parents.setdefault((r["this"], r["shape"]), []).append((r["parent"], r["parentShape"], r["path"]))
            store.extend(ox.Quad(r["this"], FOCUS_OF, r["shape"], SCRATCH) for r in new)
        found = []
        for name, component in COMPONENTS.items():
            for row in self._select(store, name, data):
                found.append(self._violation(row, component))
        found += [self._violation(row, "Pattern") for row in self._select(store, "pattern", data) if not _matches(row)]
        found += self._sparql_constraints(store, data)
        return self._lift(found, parents)

    def _violation(self, row: Row, component: str) -> Violation:
        node = URIRef((row.get("ps") or row["shape"]).value)
        message = self.shapes.value(node, SH.message)
        path = self.shapes.value(node, SH.path) if "ps" in row else None
        return Violation(
            _label(row["this"]) or "",
            str(path) if path else None,
            component,
            str(message) if message else f"violates sh:{component[0].lower()}{component[1:]}",
            _label(row.get("v")),
        )

    def _sparql_constraints(
        self, store: ox.Store, data: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]
    ) -> list[Violation]:
        out = []
        for shape, constraint in self.shapes.subject_objects(SH.sparql):
            prefixes = "".join(
                f"PREFIX {self.shapes.value(d, SH.prefix)}: <{self.shapes.value(d, SH.namespace)}>\n"
                for decl in self.shapes.objects(constraint, SH.prefixes)
                for d in self.shapes.objects(decl, SH.declare)
            )
            text = prefixes + _prebound(str(self.shapes.value(constraint, SH.select)), str(shape))
            message = str(self.shapes.value(constraint, SH.message) or "violates a SPARQL constraint")
            solutions = cast(ox.QuerySolutions, store.query(text, default_graph=data))
            names = [v.value for v in solutions.variables]
            for row in solutions:  # every row is about a focus node of the shape: _prebound joins them first
                filled = message.replace("{$this}", row["this"].value)
                for name in names:
                    filled = filled.replace("{?%s}" % name, _label(row[name]) or "")
                out.append(Violation(row["this"].value, None, "SPARQL", filled))
        return out

    @staticmethod
    def _lift(found: list[Violation], parents: Parents) -> list[Violation]:
        """Violations on nodes reached by sh:node become one sh:node violation of each parent, as SHACL reports them."""
        out = set()
        nested = {_label(key[0]): key for key in parents}
        for v in found:
            key = nested.get(v.focus)
            if key is None:
                out.add(v)
                continue
            for parent, _, path in parents[key]:
                out.add(
                    Violation(
                        _label(parent) or "",
                        path.value,
                        "Node",
                        f"value does not conform to {key[1].value}: {v.message}",
                        v.focus,
                    )
                )
        return sorted(out, key=str)
