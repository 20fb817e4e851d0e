"""search() beside the bare match on a generated corpus (bench/corpus.py) built once and reused: issue 11's speed.

    python -m bench.search_speed prepare --size 10000 --folder /tmp/corpus-10000   # generate and prepare, once
    python -m bench.search_speed write --folder /tmp/corpus-10000                  # the engine's part (tantivy)
    python -m bench.search_speed measure --folder /tmp/corpus-10000 --rounds 2 [--answers out.json] [--thaw]
    python -m bench.search_speed memory --folder /tmp/corpus-10000                 # RSS of the ranking data
    python -m bench.search_speed http --runs 300 [--root <checkout>]              # the seed build over HTTP

`prepare` keeps the prepared payloads (search_index.prepare, most of a build) in the folder, so the
engine's part can be written again by another version of the code over the same documents. `measure`
runs the judged queries (the old set and the people set's dev half), each round `search()` and the
bare match (`raw_search`: the plan and the engine's match) interleaved query by query, so a burst of
load on the shared machine falls on both; it reports median and p95 of each and their ratios, the
process's RSS before and after the index is opened, and (`--answers`) every answer whole, to
hold two versions' answers equal. The opened index is frozen out of the collector's full passes as
the server freezes it (api.heap; `--thaw` measures without).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import time
from pathlib import Path
from typing import Any

from bench.timing import table

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "tests" / "search_index"


def queries() -> list[tuple[str, str]]:
    """The old judged set and the people set's dev half, (q, lang)."""
    old = json.loads((JUDGED / "judgments.json").read_text(encoding="utf-8"))["queries"]
    people = json.loads((JUDGED / "judgments_people.json").read_text(encoding="utf-8"))["queries"]
    return [(q["q"], q["lang"]) for q in old] + [(q["q"], q["lang"]) for q in people if q["split"] == "dev"]


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def memory(folder: Path) -> dict[str, Any]:
    """RSS of the ranking data held in memory (search_index.ranking_data) alone, loaded in this fresh process."""
    import gc

    from search_index.ranking_data import DIR, RankingData

    before = rss_mb()
    started = time.perf_counter()
    data = RankingData(folder / "index")
    seconds = round(time.perf_counter() - started, 2)
    gc.collect()
    return {
        "documents": len(data),
        "files_mb": round(sum(f.stat().st_size for f in (folder / "index" / DIR).iterdir()) / 2**20, 1),
        "load_s": seconds,
        "rss_before_mb": before,
        "rss_after_mb": rss_mb(),
        "held_mb": round(rss_mb() - before, 1),
        "peak_rss_mb": rss_mb("VmHWM"),
    }


def prepare(size: int, folder: Path) -> None:
    from bench.corpus import generate
    from graph.paths import current_build
    from graph.store.knowledge import KnowledgeGraph
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names
    from search_index.prepare import prepare as prepare_payloads

    kg = KnowledgeGraph.open(current_build())
    templates, labels = service_documents(kg), concept_labels(kg)
    started = time.perf_counter()
    payloads, stats = prepare_payloads(generate(templates, size), labels)
    seconds = round(time.perf_counter() - started, 1)
    folder.mkdir(parents=True, exist_ok=True)
    shared = {"labels": labels, "names": facet_names(kg), "completions": suggestions(templates, labels, kg)}
    with (folder / "prepared.pickle").open("wb") as out:  # the bench's own cache, read back only by `write`
        pickle.dump({"payloads": payloads, "stats": stats, **shared}, out, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"prepared {size} documents in {seconds} s (load average {os.getloadavg()[0]:.1f})", flush=True)


def write(folder: Path, engine_name: str) -> None:
    import importlib

    from search_index.indexer import write_prepared

    with (folder / "prepared.pickle").open("rb") as cache:
        prepared = pickle.load(cache)  # the cache `prepare` above wrote
    index = folder / "index"
    shutil.rmtree(index, ignore_errors=True)
    engine = importlib.import_module(f"search_index.{engine_name}_engine")
    started = time.perf_counter()
    write_prepared(
        index,
        engine,
        prepared["payloads"],
        prepared["stats"],
        prepared["labels"],
        prepared["names"],
        prepared["completions"],
    )
    seconds = round(time.perf_counter() - started, 1)
    print(f"wrote the {engine_name} index of {len(prepared['payloads'])} documents in {seconds} s", flush=True)


