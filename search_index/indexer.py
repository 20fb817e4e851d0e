"""The index build step of `perhepolku build`: documents from the graph into <build>/index/."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from graph.errors import BuildError
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.vocab import LANGS
from search_index import whoosh_engine
from search_index.documents import concept_labels, service_documents, suggestions

INDEX_DIR = "index"
TANTIVY_FROM = 2000  # documents; Whoosh serves smaller catalogues well (see docs/benchmarks.md)


def facet_names(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Labels for facet values: concept ids, and municipality codes as municipality:<code>."""
    names: dict[str, dict[str, Any]] = {cid: c["labels"] for cid, c in kg.concepts.items()}
    for row in kg.select("municipalities"):
        names[f"municipality:{row['code']}"] = {lang: row.get(lang) for lang in LANGS}
    return names


def build_index(
    build_dir: Path, store: GraphStore, progress: Callable[[str], None], engine: str = "auto"
) -> dict[str, Any]:
    """Build the search index for the graph in `store` into build_dir/index; return manifest entries."""
    started = time.perf_counter()
    kg = KnowledgeGraph(store)
    docs = service_documents(kg)
    labels = concept_labels(kg)
    progress(f"indexing {len(docs)} services for search")
    chosen = choose_engine(len(docs), engine)
    progress(f"  search engine: {chosen.ENGINE}")
    info = chosen.build(build_dir / INDEX_DIR, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    info["index_seconds"] = round(time.perf_counter() - started, 2)
    return {"index": info}


def choose_engine(documents: int, wanted: str = "auto") -> ModuleType:
    """`wanted` (whoosh or tantivy; PERHEPOLKU_SEARCH_ENGINE), else Whoosh up to TANTIVY_FROM documents and tantivy above."""
    if wanted not in ("auto", "whoosh", "tantivy"):
        raise BuildError(f"PERHEPOLKU_SEARCH_ENGINE must be auto, whoosh or tantivy, not {wanted[:20]!r}")
    if wanted == "tantivy" or (wanted == "auto" and documents > TANTIVY_FROM):
        from search_index import tantivy_engine

        return tantivy_engine
    return whoosh_engine


def open_index(build_dir: Path) -> Any:
    """The build's index with whichever engine built it."""
    from graph.errors import ArtefactError

    folder = build_dir / INDEX_DIR
    try:
        if (folder / "tantivy").is_dir():
            from search_index.tantivy_engine import TantivyIndex

            return TantivyIndex(folder)
        if not (folder / "whoosh").is_dir():
            raise ArtefactError(f"no search index in {build_dir}: run `perhepolku build` first")
        return whoosh_engine.WhooshIndex(folder)
    except (OSError, ValueError, EOFError) as exc:
        raise ArtefactError(f"search index in {build_dir} is unreadable ({exc}); rebuild it") from exc
