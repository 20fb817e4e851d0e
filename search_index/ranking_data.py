"""The ranking parts of every payload held in memory by document number: written at build, read once at open.

What the rerank window reads of a payload (term frequencies, lengths, concepts, exclusions, facet
values, flags: everything but what a hit shows), for the tantivy engine, whose stored documents cost
a fetch and a JSON decode each (a third of a search at 10,000 documents, docs/search.md "Speed").
Term frequencies are held by term: each term's documents in number order and their weights' indexes,
so a window finds a query term in all its documents by bisection (`DataWindow`), reading nothing of
the terms it was not asked. Every other part is held once per distinct value (the values are shared: read them,
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
    # by term: each term's documents in number order (a stable sort of the slots by term) and their weights
    numbers = np.frombuffer(terms, dtype=np.uint32) if len(terms) else np.zeros(0, dtype=np.uint32)
    order = np.argsort(numbers, kind="stable")
    sizes: npt.NDArray[np.intp] = np.diff(np.array(offsets, dtype=np.intp)).astype(np.intp)
    documents = np.repeat(np.arange(len(payloads), dtype=np.uint32), sizes)[order]
    weighted = (np.frombuffer(steps, dtype=np.uint16) if len(steps) else np.zeros(0, dtype=np.uint16))[order]
    starts = np.concatenate([[0], np.cumsum(np.bincount(numbers, minlength=len(vocabulary)))]).astype(np.int64)
    out = folder / DIR
    out.mkdir()
    parts = {"documents": len(payloads), "keys": keys, "weights": weights, "tables": tables}
    (out / "parts.json").write_text(json.dumps({**parts, "byteorder": sys.byteorder}, ensure_ascii=False), "utf-8")
    (out / "vocabulary.txt").write_bytes("\n".join(vocabulary).encode("utf-8"))
    (out / "postings.bin").write_bytes(documents.tobytes())
    (out / "steps.bin").write_bytes(weighted.tobytes())
    (out / "starts.bin").write_bytes(starts.tobytes())
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
        text = (where / "vocabulary.txt").read_bytes().decode("utf-8")
        self.vocabulary = text.split("\n") if text else []  # no terms at all: an empty file, not one empty term
        self.weights: list[float] = parts["weights"]
        order = parts["byteorder"]
        # term number t's documents are postings[starts[t]:starts[t + 1]], in number order; steps, their weights
        self.starts = _view(_numbers(where / "starts.bin", "q", order), np.int64)
        self.postings = _view(_numbers(where / "postings.bin", "I", order), np.uint32)
        self.steps = _view(_numbers(where / "steps.bin", "H", order), np.uint16)  # a weight's index
        self.tables: dict[str, list[Any]] = {key: _shared(values) for key, values in parts["tables"].items()}
        numbers, n = _numbers(where / "columns.bin", "I", order), parts["documents"]
        self.columns = {key: numbers[at * n : (at + 1) * n] for at, key in enumerate(parts["keys"])}
        self.documents = int(n)
        held = len(self.postings)
        beyond = held and int(self.postings.max()) >= n  # a posting naming a document the data does not hold
        if len(self.starts) != len(self.vocabulary) + 1 or not held == len(self.steps) == self.starts[-1] or beyond:
            raise ValueError(f"{where}: the ranking data's parts disagree")
        self._parts = [(key, self.tables[key], column) for key, column in self.columns.items()]
        # for windows (DataWindow): the weights and each part's column as numpy (views of what was read), and
        # the length of each distinct "len" value in each language
        self.weight_values = np.array(self.weights, dtype=np.float64)
        every = _view(numbers, np.uint32)
        self.arrays = {key: every[at * n : (at + 1) * n] for at, key in enumerate(parts["keys"])}
        sizes = self.tables.get("len", [])
        self.lengths = {lang: np.array([v.get(lang, 0.0) for v in sizes], dtype=np.float64) for lang in LANGS}

    def __len__(self) -> int:
        return self.documents

    def holding(self, number: int, nums: npt.NDArray[Any]) -> tuple[npt.NDArray[np.bool_], Floats]:
        """Which of the documents `nums` hold term `number`, and its weight in each (0.0 where none)."""
        lo, hi = int(self.starts[number]), int(self.starts[number + 1])
        if hi == lo:
            return np.zeros(len(nums), dtype=bool), np.zeros(len(nums))
        documents = self.postings[lo:hi]
        at = np.minimum(np.searchsorted(documents, nums), hi - lo - 1)
        holds: npt.NDArray[np.bool_] = documents[at] == nums
        weights: Floats = np.where(holds, self.weight_values[self.steps[lo + at]], 0.0)
        return holds, weights

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

        Ranking looks up the query's terms alone (search_index.ranking.Ranker._words), so a
        frequency map of those is the whole map to it.
        """
        parts = self._parts
        out = []
        for num in nums:
            payload = {key: table[column[num]] for key, table, column in parts}
            tf: dict[str, dict[str, float]] = {}
            for number, ns, term in wanted:
                holds, weights = self.holding(number, np.array([num], dtype=np.uint32))
                if holds[0]:
                    tf.setdefault(ns, {})[term] = float(weights[0])
            payload["tf"] = tf
            out.append(payload)
        return out

    def frequencies(self, num: int) -> dict[str, dict[str, float]]:
        """Every term frequency of document `num` (what the build had), namespace by namespace."""
        tf: dict[str, dict[str, float]] = {}
        for at in np.flatnonzero(self.postings == num).tolist():
            number = int(np.searchsorted(self.starts, at, side="right")) - 1
            ns, term = self.vocabulary[number].split(":", 1)
            tf.setdefault(ns, {})[term] = self.weights[int(self.steps[at])]
        return tf


class DataWindow:
    """A window over the ranking data: parts by their shared values, a term's documents found by bisection."""

    def __init__(self, data: RankingData, nums: list[int], addresses: list[Any]) -> None:
        self._data, self._nums, self._addresses = data, nums, addresses
        self._at = np.array(nums, dtype=np.intp)
        self._numbers = self._at.astype(np.uint32)  # the postings' own type: bisection copies nothing
        self._groups: dict[str, tuple[list[Any], Indexes]] = {}
        ids = data.tables.get("id", [])
        self.ids: list[str] = (
            [ids[code] for code in data.arrays["id"][self._at].tolist()] if "id" in data.arrays else []
        )

    def __len__(self) -> int:
        return len(self._nums)

    @property
    def nums(self) -> list[int]:
        """The window's document numbers in the ranking data."""
        return self._nums

    def frequencies(self, namespace: str, term: str) -> Floats:
        number = self._data.number(f"{namespace}:{term}")
        if number is None:
            return np.zeros(len(self._nums))
        return self._data.holding(number, self._numbers)[1]

    def lengths(self, lang: str) -> Floats:
        lengths: Floats = self._data.lengths[lang][self._data.arrays["len"][self._at]]
        return lengths

    def groups(self, key: str) -> tuple[list[Any], Indexes]:
        found = self._groups.get(key)  # the facets are read by the ranking and by the facet counts
        if found is None:
            distinct, at = np.unique(self._data.arrays[key][self._at], return_inverse=True)
            table = self._data.tables[key]
            found = self._groups[key] = ([table[code] for code in distinct.tolist()], at.astype(np.intp))
        return found

    def payload(self, at: int) -> dict[str, Any]:
        """The `at`-th document's ranking parts (no frequencies: ranking has read them) and its tantivy address."""
        payload = self._data.payloads([self._nums[at]], [])[0]
        payload["_address"] = self._addresses[at]
        return payload
