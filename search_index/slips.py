"""Misspelt query words: corrections against the index's own terms, typing slips, Swedish compounds."""

from __future__ import annotations

from collections.abc import Callable

from search_index.analysis import analyse, finnish_terms, fold, repairs
from search_index.fields import FIX_FACTOR, PART_FACTOR
from search_index.speller import distance
from search_index.vocabulary import split

Known = Callable[[str, str], bool]  # (namespace, term) -> is it in the index or the labels?
Suggest = Callable[[str, str, int], list[str]]  # (language, word, max distance) -> closest known terms
Terms = dict[str, dict[str, float]]  # a query word's terms: namespace -> term -> factor
SWEDISH_COMPOUND = 10  # letters from which a known Swedish word is also read as two words
REPAIR_FROM = 7  # letters from which an unknown Finnish word is read as the known word one slip away
TWO_EDITS_FROM = 8  # letters from which an unknown word may be two edits from its term
FINNISH_TWO_EDITS_FROM = 7  # the same for a word Voikko does not know read against the Finnish terms


def known_in(terms: Terms, lang: str, known: Known) -> bool:
    """Whether the index knows one of the word's own (not compound-part) terms in `lang`."""
    return any(known(lang, t) for t, f in terms.get(lang, {}).items() if f > PART_FACTOR)


def swedish_parts(terms: Terms, text: str, known: Known) -> None:
    """A Swedish compound the index knows whole (barnskyddstjänster, also once corrected) stands for its
    two words too, as a Finnish compound does for its parts, so it can name the concept of its first word."""
    if len(text) < SWEDISH_COMPOUND:
        return
    pieces = split(text, "sv", lambda piece: [t for t, _, _, _ in analyse(piece, "sv", query=True) if known("sv", t)])
    for term in pieces or []:
        terms.setdefault("sv", {}).setdefault(term, FIX_FACTOR)


def stems(terms: Terms, lang: str, typed: str) -> list[str]:
    """The word as typed, then its own stems or lemmas in `lang` (of five letters or more: a shorter one is
    one edit from too many terms, happ ~ papp)."""
    return [typed] + sorted(t for t, f in terms.get(lang, {}).items() if f == 1.0 and t != typed and len(t) >= 5)


def correction(forms: list[str], lang: str, voikko_knows: bool, suggest: Suggest) -> str | None:
    """The index term closest to one of a word's forms (as typed, its stems or lemmas), or None.

    An inflected word with a slip in its stem is far from every base form the index holds but its
    stem is not: hyumeita -> hyume ~ huume, mödraemmet -> mödraem ~ mödrahem, koikäynnit (Voikko
    reads koi + käynti) -> koikäynti ~ kotikäynti. A word Voikko knows that the index has nowhere
    (vertaistukki: peer log) may be a slip too, by one letter.
    """
    # Voikko knows Finnish: a Finnish word it does not know is likelier a slip than an English or Swedish
    # word the small index lacks (Finland is not two slips from finances)
    two_from = FINNISH_TWO_EDITS_FROM if lang == "fi" else TWO_EDITS_FROM
    best: tuple[int, int, str] | None = None
    for rank, form in enumerate(forms):
        found = suggest(lang, form, 1 if voikko_knows else 2 if len(form) >= two_from else 1)
        if found and (best is None or (distance(form, found[0]), rank) < best[:2]):
            best = (distance(form, found[0]), rank, found[0])
    return best[2] if best else None


def repaired(terms: Terms, surface: str, known: Known) -> str | None:
    """An unknown Finnish word read as the word Voikko knows one typing slip away whose base form the
    index holds: its terms are added to `terms` and the repaired word (folded) returned."""
    if len(surface) < REPAIR_FROM:
        return None
    for variant in repairs(surface):
        main, parts = finnish_terms(variant, query=True)
        if any(known("fi", t) for t in main):
            for term in main:
                terms.setdefault("fi", {})[term] = FIX_FACTOR
                terms.setdefault("fp", {})[term] = PART_FACTOR
            for term in parts:
                terms.setdefault("fi", {}).setdefault(term, PART_FACTOR)
            return fold(variant)
    return None
