"""Validation of the graph: verbatim quotes, SHACL shapes (pySHACL) and OWL consistency (HermiT)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from graph.loader import load_dataset, load_shapes, union_graph
from graph.paths import sources_dir
from graph.provenance import check_quotes
from graph.reason import InconsistentOntology, infer_types


@dataclass
class ValidationReport:
    """Outcome of every check; `conforms` only when all of them pass."""

    quote_problems: list[str] = field(default_factory=list)
    shacl_conforms: bool = True
    shacl_text: str = ""
    consistent: bool | None = None
    triples: int = 0

    @property
    def conforms(self) -> bool:
        return not self.quote_problems and self.shacl_conforms and self.consistent is not False

    def dump(self) -> dict:
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "quotes": {"ok": not self.quote_problems, "problems": self.quote_problems},
            "shacl": {"conforms": self.shacl_conforms, "report": self.shacl_text if not self.shacl_conforms else ""},
            "owl": {"consistent": self.consistent},
        }

    def text(self) -> str:
        lines = [f"triples: {self.triples}", f"quotes verbatim: {'yes' if not self.quote_problems else 'NO'}"]
        lines += [f"  {p}" for p in self.quote_problems]
        lines.append(f"SHACL conforms: {'yes' if self.shacl_conforms else 'NO'}")
        if not self.shacl_conforms:
            lines.append(self.shacl_text)
        lines.append(f"OWL consistent: {'not checked' if self.consistent is None else 'yes' if self.consistent else 'NO'}")
        lines.append("CONFORMS" if self.conforms else "DOES NOT CONFORM")
        return "\n".join(lines)


def shacl_check(graph: Graph) -> tuple[bool, str]:
    """Validate `graph` (ontology and data together) against the shapes; (conforms, report text)."""
    from pyshacl import validate as pyshacl_validate

    conforms, _, text = pyshacl_validate(graph, shacl_graph=load_shapes(), inference="none", advanced=True)
    return bool(conforms), str(text)


def check_graph(graph: Graph, *, reason: bool = True, sources: Path | None = None) -> tuple[ValidationReport, set]:
    """Run all checks on a loaded graph; also return the reasoner's type triples (empty if not run)."""
    report = ValidationReport(triples=len(graph))
    report.quote_problems = [str(p) for p in check_quotes(graph, sources or sources_dir())]
    report.shacl_conforms, report.shacl_text = shacl_check(graph)
    inferred: set = set()
    if reason:
        try:
            inferred = infer_types(graph)
            report.consistent = True
        except InconsistentOntology:
            report.consistent = False
    return report, inferred


def validate(data_dir: Path | None = None, extra: list[Path] | None = None, *, reason: bool = True) -> ValidationReport:
    """Load the sources (plus `extra` Turtle files) and check them; the domain function behind `perhepolku validate`."""
    graph = union_graph(load_dataset(data_dir, extra))
    report, _ = check_graph(graph, reason=reason, sources=sources_dir(data_dir))
    return report
