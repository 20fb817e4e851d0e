"""A served build is kept out of the collector's full passes, and a retired one is collected (api/heap.py)."""

from __future__ import annotations

import gc
import weakref

from api import heap


def test_the_served_build_freezes_each_value_it_keeps(app):
    kg = app.extensions["perhepolku"].current.kg
    assert kg.on_kept is heap.keep
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    kept = kg.memo("test-heap-kept", lambda: {"rows": [[1, 2]]})
    assert gc.get_freeze_count() > 0 and kg.memo("test-heap-kept", dict) is kept


def test_the_search_index_is_frozen_once_opened(app):
    from api.resources import Resources

    current = app.extensions["perhepolku"].current
    fresh = Resources(current.kg, current.build_dir, current.sandbox, freeze=True)
    gc.unfreeze()
    assert fresh.index.names and gc.get_freeze_count() > 0


def test_an_app_may_leave_the_collector_alone(build_dir):
    from api import create_app

    app = create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False, "FREEZE_GC": False})
    try:
        assert app.extensions["perhepolku"].current.kg.on_kept is None
    finally:
        app.extensions["perhepolku"].current.close()


def test_release_collects_the_cycles_of_a_retired_build():
    class Node:
        pass

    node = Node()
    node.self = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    alive = weakref.ref(node)
    heap.keep()
    del node
    gc.collect()
    assert alive() is not None  # frozen: a full collection does not see it
    heap.release()
    assert alive() is None and gc.get_freeze_count() > 0
