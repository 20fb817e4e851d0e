"""The build steps that follow the graph (the search index), in the order `perhepolku build` runs them."""

from __future__ import annotations

from graph.build import BuildStep

# steps that only read the store (or graph.nq), so `perhepolku build` runs each in a forked process beside the
# others, started once graph.nq is written
APART = ("build_index", "write_dump")


def steps(search_engine: str = "auto") -> list[BuildStep]:
    """Precomputed rows, the stored service documents, reports and HSDS index, the compressed dump, then the search index with
    `search_engine` (auto, whoosh or tantivy)."""
    from functools import partial

    from graph.build import precompute
    from graph.build.dump import write_dump
    from graph.hsds.index import store_hsds_index
    from graph.navigation.documents import store_documents
    from graph.navigation.reports import store_reports
    from search_index.indexer import build_index

    return [
        precompute,
        store_documents,
        store_reports,
        store_hsds_index,
        write_dump,
        partial(build_index, engine=search_engine),
    ]
