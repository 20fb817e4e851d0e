"""The heavy resources the API opens once at start-up: the built graph (and what later steps add)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from flask import current_app

from graph.kg import KnowledgeGraph
from graph.paths import current_build


@dataclass
class Resources:
    """Everything a request handler reads; never written after start-up."""

    kg: KnowledgeGraph
    build_dir: Path

    @classmethod
    def open(cls, build_dir: Path | None, config: Mapping[str, Any]) -> "Resources":
        instance = Path(config["INSTANCE"]) if config.get("INSTANCE") else None
        folder = build_dir or current_build(instance)
        return cls(kg=KnowledgeGraph.open(folder), build_dir=folder)


def resources() -> Resources:
    return current_app.extensions["perhepolku"]
