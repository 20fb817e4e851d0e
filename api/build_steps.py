"""The build steps that follow the graph (the search index), in the order `perhepolku build` runs them."""
from __future__ import annotations

from graph.build import BuildStep


def steps() -> list[BuildStep]:
    from graph.precompute import precompute
    from search_index.build import build_index

    return [precompute, build_index]
