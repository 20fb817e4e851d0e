"""The knowledge graph as the API and CLI see it: one loaded build, its named queries and lookups."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from graph import vocab
from graph.errors import InvalidParameter, NotFound
from graph.parsing import municipality_key
from graph.store.binding import converters
from graph.store.catalog import Catalog, NamedQuery, bind_params
from graph.store.graphstore import GraphStore, stored_rows
from graph.store.municipalities import official
from graph.store.precomputed import PrecomputedRows, ServiceDocuments

_NAME_LIKE = re.compile(r"^[^\W\d_][^\W\d_ '\-]*(?:[ '\-][^\W\d_]+)*$")


def labels(row: Mapping[str, Any]) -> dict[str, str | None]:
    """The fi/sv/en label columns of a query row as one dict."""
    return {lang: row.get(lang) for lang in vocab.LANGS}


def open_store(build_dir: Path, endpoint: str | None = None) -> GraphStore:
    """The one place that chooses: the build's graph embedded in memory, or the remote `endpoint` holding it."""
    if endpoint:
        from graph.store.remote import RemoteGraphStore

        return RemoteGraphStore.connect(endpoint, build_dir)
    return GraphStore.open(build_dir)


class KnowledgeGraph:
    """One loaded build: the store, the named-query catalogue and id lookups, all read-only."""

    def __init__(
        self,
        store: GraphStore,
        catalog: Catalog | None = None,
        precomputed: PrecomputedRows | None = None,
        build_dir: Path | None = None,
        documents: ServiceDocuments | None = None,
    ) -> None:
        self.store = store
        self.build_dir = build_dir  # the build folder: its copies of the source texts are read from here
        self.catalog = catalog or Catalog()
        self._precomputed = precomputed
        self._documents = documents
        self._once: dict[str, list[dict[str, Any]]] = {}
        self._memo: dict[str, Any] = {}
        self._memo_locks: dict[str, threading.Lock] = {}  # one a value: making one never waits for another's maker
        self._memo_guard = threading.Lock()
        self.on_kept: Callable[[], None] | None = None  # called after a value is kept for the build (api.heap)
        self._converters = converters(self)
        self.concepts: dict[str, dict[str, Any]] = {}
        self.schemes: set[str] = set()
        for row in self.select_once("concepts"):
            entry = self.concepts.setdefault(
                row["id"],
                {
                    "iri": row["concept"],
                    "id": row["id"],
                    "scheme": row["schemeId"],
                    "labels": labels(row),
                    "broader": [],
                },
            )
            if row.get("broader") and row["broader"] not in entry["broader"]:
                entry["broader"].append(row["broader"])
            self.schemes.add(row["schemeId"])
        self.services = self.select_once("services")
        self.service_ids = {row["id"] for row in self.services}
        self.municipalities: dict[str, str] = {}
        for row in self.select_once("municipalities"):
            self.municipalities[row["code"]] = row["municipality"]
            for lang in vocab.LANGS:
                if row.get(lang):
                    self.municipalities[municipality_key(row[lang])] = row["municipality"]

    @classmethod
    def open(cls, build_dir: Path, endpoint: str | None = None) -> KnowledgeGraph:
        """The build's graph, embedded in memory, or behind a remote SPARQL `endpoint` that holds it."""
        return cls(
            open_store(build_dir, endpoint),
            precomputed=PrecomputedRows(build_dir),
            build_dir=build_dir,
            documents=ServiceDocuments(build_dir),
        )

    @property
    def manifest(self) -> dict[str, Any]:
        return self.store.manifest

    def named(self, name: str) -> NamedQuery:
        return self.catalog.get(name)

    def bind(self, name: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Type-check raw parameter values for a named query and convert them to bound terms."""
        return bind_params(self.named(name), dict(raw), self._converters)

    def select(self, name: str, raw: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named SELECT query with raw parameters (checked and bound, never pasted); the build's stored
        answer of the same call, where it has one."""
        bound = self.bind(name, raw or {})
        stored = self.stored_answer(name, bound)
        if stored is not None:
            return stored_rows(stored)
        return self.store.select(self.named(name), bound)

    def select_once(self, name: str) -> list[dict[str, Any]]:
        """A parameterless SELECT, run once per loaded build (the build never changes) and kept.

        The build runs the PRECOMPUTED ones already and stores their rows beside the graph.
        """
        if name not in self._once:
            stored = self._precomputed.get(name) if self._precomputed else None
            self._once[name] = stored if stored is not None else self.select(name)
            self._kept()
        return self._once[name]

    def rows(self, name: str) -> list[dict[str, Any]]:
        """A parameterless SELECT's rows read afresh and not kept (the build's stored rows where it has them),
        for a caller that keeps only what it derives from them: `select_once` would hold both. Rows kept
        already are the kept list itself: a caller reads them, never changes them."""
        if name in self._once:
            return self._once[name]
        stored = self._precomputed.get(name) if self._precomputed else None
        return stored if stored is not None else self.select(name)

    def stored_value(self, name: str) -> Any:
        """What the build stored whole under `name` (graph.hsds.index: its index), or None."""
        return self._precomputed.get(name) if self._precomputed else None

    def stored_answer(self, name: str, bound: Mapping[str, Any]) -> bytes | None:
        """The build's SPARQL JSON answer of a named query for bound parameters (graph.build.precompute)."""
        return self._precomputed.answer(name, bound) if self._precomputed else None

    def stored_chunks(self, name: str, bound: Mapping[str, Any]) -> tuple[int, Iterator[bytes]] | None:
        """The build's SPARQL JSON answer for bound parameters as its length and pieces, to send as stored."""
        return self._precomputed.answer_chunks(name, bound) if self._precomputed else None

    def stored_graph(self, name: str, media: str) -> tuple[int, Iterator[bytes]] | None:
        """The build's answer of a parameterless graph query in `media` as its length and pieces, or None if
        the build stored none in that media type."""
        return self._precomputed.graph_chunks(name, media) if self._precomputed else None

    def stored_graph_bytes(self, name: str, media: str) -> bytes | None:
        """The same answer whole (to convert it), or None."""
        return self._precomputed.graph(name, media) if self._precomputed else None

    def document(self, service_id: str) -> dict[str, Any] | None:
        """The service's document as the build stored it (graph.navigation.documents), or None without one."""
        return self._documents.get(service_id) if self._documents else None

    def stored_historical(self) -> frozenset[str] | None:
        """The ids of the services whose stored documents say `historical_only`, or None without documents."""
        return self._documents.historical() if self._documents else None

    def stored_channels(self, service_id: str) -> list[dict[str, Any]] | None:
        """The channels of the service's stored document (read without the rest of it), or None without one."""
        return self._documents.channels(service_id) if self._documents else None

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """A value derived from this build once (tables grouped for a domain function) and kept; threads that
        ask for it at once wait for the one that makes it (a worker's threads, on its first requests)."""
        if name in self._memo:
            return self._memo[name]
        with self._memo_guard:
            lock = self._memo_locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._memo:
                self._memo[name] = make()
                self._kept()
        return self._memo[name]

    def _kept(self) -> None:
        if self.on_kept is not None:
            self.on_kept()

    def run(self, name: str, raw: Mapping[str, Any] | None = None) -> Any:
        """Run a named query of any form and return Oxigraph's result object (for serialisation)."""
        return self.store.run_named(self.named(name), self.bind(name, raw or {}))

    def concept(self, concept_id: str, *, field: str = "concept", scheme: str | None = None) -> dict[str, Any]:
        entry = self.concepts.get(concept_id)
        if entry is None or (scheme and entry["scheme"] != scheme):
            where = f" in scheme {scheme!r}" if scheme else ""
            raise InvalidParameter(
                f"{field}: unknown concept id {concept_id[:60]!r}{where}; GET /api/v1/concepts lists them", field=field
            )
        return entry

    def broader_closure(self, concept_id: str) -> list[str]:
        """The concept and every broader concept above it."""
        seen, todo = [], [concept_id]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.append(current)
                todo.extend(self.concepts.get(current, {}).get("broader", []))
        return seen

    def municipality_iri(self, value: str, *, field: str = "municipality") -> str:
        """A municipality by code or name: the graph's own, else a real one without services, else InvalidParameter.

        Finland's municipalities are a closed list (ontology/municipalities.ttl); a synthetic graph's
        own municipalities count too.
        """
        value = value.strip()
        if re.fullmatch(r"[0-9]{3}", value):
            if value in self.municipalities:
                return self.municipalities[value]
        elif len(value) <= 64 and municipality_key(value) in self.municipalities:
            return self.municipalities[municipality_key(value)]
        code = official().code(value) if len(value) <= 64 else None
        if code is not None:
            return self.municipalities.get(code, vocab.MUNICIPALITY + code)
        if re.fullmatch(r"[0-9]{3}", value):
            raise InvalidParameter(f"{field}: {value!r} is not the code of a Finnish municipality", field=field)
        if len(value) > 64 or not _NAME_LIKE.match(value):
            raise InvalidParameter(
                f"{field} must be a municipality name or a three-digit code, not {value[:40]!r}", field=field
            )
        close = official().close_names(value)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise InvalidParameter(
            f"{field}: {value[:40]!r} is not a Finnish municipality (a Finnish or Swedish name, or a three-digit "
            f"Statistics Finland code){hint}",
            field=field,
        )

    def municipality_code(self, value: str, *, field: str = "municipality") -> str:
        """The three-digit code of a municipality given by code or name (InvalidParameter if it is none)."""
        return self.municipality_iri(value, field=field).rsplit("/", 1)[-1]

    def require_service(self, service_id: str) -> None:
        if service_id not in self.service_ids:
            raise NotFound(f"no service with id {service_id[:80]!r}; GET /api/v1/services lists them", field="id")
