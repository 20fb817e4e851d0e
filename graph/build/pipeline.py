"""Offline build: sources -> validated, reasoned graph, written to a temporary folder and swapped in."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from graph import vocab
from graph.build.forked import Forked
from graph.build.loader import SHAPES_FILE, input_files, load_store
from graph.build.profiles import PROFILES_DIR, run_all
from graph.build.shacl_job import ShaclJob, shacl_key, validated_by
from graph.build.validate import ValidationReport, check_store
from graph.errors import BuildError
from graph.paths import DEFAULT_INSTANCE, QUERIES_DIR, DataDirs, data_dirs, sources_dirs
from graph.store.graphstore import (
    DISK_STORE_DIR,
    DISK_STORE_MIN_QUADS,
    GRAPH_FILE,
    MANIFEST_FILE,
    SOURCES_COPY,
    GraphStore,
)

Progress = Callable[[str], None]
BuildStep = Callable[[Path, GraphStore, Progress], dict[str, Any]]
KEEP_BUILDS = 3


def _inputs_digest(data_dir: DataDirs) -> str:
    digest = hashlib.sha256()
    # every file a build reads: ontology and shapes, data, sources and every query (rules, SHACL
    # components and the precomputed named queries), so a build's version changes when any of them does
    paths = [p for p, _ in input_files(data_dir)] + [SHAPES_FILE] + sorted(PROFILES_DIR.glob("*.t*"))
    paths += [p for folder in sources_dirs(data_dir) for p in sorted(folder.rglob("*")) if p.is_file()]
    paths += sorted(QUERIES_DIR.rglob("*.rq"))
    for path in paths:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _apply_rules(store: ox.Store, progress: Progress) -> int:
    """Run the CONSTRUCT rules in queries/build/ in order; add new triples to the inferred graph."""
    inferred = ox.NamedNode(vocab.GRAPH_INFERRED)
    added = 0
    for rule in sorted((QUERIES_DIR / "build").glob("*.rq")):
        new = [
            t
            for t in cast(
                ox.QueryTriples, store.query(rule.read_text(encoding="utf-8"), use_default_graph_as_union=True)
            )
            if not any(True for _ in store.quads_for_pattern(t.subject, t.predicate, t.object, None))
        ]
        store.extend(ox.Quad(t.subject, t.predicate, t.object, inferred) for t in set(new))
        added += len(set(new))
        progress(f"  rule {rule.stem}: +{len(set(new))} triples")
    return added


def build_graph(
    data_dir: DataDirs = None, progress: Progress = lambda _: None, reasoner: str = "auto", shacl: str = "sparql"
) -> GraphStore:
    """Load, check quotes, validate with SHACL, reason with HermiT and materialise; raise BuildError on any failure."""
    gs, job, report = _graph(data_dir, progress, reasoner, shacl, ShaclJob.start)
    _shacl_done(gs, job, report)
    return gs


def _graph(
    data_dir: DataDirs, progress: Progress, reasoner: str, shacl: str, start_shacl: Callable[[ox.Store, str], ShaclJob]
) -> tuple[GraphStore, ShaclJob, ValidationReport]:
    """The graph with every check but SHACL done; SHACL started by `start_shacl` on the store as loaded."""
    started = time.perf_counter()
    progress("loading ontology and curated data")
    store = load_store(data_dir)
    timings = {"load": round(time.perf_counter() - started, 2)}
    progress(f"  {len(store)} quads; checking quotes, SHACL shapes and OWL consistency")
    job = start_shacl(store, shacl)  # a forked child validates the store as loaded, while the rest goes on
    try:
        return _reasoned(store, data_dir, progress, reasoner, shacl, job, started, timings)
    except BaseException:
        job.cancel()
        raise


def _reasoned(
    store: ox.Store,
    data_dir: DataDirs,
    progress: Progress,
    reasoner: str,
    shacl: str,
    job: ShaclJob,
    started: float,
    timings: dict[str, float],
) -> tuple[GraphStore, ShaclJob, ValidationReport]:
    report, inferred_types = check_store(store, sources=sources_dirs(data_dir), reasoner=reasoner, shacl="none")
    report.shacl_engine = shacl
    if not report.conforms:  # the whole report, SHACL's part included, as a build in line gave it
        report.shacl_conforms, report.shacl_text, _ = job.result()
        raise BuildError("the graph does not conform:\n" + report.text())
    inferred = ox.NamedNode(vocab.GRAPH_INFERRED)
    new_types = [
        ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), inferred)
        for s, p, o in inferred_types
        if next(store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)), None) is None
    ]
    store.extend(new_types)
    progress(f"  reasoner ({report.reasoner}): +{len(new_types)} inferred types")
    timings.update(report.seconds)
    begun = time.perf_counter()
    _apply_rules(store, progress)
    timings["rules"] = round(time.perf_counter() - begun, 2)
    begun = time.perf_counter()
    profiles = run_all(store, progress)
    timings["application_profiles"] = round(time.perf_counter() - begun, 2)
    manifest = {
        "version": _inputs_digest(data_dir),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": " ".join(map(str, data_dirs(data_dir))) if data_dir else "curated",
        "quads": len(store),
        "reasoner": report.reasoner,
        "shacl": shacl,
        "profiles": profiles,
        "graph_seconds": round(time.perf_counter() - started, 2),
        "timings": timings,  # seconds of each step, the graph's here and the build steps' added as they run
    }
    return GraphStore(store, manifest), job, report


def _shacl_done(gs: GraphStore, job: ShaclJob, report: ValidationReport) -> None:
    """Wait for the SHACL result; BuildError with the whole report if the graph does not conform."""
    report.shacl_conforms, report.shacl_text, seconds = job.result()
    if not report.conforms:
        raise BuildError("the graph does not conform:\n" + report.text())
    gs.manifest.setdefault("timings", {})["shacl"] = seconds


def build(
    data_dir: DataDirs = None,
    *,
    instance: Path | None = None,
    progress: Progress = lambda _: None,
    steps: list[BuildStep] | None = None,
    reasoner: str = "auto",
    shacl: str = "sparql",
    disk_store_min: int = DISK_STORE_MIN_QUADS,
    revalidate: bool = False,
    apart: Collection[str] = (),
) -> Path:
    """Build everything into instance/builds/<id>.tmp, run extra `steps` (e.g. the search index) there,
    then rename it into place and switch the `current` link atomically. Returns the new build folder.

    SHACL runs in a forked process beside the rest, and is skipped when a finished build of this
    instance validated the same shapes and data (graph.build.shacl_job), unless `revalidate`. The steps
    named in `apart` (ones that only read the store) run each in a forked process beside the others."""
    root = instance or DEFAULT_INSTANCE
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    key = shacl_key(data_dir, shacl)
    reused = None if revalidate else validated_by(builds, key)
    if reused:
        progress(f"  SHACL: shapes and data as validated by build {reused}; not validated again")
    gs, job, report = _graph(
        data_dir, progress, reasoner, shacl, lambda store, engine: ShaclJob.start(store, engine, reused)
    )
    build_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{gs.manifest['version']}"
    tmp = builds / f"{build_id}.tmp"
    final = builds / build_id
    running: list[Forked] = []
    try:
        tmp.mkdir()
        timings = gs.manifest.setdefault("timings", {})
        begun = time.perf_counter()
        gs.store.dump(str(tmp / GRAPH_FILE), format=ox.RdfFormat.N_QUADS)
        for folder in sources_dirs(data_dir):  # served by /api/v1/sources/{id}
            shutil.copytree(folder, tmp / SOURCES_COPY, dirs_exist_ok=True)
        timings["write_graph"] = round(time.perf_counter() - begun, 2)
        # after the dump, so steps apart (and the on-disk store, loaded from graph.nq) can read it
        running = [_forked(step, tmp, gs, progress) for step in steps or [] if _step_name(step) in apart]
        if len(gs.store) >= disk_store_min:  # RocksDB's bulk load holds the GIL: a thread would not overlap
            running.append(_forked(disk_store, tmp, gs, progress))
        for step in [s for s in steps or [] if _step_name(s) not in apart]:
            begun = time.perf_counter()
            gs.manifest.update(step(tmp, gs, progress))
            timings[_step_name(step)] = round(time.perf_counter() - begun, 2)
            if job.ready():  # a graph that does not conform fails the build as soon as that is known
                _shacl_done(gs, job, report)
        for child in running:
            entries, seconds = child.result()
            gs.manifest.update(entries)
            timings[child.name] = seconds
        _shacl_done(gs, job, report)
        gs.manifest.update(job.manifest(key, build_id), build_id=build_id)
        (tmp / MANIFEST_FILE).write_text(json.dumps(gs.manifest, indent=2), encoding="utf-8")
        os.rename(tmp, final)
    except BaseException:
        job.cancel()
        for child in running:
            child.cancel()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    link_tmp = root / "current.tmp"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(final.relative_to(root))
    os.replace(link_tmp, root / "current")
    _prune(builds, keep=final)
    progress(f"built {final} ({gs.manifest['quads']} quads)")
    return final


def disk_store(folder: Path, gs: GraphStore, progress: Progress) -> dict[str, Any]:
    """Build step: the on-disk store servers open, bulk-loaded from the build's graph.nq."""
    GraphStore.write_disk_store(folder / GRAPH_FILE, folder / DISK_STORE_DIR)
    progress("  wrote the on-disk store")
    return {"store": "disk"}


def _forked(step: BuildStep, folder: Path, gs: GraphStore, progress: Progress) -> Forked:
    """Start `step` in a forked child; its result is (manifest entries, seconds)."""

    def work() -> tuple[dict[str, Any], float]:
        begun = time.perf_counter()
        entries = step(folder, gs, progress)
        return entries, round(time.perf_counter() - begun, 2)

    return Forked(work, _step_name(step))


def _step_name(step: BuildStep) -> str:
    func = getattr(step, "func", step)  # a functools.partial names its function
    return str(getattr(func, "__name__", "step"))


def _prune(builds: Path, keep: Path) -> None:
    """Remove old builds beyond the newest few, and leftovers of killed builds."""
    done = sorted((p for p in builds.iterdir() if p.is_dir() and not p.name.endswith(".tmp")), reverse=True)
    for old in done[KEEP_BUILDS:]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in builds.glob("*.tmp"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)
