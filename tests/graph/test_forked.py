"""A build step run apart, in a forked process, writes what it writes in line; a failing one fails the build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from whoosh.index import open_dir

from api.build_steps import APART, steps
from graph.build.forked import Forked
from graph.build.pipeline import build
from graph.errors import BuildError
from search_index.common import SHARED_FILES
from search_index.indexer import INDEX_DIR


def _stored(folder: Path) -> list[dict]:
    index = open_dir(str(folder / INDEX_DIR / "whoosh"))
    with index.searcher() as searcher:
        return sorted((dict(doc) for doc in searcher.documents()), key=lambda doc: json.dumps(doc, sort_keys=True))


def where(folder: Path, gs: object, progress: object) -> dict:
    (folder / "pid").write_text(str(os.getpid()), encoding="utf-8")
    return {}


def test_the_index_built_apart_equals_the_index_built_in_line(tmp_path, build_dir):
    apart = build(instance=tmp_path, steps=[*steps(), where], apart=(*APART, "where"))
    assert int((apart / "pid").read_text(encoding="utf-8")) != os.getpid()  # it did run in another process
    for name in SHARED_FILES:
        assert (apart / INDEX_DIR / name).read_bytes() == (build_dir / INDEX_DIR / name).read_bytes(), name
    assert _stored(apart) == _stored(build_dir)
    manifest = json.loads((apart / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["index"]["documents"] == 21 and manifest["timings"]["build_index"] > 0


def test_work_that_raises_in_the_child_is_the_parents_build_error():
    def fails() -> None:
        raise ValueError("no index today")

    with pytest.raises(BuildError, match="the index failed: ValueError: no index today"):
        Forked(fails, "the index").result()
    assert Forked(lambda: {"a": 1}, "in line", fork=False).result() == {"a": 1}
