"""Precision and recall of the requirement-sentence rules on the labelled set (tests/fixtures/ptv/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.build.importers.context import load_context
from graph.build.importers.requirements import read

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ptv" / "requirement-sentences.json"


def evaluate(split: str | None = None, path: Path = SENTENCES) -> dict[str, Any]:
    """Bounds read vs bounds labelled, per split ('dev', 'heldout' or both): precision, recall and the misses."""
    demonyms = load_context().demonyms
    items = [s for s in json.loads(path.read_text(encoding="utf-8"))["sentences"] if split in (None, s["split"])]
    found = expected = correct = 0
    wrong, missed = [], []
    for item in items:
        got = {(b.prop, b.value) for b in read(item["text"], demonyms)}
        want = {(p, v) for p, v in item["expect"]}
        found, expected, correct = found + len(got), expected + len(want), correct + len(got & want)
        wrong += [f"{item['text']} -> {g}" for g in got - want]
        missed += [f"{item['text']} -> {w}" for w in want - got]
    return {
        "sentences": len(items),
        "bounds_labelled": expected,
        "bounds_read": found,
        "precision": round(correct / found, 3) if found else 1.0,
        "recall": round(correct / expected, 3) if expected else 1.0,
        "wrong": wrong,
        "missed": missed,
    }


if __name__ == "__main__":
    for name in ("dev", "heldout", None):
        print(name or "all", json.dumps(evaluate(name), ensure_ascii=False, indent=1))
