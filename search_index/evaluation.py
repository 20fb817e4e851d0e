"""Relevance evaluation: nDCG@k of a ranked list against graded judgments."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any


def dcg(gains: list[float]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg(ranked: list[str], relevant: dict[str, int], k: int = 5) -> float:
    """Normalised discounted cumulative gain of the first k ids; 1.0 is the ideal order."""
    ideal = dcg([float(g) for g in sorted(relevant.values(), reverse=True)[:k]])
    return dcg([relevant.get(doc, 0) for doc in ranked[:k]]) / ideal if ideal else 0.0


def evaluate(judgments_file: Path, run: Callable[[str, str], list[str]], k: int = 5) -> dict[str, Any]:
    """Mean nDCG@k over a judgments file; `run(q, lang)` returns ranked service ids."""
    judged = json.loads(judgments_file.read_text(encoding="utf-8"))["queries"]
    scores = [
        {"q": j["q"], "lang": j["lang"], "ndcg": round(ndcg(run(j["q"], j["lang"]), j["relevant"], k), 4)}
        for j in judged
    ]
    return {
        "k": k,
        "queries": len(scores),
        "mean_ndcg": round(sum(s["ndcg"] for s in scores) / len(scores), 4),
        "per_query": scores,
    }
