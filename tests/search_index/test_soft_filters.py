"""Attribute words as soft filters: applied where services meet them, said so where none does."""

from __future__ import annotations

from search_index.search import search


def _ids(index, q, **kw):
    return [i["id"] for i in search(index, q, limit=50, **kw)["items"]]


def test_attribute_words_filter_also_among_other_words(index):
    free = set(_ids(index, "", filters={"free": ["true"]}))
    anonymous = set(_ids(index, "", filters={"anonymous": ["true"]}))
    assert free and anonymous
    assert set(_ids(index, "vauva maksuton")) <= free
    assert set(_ids(index, "vauva nimetön")) <= anonymous
    answer = search(index, "vauva maksuton")
    assert answer["attribute_filters"] == {"applied": {"free": True}, "unmet": []}


def test_lone_and_combined_attribute_words_agree_with_the_facets(index):
    facets = set(_ids(index, "", filters={"free": ["true"], "language": ["sv"]}))
    assert set(_ids(index, "maksuton apu ruotsiksi")) == facets
    assert set(_ids(index, "ruotsiksi")) == set(_ids(index, "", filters={"language": ["sv"]}))


def test_an_attribute_no_match_meets_is_reported_and_not_applied(index):
    assert not _ids(index, "", filters={"anonymous": ["true"], "language": ["sv"]})
    answer = search(index, "nimetön ruotsiksi")
    assert answer["items"] and answer["attribute_filters"]["unmet"] == ["language"]
    assert answer["interpreted_labels"]["language"] == {"sv": "ruotsi"}


def test_a_municipality_word_drops_services_known_only_elsewhere(index):
    helsinki = set(_ids(index, "", filters={"municipality": ["091"]}))
    assert "terapeuttinen-vauvaperhetyo" in helsinki
    espoo = search(index, "neuvola espoo", limit=50)
    ids = [i["id"] for i in espoo["items"]]
    assert ids and not set(ids) & helsinki  # known only in Helsinki: out; area unknown: kept
    assert espoo["interpreted_labels"]["municipality"] == {"049": "Espoo"}
    assert "terapeuttinen-vauvaperhetyo" in _ids(index, "neuvola espoo", soft=False)


def test_soft_false_keeps_the_text_answer(index):
    assert len(_ids(index, "vauva maksuton", soft=False)) > len(_ids(index, "vauva maksuton"))
