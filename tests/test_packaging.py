"""A non-editable install carries its data: built into a folder, it builds and answers from another directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_installed_package_builds_outside_the_checkout(tmp_path: Path) -> None:
    target, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    assert (target / "queries" / "services.rq").is_file() and (target / "ontology" / "shapes.ttl").is_file()
    assert (target / "graph" / "data" / "curated" / "002-perhetyo.ttl").is_file()
    web = target / "api" / "web"  # the pages' templates, catalogues and assets are package data too
    assert (web / "templates" / "base.html").is_file() and (
        web / "templates" / "parts" / "pathway_links.html"
    ).is_file()
    assert (web / "translations" / "sv" / "LC_MESSAGES" / "messages.mo").is_file()
    assert (web / "static" / "style.css").is_file()
    env = {**os.environ, "PYTHONPATH": str(target), "PERHEPOLKU_INSTANCE": str(tmp_path / "instance")}
    where = subprocess.run(
        [sys.executable, "-c", "import graph, queries; print(graph.__file__); print(queries.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert all(line.startswith(str(target)) for line in where.stdout.split()), where.stdout
    built = subprocess.run(
        [sys.executable, "-m", "api.cli", "build", "--reasoner", "rules"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    answer = subprocess.run(
        [sys.executable, "-m", "api.cli", "query", "free-services", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["results"]["bindings"]
