"""Reading saved catalogue responses: single records, arrays, GUID pages (`itemList`) and folders of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidParameter


@dataclass
class Records:
    """The records of one import, by kind and id; page entries that only list an id are counted apart."""

    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    other: list[dict[str, Any]] = field(default_factory=list)
    listed_only: list[str] = field(default_factory=list)


def _files(sources: list[Path]) -> Iterator[Path]:
    for source in sources:
        if source.is_dir():
            yield from sorted(p for p in source.rglob("*.json") if p.is_file())
        elif source.is_file():
            yield source
        else:
            raise InvalidParameter(f"{source}: no such file or folder", field="source")


def json_documents(sources: list[Path]) -> Iterator[Any]:
    """Each JSON file of the files and folders given, parsed; a file that is not JSON is refused."""
    for path in _files(sources):
        try:
            yield json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InvalidParameter(f"{path}: not JSON: {exc}", field="source") from exc


def _items(document: Any) -> Iterator[Any]:
    if isinstance(document, list):
        for item in document:
            yield from _items(item)
    elif isinstance(document, dict) and "itemList" in document and "pageNumber" in document:
        yield from _items(document.get("itemList") or [])
    elif isinstance(document, dict):
        yield document


def read_records(sources: list[Path]) -> Records:
    """Every PTV record in the files and folders given (a GUID page's entries that hold only an id and a
    name are listed in `listed_only`: fetching them needs the network, which the import does not use)."""
    out = Records()
    for document in json_documents(sources):
        for item in _items(document):
            rid = str(item.get("id") or "")
            if "serviceNames" in item:
                out.services[rid] = item
            elif "serviceChannelType" in item:
                out.channels[rid] = item
            elif "organizationNames" in item:
                out.organizations[rid] = item
            elif set(item) <= {"id", "name"} and rid:
                out.listed_only.append(rid)
            else:
                out.other.append(item)
    return out
