"""Shared fixtures: one graph built from the curated data per test session, the app and its client."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run (a red build must be reproducible); local runs explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full build (graph, reasoning, index) into a temporary instance folder."""
    from api.build_steps import steps
    from graph.build.pipeline import build

    return build(instance=tmp_path_factory.mktemp("instance"), steps=steps())


@pytest.fixture(scope="session")
def kg(build_dir: Path):
    from graph.store.knowledge import KnowledgeGraph

    return KnowledgeGraph.open(build_dir)


@pytest.fixture(scope="session")
def app(build_dir: Path):
    from api import create_app

    return create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def source_graph():
    """The curated sources loaded with rdflib (before reasoning), as one graph."""
    from graph.build.loader import load_dataset, union_graph

    return union_graph(load_dataset())


@pytest.fixture(scope="session")
def index(build_dir: Path):
    from search_index.indexer import open_index

    return open_index(build_dir)


@pytest.fixture(scope="session")
def tantivy_index(kg, tmp_path_factory: pytest.TempPathFactory):
    """The seed graph's search index built with tantivy, the scale backend."""
    from search_index import tantivy_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names

    folder = tmp_path_factory.mktemp("tantivy") / "index"
    docs, labels = service_documents(kg), concept_labels(kg)
    tantivy_engine.build(folder, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    return tantivy_engine.TantivyIndex(folder)


@pytest.fixture(scope="session")
def api_schema(app):
    import schemathesis

    return schemathesis.openapi.from_wsgi("/openapi.json", app)
