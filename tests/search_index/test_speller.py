"""The speller: symmetric deletes over the index's own terms."""

from __future__ import annotations

from search_index.speller import Speller


def test_two_letters_left_out_of_a_long_word_are_found():
    speller = Speller({"familjearbete": 3, "kiintymyssuhde": 2, "vauva": 9})
    assert speller.suggest("famjearbete", maxdist=2) == ["familjearbete"]  # i and l left out
    assert speller.suggest("kiintmyssuhe", maxdist=2) == ["kiintymyssuhde"]  # y and d left out
    assert speller.suggest("famjearbete", maxdist=1) == []
    assert speller.suggest("kiintymysuhe", maxdist=2) == ["kiintymyssuhde"]  # one left out, one changed
    assert speller.suggest("vva", maxdist=2) == []  # short terms are not read two letters short
