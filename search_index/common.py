"""What both search engines share: concept labels, facet names and counts, completions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from search_index.analysis import fold
from search_index.fields import FACETS
from search_index.synonyms import ConceptMatcher


def write_shared(
    folder: Path,
    labels: list[dict[str, str]],
    concept_names: dict[str, dict[str, Any]],
    suggestions: list[dict[str, str]],
) -> None:
    """The engine-neutral files of an index folder."""
    for name, data in (("labels.json", labels), ("concepts.json", concept_names), ("suggestions.json", suggestions)):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


class IndexBase:
    """The concept matcher, facet value labels and search-box completions of an index folder."""

    def __init__(self, folder: Path) -> None:
        self.matcher = ConceptMatcher(json.loads((folder / "labels.json").read_text(encoding="utf-8")))
        self.names: dict[str, dict[str, Any]] = json.loads((folder / "concepts.json").read_text(encoding="utf-8"))
        self.completions = [
            dict(s, key=fold(s["text"])) for s in json.loads((folder / "suggestions.json").read_text(encoding="utf-8"))
        ]

    def facets(self, per_doc: Iterable[dict[str, list[str]]], lang: str) -> dict[str, list[dict[str, Any]]]:
        """Counts of every facet value over all matching documents (their facet values), largest first."""
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        for doc in per_doc:
            for name, values in doc.items():
                counts[name].update(values)
        return self.facet_counts(counts, lang)

    def facet_counts(self, counts: dict[str, Counter[str]], lang: str) -> dict[str, list[dict[str, Any]]]:
        """Facet values with labels and counts, largest first."""
        return {
            name: [
                {"id": value, "label": self.label(name, value, lang), "count": n}
                for value, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
            ]
            for name, counter in counts.items()
        }

    def label(self, facet: str, value: str, lang: str) -> str:
        names = self.names.get(f"{facet}:{value}") or self.names.get(value) or {}
        return names.get(lang) or names.get("fi") or value

    def suggest(self, prefix: str, lang: str, limit: int) -> list[dict[str, str]]:
        key = fold(prefix.strip())
        if not key:
            return []
        hits = [
            s for s in self.completions if s["key"].startswith(key) or any(w.startswith(key) for w in s["key"].split())
        ]
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
