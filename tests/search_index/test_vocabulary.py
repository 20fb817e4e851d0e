"""The search vocabulary's Swedish and English lay words name the concepts their Finnish ones do."""

from __future__ import annotations

import pytest

from search_index.search import search


@pytest.mark.parametrize(
    "q, lang, concept",
    [
        ("hör röster", "sv", "psychosis"),  # kuulee ääniä
        ("hearing voices", "en", "psychosis"),
        ("sömnskola", "sv", "sleep-rhythm-coaching"),  # unikoulu
        ("sleep training", "en", "sleep-rhythm-coaching"),
        ("mammagrupp", "sv", "parent-baby-group"),  # äiti-vauvaryhmä
        ("talking therapy", "en", "psychotherapeutic-work"),  # keskusteluapu
        ("utbränd", "sv", "everyday-struggles"),  # loppuun palanut
    ],
)
def test_a_swedish_or_english_lay_word_names_the_concept_its_finnish_one_does(index, q, lang, concept):
    assert concept in search(index, q, lang=lang)["interpreted"]["concepts"]


@pytest.mark.parametrize("q, lang", [("återfall", "sv"), ("relapse", "en")])
def test_a_relapse_names_the_acute_substance_problem_a_service_excludes(index, q, lang):
    """retkahdus: the service whose source excludes acute substance problems is flagged, the one for them is not."""
    items = {i["id"]: i for i in search(index, q, lang=lang)["items"]}
    assert "excluded_for" in items["terapeuttinen-vauvaperhetyo"]
    assert "excluded_for" not in items["paihteita-kayttavan-perheen-avopalvelut"]


@pytest.mark.parametrize(
    "q, lang, concept",
    [
        ("samspelet mellan föräldern och bebisen", "sv", "parenting-concern"),
        ("mum and baby group", "en", "pregnant-women"),
        ("mother and baby home residential care", "en", "child-placed"),
        ("where can new parents find help", "en", "expecting-families"),
    ],
)
def test_a_common_word_alone_does_not_name_a_concept_through_a_short_label(index, q, lang, concept):
    """Labels whose other words are stop words or common (vara förälder, mum-to-be, baby in care, expecting parents) were left out."""
    assert concept not in (search(index, q, lang=lang)["interpreted"] or {}).get("concepts", [])
