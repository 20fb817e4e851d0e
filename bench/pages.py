"""The web pages beside the JSON endpoints each shows: first renders of new URLs and repeat visits, and page size.

The issue's target is a page within 2x its JSON twin at seed scale. A page is a function of the
build and its URL and is kept per build (api/web/fragments.py), so a repeat visit is cheap; the
honest figure is the first visit of a URL the server has not seen (a nurse's new profile always is).
For each page, `cases` gives distinct URLs (queries, services, quotes, profiles, highlighted services,
gap filters, the editor in each language, the editor's own query in each language and length), each
with the JSON request(s) whose answers it shows.

How it is timed, in one process with Flask's test client through the whole WSGI stack:
1. Warm-up: the first WARM URLs of each page and their JSON are requested and not measured, so what
   a running server shares between URLs is warm (compiled templates, catalogues, concept and
   municipality lists, form options, per-build tables of the domain functions).
2. First visits: every other URL, the page and its JSON, each from the same state: what the other
   request left in the build's per-build stores (`kg.memo`, the web layer's kept parts and pages) is
   forgotten after each request, so neither reuses anything the URL made. The pages take turns, one
   URL of each a round (a change of the machine's load falls on all alike), and the page and its JSON
   swap order every round, so any warmth outside the stores (a word stemmer's cache, the CPU's) falls
   on both sides alike. `first_page_ms`/`first_json_ms` are medians over the URLs (rotated to at least
   `runs` requests), `first_*_p95_ms` their 95th percentiles.
3. Repeat visits: the same URLs again with everything kept (`page_median_ms`, `json_median_ms`).
`page_bytes` is the largest page seen. A last row, the floor, times `/health` as both sides: what any
request costs in this process and run, to read the pages' milliseconds against.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from api.web.pages_sparql import DEFAULT_QUERY
from graph.vocab import LANGS

FLOOR = "floor (/health)"  # a row beside the pages: the cheapest request, as both sides of a ratio
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JUDGED = Path(__file__).resolve().parent.parent / "tests" / "search_index" / "judgments.json"
WARM = 2  # URLs per page requested before measuring (not measured)
PER_PAGE = 24  # distinct URLs per page at most
CLOCK = time.perf_counter  # wall-clock; BENCH_CLOCK=thread counts the serving thread's CPU time (a loaded machine)
# a page, and for each of its URLs the JSON request(s) whose answers it shows
Case = tuple[str, list[tuple[str, list[str]]]]


def _q(**args: Any) -> str:
    return urlencode([(k, v) for k, v in args.items() if v not in (None, "")])


def cases(kg: Any) -> list[Case]:
    """Distinct URLs of every page of this build (seed or generated), each beside its JSON twin."""
    queries = [(q["q"], q["lang"]) for q in json.loads(JUDGED.read_text(encoding="utf-8"))["queries"]]
    services = [row["id"] for row in kg.services][:PER_PAGE]
    quotes: dict[tuple[str, str], None] = {}
    for sid in services:
        for cite in (kg.document(sid) or {}).get("label_sources", []):
            if "/" not in cite["source"]:  # a generated graph's catalogue records (generated/…) have no source route
                quotes.setdefault((cite["source"], cite["quote"]), None)
    situations = [c for c, v in sorted(kg.concepts.items()) if v["scheme"] == "situation"]
    homes = [row["code"] for row in kg.select_once("municipalities")]
    profiles = [
        _q(
            **{"pregnancy_week" if i % 2 else "child_age_months": 3 + (i * 7) % 36},
            situation=situations[i % len(situations)],
            municipality=homes[i % len(homes)],
            language=("fi", "sv", "en")[i % 3],
        )
        for i in range(PER_PAGE)
    ]
    linked = sorted(
        {e["from"] for e in kg.select_once("pathway-edges")} | {e["to"] for e in kg.select_once("pathway-edges")}
    )
    kinds = ["", "excluded_no_alternative", "uncovered_window", "no_service_in_language", "dead_end", "missing_data"]
    filters = [(m, lang, k) for m in ("", homes[0]) for lang in ("", "sv", "en") for k in kinds][:PER_PAGE]
    # the editor's own query in each language and length: a table at any scale, within the query budget
    editor = [
        DEFAULT_QUERY.replace('"fi"', f'"{lang}"').replace("LIMIT 25", f"LIMIT {n}")
        for lang in LANGS
        for n in (10, 25, 100)
    ]
    return [
        ("search", [(f"/?{_q(q=q, lang=lang)}", [f"/api/v1/search?{_q(q=q, lang=lang)}"]) for q, lang in queries]),
        ("service", [(f"/services/{s}", [f"/api/v1/services/{s}"]) for s in services]),
        ("source", [(f"/sources/{s}?{_q(quote=q)}", [f"/api/v1/sources/{s}?{_q(quote=q)}"]) for s, q in quotes]),
        ("screening", [(f"/screening?{p}", [f"/api/v1/eligibility?{p}&limit=20"]) for p in profiles]),
        (
            "pathways",
            [
                (f"/pathways?service={s}", [f"/api/v1/services/{s}/pathway", "/api/v1/pathways?format=svg"])
                for s in linked[:PER_PAGE]
            ],
        ),
        (
            "gaps",
            [
                (
                    f"/gaps?{_q(municipality=m, language=lang, kind=k)}",
                    [f"/api/v1/gaps?{_q(municipality=m, language=lang)}"],
                )
                for m, lang, k in filters
            ],
        ),
        ("sparql editor", [(f"/sparql?lang={lang}", ["/api/v1/queries"]) for lang in ("fi", "sv", "en")]),
        (
            "sparql answer",
            [(f"/sparql?{_q(query=q, format='html')}", [f"/sparql?{_q(query=q)}"]) for q in editor],
        ),
    ]


class _Stores:
    """The build's per-build stores (domain memos, the web layer's kept parts): what one request adds is forgotten."""

    def __init__(self, kg: Any) -> None:
        self.kg = kg

    def _maps(self) -> list[dict[Any, Any]]:
        memo = self.kg._memo  # the bench reaches into the build's memo: what a request added must go
        maps = [memo]
        if "web-parts" in memo:
            maps.append(memo["web-parts"]._items)
        return maps

    def snapshot(self) -> list[set[Any]]:
        return [set(m) for m in self._maps()]

    def restore(self, before: list[set[Any]]) -> None:
        for store, keys in zip(self._maps(), before):
            for key in [k for k in store if k not in keys]:
                del store[key]
        if "web-parts" in self.kg._memo:
            parts = self.kg._memo["web-parts"]
            parts._size = sum(len(v) for v in parts._items.values())


def _get(client: Any, url: str, headers: dict[str, str] | None = None) -> bytes:
    response = client.get(url, headers=headers or {})
    if response.status_code != 200:
        raise AssertionError(f"{url}: {response.status_code}")
    data: bytes = response.data
    return data


def _timed(client: Any, urls: list[str], headers: dict[str, str] | None = None) -> tuple[float, int]:
    started = CLOCK()
    size = sum(len(_get(client, url, headers)) for url in urls)
    return (CLOCK() - started) * 1000, size


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _first_visit(
    client: Any, stores: _Stores, page: str, endpoints: list[str], json_first: bool
) -> tuple[float, float, int]:
    """One URL's page and its JSON, each from the same state (what either keeps is forgotten after it)."""
    before = stores.snapshot()
    took: dict[str, tuple[float, int]] = {}
    for side in ("json", "page") if json_first else ("page", "json"):
        took[side] = _timed(client, [page], BROWSER) if side == "page" else _timed(client, endpoints)
        stores.restore(before)
    return took["page"][0], took["json"][0], took["page"][1]


