"""Where perhepolku's inputs are (the installed ontology, queries and curated data) and where a build goes.

`ontology/` and `queries/` are data packages beside `graph/`, installed with it, so a build from
another directory (or from a non-editable install) finds them. Nothing here reads the environment:
the instance folder is configuration (api.config) and is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ontology
import queries

ONTOLOGY_DIR = Path(ontology.__file__).resolve().parent
QUERIES_DIR = Path(queries.__file__).resolve().parent
MUNICIPALITIES_FILE = ONTOLOGY_DIR / "municipalities.ttl"  # reference data for input checks, not loaded into builds
CURATED_DIR = Path(__file__).resolve().parent / "data" / "curated"
SOURCES_DIR = Path(__file__).resolve().parent / "data" / "sources"
DEFAULT_INSTANCE = Path("instance")


DataDirs = Path | Sequence[Path] | None  # one --data folder, several, or none (the curated data)


def data_dirs(data: DataDirs = None) -> list[Path]:
    """The data folders of a build: those given, else graph/data/curated."""
    if data is None:
        return [CURATED_DIR]
    folders = [data] if isinstance(data, Path) else list(data)
    return folders or [CURATED_DIR]


def sources_dir(data_dir: Path | None = None) -> Path:
    """The source texts quotes are checked against: DIR/sources for a --data DIR that has one."""
    if data_dir is not None and (data_dir / "sources").is_dir():
        return data_dir / "sources"
    return SOURCES_DIR


def sources_dirs(data: DataDirs = None) -> list[Path]:
    """The source folders of every data folder (DIR/sources, else the seed sources), each once."""
    out: list[Path] = []
    for folder in data_dirs(data):
        found = sources_dir(folder if folder != CURATED_DIR else None)
        if found not in out:
            out.append(found)
    return out


def current_build(instance: Path | None = None) -> Path:
    """The build the `current` link points at (resolved, so a later swap does not move it)."""
    return ((instance or DEFAULT_INSTANCE) / "current").resolve()
