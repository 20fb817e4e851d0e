"""The two Voikko backends side by side: memory, speed, analyses and relevance (docs/benchmarks.md).

    python -m bench.voikko memory                  # each backend alone in a fresh process: RSS, load, speed
    python -m bench.voikko words                   # the analyses of every word form under both backends
    python -m bench.voikko relevance [BUILD_DIR]   # the judged sets over an index built with each backend

`words` reads the seed documents, the curated graph and ontology, the judged queries, and the typing
slips and ä/ö readings the query planner tries for the judged queries' words; `--data DIR` adds the
literals of a generated graph's Turtle. `relevance` builds the seed graph's index (Whoosh, as the
seed build serves, and tantivy) in a temporary folder with the backend PERHEPOLKU_VOIKKO names, and
scores the old judged set and the people set's dev half (never the test half).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "tests" / "search_index"
BACKENDS = ("libvoikko", "pyvoikko")

_PROBE = """
import json, sys, time
from pathlib import Path
def status(key):
    line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith(key + ":"))
    return round(int(line.split()[1]) / 1024, 1)
words = json.loads(sys.stdin.read())
out = {"before_mb": status("VmRSS")}
started = time.perf_counter()
from search_index import morphology
out["backend"] = morphology.backend()
out["load_s"] = round(time.perf_counter() - started, 3)
out["loaded_mb"] = status("VmRSS")
started = time.perf_counter()
for word in words:
    morphology.outputs(word)
seconds = time.perf_counter() - started
out["words"] = len(words)
out["words_per_s"] = round(len(words) / seconds)
out["after_mb"], out["peak_mb"] = status("VmRSS"), status("VmHWM")
print(json.dumps(out))
"""


def corpus_words(data: Path | None = None, build_dir: Path | None = None) -> dict[str, list[str]]:
    """Distinct lower-cased word forms by where they come from."""
    from search_index.analysis import tokens

    groups: dict[str, set[str]] = {}

    def add(name: str, text: str) -> None:
        groups.setdefault(name, set()).update(w for w, _, _ in tokens(text))

    for path in sorted((ROOT / "graph" / "data" / "sources").glob("*.txt")):
        add("seed documents", path.read_text(encoding="utf-8"))
    for path in sorted([*(ROOT / "graph" / "data" / "curated").glob("*.ttl"), *(ROOT / "ontology").glob("*.ttl")]):
        add("curated graph and ontology", path.read_text(encoding="utf-8"))
    for path in sorted(JUDGED.glob("judgments*.json")):
        for query in json.loads(path.read_text(encoding="utf-8"))["queries"]:
            add("judged queries", query["q"])
    if data:
        for path in sorted(data.glob("*.ttl")):
            for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
                add(f"literals of {data}", literal)
    groups["slips and ä/ö readings of the judged queries' words"] = variants(groups["judged queries"])
    if build_dir:
        groups["asked by the seed index build and the judged queries"] = asked(build_dir)
    return {name: sorted(words) for name, words in groups.items()}


def asked(build_dir: Path) -> set[str]:
    """Every word the seed graph's index build and the judged queries (both sets, both halves) ask Voikko
    about: the index's vocabulary as the analyser sees it, slips and ä/ö readings included."""
    from graph.store import KnowledgeGraph
    from search_index import morphology, whoosh_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names, open_folder, write_index
    from search_index.search import search

    seen: set[str] = set()
    ask = morphology.outputs

    def recording(word: str) -> list[str]:
        seen.add(word)
        return ask(word)

    morphology.outputs = recording  # type: ignore[assignment]
    kg = KnowledgeGraph.open(build_dir)
    docs, labels = service_documents(kg), concept_labels(kg)
    folder = Path(tempfile.mkdtemp(prefix="perhepolku-voikko-")) / "index"
    write_index(folder, whoosh_engine, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
    index = open_folder(folder)
    for path in sorted(JUDGED.glob("judgments*.json")):
        for query in json.loads(path.read_text(encoding="utf-8"))["queries"]:
            search(index, query["q"], lang=query["lang"])
    morphology.outputs = ask  # type: ignore[assignment]
    return seen


def variants(words: set[str]) -> set[str]:
    """What the planner may ask Voikko about for these words: analysis.repairs' slips and restore_diacritics."""
    from search_index.analysis import _BESIDE, _VOWELS, MAX_RESTORE

    out: set[str] = set()
    for word in words:
        n = len(word)
        out.update(
            chain(
                (word[:i] + word[i] + word[i:] for i in range(n)),
                (word[:i] + v + word[i:] for i in range(1, n) for v in _VOWELS),
                (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)),
                (word[:i] + word[i + 1 :] for i in range(n)),
                (word[:i] + c + word[i + 1 :] for i in range(1, n) for c in _BESIDE.get(word[i], "")),
            )
        )
        spots = [i for i, ch in enumerate(word) if ch in "ao"][:MAX_RESTORE]
        for mask in range(1, 2 ** len(spots)):
            chars = list(word)
            for bit, i in enumerate(spots):
                chars[i] = ("ä" if chars[i] == "a" else "ö") if mask >> bit & 1 else chars[i]
            out.add("".join(chars))
    return out - words


