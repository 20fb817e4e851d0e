"""The resources a server opens: the search index waits for the first search (api/resources.py)."""

from __future__ import annotations


def test_the_index_opens_at_the_first_search_not_at_start(build_dir):
    from api import create_app

    app = create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False})
    res = app.extensions["perhepolku"].current
    try:
        client = app.test_client()
        assert client.get("/api/v1/services").status_code == 200
        assert res._index is None
        assert client.get("/api/v1/search?q=vauva").status_code == 200
        assert res._index is not None and res.index is res._index
    finally:
        res.close()
