"""The eligibility behaviours of the second reading, over the seed services: prerequisites, conditions the
service assesses, acuteness, the questions to ask next, closeness and the alternatives the graph supports."""

from __future__ import annotations

import pytest

from graph.errors import InvalidParameter
from graph.navigation import screen
from graph.navigation.profile import parse_profile

TVPT, DAY_GROUP = "terapeuttinen-vauvaperhetyo", "hoidollinen-paivaryhma"


def run(kg, **raw):
    result = screen(kg, parse_profile(kg, raw))
    return result, {e["id"]: (b, e) for b in ("eligible", "ineligible", "unknown") for e in result[b]}


# prerequisites: "Jälkituki on tarkoitettu … ympärivuorokautisen ensikotijakson tai hoidollisen päiväryhmän
# jälkeen." / "Asumisharjoittelu on tarkoitettu … ensikotijakson jälkeen tai hoidollisen päiväryhmän rinnalle."
def test_prerequisite_unknown_until_the_family_names_its_services(kg):
    _, where = run(kg, child_age_months=6)
    bucket, entry = where["jalkituki"]
    assert bucket == "unknown"
    (question,) = [q for q in entry["ask"] if q["criterion"] == "jalkituki-prerequisite"]
    assert question["field"] == "previous_service"
    assert set(question["eligible_if"]) == {"ensikotijakso", DAY_GROUP}
    assert set(question["question"]) == {"fi", "sv", "en"}


@pytest.mark.parametrize(
    ("raw", "aftercare", "housing"),
    [
        ({"previous_service": ["ensikotijakso"]}, "eligible", "eligible"),
        ({"previous_service": [DAY_GROUP]}, "eligible", "unknown"),  # housing: after ensikoti or alongside the group
        ({"current_service": [DAY_GROUP]}, "unknown", "eligible"),
        ({"previous_service": ["neuvola"], "current_service": ["neuvola"]}, "ineligible", "ineligible"),
    ],
)
def test_prerequisites_decide_aftercare_and_housing_practice(kg, raw, aftercare, housing):
    _, where = run(kg, child_age_months=6, **raw)
    assert (where["jalkituki"][0], where["asumisharjoittelu"][0]) == (aftercare, housing)


def test_prerequisite_fields_name_services(kg):
    with pytest.raises(InvalidParameter) as caught:
        parse_profile(kg, {"previous_service": ["no-such-service"]})
    assert caught.value.field == "previous_service"


# conditions the service assesses: "silloin, kun … huolet heijastuvat vanhemmuuteen sekä vanhemman ja
# vauvan väliseen suhteeseen"; a family with no concern at all is no longer "eligible"
def test_therapeutic_work_without_a_concern_is_unknown_with_the_question(kg):
    _, where = run(kg, pregnancy_week=20, municipality="Helsinki")
    bucket, entry = where[TVPT]
    assert bucket == "unknown" and not entry["likely"]
    (question,) = [q for q in entry["ask"] if q["criterion"] == "tvpt-concern"]
    assert question["field"] == "situation" and "anxiety" in question["eligible_if"]


def test_a_named_concern_makes_it_eligible_subject_to_assessment(kg):
    _, where = run(kg, pregnancy_week=20, municipality="Helsinki", situation=["anxiety"])
    bucket, entry = where[TVPT]
    assert bucket == "eligible" and entry["subject_to_assessment"]
    assert any(r["criterion"] == "tvpt-concern" and r["status"] == "assessed" for r in entry["reasons"])


def test_a_concern_the_service_does_not_assess_leaves_it_unknown_never_ineligible(kg):
    _, where = run(kg, pregnancy_week=20, municipality="Helsinki", situation=["substance-use-acute"])
    assert where[TVPT][0] == "ineligible"  # the exclusion decides that one
    _, where = run(kg, pregnancy_week=25, situation=["sleep-problems"])
    assert where[DAY_GROUP][0] == "unknown"


# acuteness: "… psykoosi … akuuttivaiheessaan on … este"
def test_psychosis_without_its_acuteness_is_unknown_with_the_question(kg):
    _, where = run(kg, child_age_months=3, municipality="Helsinki", situation=["anxiety", "psychosis"])
    bucket, entry = where[TVPT]
    assert bucket == "unknown"
    (question,) = [q for q in entry["ask"] if q["criterion"] == "tvpt-excl-psychosis"]
    assert question["field"] == "not_acute"
    assert question["eligible_if"] == ["not_acute=psychosis"]
    assert question["ineligible_if"] == ["situation=psychosis-acute"]


