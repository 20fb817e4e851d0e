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
        ("Lähete tarvitaan.", {("accessRoute", "professional-referral")}),
        ("Palveluun tarvitaan lähete.", {("accessRoute", "professional-referral")}),
        ("Neuvolaan ei tarvita lähetettä.", {("accessRoute", "self-referral")}),
        ("Remiss behövs.", {("accessRoute", "professional-referral")}),
        ("Remiss krävs.", {("accessRoute", "professional-referral")}),
        ("Du kan kontakta tjänsten utan remiss.", {("accessRoute", "self-referral")}),
        ("Lähete tarvitaan, jos perhe asuu muualla.", set()),  # conditional: left unread
        ("Palveluun ohjataan myös lähetteellä.", set()),  # one way in among others
    ],
)
def test_rules_read_bounds_and_leave_hedges_unread(sentence, bounds):
    assert {(b.prop, b.value) for b in read(sentence, load_context().demonyms)} == bounds


def test_sentences_split_a_requirement_text():
    text = "Palvelu on maksuton. Lähete tarvitaan.\nRyhmä kokoontuu klo 9.30 alkaen."
    assert sentences(text) == ["Palvelu on maksuton.", "Lähete tarvitaan.", "Ryhmä kokoontuu klo 9.30 alkaen."]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [("Lähete tarvitaan.", "referral-needed"), ("Lähetettä ei tarvita.", "referral-not-needed"),
     ("Remiss krävs.", "referral-needed"), ("Du behöver inte någon remiss.", "referral-not-needed")],
)  # fmt: skip
def test_the_referral_rules_name_themselves(sentence, rule):
    assert [b.rule for b in read(sentence, load_context().demonyms)] == [rule]
