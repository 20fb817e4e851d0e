"""Query understanding beyond words on the seed graph: pathway questions ("what comes after X"),
titles that name a concept, places without services, words typed apart, function words."""

from __future__ import annotations

import pytest

from search_index.protocol import MatchRequest
from search_index.search import search


def ids(index, q: str, lang: str = "fi") -> list[str]:
    return [i["id"] for i in search(index, q, lang=lang)["items"]]


@pytest.mark.parametrize(
    "q, lang",
    [
        ("mitä tukea ensikotijakson jälkeen", "fi"),
        ("hjälp efter tiden på mödrahemmet", "sv"),
        ("support after the mother and baby home", "en"),
        ("mitä tapahtuu kun ensikotijakso loppuu", "fi"),  # a stay that ends asks what comes after it
    ],
)
def test_what_comes_after_a_service_follows_its_pathway_links(index, q, lang):
    """The words after/efter/jälkeen point at the service named beside them; the graph's next-step links lead on."""
    result = search(index, q, lang=lang)
    assert result["interpreted"]["after"] == ["ensikotijakso"]
    top = [i["id"] for i in result["items"]]
    assert set(top[:2]) == {"jalkituki", "asumisharjoittelu"}
    assert "ensikotijakso" not in top[:2]


def test_after_a_life_event_is_not_a_pathway_question(index):
    """ "after having a baby" names no service: nothing is read as an anchor."""
    for q, lang in [("masentaa synnytyksen jälkeen", "fi"), ("feeling down after having a baby", "en")]:
        assert "after" not in (search(index, q, lang=lang)["interpreted"] or {})


def test_alongside_a_service_follows_its_alongside_links(index):
    result = search(index, "mitä psykiatrisen hoidon rinnalla", lang="fi")
    assert result["interpreted"]["alongside"] == ["psykiatrinen-hoito"]
    assert result["items"][0]["id"] == "hoidollinen-paivaryhma"


def test_a_title_that_names_a_concept_ranks_for_it_without_claiming_it(index):
    """ "Round-the-clock mother-and-baby home period" is about supported housing: a search reading ("titled"),
    shown as no concept tag, since the graph does not say so."""
    payloads = {p["id"]: p for p in index.engine.match(MatchRequest(everything=True), 100).payloads}
    assert payloads["ensikotijakso"]["concepts"].get("supported-housing") == "titled"
    assert "home-visit" not in payloads["kotikunnan-palvelut"]["concepts"]  # "home" of "home municipality"
    items = search(index, "mother and baby home", lang="en")["items"]
    first = items[0]
    assert first["id"] == "ensikotijakso" and first["concepts"] == []


def test_a_municipality_without_services_is_read_as_a_place(index):
    """Tampere is in no source: it is read as a place (not a content word), and a service known to be only
    in Helsinki sinks below those whose place is unknown, and as a soft filter is left out."""
    result = search(index, "vauvaperheen tuki Tampere")
    assert result["interpreted"]["municipality"] == ["837"]
    plain = ids(index, "vauvaperheen tuki")
    sunk = [i["id"] for i in search(index, "vauvaperheen tuki Tampere", limit=50, soft=False)["items"]]
    tvpt = "terapeuttinen-vauvaperhetyo"  # the one seed service known to be in Helsinki only
    assert plain.index(tvpt) < 3 and sunk.index(tvpt) > plain.index(tvpt) + 2
    placed = [i["id"] for i in result["items"]]
    assert placed and tvpt not in placed and result["attribute_filters"]["applied"] == {"municipality": ["837"]}


def test_words_typed_apart_are_also_read_as_one(index):
    named = search(index, "post partum depression", lang="en")["interpreted"]["concepts"]
    assert "postpartum-depression" in named


@pytest.mark.parametrize(
    "q, lang, word",
    [("depression during pregnancy", "en", "during"), ("samspel mellan förälder och baby", "sv", "mellan")],
)
def test_function_words_are_no_content(index, q, lang, word):
    assert word not in [w.text for w in index.plan(q, lang).words]


def test_a_service_named_by_its_title_brings_its_pathway_neighbours_after_it(index):
    """ "ensikotijakso" matches one service's words; the services its links lead to follow it, below it."""
    found = ids(index, "ensikotijakso")
    assert found[0] == "ensikotijakso" and {"asumisharjoittelu", "jalkituki"} <= set(found)
    perhevalmennus = ids(index, "monitoimijainen perhevalmennus")
    assert perhevalmennus[0] == "perhevalmennus" and "vauvan-syntyma-tutuksi" in perhevalmennus  # its part


