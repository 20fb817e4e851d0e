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
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.build.forked import Forked
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


class ShaclJob:
    """One build's SHACL result: reused, computed in line, or computed by a forked child."""

    def __init__(self, outcome: Outcome | None = None, reused: str | None = None, job: Forked | None = None) -> None:
        self.outcome, self.reused, self._job = outcome, reused, job

    @classmethod
    def start(cls, store: ox.Store, engine: str, reused: str | None = None, fork: bool = True) -> ShaclJob:
        """Skip (`reused`: the build that validated the same key), fork a child, or validate now."""
        if reused:
            return cls((True, "", 0.0), reused)
        return cls(job=Forked(lambda: _validate(store, engine), "SHACL validation", fork))

    def ready(self) -> bool:
        return self.outcome is not None or (self._job is not None and self._job.ready())

    def result(self) -> Outcome:
        """Wait for the outcome; BuildError if the check itself failed."""
        if self.outcome is None and self._job is not None:
            self.outcome = self._job.result()
        if self.outcome is None:
            raise BuildError("SHACL validation has no result")
        return self.outcome

    def cancel(self) -> None:
        """Stop a running child (the build failed elsewhere)."""
        if self._job is not None:
            self._job.cancel()

    def manifest(self, key: str, build_id: str) -> dict[str, Any]:
        """What the build's manifest records: the key and the build that validated it."""
        return {"shacl_key": key, "shacl_validated": self.reused or build_id}
