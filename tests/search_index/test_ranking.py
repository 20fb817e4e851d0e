"""The ranking model on hand-made payloads: one score per word, no bonus for thin documents,
coordination by the share of query words, concepts by rarity and centrality, exclusions sink."""

from __future__ import annotations

from search_index.plan import QueryPlan, Word
from search_index.ranking import Ranker

STATS = {
    "documents": 10,
    "average_length": {"fi": 20.0, "sv": 20.0, "en": 20.0},
    "df": {"fi": {"vauva": 9, "masennus": 2, "uni": 2, "ensikoti": 1}, "sv": {}, "en": {}, "fp": {}},
    "concept_df": {"depression": 2, "baby-families": 9},
}
SCHEME = {"depression": "situation", "baby-families": "target-group", "psychosis": "situation"}


def payload(pid: str, tf: dict[str, float], length: float = 20.0, concepts=None, exclusions=()) -> dict:
    return {
        "id": pid,
        "tf": {"fi": tf, "sv": {}, "en": {}, "fp": {}},
        "len": {"fi": length, "sv": 0.0, "en": 0.0},
        "concepts": concepts or {},
        "exclusions": list(exclusions),
        "facets": {},
        "flags": [],
    }


def plan(*words: str, concepts=None, matched=()) -> QueryPlan:
    return QueryPlan(
        words=[Word(i, w, {"fi": {w: 1.0}}) for i, w in enumerate(words)],
        concepts=concepts or {},
        matched=list(matched),
    )


RANKER = Ranker(STATS, SCHEME, {})


def test_a_word_is_scored_once_however_many_fields_hold_it():
    """BM25F saturates the weighted frequency: title + text + three quotes stay below idf × (k1 + 1)."""
    many = RANKER.score(plan("masennus"), payload("a", {"masennus": 3.0 + 1.5 + 3.0}), "fi").score
    assert many < RANKER.idf(2) * 2.2
    assert many < 2 * RANKER.score(plan("masennus"), payload("b", {"masennus": 1.5}), "fi").score


def test_a_common_word_in_a_title_does_not_beat_a_rare_word():
    common = RANKER.score(plan("vauva", "masennus"), payload("title", {"vauva": 3.0}), "fi").score
    rare = RANKER.score(plan("vauva", "masennus"), payload("about", {"masennus": 1.5}), "fi").score
    assert rare > common


def test_thin_documents_get_no_length_bonus():
    thin = RANKER.score(plan("masennus"), payload("thin", {"masennus": 1.5}, length=4.0), "fi").score
    average = RANKER.score(plan("masennus"), payload("avg", {"masennus": 1.5}, length=20.0), "fi").score
    assert thin == average


def test_two_words_matched_beat_one_word_matched_everywhere():
    both = RANKER.score(plan("masennus", "uni"), payload("both", {"masennus": 1.5, "uni": 1.5}), "fi").score
    one = RANKER.score(plan("masennus", "uni"), payload("one", {"masennus": 9.0}), "fi").score
    assert both > one


def test_a_rare_central_concept_outweighs_a_broad_one():
    concepts = {"depression": (1.0, frozenset({0})), "baby-families": (1.0, frozenset({0}))}
    q = plan("x", concepts=concepts, matched=["depression", "baby-families"])
    rare = RANKER.score(q, payload("d", {}, concepts={"depression": "main"}), "fi").score
    broad = RANKER.score(q, payload("b", {}, concepts={"baby-families": "main"}), "fi").score
    secondary = RANKER.score(q, payload("s", {}, concepts={"depression": "direct"}), "fi").score
    assert rare > secondary > broad > 0


def test_a_service_that_excludes_the_situation_sinks_and_says_why():
    exclusion = {
        "situation": "psychosis",
        "exclusion": "x-psy",
        "source": "000",
        "title": "T",
        "document": "000.txt",
        "quote": "psykoosi on este",
    }
    q = plan("masennus", concepts={"psychosis": (1.0, frozenset({0}))}, matched=["psychosis"])
    excluded = RANKER.score(q, payload("e", {"masennus": 3.0}, exclusions=[exclusion]), "fi")
    other = RANKER.score(q, payload("o", {"masennus": 1.5}), "fi")
    assert excluded.score < other.score
    assert excluded.excluded_for == [
        {
            "situation": "psychosis",
            "exclusion": "x-psy",
            "source": {"source": "000", "title": "T", "document": "000.txt", "quote": "psykoosi on este"},
        }
    ]


def test_words_of_a_longer_label_name_no_second_concept(index):
    from search_index.search import search

    named = search(index, "aftercare after mother and baby home", lang="en")["interpreted"]["concepts"]
    assert "supported-housing" in named and "aftercare" in named
    assert "home-visit" not in named and "baby-families" not in named  # "home" and "baby" belong to the longer label
    # a broader concept of the longer one stays: the same meaning, not a second one
    assert {"postpartum-depression", "depression"} <= set(
        search(index, "synnytyksen jälkeinen masennus", lang="fi")["interpreted"]["concepts"]
    )


