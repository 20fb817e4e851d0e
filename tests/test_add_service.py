"""docs/guides/add-a-service.md, followed on a copy of the data: its blocks written, then validate, build, serve, find."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.paths import CURATED_DIR, SOURCES_DIR
from tests import docrunner

GUIDE = docrunner.ROOT / "docs" / "guides" / "add-a-service.md"
VALIDATE = [sys.executable, "-m", "api.cli", "validate", "--no-reason", "--data"]


def _guide_files() -> list[docrunner.Block]:
    found = [b for b in docrunner.blocks(GUIDE) if b.directive]
    assert {kind for kind, _ in (b.directive for b in found if b.directive)} == {"file", "append"}
    return found


def _write(data: Path, block: docrunner.Block) -> None:
    assert block.directive is not None
    kind, target = block.directive
    folder, _, name = target.partition("/")
    path = (data / "sources" / name) if folder == "sources" else (data / name)
    if kind == "append":
        assert path.is_file(), f"{block.where}: appends to {target}, which the data does not have"
        path.write_text(path.read_text(encoding="utf-8") + "\n" + block.text + "\n", encoding="utf-8")
    else:
        path.write_text(block.text + "\n", encoding="utf-8")


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(CURATED_DIR, folder)
    shutil.copytree(SOURCES_DIR, folder / "sources")
    return folder


@pytest.mark.slow
def test_the_guide_adds_a_service_that_the_server_finds(data, tmp_path):
    blocks = _guide_files()
    # Step 2 left out: the validation names the undeclared source and where to declare it.
    for block in blocks:
        if block.directive != ("append", "curated/sources.ttl"):
            _write(data, block)
    missing = subprocess.run(VALIDATE + [str(data)], capture_output=True, text=True, timeout=600)
    assert missing.returncode == 1, missing.stdout + missing.stderr
    assert "https://w3id.org/perhepolku/source/900_esimerkki" in missing.stdout
    assert "sources.ttl does not declare" in missing.stdout
    assert "None:" not in missing.stdout

    _write(data, next(b for b in blocks if b.directive == ("append", "curated/sources.ttl")))
    done = subprocess.run(VALIDATE + [str(data)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr

    from api import create_app
    from api.build_steps import steps
    from graph.build.pipeline import build

    built = build(data, instance=tmp_path / "instance", steps=steps())
    client = create_app({"BUILD_DIR": str(built), "TESTING": True, "LOG_REQUESTS": False}).test_client()
    service = client.get("/api/v1/services/perhekahvila").get_json()
    assert service["labels"] == {"fi": "Perhekahvila", "sv": "Familjecafé", "en": "Family café"}
    assert service["cost"]["known"] and service["cost"]["items"][0]["kind"] == "free"
    assert service["channels"][0]["telephone"] == "09 123 4567"
    assert service["cost"]["sources"] == [
        {
            "source": "900_esimerkki",
            "title": "Esimerkkikunnan perhekahvila (an example for the add-a-service guide)",
            "document": "900_esimerkki.txt",
            "quote": "Perhekahvila on maksuton",
            "kind": None,  # the guide's source declares no kind, status or date
            "status": None,
            "date": None,
        }
    ]
    hits = client.get("/api/v1/search?q=perhekahvila").get_json()
    assert hits["items"][0]["id"] == "perhekahvila"
