"""Client SPARQL runs in worker processes: a query past its time limit is ended by killing its worker.

Oxigraph cannot interrupt a running query, so a thread would keep burning CPU after the client has
been told "time's up". A process can be killed; a fresh one takes its place and other requests
keep being served by the remaining workers.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph import errors
from graph.errors import PerhepolkuError, QueryError, QueryTimeout

log = logging.getLogger(__name__)
_CTX = mp.get_context("spawn")
# how long a new worker may take to load a build (a million triples, a busy machine) before it is given up
WORKER_START_SECONDS = 300.0


def _serve(conn: Connection, build_dir: str, endpoint: str | None) -> None:
    """Worker main loop: load the build once, then answer (query, dataset, media type, caps) messages."""
    import pyoxigraph as ox

    from graph.store.knowledge import open_store
    from graph.store.sparql import serialize

    store = open_store(Path(build_dir), endpoint)
    conn.send(("ready",))  # loading the build is not part of any query's time
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        query, default_graphs, named_graphs, media, max_bytes, max_triples = message
        options: dict[str, Any] = {}
        try:
            if default_graphs is not None:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs is not None:
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:  # an IRI Oxigraph cannot read must not end the worker
            conn.send(("error", "InvalidParameter", f"a graph IRI is not valid: {exc}"))
            continue
        try:
            body = serialize(store.run(query, **options), media, max_bytes=max_bytes, max_triples=max_triples)
            conn.send(("ok", body))
        except PerhepolkuError as exc:
            conn.send(("error", type(exc).__name__, exc.detail))
        except (OSError, ValueError, RuntimeError, TypeError) as exc:  # Oxigraph's evaluation errors
            conn.send(("error", "QueryError", f"query failed: {exc}"))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False


class SparqlSandbox:
    """A small pool of worker processes holding the same build, with a time limit per query."""

    def __init__(
        self,
        build_dir: Path,
        *,
        size: int = 2,
        timeout: float = 5.0,
        max_bytes: int = 10_000_000,
        max_triples: int = 100_000,
        endpoint: str | None = None,
    ) -> None:
        self.build_dir, self.timeout, self.endpoint = build_dir, timeout, endpoint
        self.max_bytes, self.max_triples = max_bytes, max_triples
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._size, self._started = size, False  # the workers start at the first query (see _start)
        atexit.register(self.close)

    def _start(self) -> None:
        """Start the workers at the first client query, not with the server: a server that is never asked
        for SPARQL does not pay their start (a fresh interpreter each, competing for the CPU while the
        server starts) nor hold their memory (110 MB together at 6,400 services)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for _ in range(self._size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = _CTX.Pipe()
        process = _CTX.Process(
            target=_serve, args=(child, str(self.build_dir), self.endpoint), daemon=True, name="perhepolku-sparql"
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        with self._lock:
            self._all.remove(worker)
        self._idle.put(self._spawn())

    def _wait_ready(self, worker: _Worker) -> None:
        """Wait until a new worker has loaded the build; its start-up does not count against a query's limit."""
        if worker.ready:
            return
        if not worker.conn.poll(WORKER_START_SECONDS):
            raise EOFError("the SPARQL worker did not start")
        worker.conn.recv()
        worker.ready = True

    def execute(
        self,
        query: str,
        media_type: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> bytes:
        """Run `query` in a worker and return the serialised result; QueryTimeout past the limit."""
        self._start()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout("all SPARQL workers are busy; try again in a few seconds") from None
        try:
            self._wait_ready(worker)
            worker.conn.send((query, default_graphs, named_graphs, media_type, self.max_bytes, self.max_triples))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(f"the query ran past the time limit of {self.timeout:g} s and was stopped")
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise QueryTimeout("the query worker stopped unexpectedly; the query was not answered") from None
        self._idle.put(worker)
        if reply[0] == "ok":
            return bytes(reply[1])
        exc_type = getattr(errors, reply[1], QueryError)
        raise exc_type(reply[2], field="query")

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.process.kill()
            worker.conn.close()
