"""Concept expansion: a query that contains every word of a concept's label (in any of the three
languages, lemmatised) also searches the services linked to that concept. This is how
"förlossningsdepression", "crying baby" or "ahdistus" reach Finnish descriptions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from search_index.analysis import term_set


class ConceptMatcher:
    """Label term sets per language, compiled once when the index opens."""

    def __init__(self, labels: list[dict[str, Any]]) -> None:
        self.by_lang: dict[str, list[tuple[frozenset[str], str, str]]] = defaultdict(list)
        self.broader: dict[str, list[str]] = {entry["id"]: entry.get("broader", []) for entry in labels}
        self.scheme: dict[str, str] = {entry["id"]: entry["scheme"] for entry in labels}
        for entry in labels:
            terms = term_set(entry["label"], entry["lang"])
            if terms:
                self.by_lang[entry["lang"]].append((terms, entry["id"], entry["label"]))

    def match(self, query_terms: dict[str, frozenset[str]]) -> list[str]:
        """Concept ids whose label terms all occur in the query (analysed per label language)."""
        found: list[str] = []
        for lang, entries in self.by_lang.items():
            terms = query_terms.get(lang, frozenset())
            for label_terms, concept_id, _ in entries:
                if label_terms <= terms and concept_id not in found:
                    found.append(concept_id)
        return found

    def broader_of(self, concept_ids: list[str]) -> list[str]:
        """Concepts above the matched ones (not matched themselves)."""
        return [b for cid in concept_ids for b in self.broader.get(cid, []) if b not in concept_ids]
