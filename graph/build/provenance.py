"""Check that every quote in the graph appears verbatim in the source document it cites."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace

from graph import vocab
from graph.paths import SOURCES_DIR

PP = Namespace(vocab.PP)
PROV = Namespace(vocab.PREFIXES["prov"])


@dataclass(frozen=True)
class QuoteProblem:
    """One quote that could not be found in its document."""

    document: str
    quote: str
    reason: str

    def __str__(self) -> str:
        return f"{self.document}: {self.reason}: {self.quote!r}"


def source_texts(graph: Graph, sources_dir: Path = SOURCES_DIR) -> dict[str, str]:
    """Map each source document IRI to its text, read from `sources_dir`."""
    texts = {}
    for doc, name in graph.subject_objects(PP.sourceFile):
        path = sources_dir / str(name)
        texts[str(doc)] = path.read_text(encoding="utf-8") if path.is_file() else ""
    return texts


def check_quotes(graph: Graph, sources_dir: Path = SOURCES_DIR) -> list[QuoteProblem]:
    """Every (document, quote) pair whose quote is not a verbatim substring of the document."""
    texts = source_texts(graph, sources_dir)
    problems = []
    for derivation, quote in graph.subject_objects(PP.quote):
        doc = graph.value(derivation, PROV.entity)
        declared = graph.value(doc, PP.sourceFile) if doc is not None else None
        name = str(declared) if declared is not None else str(doc or "a derivation without prov:entity")
        text = texts.get(str(doc))
        if text is None:
            problems.append(
                QuoteProblem(name, str(quote), "cites a source that graph/data/curated/sources.ttl does not declare")
            )
        elif not text:
            problems.append(QuoteProblem(name, str(quote), "source file missing or empty"))
        elif str(quote) not in text:
            problems.append(QuoteProblem(name, str(quote), "quote not found verbatim"))
    return problems
