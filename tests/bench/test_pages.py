"""The page-vs-JSON benchmark runs on the seed build: first visits of new URLs, repeat visits, ratios, sizes."""

from __future__ import annotations

from bench.pages import FLOOR, _Stores, bench_pages, cases


def _kg(app):
    return app.extensions["perhepolku"].current.kg


def test_every_page_is_timed_beside_its_json_endpoint(app):
    rows = bench_pages(app, runs=3)
    assert [row["page"] for row in rows] == [name for name, urls in cases(_kg(app)) if urls] + [FLOOR]
    floor = rows.pop()
    assert floor["urls"] == 1 and floor["first_page_ms"] > 0 and floor["page_bytes"] < 1000
    for row in rows:
        assert row["first_page_ms"] > 0 and row["first_json_ms"] > 0 and row["first_ratio"] > 0
        assert row["page_median_ms"] > 0 and row["json_median_ms"] > 0 and row["ratio"] > 0
        assert row["urls"] >= 1 and 1000 < row["page_bytes"] < 1_000_000


def test_every_page_has_distinct_urls_of_this_build(app):
    for name, urls in cases(_kg(app)):
        pages = [page for page, _ in urls]
        assert len(pages) == len(set(pages)), name
        assert len(pages) >= 3, name


def test_a_first_visit_leaves_nothing_for_the_next_one(app):
    """What a page's first render keeps (domain memos, kept parts and the page) is forgotten, so each visit is new."""
    client = app.test_client()
    stores = _Stores(_kg(app))
    client.get("/gaps", headers={"Accept": "text/html"})  # the shared parts exist, as on a running server
    before = stores.snapshot()
    url = "/gaps?municipality=091&language=sv&kind=dead_end"
    assert client.get(url).status_code == 200
    assert stores.snapshot() != before  # the visit kept its report, its parts and its page
    stores.restore(before)
    assert stores.snapshot() == before
    assert _kg(app)._memo["web-parts"]._size == sum(len(v) for v in _kg(app)._memo["web-parts"]._items.values())
