"""The engine-neutral search query: per query word its weighted terms, concept hits and typo fixes.

Both engines (Whoosh, the embedded default, and tantivy, the scale backend) search the same plan,
so analysis, concept expansion and typo correction happen once, here; an engine only supplies
whether a term is in its index and the closest terms to a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.vocab import LANGS
from search_index.analysis import analyse, fold, restore_diacritics, voikko
from search_index.fields import BROADER_CONCEPT_FACTOR, CONCEPT_BOOST, PART_BOOST, weighted_fields
from search_index.synonyms import ConceptMatcher

Known = Callable[[str], bool]  # is this (folded) term in any text field of the index?
Suggest = Callable[[str, str, int], list[str]]  # (field, word, max distance) -> closest index terms


@dataclass
class QueryPlan:
    """What to look for: one OR-group of (field, term, boost) per word, concept ids with boosts, fixes."""

    words: list[list[tuple[str, str, float]]] = field(default_factory=list)
    concepts: list[tuple[str, float]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.words and not self.concepts

    def terms(self, lang: str) -> set[str]:
        """The terms searched in `lang`'s fields (for highlighting)."""
        return {term for group in self.words for f, term, _ in group if f.startswith(lang + "_")}


def typo(
    text: str,
    start: int,
    per_lang: dict[str, list[tuple[str, int, int, bool]]],
    lang: str,
    known: Known,
    suggest: Suggest,
) -> tuple[str, str] | None:
    """(typed word, correction) for a word that is neither Finnish Voikko knows nor in the index."""
    ends = [e for lg in LANGS for _, s, e, _ in per_lang[lg] if s == start]
    word = text[start : ends[0]].lower() if ends else ""
    if len(word) < 4 or voikko(word)[0] or restore_diacritics(word):
        return None
    if any(known(t) for lg in LANGS for t, s, _, p in per_lang[lg] if s == start and not p):
        return None
    fields = [f"{lang}_text", f"{lang}_title"] + [f"{lg}_text" for lg in LANGS if lg != lang]
    for name in fields:
        found = suggest(name, fold(word), 2 if len(word) >= 8 else 1)
        if found:
            return fold(word), found[0]
    return None


def plan_query(text: str, lang: str, matcher: ConceptMatcher, known: Known, suggest: Suggest) -> QueryPlan:
    """One OR-group per word (its lemmas in every field of every language), plus concept hits."""
    per_lang = {lg: analyse(text, lg, query=True) for lg in LANGS}
    starts = sorted({start for terms in per_lang.values() for _, start, _, _ in terms})
    fields = weighted_fields(lang)
    plan = QueryPlan()
    for start in starts:
        group = []
        for name, boost in fields:
            # a compound part of the query word counts less than the word itself
            terms = {(t, p) for t, s, _, p in per_lang[name[:2]] if s == start}
            group += [(name, t, boost * (PART_BOOST if p else 1.0)) for t, p in sorted(terms)]
        fixed = typo(text, start, per_lang, lang, known, suggest)
        if fixed:
            plan.corrections[fixed[0]] = fixed[1]
            group += [(name, fixed[1], boost) for name, boost in fields if not name.endswith("_parts")]
        if group:
            plan.words.append(group)
    term_sets = {
        lg: frozenset(t for t, _, _, p in terms if not p) | frozenset(plan.corrections.values())
        for lg, terms in per_lang.items()
    }
    matched = matcher.match(term_sets)

    def concept_boost(cid: str) -> float:
        return CONCEPT_BOOST.get(matcher.scheme.get(cid, ""), 2.0)

    plan.concepts = [(cid, concept_boost(cid)) for cid in matched]
    plan.concepts += [(cid, concept_boost(cid) * BROADER_CONCEPT_FACTOR) for cid in matcher.broader_of(matched)]
    return plan


def did_you_mean(text: str, corrections: dict[str, str]) -> str | None:
    """The query with its corrected words, or None when nothing was corrected."""
    return " ".join(corrections.get(fold(w), w) for w in text.split()) if corrections else None
