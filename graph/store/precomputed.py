"""A build's precomputed answers: rows of the parameterless queries a server needs, the named queries'
stored answers (graph.build.precompute) and the stored service documents (graph.navigation.documents)."""

from __future__ import annotations

import hashlib
import json
import mmap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from graph.errors import ArtefactError

PRECOMPUTED_DIR = "precomputed"
ANSWERS_DIR = "answers"  # {query name}.jsonl: SPARQL JSON answers, one a line, by answer_key
CLASSES = ".classes.json"  # {query name}.classes.json: a classed query's representatives (graph.build.classed)
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
GRAPHS = ".graph"  # {query name}.graph.jsonl: a parameterless graph query's answer, one record a media type
DOCUMENTS = "documents"  # documents.jsonl: one service document a line, by service id
CHUNK = 1 << 20  # bytes of a stored answer sent at a time


def answer_key(bound: Mapping[str, Any]) -> str:
    """The key of a named query's answer for bound parameter terms ("" for a call without parameters)."""
    if not bound:
        return ""
    text = "\n".join(f"{name}={bound[name]}" for name in sorted(bound))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def echo(name: str, value: int) -> bytes:
    """An integer parameter's binding as SPARQL JSON writes it in every row that projects it."""
    return f'"{name}":{{"type":"literal","value":"{value}","datatype":"{INTEGER}"}}'.encode()


def class_file(folder: Path, name: str) -> Path:
    return folder / ANSWERS_DIR / (name + CLASSES)


class Packed:
    """Records of one file ({stem}.jsonl, one a line) found by key through {stem}.index.json; the file is
    mapped into memory when first read, so processes share it through the page cache."""

    def __init__(self, folder: Path, stem: str) -> None:
        self.data, self.index = folder / f"{stem}.jsonl", folder / f"{stem}.index.json"
        self._offsets: dict[str, list[int]] | None = None
        self._map: mmap.mmap | None = None
        self._present: bool | None = None

    def available(self) -> bool:
        if self._present is None:
            self._present = self.index.is_file()
        return self._present

    def get(self, key: str, *, release_pages: bool = False) -> bytes | None:
        """The record copied out of the mapping; `release_pages` drops the mapping's pages it read from this
        process (for a record copied to be changed or converted, not read again)."""
        where = self._where(key)
        if where is None or self._map is None:
            return None
        record = self._map[where[0] : where[0] + where[1]]
        if release_pages:
            release(self._map, where[0], where[1])
        return record

    def chunks(self, key: str, size: int = CHUNK) -> tuple[int, Iterator[bytes]] | None:
        """The record's length and its bytes in pieces of `size`, read from the mapping as they are sent
        (a 50 MB answer is never copied whole), or None without one."""
        where = self._where(key)
        if where is None or self._map is None:
            return None
        start, length = where
        mapped = self._map

        def pieces() -> Iterator[bytes]:
            for at in range(start, start + length, size):
                end = min(at + size, start + length)
                yield mapped[at:end]
                release(mapped, at, end - at)  # sent: its pages need not stay in the server

        return length, pieces()

    def _where(self, key: str) -> list[int] | None:
        if not self.available():
            return None
        if self._offsets is None:
            try:
                offsets = json.loads(self.index.read_text(encoding="utf-8"))
                with open(self.data, "rb") as handle:
                    size = handle.seek(0, 2)
                    self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else None
            except (OSError, ValueError) as exc:
                raise ArtefactError(f"{self.data} is unreadable ({exc}); rebuild") from exc
            self._offsets = offsets
        return self._offsets.get(key)


def _integer(value: int) -> str:
    """An integer term as answer_key sees a bound one (str of an Oxigraph literal)."""
    return f'"{value}"^^<{INTEGER}>'


def release(mapped: mmap.mmap, start: int, length: int) -> None:
    """Drop sent bytes' pages from this process's memory: they stay in the page cache (shared, read again
    from there if asked), but no longer count in the server's RSS (a 53 MB answer did, for good)."""
    if hasattr(mmap, "MADV_DONTNEED") and length:
        begin = start - start % mmap.PAGESIZE
        mapped.madvise(mmap.MADV_DONTNEED, begin, start + length - begin)