@pytest.mark.parametrize(
    "q, lang, concept",
    [
        ("allt är så jobbigt", "sv", "everyday-struggles"),  # third persona pass: how hard it is
        ("blivande pappa", "sv", "expecting-families"),
        ("småbarnsförälder", "sv", "small-child-families"),
        ("tosi rankkaa", "fi", "everyday-struggles"),
        ("uusi äiti", "fi", "baby-families"),
        ("new dad", "en", "baby-families"),
    ],
)
def test_the_third_persona_pass_reaches_the_concept(index, q, lang, concept):
    assert concept in (search(index, q, lang=lang)["interpreted"] or {}).get("concepts", [])


@pytest.mark.parametrize(
    "q, fixed, concept",
    [("masenuksesta", "masennuksesta", "depression"), ("ahdistuneisutta", "ahdistuneisuutta", "anxiety")],
)
def test_a_misspelt_inflected_word_is_read_as_the_word_one_slip_away(index, q, fixed, concept):
    """No base form is within two edits of "masenuksesta": Voikko knows "masennuksesta", one letter away."""
    result = search(index, q)
    assert result["did_you_mean"] == fixed and result["items"]
    assert concept in result["interpreted"]["concepts"]


def test_a_slip_that_makes_another_real_word_is_still_corrected(index):
    """Voikko knows "vertaistukki" (peer + log): the index has it nowhere, so it is read as vertaistuki."""
    result = search(index, "vertaistukki")
    assert result["did_you_mean"] == "vertaistuki" and "peer-support" in result["interpreted"]["concepts"]


@pytest.mark.parametrize(
    "q, lang",
    [
        ("miten pääsee terapeuttiseen vauvaperhetyöhön", "fi"),
        ("hur ansöker man till terapeutiskt arbete med babyfamiljer", "sv"),
    ],
)
def test_how_to_get_into_a_service_brings_the_way_in_after_it(index, q, lang):
    """The intake link (Palvelua haetaan Lapsiperheiden sosiaalineuvonnan puhelinpalvelusta) is the way in."""
    result = search(index, q, lang=lang)
    assert result["interpreted"]["route"] == ["terapeuttinen-vauvaperhetyo"]
    top = [i["id"] for i in result["items"][: 2 if lang == "fi" else 5]]
    assert top[0] == "terapeuttinen-vauvaperhetyo" and "lapsiperheiden-sosiaalineuvonta" in top


@pytest.mark.parametrize(
    "q, concepts",
    [
        ("isävauvaryhmä", {"fathers", "parent-baby-group"}),  # isä + vauvaryhmä
        ("imetysongelmat", {"eating-problems"}),  # imetys + ongelma
        ("vertaistukiryhmä", {"peer-support"}),  # vertaistuki + ryhmä
    ],
)
def test_a_compound_the_index_does_not_know_names_the_concepts_of_its_parts(index, q, concepts):
    """A compound nobody wrote in the sources says what its first and last parts say."""
    result = search(index, q)
    assert concepts <= set(result["interpreted"]["concepts"]) and result["items"]


def test_an_inner_part_of_a_compound_names_nothing(index):
    """ensi+koti+asuminen is about housing; its inner koti does not name home visits."""
    concepts = search(index, "ensikotiasuminen")["interpreted"]["concepts"]
    assert "supported-housing" in concepts and "home-visit" not in concepts


def test_a_finnish_words_swedish_or_english_stem_is_no_form_of_it(index):
    """kotiäiti: Voikko knows it; its English stem kotiä is one edit from kotka, which is no correction."""
    assert search(index, "kotiäiti yksin")["did_you_mean"] is None


@pytest.mark.parametrize(
    "q, lang", [("scared of hurting my baby", "en"), ("lapsi ei nuku", "fi"), ("barnet sover inte", "sv")]
)
def test_a_label_left_one_common_word_by_its_function_words_needs_them(index, q, lang):
    """'Having a child', 'Lapsen saaminen', 'Att få barn' (childbirth) are one word without their function
    words: baby, lapsi or barn alone does not name childbirth."""
    assert "P3.2" not in (search(index, q, lang=lang)["interpreted"] or {}).get("concepts", [])


def test_a_label_with_its_function_words_typed_still_names_its_concept(index):
    assert "uncertainty" in search(index, "en osaa hoitaa vauvaa")["interpreted"]["concepts"]
    assert "P3.2" in search(index, "feeling down after having a baby", lang="en")["interpreted"]["concepts"]


@pytest.mark.parametrize("q", ["mitä tukea ensikodin jälkee", "mitä tukea ensikodin jälkeen"])
def test_a_pathway_word_typed_a_letter_off_is_still_read(index, q):
    """jälkee (spoken, or the n left out) asks what comes after, as jälkeen does."""
    result = search(index, q)
    assert result["interpreted"]["after"] == ["ensikotijakso"]
    assert set(ids(index, q)[:2]) == {"jalkituki", "asumisharjoittelu"}
