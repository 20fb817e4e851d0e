"""Text analysis for search: Finnish lemmas and compound parts (Voikko), Snowball for Swedish,
English and unknown Finnish words, stop words and diacritics folding.

Every term the index stores is folded (ä→a, ö→o, å→a), so a query typed without ä and ö meets
the same terms. Finnish words are analysed by Voikko into all their lemmas; compound words also
give their parts and adjacent pairs of parts (vauvaperhetyö → vauva, perhe, työ, vauvaperhe,
perhetyö), which go to a separate, lower-boosted field. A word Voikko does not know falls back to
the Snowball stem and the folded word itself. Voikko's readings come from search_index.morphology
(the native libvoikko, or pyvoikko where it is not installed: the same readings).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, product

import Stemmer

from search_index import morphology

TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
from search_index.stopwords import STOP_LEMMAS, STOP_WORDS  # noqa: E402

_STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})
MAX_RESTORE = 4  # vowels tried with and without diacritics for an unknown word (2**4 Voikko look-ups at most)


def fold(text: str) -> str:
    """Lower case without Finnish/Swedish diacritics and without other combining marks."""
    text = text.lower().translate(_FOLD)
    if text.isascii():  # ASCII is its own NFKD and has no combining marks: most folded Finnish and Swedish
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their character offsets; hyphenated words are split into their pieces too."""
    out = []
    for match in TOKEN.finditer(text):
        word = match.group(0)
        start = match.start()
        for piece in word.split("-"):
            if piece:
                out.append((piece.lower(), start, start + len(piece)))
            start += len(piece) + 1
    return out


_STEMMER_CACHE: dict[str, Stemmer.Stemmer] = {}


@lru_cache(maxsize=1 << 16)
def stem(word: str, lang: str) -> str:
    if lang not in _STEMMER_CACHE:
        _STEMMER_CACHE[lang] = Stemmer.Stemmer(_STEMMERS[lang])
    return str(_STEMMER_CACHE[lang].stemWord(word))


@lru_cache(maxsize=1 << 17)
def voikko(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lemmas, compound parts and adjacent part pairs) of a Finnish word; empty when Voikko does not know it."""
    readings = morphology.readings(word)
    lemmas = tuple(dict.fromkeys(r.base for r in readings if r.base))
    parts: list[str] = []
    for reading in readings:
        pieces = list(reading.parts)
        for piece in pieces + [a + b for a, b in zip(pieces, pieces[1:])]:
            if piece not in parts and piece not in lemmas:
                parts.append(piece)
    return lemmas, tuple(parts)


@lru_cache(maxsize=1 << 14)
def inner_parts(word: str) -> frozenset[str]:
    """The folded pieces inside a compound of three or more (koti of ensi+koti+asuminen): neither its head
    nor its first modifier, so not what the word says on its own."""
    return frozenset(fold(p) for reading in morphology.readings(word) for p in reading.parts[1:-1])


@lru_cache(maxsize=1 << 14)
def restore_diacritics(word: str) -> tuple[str, ...]:
    """Lemmas of the word read with ä/ö where a/o were typed (paihde → päihde), if Voikko knows any."""
    positions = [i for i, ch in enumerate(word) if ch in "ao"][:MAX_RESTORE]
    found: list[str] = []
    for choice in product((False, True), repeat=len(positions)):
        if not any(choice):
            continue
        chars = list(word)
        for pos, swap in zip(positions, choice):
            if swap:
                chars[pos] = "ä" if chars[pos] == "a" else "ö"
        for lemma in voikko("".join(chars))[0]:
            if lemma not in found:
                found.append(lemma)
    return tuple(found)


_VOWELS = "aeiouyäö"
_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
# the letters beside each letter on a Finnish/Swedish keyboard: a finger that lands one key off
_BESIDE = {row[i]: row[max(i - 1, 0) : i] + row[i + 1 : i + 2] for row in _ROWS for i in range(len(row))}


def repairs(word: str) -> Iterator[str]:
    """Words Voikko knows one typing slip away from an unknown Finnish word, likeliest slips first.

    A letter typed once that is double (masenuksesta → masennuksesta), twice that is single, a vowel
    left out, two letters swapped, one letter too many, a key beside the right one (psykiatrisem →
    psykiatrisen): the inflected and compound forms a speller over base forms cannot reach. Lazy: the
    caller stops at the first it can use (each is a Voikko look-up).
    """
    n = len(word)
    variants = chain(
        (word[:i] + word[i] + word[i:] for i in range(n)),
        (word[:i] + word[i + 1 :] for i in range(1, n) if word[i] == word[i - 1]),
        (word[:i] + v + word[i:] for i in range(1, n) for v in _VOWELS),
        (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)),
        (word[:i] + word[i + 1 :] for i in range(n)),
        (word[:i] + c + word[i + 1 :] for i in range(1, n) for c in _BESIDE.get(word[i], "")),
    )
    seen = {word}
    for variant in variants:
        if variant not in seen:
            seen.add(variant)
            if voikko(variant)[0]:
                yield variant


@lru_cache(maxsize=1 << 17)
def finnish_terms(word: str, *, query: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(main terms, compound-part terms) of one lower-cased Finnish word, folded (cached: texts repeat words)."""
    if word in STOP_WORDS["fi"]:
        return (), ()
    lemmas, parts = voikko(word)
    if lemmas and all(lemma in STOP_LEMMAS for lemma in lemmas):
        return (), ()
    if not lemmas and query:
        lemmas = restore_diacritics(word)
        parts = tuple(p for lemma in lemmas for p in voikko(lemma)[1])
    if not lemmas:
        return tuple(sorted({fold(word), fold(stem(word, "fi"))})), ()
    main = {fold(lemma) for lemma in lemmas}
    return tuple(sorted(main)), tuple(sorted({fold(p) for p in parts} - main))


