"""SHACL beside the build: forked, skipped only for the same shapes and data, and failing the build as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.build import shacl_job
from graph.build.loader import SHAPES_FILE, load_store
from graph.build.pipeline import build
from graph.build.shacl_job import ShaclJob, shacl_key
from graph.errors import BuildError
from graph.paths import CURATED_DIR
from graph.store.graphstore import MANIFEST_FILE
from tests.conftest import FIXTURES


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(CURATED_DIR, data)
    return data


def _manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))


def test_the_key_changes_with_a_data_file_a_shape_and_the_engine(tmp_path, monkeypatch):
    data = _data(tmp_path)
    key = shacl_key(data, "sparql")
    assert shacl_key(data, "sparql") == key
    assert shacl_key(data, "pyshacl") != key
    readings = data / "readings.ttl"
    readings.write_bytes(readings.read_bytes() + b"\n# one more byte of data\n")
    assert shacl_key(data, "sparql") != key
    changed = tmp_path / "shapes.ttl"
    changed.write_bytes(SHAPES_FILE.read_bytes() + b"\n# a changed shape file\n")
    after_data = shacl_key(data, "sparql")
    monkeypatch.setattr(shacl_job, "SHAPES_FILE", changed)
    assert shacl_key(data, "sparql") != after_data


def test_a_rebuild_of_the_same_inputs_skips_shacl_and_a_changed_file_is_validated_again(tmp_path):
    data, instance = _data(tmp_path), tmp_path / "instance"
    first = build(data, instance=instance, reasoner="rules")
    assert _manifest(first)["shacl_validated"] == first.name
    second = build(data, instance=instance, reasoner="rules")
    assert _manifest(second)["shacl_validated"] == first.name  # the same key: not validated again
    assert _manifest(second)["timings"]["shacl"] == 0.0
    forced = build(data, instance=instance, reasoner="rules", revalidate=True)
    assert _manifest(forced)["shacl_validated"] == forced.name
    readings = data / "readings.ttl"
    readings.write_bytes(readings.read_bytes() + b"\n# a changed data file\n")
    third = build(data, instance=instance, reasoner="rules")
    assert _manifest(third)["shacl_validated"] == third.name
    assert _manifest(third)["shacl_key"] != _manifest(second)["shacl_key"]


def test_a_violation_found_by_the_forked_check_fails_the_build_with_the_report(tmp_path):
    data, instance = _data(tmp_path), tmp_path / "instance"
    shutil.copy(FIXTURES / "shacl-violation.ttl", data / "zz-violation.ttl")
    with pytest.raises(BuildError) as failure:
        build(data, instance=instance, reasoner="rules")
    assert "SHACL conforms (sparql): NO" in str(failure.value)
    assert "toService" in str(failure.value)
    assert not list((instance / "builds").iterdir())  # nothing finished, nothing to reuse


def test_the_forked_and_the_inline_check_give_the_same_report(tmp_path):
    data = _data(tmp_path)
    shutil.copy(FIXTURES / "shacl-violation.ttl", data / "zz-violation.ttl")
    store = load_store(data)
    forked = ShaclJob.start(store, "sparql").result()
    inline = ShaclJob.start(store, "sparql", fork=False).result()
    assert forked[:2] == inline[:2]
    assert not forked[0]