def _summary(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {
        "p50_ms": round(samples[len(samples) // 2], 3),
        "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 3),
    }


def measure(folder: Path, rounds: int, answers: Path | None, freeze: bool = True) -> dict[str, Any]:
    from api.heap import keep
    from search_index.indexer import open_folder
    from search_index.search import search

    before = rss_mb()
    started = time.perf_counter()
    index = open_folder(folder / "index")
    opened = {"open_s": round(time.perf_counter() - started, 2), "rss_before_mb": before, "rss_open_mb": rss_mb()}
    if freeze:  # as the server does once the index is open (api.resources): no full collection walks it
        keep()
    asked = queries()
    ranked = {f"{lang}:{q}": search(index, q, lang=lang, limit=10) for q, lang in asked}  # also the warm-up
    timed: dict[str, list[float]] = {"search": [], "raw": []}
    load = [os.getloadavg()[0]]
    for _ in range(rounds):
        for q, lang in asked:
            started = time.perf_counter()
            search(index, q, lang=lang, limit=10)
            timed["search"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            index.raw_search(q, lang)
            timed["raw"].append((time.perf_counter() - started) * 1000)
        load.append(os.getloadavg()[0])
    search_row, raw_row = _summary(timed["search"]), _summary(timed["raw"])
    report = {
        **opened,
        "documents": json.loads((folder / "index" / "stats.json").read_text(encoding="utf-8"))["documents"],
        "queries": len(asked),
        "rounds": rounds,
        "frozen": freeze,
        "load_average": [min(load), max(load)],
        "search": search_row,
        "raw": raw_row,
        "ratio_p50": round(search_row["p50_ms"] / raw_row["p50_ms"], 2),
        "ratio_p95": round(search_row["p95_ms"] / raw_row["p95_ms"], 2),
        "rss_end_mb": rss_mb(),
    }
    if answers is not None:  # every answer whole: items (order, scores, snippets), facets, did_you_mean, interpreted
        answers.write_text(json.dumps(ranked, ensure_ascii=False, indent=0, sort_keys=True), "utf-8")
    index.close()
    return report


def over_http(runs: int, root: Path) -> dict[str, Any]:
    """The seed build's searches over HTTP (`perhepolku serve` from the checkout at `root`, one keep-alive
    client), interleaved round by round beside the floor (/health)."""
    from urllib.parse import urlencode

    from bench.endpoints import FLOOR, SEARCHES
    from bench.http import Server, interleaved

    paths = {"floor (/health)": FLOOR}
    paths.update({name: "/api/v1/search?" + urlencode({"q": q, "lang": lang}) for name, q, lang in SEARCHES})
    load = os.getloadavg()[0]
    server = Server(root=root)
    try:
        for path in paths.values():  # the first search loads Voikko's transducer: not what is measured
            for _ in range(3):
                server.fetch(path)
        rows = interleaved(paths, server.fetch, runs)
    finally:
        process = server.stop()
    floor = rows[0]
    for row in rows:
        row["median_ratio"] = round(row["median_ms"] / floor["median_ms"], 2)
        row["p95_ratio"] = round(row["p95_ms"] / floor["p95_ms"], 2)
    return {"rows": rows, "server": process, "load_average": [load, os.getloadavg()[0]], "root": str(root)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("prepare", "write", "measure", "memory", "http"))
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout `http` serves from")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--answers", type=Path)
    parser.add_argument("--thaw", action="store_true", help="measure without freezing the opened index (gc.freeze)")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.size, args.folder)
    elif args.step == "write":
        write(args.folder, args.engine)
    elif args.step == "memory":
        print(json.dumps(memory(args.folder), indent=1))
    elif args.step == "http":
        report = over_http(args.runs, args.root)
        print(json.dumps({k: v for k, v in report.items() if k != "rows"}))
        print(table(report["rows"], ["endpoint", "median_ms", "p95_ms", "median_ratio", "p95_ratio", "runs"]))
    else:
        report = measure(args.folder, args.rounds, args.answers, not args.thaw)
        rows = [{"row": name, **report[name]} for name in ("search", "raw")]
        print(json.dumps(report, indent=1))
        print(table(rows, ["row", "p50_ms", "p95_ms"]))


if __name__ == "__main__":
    main()
