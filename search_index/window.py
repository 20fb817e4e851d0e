"""The documents an engine matched, in the engine's order, as the ranking model reads them: by column.

The model (search_index.ranking) scores a whole window at once with numpy: a query term's frequency in
every document, every document's length in a language, and each other part (concepts, facets, flags,
exclusions, basic level) as its distinct values and each document's index into them, so what a part
gives is worked out once per distinct value. A `PayloadWindow` reads payload dicts (Whoosh, tests); the
tantivy engine's window reads the ranking data held in memory (search_index.ranking_data.DataWindow).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Indexes = npt.NDArray[np.intp]


class Window(Protocol):
    """A window of matched documents."""

    ids: list[str]  # the documents' ids, in the engine's order

    def __len__(self) -> int: ...

    def frequencies(self, namespace: str, term: str) -> Floats:
        """The term's weighted frequency in each document (0.0 where it has none)."""
        ...

    def lengths(self, lang: str) -> Floats:
        """Each document's text length in `lang` (0.0 where it has none)."""
        ...

    def groups(self, key: str) -> tuple[list[Any], Indexes]:
        """A payload part's distinct values and each document's index into them (read them, never change them)."""
        ...

    def payload(self, at: int) -> dict[str, Any]:
        """The whole payload of the window's `at`-th document (what a hit of the page reads)."""
        ...


class PayloadWindow:
    """A window over payload dicts: each document its own values (no two share one)."""

    def __init__(self, payloads: Sequence[dict[str, Any]]) -> None:
        self._payloads = list(payloads)
        self.ids = [p["id"] for p in self._payloads]

    def __len__(self) -> int:
        return len(self._payloads)

    def frequencies(self, namespace: str, term: str) -> Floats:
        return np.array([p["tf"].get(namespace, {}).get(term, 0.0) for p in self._payloads], dtype=np.float64)

    def lengths(self, lang: str) -> Floats:
        return np.array([p["len"].get(lang, 0.0) for p in self._payloads], dtype=np.float64)

    def groups(self, key: str) -> tuple[list[Any], Indexes]:
        return [p.get(key) for p in self._payloads], np.arange(len(self._payloads), dtype=np.intp)

    def payload(self, at: int) -> dict[str, Any]:
        return self._payloads[at]

    @property
    def payloads(self) -> list[dict[str, Any]]:
        return self._payloads


def scaled(total: Floats, where: Bools, factor: float) -> Floats:
    """`total` times `factor` where `where` holds (elsewhere unchanged, not multiplied by 1.0)."""
    out: Floats = np.where(where, total * factor, total)
    return out


def per_value(values: Floats, function: Callable[[float], float]) -> Floats:
    """`function` (Python arithmetic) of each distinct value, spread over the documents holding it."""
    distinct, at = np.unique(values, return_inverse=True)
    mapped: Floats = np.array([function(float(v)) for v in distinct.tolist()], dtype=np.float64)[at]
    return mapped
