"""Every example in README.md and docs/ runs against a test server and shows what the server answers.

How blocks are found, run and compared: tests/docrunner.py. A new document under docs/ is covered
without touching this file; a block that must not run is marked `<!-- not-tested: reason -->`
and counted in NOT_TESTED below, so a skipped example is a visible change here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import docrunner
from tests.conftest import free_port, start_server

# Blocks marked not-tested, per document (an increase must be argued in review).
NOT_TESTED = {
    "README.md": 1,  # make run / make test: the commands that start this very suite
    "docs/operations.md": 1,  # a long-running Oxigraph server and two API servers in the background
    "docs/guides/add-a-service.md": 1,  # a build of minutes; tests/test_add_service.py builds and serves the guide's copy
    "docs/guides/deploy.md": 2,
    "docs/import-export.md": 1,  # make run with imported data: a server that runs until it is stopped  # long-running gunicorn servers; tests/api/test_utf8.py and test_operations.py start them
}

ALL_BLOCKS = [block for path in docrunner.documents() for block in docrunner.blocks(path)]
RUNNABLE = [b for b in ALL_BLOCKS if b.lang in docrunner.RUNNABLE and not b.not_tested]
VENV_BIN = str(Path(sys.executable).parent)


@pytest.fixture(scope="session")
def doc_instance(build_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An instance folder whose current build is the session's build (commands never touch ./instance)."""
    root = tmp_path_factory.mktemp("doc-instance")
    (root / "builds").mkdir()
    (root / "builds" / build_dir.name).symlink_to(build_dir)
    (root / "current").symlink_to(Path("builds") / build_dir.name)
    return root


@pytest.fixture(scope="session")
def doc_server(doc_instance: Path, build_dir: Path):
    """The development server, as `make run` starts it, on a free port."""
    port = free_port()
    process = start_server("dev", build_dir, port, PERHEPOLKU_INSTANCE=str(doc_instance), PERHEPOLKU_BUILD_DIR="")
    yield port
    process.terminate()
    process.wait(timeout=60)


def _prepare(command: str, port: int, lang: str) -> str:
    command = re.sub(r"(https?://)?localhost:8000", f"http://127.0.0.1:{port}", command)
    command = command.replace(".venv/bin/", VENV_BIN + "/")
    if lang != "console":  # a bare command block promises success: an HTTP error fails it
        command = re.sub(r"\bcurl\b", "curl -sS --fail-with-body", command)
    return command


def _run(command: str, port: int, instance: Path, lang: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}",
        "PERHEPOLKU_INSTANCE": str(instance),
        "PERHEPOLKU_SERVER": f"http://127.0.0.1:{port}",
        "PERHEPOLKU_LOG_REQUESTS": "false",
    }
    if lang == "python":
        script = tmp_path / "example.py"
        script.write_text(_prepare(command, port, lang), encoding="utf-8")
        argv = [sys.executable, str(script)]
    else:
        argv = ["bash", "-o", "pipefail", "-c", _prepare(command, port, lang)]
    return subprocess.run(
        argv, cwd=docrunner.ROOT, env=env, capture_output=True, text=True, timeout=300, encoding="utf-8"
    )


@pytest.mark.slow
@pytest.mark.parametrize("block", RUNNABLE, ids=[b.where for b in RUNNABLE])
def test_example(block, doc_server, doc_instance, tmp_path):
    for step in docrunner.steps(block):
        done = _run(step.command, doc_server, doc_instance, block.lang, tmp_path)
        assert done.returncode == 0, f"{block.where}: `{step.command}` failed:\n{done.stderr[-2000:]}"
        problems = docrunner.match(step, done.stdout)
        assert not problems, f"{block.where}: `{step.command}`:\n" + "\n".join(problems[:10])


def test_skipped_examples_are_counted():
    counted: dict[str, int] = {}
    for block in ALL_BLOCKS:
        if block.not_tested and block.lang in docrunner.RUNNABLE:
            where = str(block.path.relative_to(docrunner.ROOT))
            counted[where] = counted.get(where, 0) + 1
    assert counted == NOT_TESTED


def test_every_document_is_read_and_its_blocks_parse():
    assert len(docrunner.documents()) >= 8
    for block in RUNNABLE:
        assert docrunner.steps(block)  # raises on a console block without `$ ` or an empty block
    assert len(RUNNABLE) >= 30  # 32 when written: a drop means blocks stopped being found


def test_the_matcher_has_teeth():
    shown = docrunner.parse_shown_json('{"items": [{"id": "a", …}, …], "total": 2}')
    assert docrunner.match_json(shown, {"items": [{"id": "a", "x": 1}, {"id": "b"}], "total": 2, "more": 1}) == []
    assert docrunner.match_json(shown, {"items": [{"id": "b"}, {"id": "a"}], "total": 2})
    assert docrunner.match_json(shown, {"items": [{"id": "a"}], "total": 3})
    assert docrunner.match_json(docrunner.parse_shown_json("[1, 2]"), [1, 2, 3])
    assert docrunner.match_json(docrunner.parse_shown_json('{"alternatives": []}'), {"alternatives": ["x"]})
    assert docrunner.match_text("a\nb\n…", "a\nb\nc\nd") == []
    assert docrunner.match_text("a\nb\n…", "b\na\nc")
    assert docrunner.match_text("…\nc", "a\nb\nc") == []
    assert docrunner.match_text("start of a line…", "start of a line and more") == []


def test_the_sparql_catalogue_lists_every_named_query_with_its_parameters(client):
    """docs/sparql.md's table of named queries: every query, each parameter with its type and whether required."""
    text = (docrunner.ROOT / "docs" / "sparql.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([a-z0-9-]+)` \| .*? \| (.*?) \|$", text, re.M)}
    queries = client.get("/api/v1/queries").get_json()["items"]
    assert set(rows) == {q["name"] for q in queries}
    for query in queries:
        for param in query["parameters"]:
            shown = f"`{param['name']}` ({param['type']}" + (", required)" if param["required"] else ")")
            assert shown in rows[query["name"]], (query["name"], shown, rows[query["name"]])


def test_relative_links_point_at_files_that_exist():
    broken = []
    for path in docrunner.documents():
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            if "://" not in target and not (path.parent / target).exists():
                broken.append(f"{path.relative_to(docrunner.ROOT)}: {target}")
    assert broken == []