def bench_pages(app: Any, runs: int, only: list[str] | None = None) -> list[dict[str, Any]]:
    """One row per page of the app's build (`only` names some), timed as the module's docstring says.

    All pages are measured in turn, one URL of each page a round, so a change of the machine's load
    falls on every page alike; within a URL the page and its JSON swap order every round.
    """
    client = app.test_client()
    kg = app.extensions["perhepolku"].current.kg
    stores = _Stores(kg)
    pages = [(name, urls) for name, urls in cases(kg) if urls and (only is None or name in only)]
    pages.append((FLOOR, [("/health", ["/health"])]))  # what any request costs here, timed alike
    measured: dict[str, list[tuple[str, list[str]]]] = {}
    for name, urls in pages:  # 1. what a running server shares between URLs, warm
        warm = urls[: WARM if len(urls) > 2 * WARM else 1]
        measured[name] = urls[len(warm) :] or urls
        for page, endpoints in warm:
            _timed(client, [page], BROWSER), _timed(client, endpoints)
    first: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in pages}
    biggest = dict.fromkeys(measured, 0)
    rounds = max([runs, *(len(urls) for urls in measured.values())])
    for i in range(rounds):  # 2. first visits, every page in turn
        for name, urls in measured.items():
            page, endpoints = urls[i % len(urls)]
            page_ms, json_ms, size = _first_visit(client, stores, page, endpoints, json_first=i % 2 == 1)
            first[name][0].append(page_ms)
            first[name][1].append(json_ms)
            biggest[name] = max(biggest[name], size)
    for urls in measured.values():  # what a first visit keeps, kept now
        for page, endpoints in urls:
            _timed(client, [page], BROWSER), _timed(client, endpoints)
    repeat: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, _ in pages}
    for i in range(rounds):  # 3. repeat visits
        for name, urls in measured.items():
            page, endpoints = urls[i % len(urls)]
            repeat[name][0].append(_timed(client, [page], BROWSER)[0])
            repeat[name][1].append(_timed(client, endpoints)[0])
    rows = []
    for name, urls in measured.items():
        page_ms, json_ms = first[name]
        medians = [round(statistics.median(x), 3) for x in (page_ms, json_ms, *repeat[name])]
        p95 = [round(_p95(x), 3) for x in (page_ms, json_ms)]
        rows.append(
            {
                "page": name,
                "url": urls[0][0],
                "json": " + ".join(urls[0][1]),
                "urls": len(urls),
                "first_page_ms": medians[0],
                "first_json_ms": medians[1],
                "first_ratio": round(medians[0] / max(medians[1], 1e-6), 2),
                "first_page_p95_ms": p95[0],
                "first_json_p95_ms": p95[1],
                "first_p95_ratio": round(p95[0] / max(p95[1], 1e-6), 2),
                "page_median_ms": medians[2],
                "json_median_ms": medians[3],
                "ratio": round(medians[2] / max(medians[3], 1e-6), 2),
                "page_bytes": biggest[name],
            }
        )
    return rows


COLUMNS = [
    "page",
    "urls",
    "first_json_ms",
    "first_page_ms",
    "first_ratio",
    "first_json_p95_ms",
    "first_page_p95_ms",
    "first_p95_ratio",
    "json_median_ms",
    "page_median_ms",
    "ratio",
    "page_bytes",
]


def main() -> None:
    """`python -m bench.pages [PAGE ...]`: the rows on the current build (BENCH_RUNS, default 40; BENCH_CLOCK)."""
    import os
    import sys

    from api import create_app
    from bench.timing import table

    global CLOCK
    if os.environ.get("BENCH_CLOCK") == "thread":
        CLOCK = time.thread_time
    app = create_app({"LOG_REQUESTS": False, "RELOAD_INTERVAL": 0})
    rows = bench_pages(app, int(os.environ.get("BENCH_RUNS", "40")), sys.argv[1:] or None)
    print(table(rows, COLUMNS))


if __name__ == "__main__":
    main()
