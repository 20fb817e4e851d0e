"""Completions for a search box: service titles and concept labels, found by a prefix of any of their words."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from search_index.analysis import fold


class Completions:
    """The index's completions (search_index.documents.suggestions) with every word's prefix found by bisection."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.entries = [dict(s, key=fold(s["text"])) for s in entries]
        # every word of every completion (and its whole key), sorted: a prefix is a range found by bisection
        self._prefixes = sorted({(w, n) for n, s in enumerate(self.entries) for w in (s["key"], *s["key"].split())})

    def suggest(self, prefix: str, lang: str, limit: int) -> list[dict[str, str]]:
        """Completions of `prefix`: the query's language first, services before concepts, word starts first."""
        key = fold(prefix.strip())
        if not key:
            return []
        numbers = set()
        for word, number in self._prefixes[bisect_left(self._prefixes, (key, -1)) :]:
            if not word.startswith(key):
                break
            numbers.add(number)
        hits = [self.entries[n] for n in sorted(numbers)]
        hits.sort(
            key=lambda s: (
                s["lang"] != lang,
                s["kind"] != "service",
                not s["key"].startswith(key),
                len(s["text"]),
                s["text"],
            )
        )
        out, seen = [], set()
        for s in hits:
            if s["text"].lower() not in seen:
                seen.add(s["text"].lower())
                out.append({"text": s["text"], "kind": s["kind"], "id": s["id"], "lang": s["lang"]})
        return out[:limit]
