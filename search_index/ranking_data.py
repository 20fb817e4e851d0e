"""The ranking parts of every payload held in memory by document number: written at build, read once at open.

What the rerank window reads of a payload (term frequencies, lengths, concepts, exclusions, facet
values, flags: everything but what a hit shows), for the tantivy engine, whose stored documents cost
a fetch and a JSON decode each (a third of a search at 10,000 documents, docs/search.md "Speed").
Term frequencies are one array of every document's term numbers, in document order, and a parallel
array of indexes into the distinct weights; a window finds a term in all its documents at once
(`DataWindow`). Every other part is held once per distinct value (the values are shared: read them,
never change them).
"""

from __future__ import annotations

import json
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from graph.vocab import LANGS
from search_index.window import Floats, Indexes

DIR = "ranking"
MAX_WEIGHTS = 1 << 16  # a weight's index is stored in two bytes


def write_ranking(folder: Path, payloads: Sequence[dict[str, Any]], shown: Iterable[str]) -> None:
    """`folder`/ranking/: every payload's parts but `shown`, in document-number order."""
    keys = sorted({key for payload in payloads for key in payload} - {*shown, "tf"})
    vocabulary = sorted({f"{ns}:{term}" for p in payloads for ns, terms in p["tf"].items() for term in terms})
    ids = {key: n for n, key in enumerate(vocabulary)}
    weights = sorted({w for p in payloads for terms in p["tf"].values() for w in terms.values()})
    if len(weights) > MAX_WEIGHTS:
        raise ValueError(f"{len(weights)} distinct weights: more than two bytes can number")
    if any("\n" in key for key in vocabulary):
        raise ValueError("a term holds a line break")
    slot = {w: n for n, w in enumerate(weights)}
    terms, steps, offsets = array("I"), array("H"), array("q", [0])
    tables: dict[str, list[Any]] = {key: [] for key in keys}
    seen: dict[str, dict[str, int]] = {key: {} for key in keys}
    columns = {key: array("I") for key in keys}
    for payload in payloads:
        for ns, weighted in payload["tf"].items():
            for term, weight in weighted.items():
                terms.append(ids[f"{ns}:{term}"])
                steps.append(slot[weight])
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
    (out / "vocabulary.txt").write_bytes("\n".join(vocabulary).encode("utf-8"))
    (out / "terms.bin").write_bytes(terms.tobytes())
    (out / "steps.bin").write_bytes(steps.tobytes())
    (out / "offsets.bin").write_bytes(offsets.tobytes())
    (out / "columns.bin").write_bytes(b"".join(columns[key].tobytes() for key in keys))


def _numbers(path: Path, typecode: str, byteorder: str) -> array[int]:
    numbers = array(typecode, path.read_bytes())
    if byteorder != sys.byteorder:
        numbers.byteswap()
    return numbers


