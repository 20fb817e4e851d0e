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
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

DIR = "ranking"
_BASE, _SURROGATES, _SKIP = 0x100, 0xD800, 0x800  # term codes start past Latin-1 and step over the surrogates


def _char(term_id: int) -> str:
    code = term_id + _BASE
    return chr(code + _SKIP if code >= _SURROGATES else code)


def _term_id(char: str) -> int:
    code = ord(char)
    return (code - _SKIP if code >= _SURROGATES + _SKIP else code) - _BASE


def write_ranking(folder: Path, payloads: Sequence[dict[str, Any]], shown: Iterable[str]) -> None:
    """`folder`/ranking/: every payload's parts but `shown`, in document-number order."""
    keys = sorted({key for payload in payloads for key in payload} - {*shown, "tf"})
    vocabulary = sorted({f"{ns}:{term}" for p in payloads for ns, terms in p["tf"].items() for term in terms})
    ids = {key: n for n, key in enumerate(vocabulary)}
    weights = sorted({w for p in payloads for terms in p["tf"].values() for w in terms.values()})
    if len(vocabulary) + _BASE + _SKIP > 0x10FFFF or len(weights) > _SURROGATES:
        raise ValueError(f"{len(vocabulary)} terms or {len(weights)} weights: more than one character can number")
    if any("\n" in key for key in vocabulary):
        raise ValueError("a term holds a line break")
    slot = {w: n for n, w in enumerate(weights)}
    terms, steps, offsets = [], [], array("q", [0])
    tables: dict[str, list[Any]] = {key: [] for key in keys}
    seen: dict[str, dict[str, int]] = {key: {} for key in keys}
    columns = {key: array("I") for key in keys}
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
    out = folder / DIR
    out.mkdir()
    parts = {"documents": len(payloads), "keys": keys, "weights": weights, "tables": tables}
    (out / "parts.json").write_text(json.dumps({**parts, "byteorder": sys.byteorder}, ensure_ascii=False), "utf-8")
    # as bytes both ways: a weight's index may be a carriage return, which text mode would translate
    (out / "vocabulary.txt").write_bytes("\n".join(vocabulary).encode("utf-8"))
    (out / "terms.txt").write_bytes("".join(terms).encode("utf-8"))
    (out / "steps.txt").write_bytes("".join(steps).encode("utf-8"))
    (out / "offsets.bin").write_bytes(offsets.tobytes())
    (out / "columns.bin").write_bytes(b"".join(columns[key].tobytes() for key in keys))


def _numbers(path: Path, typecode: str, byteorder: str) -> array[int]:
    numbers = array(typecode, path.read_bytes())
    if byteorder != sys.byteorder:
        numbers.byteswap()
    return numbers


def _shared(value: Any) -> Any:
    """A table value with its strings interned: the same concept id or code is one string everywhere."""
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, list):
        return [_shared(v) for v in value]
    if isinstance(value, dict):
        return {sys.intern(k): _shared(v) for k, v in value.items()}
    return value


class RankingData:
    """A folder's ranking/, read once: a payload's ranking parts by document number in microseconds."""

    def __init__(self, folder: Path) -> None:
        where = folder / DIR
        parts = json.loads((where / "parts.json").read_text(encoding="utf-8"))
        # sorted: a term's number is found by bisection
        self.vocabulary = (where / "vocabulary.txt").read_bytes().decode("utf-8").split("\n")
        self.weights: list[float] = parts["weights"]
        self.terms = (where / "terms.txt").read_bytes().decode("utf-8")
        self.steps = (where / "steps.txt").read_bytes().decode("utf-8")
        self.offsets = _numbers(where / "offsets.bin", "q", parts["byteorder"])
        self.tables: dict[str, list[Any]] = {key: _shared(values) for key, values in parts["tables"].items()}
        numbers, n = _numbers(where / "columns.bin", "I", parts["byteorder"]), parts["documents"]
        self.columns = {key: numbers[at * n : (at + 1) * n] for at, key in enumerate(parts["keys"])}
        if len(self.offsets) != n + 1 or not len(self.terms) == len(self.steps) == self.offsets[-1]:
            raise ValueError(f"{where}: the ranking data's parts disagree")
        # every document's parts as one tuple of the shared values: a payload is made with one dict(zip(...))
        self._keys = tuple(self.columns)
        columns = [[self.tables[key][at] for at in column] for key, column in self.columns.items()]
        self._rows: list[tuple[Any, ...]] = list(zip(*columns, strict=True)) if columns else [()] * n

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def value(self, key: str, num: int) -> Any:
        """One ranking part of document `num` (its "id", "facets", ...), shared: read it, never change it."""
        return self.tables[key][self.columns[key][num]]

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
        """The ranking parts of document `num`, its term frequencies for the `wanted` terms only."""
        return self.payloads([num], wanted)[0]

    def payloads(self, nums: Iterable[int], wanted: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """The ranking parts of documents `nums`, their term frequencies for the `wanted` terms only.

        Ranking looks up the query's terms alone (search_index.ranking.Ranker.word_score), so a
        frequency map of those is the whole map to it.
        """
        keys, rows, offsets, find, weights, steps = (
            self._keys,
            self._rows,
            self.offsets,
            self.terms.find,
            self.weights,
            self.steps,
        )
        out = []
        for num in nums:
            payload = dict(zip(keys, rows[num]))
            lo, hi = offsets[num], offsets[num + 1]
            tf: dict[str, dict[str, float]] = {}
            for char, ns, term in wanted:
                at = find(char, lo, hi)
                if at >= 0:
                    tf.setdefault(ns, {})[term] = weights[ord(steps[at])]
            payload["tf"] = tf
            out.append(payload)
        return out

    def frequencies(self, num: int) -> dict[str, dict[str, float]]:
        """Every term frequency of document `num` (what the build had), namespace by namespace."""
        tf: dict[str, dict[str, float]] = {}
        for at in range(self.offsets[num], self.offsets[num + 1]):
            ns, term = self.vocabulary[_term_id(self.terms[at])].split(":", 1)
            tf.setdefault(ns, {})[term] = self.weights[ord(self.steps[at])]
        return tf