def test_the_words_that_name_one_concept_are_one_unit_of_coordination():
    """In "aftercare mother baby home" the last three words fully name one concept: a service about the
    rare first word matches half the query's units, not a quarter of its words, and beats a service
    that holds the three common words only."""
    stats = {
        "documents": 10,
        "average_length": {"fi": 20.0, "sv": 20.0, "en": 20.0},
        "df": {"fi": {"jalkituki": 1, "aiti": 6, "vauva": 9, "koti": 6}, "sv": {}, "en": {}, "fp": {}},
        "concept_df": {"housing": 2},
    }
    ranker = Ranker(stats, {"housing": "work-form"}, {})
    q = plan(
        "jalkituki", "aiti", "vauva", "koti", concepts={"housing": (1.0, frozenset({1, 2, 3}))}, matched=["housing"]
    )
    assert ranker.units(q) == [frozenset({0}), frozenset({1, 2, 3})]
    about = ranker.score(q, payload("about", {"jalkituki": 3.0}), "fi").score
    words = ranker.score(q, payload("words", {"aiti": 3.0, "vauva": 1.5, "koti": 1.5}), "fi").score
    assert about > words
    # a word the fully named concept did not take stays a unit of its own
    partial = plan("jalkituki", "aiti", concepts={"housing": (0.7, frozenset({1}))}, matched=["housing"])
    assert len(ranker.units(partial)) == 2


def test_the_score_is_in_proportion_to_the_share_of_units_met():
    """Coordination is linear in the share of units met (fields.COORDINATION_POWER 1.0): a service about the
    one rare concept of a three-unit query keeps a third of its score, not a fifth (power 1.5), so it is not
    outweighed by a service holding the two common words."""
    concepts = {"depression": (1.0, frozenset({0}))}
    one = plan("masennus", "vauva", "perhe", concepts=concepts, matched=["depression"])
    alone = plan("masennus", concepts=concepts, matched=["depression"])
    about = payload("about", {}, concepts={"depression": "main"})
    third, whole = RANKER.score(one, about, "fi").score, RANKER.score(alone, about, "fi").score
    assert abs(third - whole / 3) < 1e-3


def test_a_service_known_to_be_elsewhere_sinks_and_an_unknown_place_does_not():
    q = plan("masennus")
    q.attributes = {"municipality": ["837"]}
    elsewhere = dict(payload("helsinki", {"masennus": 1.5}), facets={"municipality": ["091"]})
    unknown = payload("unknown", {"masennus": 1.5})
    assert RANKER.score(q, elsewhere, "fi").score < 0.5 * RANKER.score(q, unknown, "fi").score


def test_the_service_asked_after_sinks_and_its_successors_score_as_a_concept():
    q = plan("ensikoti", concepts={"after:ensikoti": (1.0, frozenset({0}))})
    q.anchors = {"after": ["ensikoti"]}
    anchor = RANKER.score(q, payload("ensikoti", {"ensikoti": 3.0}), "fi").score
    successor = RANKER.score(q, payload("jalkituki", {}, concepts={"after:ensikoti": "main"}), "fi").score
    assert successor > anchor > 0


def test_stepped_care_a_basic_level_service_comes_before_an_equal_intensive_one():
    q = plan("masennus")
    basic = dict(payload("basic", {"masennus": 1.5}), basic_level=True)
    therapeutic = payload("therapeutic", {"masennus": 1.5})
    assert RANKER.score(q, basic, "fi").score > RANKER.score(q, therapeutic, "fi").score


def test_the_basic_level_reaches_the_payload(index):
    from search_index.protocol import MatchRequest

    payloads = {p["id"]: p for p in index.engine.match(MatchRequest(everything=True), 100).payloads}
    assert payloads["baby-blues"]["basic_level"] and payloads["neuvola"]["basic_level"]
    assert not payloads["terapeuttinen-vauvaperhetyo"]["basic_level"]


def test_the_family_situation_weighs_more_than_the_way_of_working():
    """A query naming a situation and a work form: a service that addresses the situation (not its main one)
    ranks above one whose main work form it is (situation 3.3 × direct 0.7 > work form 1.8 × main 1.0)."""
    stats = dict(STATS, concept_df={"depression": 2, "group": 2})
    ranker = Ranker(stats, {"depression": "situation", "group": "work-form"}, {})
    named = {"depression": (1.0, frozenset({0})), "group": (1.0, frozenset({1}))}
    q = plan("masennus", "ryhmä", concepts=named, matched=["depression", "group"])
    situation = ranker.score(q, payload("s", {}, concepts={"depression": "direct"}), "fi").score
    work_form = ranker.score(q, payload("w", {}, concepts={"group": "main"}), "fi").score
    assert situation > work_form