def write_packed(folder: Path, stem: str, records: Mapping[str, bytes]) -> int:
    """Write `records` (key -> one line of bytes) as Packed; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    offsets: dict[str, list[int]] = {}
    position = 0
    with open(folder / f"{stem}.jsonl", "wb") as out:
        for key, record in records.items():
            offsets[key] = [position, len(record)]
            out.write(record + b"\n")
            position += len(record) + 1
    (folder / f"{stem}.index.json").write_text(json.dumps(offsets), encoding="utf-8")
    return position


class PrecomputedRows:
    """A build's precomputed rows and stored answers, each query's file read on first use."""

    def __init__(self, build_dir: Path) -> None:
        self.folder = build_dir / PRECOMPUTED_DIR
        self._answers: dict[str, Packed] = {}
        self._classes: dict[str, dict[str, list[int]] | None] = {}

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

    def answer(self, name: str, bound: Mapping[str, Any]) -> bytes | None:
        """The stored SPARQL JSON answer of `name` for the bound parameters, or None if the build has none."""
        if name not in self._answers:
            self._answers[name] = Packed(self.folder / ANSWERS_DIR, name)
        stored = self._answers[name].get(answer_key(bound))
        return stored if stored is not None else self._classed(name, bound)

    def answer_chunks(self, name: str, bound: Mapping[str, Any]) -> tuple[int, Iterator[bytes]] | None:
        """The stored answer's length and its bytes in pieces (Packed.chunks), or None if the build has none."""
        if name not in self._answers:
            self._answers[name] = Packed(self.folder / ANSWERS_DIR, name)
        stored = self._answers[name].chunks(answer_key(bound))
        if stored is None and (classed := self._classed(name, bound)) is not None:
            return len(classed), iter((classed,))
        return stored

    def _classed(self, name: str, bound: Mapping[str, Any]) -> bytes | None:
        """A classed query's answer (graph.build.classed): its class's stored answer with the asked values
        written over the representative's."""
        if name not in self._classes:
            path = class_file(self.folder, name)
            self._classes[name] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        reps = self._classes[name]
        if reps is None or not set(bound) <= set(reps):
            return None
        asked = {key: int(term.value) for key, term in bound.items()}
        least = {key: max(r for r in reps[key] if r <= value) for key, value in asked.items() if value >= reps[key][0]}
        if len(least) != len(asked):
            return None
        # a class's few MB stay mapped (released, they would be faulted in again at every call)
        stored = self._answers[name].get(answer_key({k: _integer(v) for k, v in least.items()}))
        if stored is None or asked == least:
            return stored
        # the echoed bindings in the order the rows have them; the build made sure that several are side by
        # side in every row (graph.build.classed), so they are written over in one pass of the answer
        first: bytes = stored
        order = sorted(asked, key=lambda key: first.find(echo(key, least[key])))
        old = b",".join(echo(key, least[key]) for key in order)
        if len(order) > 1 and stored.find(old) >= 0:
            return stored.replace(old, b",".join(echo(key, asked[key]) for key in order))
        for key in order:
            stored = stored.replace(echo(key, least[key]), echo(key, asked[key]))
        return stored

    def graph_chunks(self, name: str, media: str) -> tuple[int, Iterator[bytes]] | None:
        """A stored graph answer in `media` as its length and pieces, or None if the build has none in it."""
        return self._graphs(name).chunks(media)

    def graph(self, name: str, media: str) -> bytes | None:
        """A stored graph answer in `media` whole (its pages then dropped), or None if the build has none in it."""
        return self._graphs(name).get(media, release_pages=True)

    def _graphs(self, name: str) -> Packed:
        key = name + GRAPHS
        if key not in self._answers:
            self._answers[key] = Packed(self.folder / ANSWERS_DIR, key)
        return self._answers[key]


class ServiceDocuments:
    """A build's stored service documents; each answer is parsed afresh, so a caller may change it."""

    def __init__(self, build_dir: Path) -> None:
        self.packed = Packed(build_dir / PRECOMPUTED_DIR, DOCUMENTS)

    def get(self, service_id: str) -> dict[str, Any] | None:
        """The stored document of `service_id`, or None if the build stored none for it."""
        record = self.packed.get(service_id)
        if record is None:
            return None
        document: dict[str, Any] = json.loads(record)
        return document


def write_rows(build_dir: Path, name: str, rows: list[dict[str, Any]]) -> None:
    (build_dir / PRECOMPUTED_DIR / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def write_answers(build_dir: Path, name: str, answers: Mapping[str, bytes]) -> int:
    return write_packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, name, answers)


def write_graphs(build_dir: Path, name: str, graphs: Mapping[str, bytes]) -> int:
    """Write a graph query's answer in each of its stored media types (graph.build.precompute)."""
    return write_packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, name + GRAPHS, graphs)


def write_documents(build_dir: Path, documents: Mapping[str, dict[str, Any]]) -> int:
    """Write `documents` (service id -> document); returns the bytes written."""
    lines = {key: json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() for key, doc in documents.items()}
    return write_packed(build_dir / PRECOMPUTED_DIR, DOCUMENTS, lines)
