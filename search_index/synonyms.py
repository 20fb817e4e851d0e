"""Concept matching: which concepts (situations, work forms, attributes…) a query names, and how fully.

A concept is named when the query holds enough of one of its labels (preferred, alternative or
hidden, in any of the three languages). Label words count by their rarity among the labels, so
covering *masennus* of "synnytyksen jälkeinen masennus" counts for more than covering *vauva*
of "itkuinen vauva"; a query word may meet a label word whole or as a compound part of it
(*väkivalta* meets *perheväkivalta* at half, as its head). This is how "förlossningsdepression", "crying baby",
"mies juo liikaa" or "ilman lähetettä" reach Finnish services and their flags.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from search_index.analysis import analyse, fold, tokens
from search_index.fields import MIN_COVERAGE

EXACT_SCHEMES = ("search-attribute", "language", "municipality")  # attributes: every label word must be there
PATHWAY_SCHEME = "link-kind"  # words that ask what comes after or alongside a service (search_index.pathways)


@dataclass(frozen=True)
class Label:
    concept: str
    text: str
    words: tuple[tuple[frozenset[str], frozenset[str]], ...]  # per label word: (its terms, its compound parts)
    needs: frozenset[str] = frozenset()  # the function words of a label they leave one word of, as typed


@dataclass
class ConceptHit:
    concept: str
    scheme: str
    coverage: float
    words: frozenset[int]  # positions of the query words that named it


class ConceptMatcher:
    """Label words per language with their rarity, compiled once when the index opens."""

    def __init__(self, labels: list[dict[str, Any]]) -> None:
        self.by_lang: dict[str, list[Label]] = defaultdict(list)
        self.broader: dict[str, list[str]] = {e["id"]: e.get("broader", []) for e in labels}
        self.scheme: dict[str, str] = {e["id"]: e["scheme"] for e in labels}
        self.notation: dict[str, str] = {e["id"]: e["notation"] for e in labels if e.get("notation")}
        frequency: dict[str, Counter[str]] = defaultdict(Counter)
        for entry in labels:
            if entry["scheme"] == PATHWAY_SCHEME:
                continue
            words = _label_words(entry["label"], entry["lang"])
            if words:
                # "having a baby", "Lapsen saaminen", "en osaa": without their function words they are one
                # common word (baby, lapsi, osa), which alone does not say what the label says
                typed = [t for t, _, _ in tokens(entry["label"])]
                dropped = {fold(t) for t in typed if not analyse(t, entry["lang"], query=True)}
                single = len(words) == 1 and len(typed) > 1 and entry["scheme"] not in EXACT_SCHEMES
                needs = frozenset(dropped) if single else frozenset()
                self.by_lang[entry["lang"]].append(Label(entry["id"], entry["label"], words, needs))
        # which labels hold a term (whole or as a compound head): a query only looks at those
        self.by_term: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for lang, entries in self.by_lang.items():
            for pair in {(t, lb.concept) for lb in entries for terms, _ in lb.words for t in terms}:
                frequency[lang][pair[0]] += 1
            for number, label in enumerate(entries):
                for terms, heads in label.words:
                    for held in terms | heads:
                        self.by_term[lang].setdefault(held, []).append(number)
        self.rarity = {
            lang: {t: math.log(1 + len(self.by_lang[lang]) / n) for t, n in counts.items()}
            for lang, counts in frequency.items()
        }
        # per label: its words' weights (rarity), computed once, not per query
        self.weights = {
            lang: [[max(self.rarity[lang].get(t, 1.0) for t in terms) for terms, _ in lb.words] for lb in entries]
            for lang, entries in self.by_lang.items()
        }

    def match(
        self,
        query: dict[str, dict[str, set[int]]],
        parts: dict[str, dict[str, set[int]]] | None = None,
        typed: frozenset[str] | None = None,
    ) -> dict[str, ConceptHit]:
        """Concepts named by the query; `query[lang][term]` are the positions of the words giving that term.

        `parts` are the compound parts of the query's words: like a label's parts, they count half.
        `typed` are the query's words as typed (folded): a label left one word by its function words
        names its concept only when they were typed too.
        """
        hits: dict[str, ConceptHit] = {}
        for lang, entries in self.by_lang.items():
            terms = query.get(lang, {})
            query_parts = (parts or {}).get(lang, {})
            if not terms and not query_parts:
                continue
            weights = self.weights[lang]
            index = self.by_term[lang]
            numbers = sorted({n for t in (*terms, *query_parts) for n in index.get(t, ())})
            for number in numbers:
                label = entries[number]
                if label.needs and typed is not None and not label.needs <= typed:
                    continue
                total = covered = 0.0
                words: set[int] = set()
                for (word_terms, label_parts), weight in zip(label.words, weights[number], strict=True):
                    total += weight
                    whole = [terms[t] for t in word_terms if t in terms]
                    if whole:
                        covered, words = covered + weight, words.union(*whole)
                        continue
                    partial = [terms[p] for p in label_parts if p in terms]
                    partial += [query_parts[t] for t in word_terms if t in query_parts]
                    if partial:
                        covered, words = covered + weight / 2, words.union(*partial)
                coverage = covered / total if total else 0.0
                scheme = self.scheme[label.concept]
                needed = (
                    1.0
                    if scheme in EXACT_SCHEMES or (len(label.words) == 1 and scheme != "situation")
                    else MIN_COVERAGE
                )
                if coverage >= needed - 1e-9 and words:
                    best = hits.get(label.concept)
                    if best is None or coverage > best.coverage:
                        hits[label.concept] = ConceptHit(label.concept, scheme, coverage, frozenset(words))
        return self._without_subsumed(hits)

    def _without_subsumed(self, hits: dict[str, ConceptHit]) -> dict[str, ConceptHit]:
        """Drop a concept named only by words that a longer, fully matched label already took.

        "mother and baby home" names supported housing; its *baby* and *home* then do not also name
        baby families and home visits. A broader concept of the longer one stays (depression within
        postnatal depression), since it is the same meaning, not a second one.
        """
        kept = {}
        for cid, hit in hits.items():
            subsumed = any(
                other.coverage >= 1.0 - 1e-9 and hit.words < other.words and cid not in self._broader_closure(oid)
                for oid, other in hits.items()
                if oid != cid
            )
            if not subsumed:
                kept[cid] = hit
        return kept

    def _broader_closure(self, concept_id: str) -> set[str]:
        seen: set[str] = set()
        todo = list(self.broader.get(concept_id, []))
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.broader.get(current, []))
        return seen

    def broader_of(self, concept_ids: list[str]) -> list[str]:
        """Concepts above the matched ones (not matched themselves)."""
        return [b for cid in concept_ids for b in self.broader.get(cid, []) if b not in concept_ids]


def _label_words(text: str, lang: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    by_start: dict[int, tuple[set[str], set[str]]] = {}
    for term, start, _, part in analyse(text, lang, query=True):
        terms, parts = by_start.setdefault(start, (set(), set()))
        (parts if part else terms).add(term)
    # only the head of a compound (väkivalta of perheväkivalta) stands for it, never a modifier (perhe)
    return tuple(
        (frozenset(t), frozenset(p for p in parts if any(term.endswith(p) for term in t)))
        for t, parts in by_start.values()
        if t
    )
