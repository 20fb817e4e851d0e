"""Each analysis step on the query~text pairs measured in shared/notes/finnish-search.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search_index.analysis import analyse, finnish_terms, fold, restore_diacritics, stemmed_terms, term_set, tokens


def matches(query: str, text: str, lang: str = "fi") -> bool:
    """Whether a query word meets a text word: query lemmas against the text's lemmas and compound parts."""
    query_terms = {t for t, _, _, part in analyse(query, lang, query=True) if not part}
    text_terms = {t for t, _, _, _ in analyse(text, lang)}
    return bool(query_terms & text_terms)


@pytest.mark.parametrize(
    "query, text",
    [
        ("masennus", "masennusoireita"),
        ("vauva", "vauvaperhetyö"),
        ("päihteet", "päihdeongelma"),
        ("koti", "kotikäyntejä"),
        ("perhetyö", "vauvaperhetyö"),
        ("ryhmä", "päiväryhmä"),
        ("vauvan", "vauvoille"),
        ("perheet", "perheitä"),
        ("synnytyksen", "synnytys"),
        ("nukkuminen", "nukkumiseen"),
        ("kotikäynti", "kotikäyntejä"),
        ("ryhmät", "Vanhempi-vauva -ryhmiä"),
    ],
)
def test_finnish_lemmas_and_compound_parts_match(query, text):
    assert matches(query, text)


@pytest.mark.parametrize("query, text", [("isä", "isännöitsijä"), ("uni", "unioni"), ("perhe", "perhonen")])
def test_no_false_prefix_matches(query, text):
    assert not matches(query, text)


def test_compound_parts_are_a_separate_kind_of_term():
    terms = analyse("vauvaperhetyössä", "fi")
    main = {t for t, _, _, part in terms if not part}
    parts = {t for t, _, _, part in terms if part}
    assert main == {"vauvaperhetyo"}
    assert {"vauva", "perhe", "tyo", "perhetyo", "vauvaperhe"} <= parts


def test_folding_and_restoring_diacritics():
    assert fold("Päihde Åbo ÖLJY") == "paihde abo oljy"
    assert "päihde" in restore_diacritics("paihde")
    main, _ = finnish_terms("paihde", query=True)
    assert main == ("paihde",) and matches("paihde", "päihdeongelma")
    assert matches("jalkituki", "Jälkituki")


def test_unknown_words_fall_back_to_snowball_and_the_word():
    main, parts = finnish_terms("xyzzyjä")
    assert parts == () and "xyzzyja" in main


def test_stop_words_are_dropped():
    assert term_set("vauva ei nuku", "fi") == frozenset({"vauva", "nukkua"})
    assert stemmed_terms("and", "en") == ()


@pytest.mark.parametrize(
    "query, text, lang",
    [
        ("depression", "Depressions", "en"),
        ("crying", "cry", "en"),
        ("babies", "baby", "en"),
        ("förlossningsdepression", "Förlossningsdepression", "sv"),
        ("familjer", "familj", "sv"),
    ],
)
def test_swedish_and_english_stemming(query, text, lang):
    assert matches(query, text, lang)


def test_tokens_keep_offsets_and_split_hyphens():
    assert tokens("Baby blues -toiminta") == [("baby", 0, 4), ("blues", 5, 10), ("toiminta", 12, 20)]
    assert [t for t, _, _ in tokens("äiti-vauva")] == ["äiti", "vauva"]


@pytest.mark.parametrize(
    "definite, indefinite",
    [
        ("mödrahemmet", "modrahem"),
        ("hemmet", "hem"),
        ("barnet", "barn"),
        ("mannen", "man"),
        ("terapin", "terapi"),
        ("sambon", "sambo"),
    ],
)
def test_swedish_definite_forms_meet_the_indefinite(definite, indefinite):
    """Snowball leaves the neuter -et (and a doubled consonant) on: mödrahemmet did not meet mödrahem."""
    assert indefinite in stemmed_terms(definite, "sv")


@given(st.text(max_size=40))
def test_folding_any_text_equals_the_full_normalisation(text: str):
    """fold's ASCII shortcut gives what NFKD without combining marks gives, for any text."""
    import unicodedata

    from search_index.analysis import _FOLD

    lowered = text.lower().translate(_FOLD)
    expected = "".join(ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch))
    assert fold(text) == expected
