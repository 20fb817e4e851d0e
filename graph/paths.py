"""Where perhepolku's inputs live in the repository and where build outputs go."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
CURATED_DIR = Path(__file__).resolve().parent / "data" / "curated"
SOURCES_DIR = Path(__file__).resolve().parent / "data" / "sources"
QUERIES_DIR = ROOT / "queries"


def sources_dir(data_dir: Path | None = None) -> Path:
    """The source texts quotes are checked against: DIR/sources for a --data DIR that has one."""
    if data_dir is not None and (data_dir / "sources").is_dir():
        return data_dir / "sources"
    return SOURCES_DIR


def instance_dir() -> Path:
    """The folder for build outputs: $PERHEPOLKU_INSTANCE or ./instance in the repository."""
    return Path(os.environ.get("PERHEPOLKU_INSTANCE", ROOT / "instance")).resolve()


def current_build(instance: Path | None = None) -> Path:
    """The build the `current` link points at (resolved, so a later swap does not move it)."""
    return ((instance or instance_dir()) / "current").resolve()
