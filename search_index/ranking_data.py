"""The ranking parts of every payload held in memory by document number: written at build, read once at open.

What the rerank window reads of a payload (term frequencies, lengths, concepts, exclusions, facet
values, flags: everything but what a hit shows), for the tantivy engine, whose stored documents cost
a fetch and a JSON decode each (a third of a search at 10,000 documents, docs/search.md "Speed").
Term frequencies are one string of every document's terms, a character a term, found with
`str.find` within the document's range, and a parallel string of indexes into the distinct weights;
every other part is held once per distinct value (the values are shared: read them, never change them).
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FILE = "ranking.json"
_BASE, _SURROGATES, _SKIP = 0x100, 0xD800, 0x800  # term codes start past Latin-1 and step over the surrogates


def _char(term_id: int) -> str:
    code = term_id + _BASE
    return chr(code + _SKIP if code >= _SURROGATES else code)


def _term_id(char: str) -> int:
    code = ord(char)
    return (code - _SKIP if code >= _SURROGATES + _SKIP else code) - _BASE


def write_ranking(folder: Path, payloads: Sequence[dict[str, Any]], shown: Iterable[str]) -> None:
    """`folder`/ranking.json: every payload's parts but `shown` (and `id`), in document-number order."""
    keys = sorted({key for payload in payloads for key in payload} - {*shown, "tf"})
    vocabulary = sorted({f"{ns}:{term}" for p in payloads for ns, terms in p["tf"].items() for term in terms})
    ids = {key: n for n, key in enumerate(vocabulary)}
    weights = sorted({w for p in payloads for terms in p["tf"].values() for w in terms.values()})
    if len(vocabulary) + _BASE + _SKIP > 0x10FFFF or len(weights) > _SURROGATES:
        raise ValueError(f"{len(vocabulary)} terms or {len(weights)} weights: more than one character can number")
    slot = {w: n for n, w in enumerate(weights)}
    terms, steps, offsets = [], [], [0]
    tables: dict[str, list[Any]] = {key: [] for key in keys}
    seen: dict[str, dict[str, int]] = {key: {} for key in keys}
    columns: dict[str, list[int]] = {key: [] for key in keys}
    for payload in payloads:
        for ns, weighted in payload["tf"].items():
            for term, weight in weighted.items():
                terms.append(_char(ids[f"{ns}:{term}"]))
                steps.append(chr(slot[weight]))
        offsets.append(len(terms))
        for key in keys:
            text = json.dumps(payload[key], ensure_ascii=False)
            if text not in seen[key]:
                seen[key][text] = len(tables[key])
                tables[key].append(payload[key])
            columns[key].append(seen[key][text])
    data = {
        "vocabulary": vocabulary,
        "weights": weights,
        "terms": "".join(terms),
        "steps": "".join(steps),
        "offsets": offsets,
        "tables": tables,
        "columns": columns,
    }
    (folder / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


class RankingData:
    """A folder's ranking.json, read once: a payload's ranking parts by document number in microseconds."""

    def __init__(self, folder: Path) -> None:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        self.vocabulary: list[str] = data["vocabulary"]  # sorted: a term's number is found by bisection
        self.weights: list[float] = data["weights"]
        self.terms: str = data["terms"]
        self.steps: str = data["steps"]
        self.offsets = array("q", data["offsets"])
        self.tables: dict[str, list[Any]] = data["tables"]
        self.columns = {key: array("I", values) for key, values in data["columns"].items()}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def wanted(self, terms: Iterable[str]) -> list[tuple[str, str, str]]:
        """(character, namespace, term) of those of `terms` ("ns:term") that some document holds."""
        out = []
        for key in terms:
            n = bisect_left(self.vocabulary, key)
            if n < len(self.vocabulary) and self.vocabulary[n] == key:
                ns, term = key.split(":", 1)
                out.append((_char(n), ns, term))
        return out

    def payload(self, num: int, wanted: list[tuple[str, str, str]]) -> dict[str, Any]:
        """The ranking parts of document `num`, its term frequencies for the `wanted` terms only.

        Ranking looks up the query's terms alone (search_index.ranking.Ranker.word_score), so a
        frequency map of those is the whole map to it.
        """
        out = {key: self.tables[key][column[num]] for key, column in self.columns.items()}
        lo, hi = self.offsets[num], self.offsets[num + 1]
        find, weights, steps = self.terms.find, self.weights, self.steps
        tf: dict[str, dict[str, float]] = {}
        for char, ns, term in wanted:
            at = find(char, lo, hi)
            if at >= 0:
                tf.setdefault(ns, {})[term] = weights[ord(steps[at])]
        out["tf"] = tf
        return out

    def frequencies(self, num: int) -> dict[str, dict[str, float]]:
        """Every term frequency of document `num` (what the build had), namespace by namespace."""
        tf: dict[str, dict[str, float]] = {}
        for at in range(self.offsets[num], self.offsets[num + 1]):
            ns, term = self.vocabulary[_term_id(self.terms[at])].split(":", 1)
            tf.setdefault(ns, {})[term] = self.weights[ord(self.steps[at])]
        return tf
