"""The index build step of `perhepolku build`: documents from the graph into <build>/index/."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from graph.errors import ArtefactError, BuildError
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.vocab import LANGS
from search_index import morphology, whoosh_engine
from search_index.common import SharedIndex, write_shared
from search_index.documents import concept_labels, service_documents, suggestions
from search_index.fields import CONCEPT_FACETS, FACETS, FLAGS
from search_index.prepare import engine_terms, excluded_situations, prepare

INDEX_DIR = "index"
TANTIVY_FROM = 2000  # documents; Whoosh serves smaller catalogues well (see docs/benchmarks.md)


def facet_names(kg: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Labels for facet values: concept ids, and municipality codes as municipality:<code>."""
    names: dict[str, dict[str, Any]] = {cid: c["labels"] for cid, c in kg.concepts.items()}
    for row in kg.select("municipalities"):
        names[f"municipality:{row['code']}"] = {lang: row.get(lang) for lang in LANGS}
    return names


def write_index(
    folder: Path,
    engine: ModuleType,
    docs: list[dict[str, Any]],
    labels: list[dict[str, Any]],
    names: dict[str, dict[str, Any]],
    completions: list[dict[str, str]],
) -> dict[str, Any]:
    """Prepare the documents once (engine-neutral) and write them with `engine` into `folder`."""
    payloads, stats = prepare(docs, labels)
    return write_prepared(folder, engine, payloads, stats, labels, names, completions)


def write_prepared(
    folder: Path,
    engine: ModuleType,
    payloads: list[dict[str, Any]],
    stats: dict[str, Any],
    labels: list[dict[str, Any]],
    names: dict[str, dict[str, Any]],
    completions: list[dict[str, str]],
) -> dict[str, Any]:
    """Write prepared payloads and their statistics (search_index.prepare) with `engine` into `folder`."""
    broader = {e["id"]: e.get("broader", []) for e in labels}
    rows = []
    for payload in payloads:
        keywords = {name: payload["facets"].get(name, []) for name in FACETS}
        keywords.update({name: ["true"] if name in payload["flags"] else [] for name in FLAGS})
        keywords["concepts"] = sorted(payload["concepts"])
        keywords["excludes"] = excluded_situations(payload, broader)
        rows.append({"id": payload["id"], "payload": payload, "terms": engine_terms(payload), "keywords": keywords})
    folder.mkdir(parents=True, exist_ok=True)
    engine.build(folder, rows)
    write_shared(folder, labels=labels, concepts=names, suggestions=completions, stats=stats)
    return {"engine": engine.ENGINE, "documents": len(payloads)}


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
    info = write_index(build_dir / INDEX_DIR, chosen, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    info["index_seconds"] = round(time.perf_counter() - started, 2)
    info["voikko"] = morphology.backend()  # which analyser the terms came from (both give the same terms)
    return {"index": info}


def choose_engine(documents: int, wanted: str = "auto") -> ModuleType:
    """`wanted` (whoosh or tantivy; PERHEPOLKU_SEARCH_ENGINE), else Whoosh up to TANTIVY_FROM documents and tantivy above."""
    if wanted not in ("auto", "whoosh", "tantivy"):
        raise BuildError(f"PERHEPOLKU_SEARCH_ENGINE must be auto, whoosh or tantivy, not {wanted[:20]!r}")
    if wanted == "tantivy" or (wanted == "auto" and documents > TANTIVY_FROM):
        from search_index import tantivy_engine

        return tantivy_engine
    return whoosh_engine


def open_folder(folder: Path) -> SharedIndex:
    """An index folder with whichever engine built it."""
    try:
        if (folder / "tantivy").is_dir():
            from search_index import tantivy_engine

            return tantivy_engine.open_index(folder)
        if not (folder / "whoosh").is_dir():
            raise ArtefactError(f"no search index in {folder}: run `perhepolku build` first")
        return whoosh_engine.open_index(folder)
    except (OSError, ValueError, EOFError, KeyError) as exc:
        raise ArtefactError(f"search index in {folder} is unreadable ({exc}); rebuild it") from exc


def open_index(build_dir: Path) -> SharedIndex:
    """The build's index with whichever engine built it."""
    return open_folder(build_dir / INDEX_DIR)


__all__ = ["CONCEPT_FACETS", "build_index", "choose_engine", "facet_names", "open_folder", "open_index", "write_index"]
