"""The build steps that follow the graph (the search index), in the order `perhepolku build` runs them."""

from __future__ import annotations

from graph.build import BuildStep


def steps(search_engine: str = "auto") -> list[BuildStep]:
    """Precomputed rows, then the search index with `search_engine` (auto, whoosh or tantivy)."""
    from functools import partial

    from graph.build import precompute
    from search_index.indexer import build_index

    return [precompute, partial(build_index, engine=search_engine)]
