"""The in-memory screening tables give the same rows as the eligibility named queries, for any family."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.navigation.eligibility import tables
from graph.navigation.profile import parse_profile

SITUATIONS = [
    "substance-use",
    "substance-use-acute",
    "depression",
    "postpartum-depression",
    "violence",
    "interaction-concern",
    "parenting-concern",
    "everyday-struggles",
    "no-such-situation",
]
profiles = st.fixed_dictionaries(
    {},
    optional={
        "municipality": st.sampled_from(["Helsinki", "091", "Espoo", "Vantaa", "Kauniainen"]),
        "pregnancy_week": st.integers(1, 42),
        "child_age_months": st.integers(0, 72),
        "language": st.sampled_from(["fi", "sv", "en"]),
        "anonymous": st.booleans(),
        "self_referral": st.booleans(),
    },
)


def _keyed(rows, keys):
    return sorted(tuple(row.get(k) for k in keys) for row in rows)


@settings(max_examples=60, deadline=None)
@given(raw=profiles)
def test_stage_area_and_access_rows_equal_the_named_queries(kg, raw):
    profile = parse_profile(kg, raw)
    table = tables(kg)
    stage = {k: raw[k] for k in ("pregnancy_week", "child_age_months") if k in raw}
    keys = ("serviceId", "requirementId", "expecting", "child", "status", "minPregnancyWeek", "childAgeUnderMonths")
    assert _keyed(table.stage(profile), keys) == _keyed(kg.select("eligibility-stage", stage), keys)
    area = {"municipality": raw["municipality"]} if "municipality" in raw else {}
    keys = ("serviceId", "basis", "status", "area", "requirementId")
    assert _keyed(table.area(profile), keys) == _keyed(kg.select("eligibility-area", area), keys)
    access = {k: raw[k] for k in ("language", "anonymous", "self_referral") if k in raw}
    language = kg.bind("eligibility-access", access).get("language")
    keys = ("serviceId", "languageStatus", "anonymityStatus", "selfReferralStatus")
    assert _keyed(table.access(profile, language.value if language else None), keys) == _keyed(
        kg.select("eligibility-access", access), keys
    )


def test_situation_rows_equal_the_named_queries(kg):
    table = tables(kg)
    keys = ("serviceId", "requirementId", "effect", "target")
    for situation in kg.concepts:
        if kg.concepts[situation]["scheme"] != "situations":
            continue
        assert _keyed(table.situation(situation), keys) == _keyed(
            kg.select("eligibility-situation", {"situation": situation}), keys
        ), situation
        assert table.addressing(situation) == {
            r["id"] for r in kg.select("services-by-situation", {"situation": situation})
        }


def test_alternatives_equal_the_named_query(kg):
    table = tables(kg)
    for service in kg.services:
        rows = kg.select("exclusion-alternatives", {"service": service["id"]})
        for situation in {r["situationId"] for r in rows}:
            expected = {r["alternativeId"] for r in rows if r["situationId"] == situation and r.get("alternativeId")}
            assert table.alternatives(service["id"], situation) == expected, (service["id"], situation)