def memory(words: list[str]) -> list[dict[str, Any]]:
    """Each backend loaded alone in a fresh process, then asked about every word once (no cache)."""
    rows = []
    for name in BACKENDS:
        env = {**os.environ, "PERHEPOLKU_VOIKKO": name}
        done = subprocess.run(
            [sys.executable, "-c", _PROBE], input=json.dumps(words), env=env, capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout))
    return rows


def words_report(groups: dict[str, list[str]]) -> dict[str, Any]:
    """Both backends' readings and analysis.voikko() terms of every word, and where they differ."""
    code = (
        "import json, sys\nfrom search_index import analysis, morphology\n"
        "words = json.loads(sys.stdin.read())\n"
        "print(json.dumps({w: [morphology.outputs(w), analysis.voikko(w)] for w in words}))\n"
    )
    every = sorted(set().union(*map(set, groups.values())))
    found = {}
    for name in BACKENDS:
        env = {**os.environ, "PERHEPOLKU_VOIKKO": name}
        done = subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(every), env=env, capture_output=True, text=True, check=True
        )
        found[name] = json.loads(done.stdout)
    lib, py = found["libvoikko"], found["pyvoikko"]
    report: dict[str, Any] = {"groups": {}, "differences": {}}
    for name, words in groups.items():
        differ = [w for w in words if lib[w][1] != py[w][1]]
        known = sum(1 for w in words if lib[w][1][0])
        report["groups"][name] = {"words": len(words), "known_to_libvoikko": known, "terms_differ": len(differ)}
        for word in differ:
            report["differences"][word] = {"libvoikko": lib[word], "pyvoikko": py[word]}
    return report


def relevance(build_dir: Path) -> dict[str, Any]:
    """nDCG@5 of the old judged set and the people set's dev half over indexes built with this backend."""
    from graph.store import KnowledgeGraph
    from search_index import tantivy_engine, whoosh_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.evaluation import ndcg
    from search_index.indexer import facet_names, open_folder, write_index
    from search_index.search import search

    kg = KnowledgeGraph.open(build_dir)
    docs, labels = service_documents(kg), concept_labels(kg)
    sets = {
        "old": json.loads((JUDGED / "judgments.json").read_text(encoding="utf-8"))["queries"],
        "people dev": [
            q
            for q in json.loads((JUDGED / "judgments_people.json").read_text(encoding="utf-8"))["queries"]
            if q["split"] == "dev"
        ],
    }
    out: dict[str, Any] = {}
    import search_index

    if (Path(search_index.__file__).parent / "morphology.py").exists():
        from search_index import morphology

        out["backend"] = morphology.backend()
    else:  # the branch point, before the backends
        out["backend"] = "pyvoikko (branch point)"
    for engine in (whoosh_engine, tantivy_engine):
        folder = Path(tempfile.mkdtemp(prefix="perhepolku-voikko-")) / "index"
        started = time.perf_counter()
        write_index(folder, engine, docs, labels, facet_names(kg), suggestions(docs, labels, kg))
        built = round(time.perf_counter() - started, 2)
        index = open_folder(folder)
        for name, queries in sets.items():
            ranked = {
                q["q"] + "|" + q["lang"]: [i["id"] for i in search(index, q["q"], lang=q["lang"], limit=5)["items"]]
                for q in queries
            }
            scores = [ndcg(ranked[q["q"] + "|" + q["lang"]], q["relevant"]) for q in queries]
            out[f"{engine.ENGINE} {name}"] = {
                "queries": len(queries),
                "mean_ndcg": round(sum(scores) / len(scores), 4),
                "ranked": ranked,
            }
        out[f"{engine.ENGINE} build_s"] = built
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.voikko")
    parser.add_argument("what", choices=("memory", "words", "relevance"))
    parser.add_argument("build_dir", nargs="?", type=Path, default=ROOT / "instance" / "current")
    parser.add_argument("--data", type=Path, help="a generated graph's Turtle folder (words only)")
    parser.add_argument("--out", type=Path, help="write the whole answer as JSON here")
    args = parser.parse_args(argv)
    if args.what == "relevance":
        result: Any = relevance(args.build_dir)
        brief = {
            k: {x: y for x, y in v.items() if x != "ranked"} if isinstance(v, dict) else v for k, v in result.items()
        }
        print(json.dumps(brief, indent=1))
    else:
        groups = corpus_words(args.data, args.build_dir if args.what == "words" else None)
        if args.what == "memory":
            result = memory(sorted(set().union(*map(set, groups.values()))))
            print(json.dumps(result, indent=1))
        else:
            result = words_report(groups)
            print(json.dumps(result["groups"], indent=1, ensure_ascii=False))
            for word, both in result["differences"].items():
                print(word, json.dumps(both, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
