"""Misspelt words on the seed graph: slips in inflected words, compounds and attribute words."""

from __future__ import annotations

import pytest

from search_index.search import search


def ids(index, q: str, lang: str = "fi") -> list[str]:
    return [i["id"] for i in search(index, q, lang=lang)["items"]]


@pytest.mark.parametrize(
    "q, lang, corrected, concept",
    [
        ("paiheet", "fi", "paihde", "substance-use"),  # päihteet without ä and a letter: stem paihe ~ päihde
        ("koikäynnit", "fi", "kotikaynti", "home-visit"),  # Voikko reads koi + käynti: its lemma ~ kotikäynti
        ("mödraemmet", "sv", "modrahem", "supported-housing"),  # stem mödraem ~ mödrahem
    ],
)
def test_a_slip_in_an_inflected_word_is_corrected_through_its_stem(index, q, lang, corrected, concept):
    """The word as typed is far from every base form the index holds; its own stem or lemma is one slip away."""
    result = search(index, q, lang=lang)
    assert result["did_you_mean"] == corrected
    assert concept in result["interpreted"]["concepts"]
    assert result["items"]


@pytest.mark.parametrize(
    "q, lang, attribute, value",
    [
        ("familjestöd utan remis", "sv", "self_referral", True),
        ("therapy in Helsini", "en", "municipality", ["091"]),
        ("anonymus chat", "en", "anonymous", True),
    ],
)
def test_a_misspelt_attribute_word_is_read_as_the_attribute(index, q, lang, attribute, value):
    """An attribute word read only once corrected is an attribute, as typed right it would be, not a text word."""
    result = search(index, q, lang=lang)
    assert result["interpreted"][attribute] == value


def test_a_word_known_only_in_another_language_may_be_a_slip_in_the_querys_own(index):
    """moter is a Swedish form (möter) in the index; in an English query it is a slip for mother."""
    result = search(index, "moter and baby home", lang="en")
    assert result["did_you_mean"] == "mother and baby home"
    assert "supported-housing" in result["interpreted"]["concepts"]
    assert ids(index, "moter and baby home", "en")[0] == "ensikotijakso"


def test_a_corrected_swedish_compound_names_the_concept_of_its_first_word(index):
    """barnskydstjänster is corrected to barnskyddstjänster, which stands for barnskydd + tjänster: child welfare."""
    result = search(index, "barnskydstjänster", lang="sv")
    assert "P3.8" in result["interpreted"]["concepts"]
    assert ids(index, "barnskydstjänster", "sv")[0] == "lastensuojelu"


def test_a_key_beside_the_right_one_is_a_slip(index):
    """vanhemmyuden: y typed for the u beside it; Voikko knows vanhemmuuden, whose base form the index holds."""
    result = search(index, "vanhemmyuden tuki")
    assert result["did_you_mean"] == "vanhemmuuden tuki"
    assert "parenting-concern" in result["interpreted"]["concepts"]


@pytest.mark.parametrize("q, fixed", [("adistis", "ahdistus"), ("jälltuki", "jalkituki")])
def test_a_word_of_seven_letters_or_more_may_have_two_slips(index, q, fixed):
    """adistis (h left out, u typed i) and jälltuki (l for k, i left out) are two edits from their terms."""
    result = search(index, q)
    assert result["did_you_mean"] == fixed and result["items"]


def test_an_english_word_the_index_lacks_is_not_read_as_a_far_term(index):
    """Finland is two edits from finances and happ(ens) one from papp: neither is a slip; a Finnish word
    Voikko does not know may be two edits off from seven letters, an English or Swedish one from eight."""
    result = search(index, "what happens at antenatal classes in Finland", lang="en")
    assert result["did_you_mean"] is None