def _view(numbers: array[int], dtype: Any) -> npt.NDArray[Any]:
    """The numbers as numpy, without a copy (an empty array has no buffer to view)."""
    return np.frombuffer(numbers, dtype=dtype) if len(numbers) else np.zeros(0, dtype=dtype)


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
        order = parts["byteorder"]
        self.offsets = _numbers(where / "offsets.bin", "q", order)
        self.terms = _view(_numbers(where / "terms.bin", "I", order), np.uint32)  # a term's number, slot by slot
        self.steps = _view(_numbers(where / "steps.bin", "H", order), np.uint16)  # its weight's index
        self.tables: dict[str, list[Any]] = {key: _shared(values) for key, values in parts["tables"].items()}
        numbers, n = _numbers(where / "columns.bin", "I", order), parts["documents"]
        self.columns = {key: numbers[at * n : (at + 1) * n] for at, key in enumerate(parts["keys"])}
        if len(self.offsets) != n + 1 or not len(self.terms) == len(self.steps) == self.offsets[-1]:
            raise ValueError(f"{where}: the ranking data's parts disagree")
        self._parts = [(key, self.tables[key], column) for key, column in self.columns.items()]
        # for windows (DataWindow): the offsets, weights and each part's column as numpy (views of what was
        # read), and the length of each distinct "len" value in each language
        self.starts = _view(self.offsets, np.int64)
        self.weight_values = np.array(self.weights, dtype=np.float64)
        every = _view(numbers, np.uint32)
        self.arrays = {key: every[at * n : (at + 1) * n] for at, key in enumerate(parts["keys"])}
        held = self.tables.get("len", [])
        self.lengths = {lang: np.array([v.get(lang, 0.0) for v in held], dtype=np.float64) for lang in LANGS}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def value(self, key: str, num: int) -> Any:
        """One ranking part of document `num` (its "id", "facets", ...), shared: read it, never change it."""
        return self.tables[key][self.columns[key][num]]

    def wanted(self, terms: Iterable[str]) -> list[tuple[int, str, str]]:
        """(number, namespace, term) of those of `terms` ("ns:term") that some document holds."""
        out = []
        for key in terms:
            number = self.number(key)
            if number is not None:
                ns, term = key.split(":", 1)
                out.append((number, ns, term))
        return out

    def number(self, key: str) -> int | None:
        """The number of the term `key` ("ns:term"), None when no document holds it."""
        n = bisect_left(self.vocabulary, key)
        return n if n < len(self.vocabulary) and self.vocabulary[n] == key else None

    def window(self, nums: list[int], addresses: list[Any]) -> DataWindow:
        """The documents `nums` (at tantivy's `addresses`) as a window the ranking model reads."""
        return DataWindow(self, nums, addresses)

    def payload(self, num: int, wanted: list[tuple[int, str, str]]) -> dict[str, Any]:
        """The ranking parts of document `num`, its term frequencies for the `wanted` terms only."""
        return self.payloads([num], wanted)[0]

    def payloads(self, nums: Iterable[int], wanted: list[tuple[int, str, str]]) -> list[dict[str, Any]]:
        """The ranking parts of documents `nums`, their term frequencies for the `wanted` terms only.

        Ranking looks up the query's terms alone (search_index.ranking.Ranker.word_score), so a
        frequency map of those is the whole map to it.
        """
        parts, offsets, weights = self._parts, self.offsets, self.weights
        out = []
        for num in nums:
            payload = {key: table[column[num]] for key, table, column in parts}
            lo, hi = offsets[num], offsets[num + 1]
            held = self.terms[lo:hi]
            tf: dict[str, dict[str, float]] = {}
            for number, ns, term in wanted:
                found = np.flatnonzero(held == number)
                if found.size:
                    tf.setdefault(ns, {})[term] = weights[int(self.steps[lo + int(found[0])])]
            payload["tf"] = tf
            out.append(payload)
        return out

    def frequencies(self, num: int) -> dict[str, dict[str, float]]:
        """Every term frequency of document `num` (what the build had), namespace by namespace."""
        tf: dict[str, dict[str, float]] = {}
        for at in range(self.offsets[num], self.offsets[num + 1]):
            ns, term = self.vocabulary[int(self.terms[at])].split(":", 1)
            tf.setdefault(ns, {})[term] = self.weights[int(self.steps[at])]
        return tf


class DataWindow:
    """A window over the ranking data: parts by their shared values, a term found in every document at once."""

    def __init__(self, data: RankingData, nums: list[int], addresses: list[Any]) -> None:
        self._data, self._nums, self._addresses = data, nums, addresses
        self._at = np.array(nums, dtype=np.intp)
        ids = data.tables.get("id", [])
        self.ids: list[str] = (
            [ids[code] for code in data.arrays["id"][self._at].tolist()] if "id" in data.arrays else []
        )
        # every term slot of the window's documents, in window order: a document's slots end at its `_ends`
        lo, hi = data.starts[self._at], data.starts[self._at + 1]
        sizes = hi - lo
        self._ends = np.cumsum(sizes)
        slots = np.arange(int(self._ends[-1]) if len(nums) else 0, dtype=np.int64)
        self._slots = slots + np.repeat(lo - (self._ends - sizes), sizes)
        self._terms = data.terms[self._slots]

    def __len__(self) -> int:
        return len(self._nums)

    @property
    def nums(self) -> list[int]:
        """The window's document numbers in the ranking data."""
        return self._nums

    def frequencies(self, namespace: str, term: str) -> Floats:
        out = np.zeros(len(self._nums))
        number = self._data.number(f"{namespace}:{term}")
        if number is None:
            return out
        found = np.flatnonzero(self._terms == number)  # a document holds a term once
        documents = np.searchsorted(self._ends, found, side="right")
        out[documents] = self._data.weight_values[self._data.steps[self._slots[found]]]
        return out

    def lengths(self, lang: str) -> Floats:
        lengths: Floats = self._data.lengths[lang][self._data.arrays["len"][self._at]]
        return lengths

    def groups(self, key: str) -> tuple[list[Any], Indexes]:
        distinct, at = np.unique(self._data.arrays[key][self._at], return_inverse=True)
        table = self._data.tables[key]
        return [table[code] for code in distinct.tolist()], at.astype(np.intp)

    def payload(self, at: int) -> dict[str, Any]:
        """The `at`-th document's ranking parts (no frequencies: ranking has read them) and its tantivy address."""
        payload = self._data.payloads([self._nums[at]], [])[0]
        payload["_address"] = self._addresses[at]
        return payload