def test_not_acute_and_acute_decide_it(kg):
    base = {"child_age_months": 3, "municipality": "Helsinki"}
    _, where = run(kg, **base, situation=["anxiety", "psychosis"], not_acute=["psychosis"])
    assert where[TVPT][0] == "eligible"
    _, where = run(kg, **base, situation=["anxiety", "psychosis-acute"])
    assert where[TVPT][0] == "ineligible"


# questions and closeness
def test_next_questions_are_ordered_by_how_many_services_they_decide(kg):
    result, _ = run(kg, child_age_months=6, municipality="Helsinki")
    questions = result["next_questions"]
    assert questions and [q["decides"] for q in questions] == sorted((q["decides"] for q in questions), reverse=True)
    first = questions[0]
    assert first["field"] == "situation" and first["decides"] == len(first["services"]) >= 2
    unknown = {e["id"] for e in result["unknown"]}
    assert all(set(q["services"]) <= unknown for q in questions)


@pytest.mark.parametrize("limit", [1, 5, 15, 20, 21, 200])
def test_next_questions_count_every_unknown_service_whatever_the_page_lists(kg, limit):
    """The tester's profile: with limit=5 the listed unknown services were all likely, so no question was left."""
    raw = {"pregnancy_week": "22", "municipality": "Helsinki"}
    every = screen(kg, parse_profile(kg, raw), 200)
    paged = screen(kg, parse_profile(kg, raw), limit)
    counted = [(q["field"], q["decides"]) for q in every["next_questions"]]
    assert counted and [(q["field"], q["decides"]) for q in paged["next_questions"]] == counted
    assert dict(counted)["previous_service"] == 2  # jälkituki and asumisharjoittelu, listed or not
    listed = {e["id"] for e in paged["unknown"]}
    assert all(set(q["services"]) <= listed for q in paged["next_questions"])
    assert paged["likely_total"] == every["likely_total"] == len(every["likely"]) >= 3


def test_what_is_still_open_comes_in_the_three_languages(kg):
    result, _ = run(kg, pregnancy_week=22, municipality="Helsinki")
    assert result["unknown"]
    for entry in result["unknown"]:
        assert entry["open"] and all(set(item["text"]) == {"fi", "sv", "en"} for item in entry["open"])
        assert [item["text"]["en"] for item in entry["open"]] == list(dict.fromkeys(entry["missing"]))
        assert all(item["text"]["fi"] != item["text"]["en"] for item in entry["open"])


def test_not_acute_answers_the_situations_an_exclusion_holds_only_in_its_acute_phase(kg):
    from graph.navigation import acuteness_situations

    # "Vanhemman päihdeongelma ja psykoosi tai perheväkivaltatilanne akuuttivaiheessaan on … este" (000)
    assert set(acuteness_situations(kg)) == {"substance-use", "psychosis", "family-violence"}
    for situation in acuteness_situations(kg):
        profile = parse_profile(kg, {"situation": [situation], "not_acute": [situation]})
        assert profile.not_acute == [situation]


def test_likely_services_come_first(kg):
    result, where = run(kg, child_age_months=6, municipality="Helsinki")
    likely = result["likely"]
    assert likely and [e["id"] for e in result["unknown"][: len(likely)]] == likely
    for service_id in likely:
        entry = where[service_id][1]
        assert entry["likely"] and entry["ask"] == []
        assert any(r["status"] == "met" and r["criterion"] for r in entry["reasons"])
    assert "baby-blues" in likely  # every stated criterion met; only its area is not in the source


# alternatives the graph supports: "Päiväryhmä soveltuu myös psykiatrisen hoidon rinnalle tai sen jatkoksi."
def test_a_parent_in_psychiatric_care_is_pointed_to_the_day_group(kg):
    _, where = run(
        kg,
        child_age_months=6,
        municipality="Helsinki",
        situation=["psychosis-acute"],
        current_service=["psykiatrinen-hoito"],
    )
    bucket, entry = where[TVPT]
    assert bucket == "ineligible"
    (day_group,) = [a for a in entry["alternatives"] if a["id"] == DAY_GROUP]
    assert day_group["why"]["kind"] == "linked" and day_group["why"]["from"] == "psykiatrinen-hoito"
    assert "psykiatrisen hoidon rinnalle" in day_group["why"]["sources"][0]["quote"]


def test_substance_use_alternative_says_why(kg):
    _, where = run(kg, child_age_months=6, municipality="Helsinki", situation=["substance-use-acute"])
    alternatives = {a["id"]: a for a in where[TVPT][1]["alternatives"]}
    assert alternatives["paihteita-kayttavan-perheen-avopalvelut"]["why"] == {
        "kind": "addresses-excluded-situation",
        "situation": "substance-use-acute",
    }
