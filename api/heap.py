"""A served build's long-lived objects kept out of the garbage collector's full passes (gc.freeze).

A build's tables, stored rows and memos are hundreds of thousands of Python objects that live as long
as the build. Python's full collection walks every one of them whenever enough younger objects have
survived (a 2 MB answer being built is enough): at 6,400 services each full pass took about 200 ms
and fell on whichever request was running, which made the p95 of the screening, the gap report and
the pathway graph. Frozen objects are never walked; they are still freed by reference counting, and
when a build is retired its cycles are collected once (`release`).
"""

from __future__ import annotations

import gc

from graph.store import KnowledgeGraph


def keep() -> None:
    """Move every object alive now (a build and the values it has kept) out of the collector's generations."""
    gc.freeze()


def watch(kg: KnowledgeGraph) -> None:
    """Freeze once the build is open, and again each time it keeps a new per-build value."""
    kg.on_kept = keep
    keep()


def release() -> None:
    """After a build is retired: collect what it left (its cycles were frozen), then freeze the rest again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
