"""The heavy resources the API opens once per build: the graph, the search index, the SPARQL workers.

A request takes one Resources object at its start and keeps it, so graph and index always come
from the same build. When `instance/current` points at a new build, the holder loads it in a
background thread while requests go on against the old one, then swaps the reference in one step.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import current_app, g

from api import heap
from graph.paths import current_build
from graph.store import KnowledgeGraph, SparqlSandbox

if TYPE_CHECKING:
    from search_index.protocol import SearchIndex

log = logging.getLogger("perhepolku.api")
RETIRE_AFTER = 60.0  # seconds an old build's SPARQL workers live on for requests still using them


class Resources:
    """Everything a request handler reads; never written after it is opened.

    The search index is opened at the first search (its analyser, Voikko, takes about a second to
    load, holding the interpreter): a server answers everything else at once. A reload opens the new
    build's index before swapping it in, so a build whose index does not open is never served.
    """

    def __init__(self, kg: KnowledgeGraph, build_dir: Path, sandbox: SparqlSandbox, freeze: bool = False) -> None:
        self.kg, self.build_dir, self.sandbox, self.freeze = kg, build_dir, sandbox, freeze
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()

    @classmethod
    def open(cls, folder: Path, config: Mapping[str, Any]) -> Resources:
        endpoint = config.get("SPARQL_ENDPOINT") or None
        kg = KnowledgeGraph.open(folder, endpoint)
        if config.get("FREEZE_GC", True):
            heap.watch(kg)
        sandbox = SparqlSandbox(
            folder,
            size=config["SPARQL_WORKERS"],
            timeout=config["QUERY_TIMEOUT"],
            max_bytes=config["MAX_RESULT_BYTES"],
            max_triples=config["MAX_RESULTS"],
            endpoint=endpoint,
        )
        return cls(kg=kg, build_dir=folder, sandbox=sandbox, freeze=bool(config.get("FREEZE_GC", True)))

    @property
    def index(self) -> SearchIndex:
        """The build's search index, opened on first use."""
        if self._index is None:
            with self._index_lock:
                if self._index is None:
                    from search_index.indexer import open_index  # whoosh and its analysers: 0.2 s of imports

                    self._index = open_index(self.build_dir)
                    if self.freeze:  # its tables live as long as the build: a full collection walked them in 50-140 ms
                        heap.keep()
        return self._index

    @property
    def build_id(self) -> str:
        return str(self.kg.manifest.get("build_id", self.build_dir.name))

    def close(self) -> None:
        self.sandbox.close()
        if self._index is not None:
            self._index.close()


class ResourceHolder:
    """The current Resources, replaced when a new build appears (unless a build folder is pinned)."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config
        self.pinned = Path(config["BUILD_DIR"]) if config.get("BUILD_DIR") else None
        self.instance = Path(config["INSTANCE"]) if config.get("INSTANCE") else None
        self.current = Resources.open(self.pinned or current_build(self.instance), config)
        self._lock = threading.Lock()
        self._loading = False
        self._checked = time.monotonic()

    def get(self) -> Resources:
        if self.pinned is None and self.config["RELOAD_INTERVAL"] > 0:
            self._check()
        return self.current

    def _check(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.config["RELOAD_INTERVAL"]:
            return
        self._checked = now
        target = current_build(self.instance)
        with self._lock:
            if target == self.current.build_dir or self._loading or not target.is_dir():
                return
            self._loading = True
        threading.Thread(target=self._load, args=(target,), daemon=True, name="perhepolku-reload").start()

    def _load(self, target: Path) -> None:
        try:
            fresh = Resources.open(target, self.config)
            fresh.index  # noqa: B018  # a build whose index does not open is never swapped in
        except Exception:  # a bad build must never take the serving one down; it is logged and skipped
            log.exception("could not load build %s; still serving %s", target, self.current.build_dir)
            self._checked = time.monotonic() + 60  # do not retry the same broken build at once
        else:
            old, self.current = self.current, fresh
            log.info("now serving build %s (was %s)", fresh.build_id, old.build_id)
            threading.Timer(RETIRE_AFTER, self._retire, args=(old,)).start()
        finally:
            self._loading = False

    def _retire(self, old: Resources) -> None:
        old.close()
        if self.config.get("FREEZE_GC", True):
            heap.release()  # the old build's objects were frozen: collect them now


def resources() -> Resources:
    """The Resources of this request (taken once, at its first use)."""
    current: Resources | None = g.get("perhepolku")  # one lookup through the proxy: a page asks a dozen times
    if current is None:
        current = g.perhepolku = current_app.extensions["perhepolku"].get()
    return current
