"""SHACL beside the build: validated in a forked process while the build goes on, or skipped when a
finished build of the same instance validated the very same shapes, engine and data.

The child validates a copy-on-write snapshot of the store as loaded, before any inference: exactly
what the build checked in line before. The key of a result hashes everything it depends on (the
engine's name, code and Oxigraph's version, the shapes, the SHACL queries, and every input file
with the named graph it is loaded into); any changed byte validates again. A build's manifest
records the key and the build that validated it; a build that does not conform is never finished,
so a recorded key is a conforming result.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from importlib.metadata import version
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.build.loader import SHAPES_FILE, input_files
from graph.build.shacl import SHACL_QUERIES
from graph.errors import BuildError
from graph.paths import DataDirs

Outcome = tuple[bool, str, float]  # conforms, report text, seconds
HERE = Path(__file__).parent
CODE = ("shacl", "validate", "loader", "oxview")  # the engine and the modules that load and hand it the data


def shacl_key(data_dir: DataDirs, engine: str) -> str:
    """The content hash a SHACL result depends on: engine, its code, shapes, queries and the loaded inputs."""
    digest = hashlib.sha256(f"{engine} pyoxigraph {version('pyoxigraph')} pyshacl {version('pyshacl')}".encode())
    code = [
        SHAPES_FILE,
        *sorted(SHACL_QUERIES.glob("*.rq")),
        *(HERE / f"{m}.py" for m in CODE),
    ]
    for label, path in [(p.name, p) for p in code] + [(graph, p) for p, graph in input_files(data_dir)]:
        content = path.read_bytes()
        digest.update(f"\n{label} {len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()


def validated_by(builds: Path, key: str) -> str | None:
    """The newest finished build in `builds` whose manifest records the SHACL key `key`, if any."""
    for manifest in sorted(builds.glob("*/manifest.json"), reverse=True):
        if manifest.parent.name.endswith(".tmp"):
            continue
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if recorded.get("shacl_key") == key and recorded.get("shacl_validated"):
            return str(recorded["shacl_validated"])
    return None


def _validate(store: ox.Store, engine: str) -> Outcome:
    from graph.build.oxview import StoreView
    from graph.build.validate import shacl_check, shacl_check_store

    started = time.perf_counter()
    conforms, text = shacl_check(StoreView(store).to_graph()) if engine == "pyshacl" else shacl_check_store(store)
    return conforms, text, round(time.perf_counter() - started, 2)


def _child(store: ox.Store, engine: str, send: Connection) -> None:
    try:
        send.send(("ok", _validate(store, engine)))
    except BaseException as exc:  # the parent raises it as the build's error
        send.send(("error", f"{type(exc).__name__}: {exc}"))


class ShaclJob:
    """One build's SHACL result: reused, computed in line, or computed by a forked child."""

    def __init__(self, outcome: Outcome | None = None, reused: str | None = None) -> None:
        self.outcome, self.reused = outcome, reused
        self._process: BaseProcess | None = None
        self._receive: Connection | None = None

    @classmethod
    def start(cls, store: ox.Store, engine: str, reused: str | None = None, fork: bool = True) -> ShaclJob:
        """Skip (`reused`: the build that validated the same key), fork a child, or validate now."""
        if reused:
            return cls((True, "", 0.0), reused)
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            return cls(_validate(store, engine))
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        job = cls()
        job._process = context.Process(target=_child, args=(store, engine, send), daemon=True, name="perhepolku-shacl")
        job._process.start()
        send.close()
        job._receive = receive
        return job

    def ready(self) -> bool:
        return self.outcome is not None or (self._receive is not None and self._receive.poll())

    def result(self) -> Outcome:
        """Wait for the outcome; BuildError if the check itself failed."""
        if self.outcome is None and self._receive is not None and self._process is not None:
            try:
                status, value = self._receive.recv()
            except EOFError:
                status, value = "error", f"the SHACL process ended without a result (exit {self._process.exitcode})"
            finally:
                self._process.join()
            if status != "ok":
                raise BuildError(f"SHACL validation failed: {value}")
            self.outcome = value
        if self.outcome is None:
            raise BuildError("SHACL validation has no result")
        return self.outcome

    def cancel(self) -> None:
        """Stop a running child (the build failed elsewhere)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()

    def manifest(self, key: str, build_id: str) -> dict[str, Any]:
        """What the build's manifest records: the key and the build that validated it."""
        return {"shacl_key": key, "shacl_validated": self.reused or build_id}
