"""Grouped screening gives the same verdicts, dump for dump, and the same answer as evaluating every
service's criteria one by one (tests/graph/screening_reference.py)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.navigation.criteria import tables, verdicts
from graph.navigation.criteria.groups import groups
from graph.navigation.eligibility import screen
from graph.navigation.profile import parse_profile
from graph.store.knowledge import KnowledgeGraph
from tests.graph.screening_reference import reference, reference_screen


def _dumps(found):
    return json.dumps({sid: [v.dump() for v in vs] for sid, vs in found.items()}, ensure_ascii=False)


def _profiles(kg):
    situations = [c for c, v in kg.concepts.items() if v["scheme"] == "situation"]
    homes = [r["code"] for r in kg.select_once("municipalities")][:6] + ["Helsinki"]
    services = [s["id"] for s in kg.services]
    some = st.lists(st.sampled_from(situations), max_size=3, unique=True)
    return st.fixed_dictionaries(
        {},
        optional={
            "municipality": st.sampled_from(homes),
            "pregnancy_week": st.integers(1, 42),
            "child_age_months": st.integers(0, 72),
            "situation": some,
            "not_acute": some,
            "previous_service": st.lists(st.sampled_from(services), max_size=2, unique=True),
            "current_service": st.lists(st.sampled_from(services), max_size=2, unique=True),
            "language": st.sampled_from(["fi", "sv", "en"]),
            "anonymous": st.sampled_from(["true", "false"]),
            "self_referral": st.sampled_from(["true", "false"]),
        },
    )


@pytest.fixture(scope="module")
def generated_kg(generated_build):
    return KnowledgeGraph.open(generated_build)


@pytest.mark.parametrize("graph", ["kg", "generated_kg"])
def test_grouped_verdicts_dump_as_the_one_by_one_evaluation(request, graph):
    kg = request.getfixturevalue(graph)
    table = tables(kg)

    @settings(max_examples=60, deadline=None)
    @given(raw=_profiles(kg))
    def check(raw):
        profile = parse_profile(kg, raw)
        assert _dumps(verdicts(table, profile)) == _dumps(reference(table, profile))
        scope = [s["id"] for s in kg.services[::3]] + [kg.services[0]["id"], "no-such-service"]
        assert _dumps(verdicts(table, profile, scope)) == _dumps(reference(table, profile, scope))
        for limit in (3, 50):
            assert json.dumps(screen(kg, profile, limit)) == json.dumps(reference_screen(kg, profile, limit))

    check()


def test_services_alike_share_a_group_and_every_service_has_one(generated_kg):
    table = tables(generated_kg)
    found = groups(table)
    assert set(found.of) == set(table.by_id)
    assert sum(g.size for g in found.groups) == len(table.by_id)
    assert len(found.groups) < len(table.by_id)  # the generated graph repeats the seed's kinds of service
