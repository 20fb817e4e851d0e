"""A build's precomputed rows of the slow parameterless queries, read by servers when first needed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.errors import ArtefactError

PRECOMPUTED_DIR = "precomputed"


class PrecomputedRows:
    """A build's precomputed rows, each query's file read on first use (a start reads only what it needs)."""

    def __init__(self, build_dir: Path) -> None:
        self.folder = build_dir / PRECOMPUTED_DIR

    def get(self, name: str) -> list[dict[str, Any]] | None:
        """The stored rows of `name`, or None if the build has none for it."""
        path = self.folder / f"{name}.json"
        if not path.is_file():
            return None
        try:
            rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
            return rows
        except (OSError, ValueError) as exc:
            raise ArtefactError(f"{path} is unreadable ({exc}); rebuild") from exc
