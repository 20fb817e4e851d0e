"""The web pages beside the JSON endpoint each shows: median time of both through the WSGI stack, and page size.

The issue's target is a page within 2x its JSON twin at seed scale; what a page adds is template
rendering, so the ratio measures the web layer alone. Both are timed in one process with Flask's
test client, one after the other, so load on the machine touches both alike. A page is a function of
the build and its URL and is kept per build (api/web/fragments.py), so `page_median_ms` is a repeat
visit and `first_render_ms` the first one, with every kept part of the build forgotten before each run.
"""

from __future__ import annotations

from typing import Any

from bench.timing import measure

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
QUOTE = "Palvelu+on+maksutonta+ja+siihen+voi+osallistua+nimett%C3%B6m%C3%A4n%C3%A4."
PROFILE = "pregnancy_week=20&municipality=Helsinki&situation=depression"
# page, its URL, the JSON endpoint it shows
PAIRS = [
    ("search", "/?q=masennus", "/api/v1/search?q=masennus"),
    ("service", "/services/terapeuttinen-vauvaperhetyo", "/api/v1/services/terapeuttinen-vauvaperhetyo"),
    ("source", f"/sources/003_5e8b4fceeaf8ff9d?quote={QUOTE}", f"/api/v1/sources/003_5e8b4fceeaf8ff9d?quote={QUOTE}"),
    ("screening", f"/screening?{PROFILE}", f"/api/v1/eligibility?{PROFILE}&limit=20"),
    ("pathways", "/pathways?service=neuvola", "/api/v1/pathways?format=svg"),
    ("gaps", "/gaps", "/api/v1/gaps"),
    ("sparql editor", "/sparql", "/api/v1/queries"),
]


def _get(client: Any, url: str, headers: dict[str, str] | None = None) -> bytes:
    response = client.get(url, headers=headers or {})
    if response.status_code != 200:
        raise AssertionError(f"{url}: {response.status_code}")
    data: bytes = response.data
    return data


def _forget(app: Any) -> None:
    """Drop the build's rendered parts and pages, so the next request renders everything (a first visit)."""
    from api.web.fragments import clear

    clear()


def bench_pages(app: Any, runs: int, pairs: list[tuple[str, str, str]] | None = None) -> list[dict[str, Any]]:
    """One row per page: page and JSON medians, their ratio, and the page's size in bytes."""
    client = app.test_client()
    rows = []
    for name, page, endpoint in pairs or PAIRS:
        with app.test_request_context():
            first = measure(lambda page=page: (_forget(app), _get(client, page, BROWSER)), max(3, runs // 4))
        html = measure(lambda page=page: _get(client, page, BROWSER), runs)
        data = measure(lambda endpoint=endpoint: _get(client, endpoint), runs)
        rows.append(
            {
                "page": name,
                "url": page,
                "json": endpoint,
                "page_median_ms": html["median_ms"],
                "json_median_ms": data["median_ms"],
                "ratio": round(html["median_ms"] / max(data["median_ms"], 1e-6), 2),
                "first_render_ms": first["median_ms"],
                "first_ratio": round(first["median_ms"] / max(data["median_ms"], 1e-6), 2),
                "page_bytes": len(_get(client, page, BROWSER)),
            }
        )
    return rows
