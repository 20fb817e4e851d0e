"""A build's precomputed answers: rows of the slow parameterless queries and the stored service documents."""

from __future__ import annotations

import json
import mmap
from pathlib import Path
from typing import Any

from graph.errors import ArtefactError

PRECOMPUTED_DIR = "precomputed"
DOCUMENTS_FILE = "documents.jsonl"  # one service document (JSON) a line, in the order of the offsets
DOCUMENTS_INDEX = "documents.json"  # {service id: [offset, length]} into DOCUMENTS_FILE


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


class ServiceDocuments:
    """A build's stored service documents, the file mapped into memory when first asked (shared by processes
    through the page cache); each answer is parsed afresh, so a caller may change it."""

    def __init__(self, build_dir: Path) -> None:
        self.folder = build_dir / PRECOMPUTED_DIR
        self._offsets: dict[str, list[int]] | None = None
        self._map: mmap.mmap | None = None
        self._present: bool | None = None

    def available(self) -> bool:
        if self._present is None:
            self._present = (self.folder / DOCUMENTS_INDEX).is_file()
        return self._present

    def _open(self) -> tuple[dict[str, list[int]], mmap.mmap | None]:
        if self._offsets is None:
            try:
                offsets = json.loads((self.folder / DOCUMENTS_INDEX).read_text(encoding="utf-8"))
                with open(self.folder / DOCUMENTS_FILE, "rb") as handle:
                    size = handle.seek(0, 2)
                    self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else None
            except (OSError, ValueError) as exc:
                raise ArtefactError(
                    f"stored service documents in {self.folder} are unreadable ({exc}); rebuild"
                ) from exc
            self._offsets = offsets
        return self._offsets, self._map

    def get(self, service_id: str) -> dict[str, Any] | None:
        """The stored document of `service_id`, or None if the build stored none for it."""
        if not self.available():
            return None
        offsets, mapped = self._open()
        where = offsets.get(service_id)
        if where is None or mapped is None:
            return None
        start, length = where
        document: dict[str, Any] = json.loads(mapped[start : start + length])
        return document


def write_documents(build_dir: Path, documents: dict[str, dict[str, Any]]) -> int:
    """Write `documents` (service id -> document) as DOCUMENTS_FILE and its index; returns the bytes written."""
    folder = build_dir / PRECOMPUTED_DIR
    folder.mkdir(exist_ok=True)
    offsets: dict[str, list[int]] = {}
    position = 0
    with open(folder / DOCUMENTS_FILE, "wb") as out:
        for service_id, document in documents.items():
            line = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            offsets[service_id] = [position, len(line)]
            out.write(line + b"\n")
            position += len(line) + 1
    (folder / DOCUMENTS_INDEX).write_text(json.dumps(offsets), encoding="utf-8")
    return position
