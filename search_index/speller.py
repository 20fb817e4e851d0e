"""Closest index terms to a misspelt word, for engines without a corrector (symmetric deletes)."""

from __future__ import annotations

from collections import defaultdict

CACHED = 50_000  # looked-up words whose suggestions are kept
LONG = 8  # letters from which a term is also found with two of its letters left out


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment) between two words."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


class Speller:
    """Terms of one field with their document frequencies; suggest the closest, most frequent ones."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self.by_delete: dict[str, set[str]] = defaultdict(set)
        for term in frequencies:
            for variant in _deletes(term) | {term}:
                self.by_delete[variant].add(term)
        self._found: dict[tuple[str, int, int], list[str]] = {}  # a query's words repeat: looked up once
        # long terms by first letter and length: a word typed two letters short is looked for among them
        self.by_head: dict[tuple[str, int], list[str]] = defaultdict(list)
        for term in frequencies:
            if len(term) >= LONG:
                self.by_head[term[0], len(term)].append(term)

    def suggest(self, word: str, maxdist: int = 1, limit: int = 1) -> list[str]:
        """Up to `limit` index terms within `maxdist` edits of `word` (not the word itself), nearest and most frequent first."""
        key = (word, maxdist, limit)
        if key in self._found:
            return list(self._found[key])
        candidates = set()
        for variant in _deletes(word) | {word}:
            candidates |= self.by_delete.get(variant, set())
        if maxdist >= 2:
            for variant in _deletes(word):
                for deeper in _deletes(variant):
                    candidates |= self.by_delete.get(deeper, set())
            if word:
                # two letters left out (famjearbete), or one left out and one changed: the one-delete table
                # meets neither; the long terms of the same first letter one or two letters longer do
                for extra in (1, 2):
                    candidates.update(self.by_head.get((word[0], len(word) + extra), ()))
        scored = [
            (distance(word, term), -self.frequencies[term], term)
            for term in candidates
            if term != word and abs(len(term) - len(word)) <= maxdist
        ]
        found = [term for d, _, term in sorted(scored) if d <= maxdist][:limit]
        if len(self._found) < CACHED:
            self._found[key] = found
        return found
