"""The layering of docs/architecture.md, enforced: each package imports only what its row allows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
THIRD_PARTY_DATA = {
    "rdflib",
    "pyshacl",
    "owlready2",
    "pyoxigraph",
    "whoosh",
    "tantivy",
    "pyvoikko",
    "libvoikko",
    "Stemmer",
    "flask",
    "werkzeug",
    "click",
    "jinja2",
    "flask_babel",
    "babel",
    "markupsafe",
}

# package (folder) -> (project packages it may import, third-party packages it may import)
RULES: dict[str, tuple[set[str], set[str]]] = {
    "graph": ({"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "ontology", "queries"}, set()),
    "graph/store": ({"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "graph.store"}, {"pyoxigraph"}),
    "graph/build": (
        {"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "graph.store", "graph.build"},
        {"pyoxigraph", "rdflib", "pyshacl", "owlready2"},
    ),
    "graph/build/importers": (
        {"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "graph.build"},
        {"pyoxigraph"},
    ),
    "graph/navigation": (
        {"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "graph.store", "graph.navigation"},
        set(),
    ),
    "graph/navigation/criteria": (
        {"graph.vocab", "graph.paths", "graph.errors", "graph.parsing", "graph.store", "graph.navigation"},
        set(),
    ),
    "graph/hsds": (
        {
            "graph.vocab",
            "graph.paths",
            "graph.errors",
            "graph.parsing",
            "graph.store",
            "graph.navigation",
            "graph.hsds",
        },
        set(),
    ),
    "search_index": (
        {"graph.vocab", "graph.errors", "graph.parsing", "graph.store", "search_index"},
        {"whoosh", "tantivy", "pyvoikko", "libvoikko", "Stemmer"},
    ),
    "api": (
        {
            "graph.vocab",
            "graph.paths",
            "graph.errors",
            "graph.parsing",
            "graph.store",
            "graph.navigation",
            "graph.hsds",
            "search_index",
            "api",
        },
        {"flask", "werkzeug", "click", "jinja2", "flask_babel", "babel"},
    ),
    # the web pages: the same domain functions as the JSON views, rendered (no build, no engines)
    "api/web": (
        {
            "graph.vocab",
            "graph.errors",
            "graph.parsing",
            "graph.store",
            "graph.navigation",
            "search_index",
            "api",
        },
        {"flask", "werkzeug", "jinja2", "flask_babel", "babel", "markupsafe"},
    ),
}
# the CLI's build commands are the one place api/ reaches the build pipeline
EXTRA = {"api/cli.py": {"graph.build"}, "api/cli_catalogues.py": {"graph.build"}, "api/build_steps.py": {"graph.build"}}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names += [node.module] if node.module != "graph" else [f"graph.{a.name}" for a in node.names]
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).glob("*.py"))


def _allowed(name: str, allowed: set[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize("folder", sorted(RULES))
def test_package_imports_follow_the_table(folder: str) -> None:
    own, third = RULES[folder]
    bad = []
    for path in _modules(folder):
        rel = str(path.relative_to(ROOT))
        allowed = own | EXTRA.get(rel, set())
        for name in _imports(path):
            top = name.split(".")[0]
            project = top in {"graph", "search_index", "api", "ontology", "queries", "bench", "tests"}
            if (project and not _allowed(name, allowed)) or (
                not project and top in THIRD_PARTY_DATA and top not in third
            ):
                bad.append(f"{rel} imports {name}")
    assert not bad, "\n".join(bad)


def test_the_table_sees_every_module() -> None:
    """A new sub-package needs a row; a rule over no files checks nothing."""
    covered = {p for folder in RULES for p in _modules(folder)}
    every = {p for pkg in ("graph", "search_index", "api") for p in (ROOT / pkg).rglob("*.py")}
    assert every - covered == set()
    assert all(_modules(folder) for folder in RULES)


def test_the_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    """The checker itself: a module importing rdflib and graph.build is reported."""
    module = tmp_path / "m.py"
    module.write_text("import rdflib\nfrom graph.build import build\nfrom graph import vocab\n", encoding="utf-8")
    assert _imports(module) == ["rdflib", "graph.build", "graph.vocab"]
    own, third = RULES["api"]
    assert not _allowed("graph.build", own) and "rdflib" not in third


def test_no_import_cycles_between_packages() -> None:
    """Dependencies point one way: no package is imported back by a package it imports."""
    edges: dict[str, set[str]] = {}
    for folder in RULES:
        key = folder.replace("/", ".")
        for path in _modules(folder):
            for name in _imports(path):
                for other in RULES:
                    target = other.replace("/", ".")
                    # a sub-package is part of its parent's layer (navigation/criteria/): no edge between them
                    nested = key.startswith(target + ".") or target.startswith(key + ".")
                    if (
                        target != key
                        and not nested
                        and (name == target or name.startswith(target + "."))
                        and not (target == "graph" and name.split(".")[1] in {"store", "build", "navigation", "hsds"})
                    ):
                        edges.setdefault(key, set()).add(target)
    for a, targets in edges.items():
        for b in targets:
            assert a not in edges.get(b, set()), f"{a} and {b} import each other"
