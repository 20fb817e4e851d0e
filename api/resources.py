"""The heavy resources the API opens once at start-up: the built graph (and what later steps add)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from flask import current_app

from graph.kg import KnowledgeGraph
from graph.paths import current_build
from graph.sandbox import SparqlSandbox
from search_index.build import open_index


@dataclass
class Resources:
    """Everything a request handler reads; never written after start-up."""

    kg: KnowledgeGraph
    build_dir: Path
    sandbox: SparqlSandbox
    index: Any

    @classmethod
    def open(cls, build_dir: Path | None, config: Mapping[str, Any]) -> "Resources":
        instance = Path(config["INSTANCE"]) if config.get("INSTANCE") else None
        folder = build_dir or current_build(instance)
        kg = KnowledgeGraph.open(folder)
        index = open_index(folder)
        sandbox = SparqlSandbox(folder, size=config["SPARQL_WORKERS"], timeout=config["QUERY_TIMEOUT"],
                                max_bytes=config["MAX_RESULT_BYTES"], max_triples=config["MAX_RESULTS"])
        return cls(kg=kg, build_dir=folder, sandbox=sandbox, index=index)


def resources() -> Resources:
    return current_app.extensions["perhepolku"]