@lru_cache(maxsize=1 << 17)
def stemmed_terms(word: str, lang: str) -> tuple[str, ...]:
    """Swedish or English: the folded Snowball stem (and the folded word when they differ)."""
    if word in STOP_WORDS[lang]:
        return ()
    terms = {fold(stem(word, lang)), fold(word)}
    if lang == "sv":
        terms |= {fold(stem(base, lang)) for base in _swedish_indefinite(word)}
    return tuple(sorted(terms))


_DOUBLED = re.compile(r"([bdfgklmnprst])\1$")


def _swedish_indefinite(word: str) -> set[str]:
    """The indefinite form of a Swedish definite noun the stemmer leaves whole (mödrahemmet -> mödrahem).

    Snowball's Swedish stemmer strips -en and -na but not the neuter -et nor the -n of a noun ending in a
    vowel; a doubled consonant before a definite ending is single in the indefinite form (hemmet, mannen ->
    hem, man).
    """
    out = set()
    for ending in ("et", "en"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            base = word[: -len(ending)]
            out.add(base[:-1] if _DOUBLED.search(base) else base)
    if len(word) > 5 and word[-1] == "n" and word[-2] in "aiouyå":
        out.add(word[:-1])  # a noun ending in a vowel takes only -n (pappan, terapin, sambon -> pappa, terapi, sambo)
    return out


def analyse(text: str, lang: str, *, query: bool = False) -> list[tuple[str, int, int, bool]]:
    """Terms of a text as (term, startchar, endchar, is_compound_part), in the order of the words."""
    out = []
    for word, start, end in tokens(text):
        if lang == "fi":
            main, parts = finnish_terms(word, query=query)
            out += [(t, start, end, False) for t in main] + [(t, start, end, True) for t in parts]
        else:
            out += [(t, start, end, False) for t in stemmed_terms(word, lang)]
    return out


def term_set(text: str, lang: str) -> frozenset[str]:
    """The main (non-part) terms of a short text, for matching labels against a query."""
    return frozenset(t for t, _, _, part in analyse(text, lang, query=True) if not part)
