"""A build's precomputed answers: rows of the parameterless queries a server needs, the named queries'
stored answers (graph.build.precompute) and the stored service documents (graph.navigation.documents)."""

from __future__ import annotations

import hashlib
import json
import mmap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from graph.errors import ArtefactError
from graph.store import derived

PRECOMPUTED_DIR = "precomputed"
ANSWERS_DIR = "answers"  # {query name}.jsonl: SPARQL JSON answers, one a line, by answer_key
GRAPHS = ".graph"  # {query name}.graph.jsonl: a parameterless graph query's answer, one record a media type
DOCUMENTS = "documents"  # documents.jsonl: one service document a line, by service id
CHANNELS = "channels"  # channels.jsonl: each document's channels a line, by service id (read without the rest)
HISTORICAL = "historical-services.json"  # the ids of the documents that say historical_only
CHUNK = 1 << 20  # bytes of a stored answer sent at a time


def answer_key(bound: Mapping[str, Any]) -> str:
    """The key of a named query's answer for bound parameter terms ("" for a call without parameters)."""
    if not bound:
        return ""
    text = "\n".join(f"{name}={bound[name]}" for name in sorted(bound))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def class_file(folder: Path, name: str) -> Path:
    """A classed query's representatives (graph.build.classed) in the precomputed `folder`."""
    return folder / ANSWERS_DIR / (name + derived.CLASSES)


def placed_file(folder: Path, name: str) -> Path:
    """A by-place query's line (graph.build.placed) in the precomputed `folder`."""
    return folder / ANSWERS_DIR / (name + derived.PLACED)


class Pieces:
    """A stored record's bytes in pieces, read from the mapping as they are sent, and where they lie in their file
    (`path`, `offset`, `length`): a server that can send a file's bytes itself (gunicorn, os.sendfile) sends them
    from there instead (api.stored)."""

    def __init__(self, mapped: mmap.mmap, path: Path, offset: int, length: int, size: int = CHUNK) -> None:
        self.path, self.offset, self.length = path, offset, length
        self._pieces = self._read(mapped, size)

    def _read(self, mapped: mmap.mmap, size: int) -> Iterator[bytes]:
        end = self.offset + self.length
        for at in range(self.offset, end, size):
            stop = min(at + size, end)
            yield mapped[at:stop]
            release(mapped, at, stop - at)  # sent: its pages need not stay in the server

    def __iter__(self) -> Iterator[bytes]:
        return self._pieces

    def __next__(self) -> bytes:
        return next(self._pieces)


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

    def view(self, key: str) -> memoryview | None:
        """The record in the mapping, not copied (for an answer written over into a new one)."""
        where = self._where(key)
        if where is None or self._map is None:
            return None
        return memoryview(self._map)[where[0] : where[0] + where[1]]

    def chunks(self, key: str, size: int = CHUNK) -> tuple[int, Iterator[bytes]] | None:
        """The record's length and its bytes in pieces of `size`, read from the mapping as they are sent
        (a 50 MB answer is never copied whole), or None without one."""
        where = self._where(key)
        if where is None or self._map is None:
            return None
        start, length = where
        return length, Pieces(self._map, self.data, start, length, size)

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
        self._specs: dict[str, tuple[str, dict[str, Any]] | None] = {}
        self._echoes: dict[str, dict[Any, Any]] = {}  # a classed query's bindings in each class's answer

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
        return stored if stored is not None else self._derived(name, bound)

    def answer_chunks(self, name: str, bound: Mapping[str, Any]) -> tuple[int, Iterator[bytes]] | None:
        """The stored answer's length and its bytes in pieces (Packed.chunks), or None if the build has none."""
        if name not in self._answers:
            self._answers[name] = Packed(self.folder / ANSWERS_DIR, name)
        stored = self._answers[name].chunks(answer_key(bound))
        if stored is None and (made := self._derived(name, bound)) is not None:
            return len(made), iter((made,))
        return stored

    def _derived(self, name: str, bound: Mapping[str, Any]) -> bytes | None:
        """An answer made from a stored one (graph.store.derived): a classed query's, or a by-place query's."""
        if name not in self._specs:
            self._specs[name] = derived.spec(self.folder / ANSWERS_DIR, name)
        spec = self._specs[name]
        if spec is None or not bound:
            return None
        # a stored answer's few MB stay mapped (released, they would be faulted in again at every call)
        packed = self._answers[name]
        if spec[0] == "classes":
            kept = self._echoes.setdefault(name, {})
            return derived.classed(lambda terms: packed.view(answer_key(terms)), spec[1], bound, kept)
        return derived.placed(packed.get, spec[1], bound)

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
        self.channels_packed = Packed(build_dir / PRECOMPUTED_DIR, CHANNELS)
        self.historical_file = build_dir / PRECOMPUTED_DIR / HISTORICAL

    def get(self, service_id: str) -> dict[str, Any] | None:
        """The stored document of `service_id`, or None if the build stored none for it."""
        record = self.packed.get(service_id)
        if record is None:
            return None
        document: dict[str, Any] = _loads(record)
        return document

    def channels(self, service_id: str) -> list[dict[str, Any]] | None:
        """The `channels` of the stored document of `service_id` alone (a screening lists fifty services' ways
        in: their documents whole took 4 ms to read at 6,400 services, the rows they are made of 50 MB to keep)."""
        record = self.channels_packed.get(service_id)
        if record is None:
            return None
        found: list[dict[str, Any]] = _loads(record)
        return found

    def historical(self) -> frozenset[str] | None:
        """The ids of the stored documents that say `historical_only` (every document read would be 62 MB at
        6,400 services), or None for a build without the list."""
        try:
            return frozenset(json.loads(self.historical_file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ArtefactError(f"{self.historical_file} is unreadable ({exc}); rebuild") from exc


def write_rows(build_dir: Path, name: str, rows: list[dict[str, Any]] | dict[str, Any]) -> None:
    """Write a query's rows (or another value a server reads whole) as precomputed/{name}.json."""
    (build_dir / PRECOMPUTED_DIR / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def write_answers(build_dir: Path, name: str, answers: Mapping[str, bytes]) -> int:
    return write_packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, name, answers)


def write_graphs(build_dir: Path, name: str, graphs: Mapping[str, bytes]) -> int:
    """Write a graph query's answer in each of its stored media types (graph.build.precompute)."""
    return write_packed(build_dir / PRECOMPUTED_DIR / ANSWERS_DIR, name + GRAPHS, graphs)


def write_documents(build_dir: Path, documents: Mapping[str, dict[str, Any]]) -> int:
    """Write `documents` (service id -> document) and their channels apart; returns the bytes written."""
    folder = build_dir / PRECOMPUTED_DIR
    lines = {key: _compact(doc) for key, doc in documents.items()}
    ways = {key: _compact(doc["channels"]) for key, doc in documents.items() if "channels" in doc}
    historical = sorted(key for key, doc in documents.items() if doc.get("historical_only"))
    (folder / HISTORICAL).write_text(json.dumps(historical), encoding="utf-8")
    return write_packed(folder, DOCUMENTS, lines) + write_packed(folder, CHANNELS, ways)


def _loads(record: bytes) -> Any:
    """A stored record parsed by orjson (a fifth of json's time for a 10 KB document), by json where orjson
    refuses it (NaN, which json writes)."""
    try:
        return orjson.loads(record)
    except orjson.JSONDecodeError:
        return json.loads(record)


def _compact(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
