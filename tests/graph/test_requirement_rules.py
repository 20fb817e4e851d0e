"""The requirement-sentence rules on the labelled set: precision at least 0.95 on each part, recall reported."""

from __future__ import annotations

import json

import pytest

from bench.extraction import SENTENCES, evaluate
from graph.build.importers.context import load_context
from graph.build.importers.requirements import read, sentences


def test_the_labelled_set_is_large_and_has_a_held_out_part():
    items = json.loads(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    assert len(items) >= 60
    assert {s["lang"] for s in items} == {"fi", "sv"}
    held = [s for s in items if s["split"] == "heldout"]
    assert len(held) >= 15 and any(s["expect"] for s in held) and any(not s["expect"] for s in held)


@pytest.mark.parametrize("split", ["dev", "heldout", None])
def test_precision(split):
    result = evaluate(split)
    assert result["precision"] >= 0.95, result["wrong"]
    assert result["recall"] >= (0.9 if split == "dev" else 0.7), result["missed"]


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("Palveluun voi hakeutua aikaisintaan raskausviikolla 20.", {("minPregnancyWeek", 20)}),
        ("Palvelu on tarkoitettu helsinkiläisille.", {("residenceMunicipality", "091")}),
        ("Palvelu on tarkoitettu myös muille kuin helsinkiläisille.", set()),
        ("Palvelulla ei ole ikärajaa.", set()),
        ("Lähetettä ei tarvita.", {("accessRoute", "self-referral")}),
        ("Tjänsten kräver remiss.", {("accessRoute", "professional-referral")}),
    ],
)
def test_rules_read_bounds_and_leave_hedges_unread(sentence, bounds):
    assert {(b.prop, b.value) for b in read(sentence, load_context().demonyms)} == bounds


def test_sentences_split_a_requirement_text():
    text = "Palvelu on maksuton. Lähete tarvitaan.\nRyhmä kokoontuu klo 9.30 alkaen."
    assert sentences(text) == ["Palvelu on maksuton.", "Lähete tarvitaan.", "Ryhmä kokoontuu klo 9.30 alkaen."]
