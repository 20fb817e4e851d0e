"""The index build step of `perhepolku build`: documents from the graph into <build>/index/."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from graph.kg import KnowledgeGraph
from graph.store import GraphStore

from search_index import whoosh_engine
from search_index.documents import concept_labels, service_documents, suggestions

INDEX_DIR = "index"


def facet_names(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Labels for facet values: concept ids, and municipality codes as municipality:<code>."""
    names: dict[str, dict[str, Any]] = {cid: c["labels"] for cid, c in kg.concepts.items()}
    for row in kg.select("municipalities"):
        names[f"municipality:{row['code']}"] = {lang: row.get(lang) for lang in ("fi", "sv", "en")}
    return names


def build_index(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build the search index for the graph in `store` into build_dir/index; return manifest entries."""
    started = time.perf_counter()
    kg = KnowledgeGraph(store)
    docs = service_documents(kg)
    labels = concept_labels(kg)
    progress(f"indexing {len(docs)} services for search")
    info = whoosh_engine.build(build_dir / INDEX_DIR, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    info["index_seconds"] = round(time.perf_counter() - started, 2)
    return {"index": info}


def open_index(build_dir: Path) -> whoosh_engine.WhooshIndex:
    from graph.errors import ArtefactError

    folder = build_dir / INDEX_DIR
    if not (folder / "whoosh").is_dir():
        raise ArtefactError(f"no search index in {build_dir}: run `perhepolku build` first")
    try:
        return whoosh_engine.WhooshIndex(folder)
    except (OSError, ValueError, EOFError) as exc:
        raise ArtefactError(f"search index in {build_dir} is unreadable ({exc}); rebuild it") from exc
