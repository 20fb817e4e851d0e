"""The criterion kinds give the same verdicts as the eligibility named queries, for any family and every situation."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.navigation.criteria import tables, verdicts
from graph.navigation.profile import parse_profile

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


def _statuses(kg, raw, kinds):
    """(service, criterion or kind) -> statuses of the screening's verdicts of these kinds."""
    out = defaultdict(set)
    for service_id, found in verdicts(tables(kg), parse_profile(kg, raw)).items():
        for v in found:
            if v.kind in kinds:
                key = v.criterion.id if v.kind in ("stage", "exclusion", "acuteness", "situation") else v.kind
                out[(service_id, key)].add(v.status)
    return dict(out)


def _area_status(rows):
    statuses = [r["status"] for r in rows]
    return "met" if "met" in statuses else statuses[0]


@settings(max_examples=60, deadline=None)
@given(raw=profiles)
def test_stage_area_and_access_verdicts_equal_the_named_queries(kg, raw):
    stage = {k: raw[k] for k in ("pregnancy_week", "child_age_months") if k in raw}
    expected = defaultdict(set)
    for row in kg.select("eligibility-stage", stage):
        expected[(row["serviceId"], row["requirementId"])].add(row["status"])
    by_service = defaultdict(list)
    for row in kg.select("eligibility-area", {"municipality": raw["municipality"]} if "municipality" in raw else {}):
        by_service[row["serviceId"]].append(row)
    for service_id, rows in by_service.items():
        if rows[0]["status"] != "not-applicable":
            expected[(service_id, "area")].add(_area_status(rows))
    access = {k: raw[k] for k in ("language", "anonymous", "self_referral") if k in raw}
    for row in kg.select("eligibility-access", access):
        for kind, key in (
            ("language", "languageStatus"),
            ("anonymity", "anonymityStatus"),
            ("self_referral", "selfReferralStatus"),
        ):
            if row[key] != "not-asked":
                expected[(row["serviceId"], kind)].add(row[key])
    assert _statuses(kg, raw, {"stage", "area", "language", "anonymity", "self_referral"}) == dict(expected)


def test_situation_verdicts_equal_the_named_queries_for_every_situation_concept(kg):
    criteria = {
        (r["serviceId"], r["id"], r["kind"].rsplit("#", 1)[-1])
        for r in kg.select("requirements")
        if r["holder"] == r["serviceId"] and r["kind"].endswith(("#Exclusion", "#SituationCriterion"))
    }
    compared = 0
    for situation, concept in kg.concepts.items():
        if concept["scheme"] != "situation":
            continue
        effects = defaultdict(set)
        for row in kg.select("eligibility-situation", {"situation": situation}):
            effects[(row["serviceId"], row["requirementId"])].add(row["effect"])
        expected = {}
        for service_id, req_id, kind in criteria:
            found = effects.get((service_id, req_id), set())
            if kind == "Exclusion":
                status = "failed" if "excluded" in found else "unknown" if "possibly-excluded" in found else "met"
            else:
                status = "met" if "required-met" in found else "failed"
            expected[(service_id, req_id)] = {status}
        assert _statuses(kg, {"situation": [situation]}, {"exclusion", "acuteness", "situation"}) == expected, situation
        assert tables(kg).addressing(situation) == {
            r["id"] for r in kg.select("services-by-situation", {"situation": situation})
        }
        compared += 1
    assert compared >= 20


def test_alternatives_equal_the_named_query(kg):
    table = tables(kg)
    for service in kg.services:
        rows = kg.select("exclusion-alternatives", {"service": service["id"]})
        for situation in {r["situationId"] for r in rows}:
            expected = {r["alternativeId"] for r in rows if r["situationId"] == situation and r.get("alternativeId")}
            assert table.alternatives(service["id"], situation) == expected, (service["id"], situation)
