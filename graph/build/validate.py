"""Validation of the graph: verbatim quotes, SHACL shapes (pySHACL) and OWL consistency (HermiT)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from graph.build.hermit import READING, InconsistentOntology, infer_types
from graph.build.loader import SHAPES_FILE, load_shapes, load_store
from graph.build.oxview import StoreView
from graph.build.provenance import check_quotes
from graph.build.rules import infer_types as rules_infer_types
from graph.build.shacl import ShaclEngine
from graph.paths import DataDirs, sources_dir, sources_dirs


@dataclass
class ValidationReport:
    """Outcome of every check; `conforms` only when all of them pass."""

    quote_problems: list[str] = field(default_factory=list)
    shacl_conforms: bool = True
    shacl_text: str = ""
    shacl_engine: str = "sparql"
    consistent: bool | None = None
    reasoner: str | None = None
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # each check's wall-clock time, for the build profile

    @property
    def conforms(self) -> bool:
        return not self.quote_problems and self.shacl_conforms and self.consistent is not False

    def dump(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "quotes": {"ok": not self.quote_problems, "problems": self.quote_problems},
            "shacl": {
                "conforms": self.shacl_conforms,
                "engine": self.shacl_engine,
                "report": self.shacl_text if not self.shacl_conforms else "",
            },
            "owl": {"consistent": self.consistent, "reasoner": self.reasoner},
        }

    def text(self) -> str:
        lines = [f"triples: {self.triples}", f"quotes verbatim: {'yes' if not self.quote_problems else 'NO'}"]
        lines += [f"  {p}" for p in self.quote_problems]
        lines.append(f"SHACL conforms ({self.shacl_engine}): {'yes' if self.shacl_conforms else 'NO'}")
        if not self.shacl_conforms:
            lines.append(self.shacl_text)
        checked = "not checked" if self.consistent is None else "yes" if self.consistent else "NO"
        lines.append(f"OWL consistent: {checked}" + (f" ({self.reasoner})" if self.reasoner else ""))
        lines.append("CONFORMS" if self.conforms else "DOES NOT CONFORM")
        return "\n".join(lines)


def shacl_check(graph: Graph) -> tuple[bool, str]:
    """Validate `graph` (ontology and data together) with pySHACL, the reference engine; (conforms, report text)."""
    from pyshacl import validate as pyshacl_validate

    conforms, _, text = pyshacl_validate(graph, shacl_graph=load_shapes(), inference="none", advanced=True)
    return bool(conforms), str(text)


def shacl_check_store(store: ox.Store) -> tuple[bool, str]:
    """Validate the store's named graphs with the SPARQL SHACL engine; (conforms, report text)."""
    violations = ShaclEngine(SHAPES_FILE).validate(store)
    text = f"Validation Report\nConforms: {not violations}\nResults ({len(violations)}):\n"
    return not violations, text + "\n".join(f"  {v}" for v in violations)


HERMIT_LIMIT = (
    500  # named individuals (the curated graph has 160: HermiT, seconds); above, the rules (825: HermiT 45 s)
)


def choose_reasoner(graph: Graph, reasoner: str = "auto") -> str:
    """hermit, rules, or (auto) HermiT for graphs it classifies in seconds and the rules above that."""
    if reasoner != "auto":
        return reasoner
    individuals = {
        s
        for s, o in graph.subject_objects(RDF.type)
        if isinstance(s, URIRef) and not str(o).startswith(str(OWL)) and o != READING
    }
    return "hermit" if len(individuals) <= HERMIT_LIMIT else "rules"


def check_store(
    store: ox.Store,
    *,
    reason: bool = True,
    sources: Path | list[Path] | None = None,
    reasoner: str = "auto",
    shacl: str = "sparql",
) -> tuple[ValidationReport, set[tuple[URIRef, URIRef, URIRef]]]:
    """Run all checks on a loaded store; also return the reasoner's type triples (empty if not run).

    `shacl`: sparql (inside Oxigraph, the default), pyshacl (the reference engine, for small graphs), or
    none when the caller validates the shapes itself (the build: graph.build.shacl_job).
    """
    view = StoreView(store)
    small = None  # an rdflib copy, made only for pySHACL or HermiT
    report = ValidationReport(triples=len(store), shacl_engine=shacl)
    started = time.perf_counter()
    report.quote_problems = [str(p) for p in check_quotes(cast(Graph, view), sources or sources_dir())]
    report.seconds["quotes"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    if shacl == "pyshacl":
        small = view.to_graph()
        report.shacl_conforms, report.shacl_text = shacl_check(small)
    elif shacl != "none":
        report.shacl_conforms, report.shacl_text = shacl_check_store(store)
    if shacl != "none":
        report.seconds["shacl"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    # StoreView reads the store like an rdflib Graph (the methods these checks use), without a copy
    inferred: set[tuple[URIRef, URIRef, URIRef]] = set()
    if reason:
        report.reasoner = choose_reasoner(cast(Graph, view), reasoner)
        try:
            if report.reasoner == "hermit":
                inferred = infer_types(small if small is not None else view.to_graph())
            else:
                inferred = rules_infer_types(cast(Graph, view))
            report.consistent = True
        except InconsistentOntology:
            report.consistent = False
        report.seconds["reasoner"] = round(time.perf_counter() - started, 2)
    return report, inferred


def validate(
    data_dir: DataDirs = None,
    extra: list[Path] | None = None,
    *,
    reason: bool = True,
    reasoner: str = "auto",
    shacl: str = "sparql",
) -> ValidationReport:
    """Load the sources (plus `extra` Turtle files) and check them; the domain function behind `perhepolku validate`."""
    store = load_store(data_dir, extra)
    report, _ = check_store(store, reason=reason, sources=sources_dirs(data_dir), reasoner=reasoner, shacl=shacl)
    return report
