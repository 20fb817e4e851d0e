"""An import's output folder, kept incrementally: one Turtle file per service (with everything it uses),
the saved records under sources/, removals of archived or withdrawn records, and a report."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.build.importers.model import Catalogue

REMOVED_STATUSES = {"Archived", "Deleted", "Withdrawn", "Removed", "archived", "withdrawn", "defunct", "inactive"}


@dataclass
class ImportReport:
    """What one import did."""

    imported: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_published: int = 0
    listed_only: int = 0
    skipped: list[str] = field(default_factory=list)

    def dump(self) -> dict[str, Any]:
        return {
            "imported": len(self.imported),
            "removed": self.removed,
            "unchanged_before_since": self.unchanged,
            "not_published": self.not_published,
            "listed_only": self.listed_only,
            "skipped": self.skipped,
        }


def modified_at(text: str | None) -> datetime | None:
    if not text:
        return None
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when.replace(tzinfo=None)


def save_record(out: Path, name: str, record: dict[str, Any]) -> None:
    """The record as received (a source document the quote check reads)."""
    path = out / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def write_service(out: Path, name: str, fill: Callable[[Catalogue], str]) -> Catalogue:
    """Replace a service's file as a whole: its facts are exactly what this import says of it."""
    cat = Catalogue()
    fill(cat)
    (out / name).write_bytes(cat.turtle())
    return cat


def remove_service(out: Path, turtle: str, record: str) -> bool:
    """Remove an archived or withdrawn service's Turtle file and saved record; whether it was there."""
    path = out / turtle
    existed = path.is_file()
    path.unlink(missing_ok=True)
    (out / "sources" / record).unlink(missing_ok=True)
    return existed


def write_report(out: Path, report: ImportReport) -> None:
    (out / "import-report.json").write_text(json.dumps(report.dump(), ensure_ascii=False, indent=1), encoding="utf-8")
