"""The criterion kinds: finished verdicts in three languages with labels, and one stage rule for screening and gaps."""

from __future__ import annotations

import pytest

from graph.navigation.criteria import StageBounds, stage_status, tables, verdicts
from graph.navigation.gaps import uncovered_windows
from graph.navigation.profile import parse_profile

TVPT = "terapeuttinen-vauvaperhetyo"


def test_every_verdict_has_a_text_in_each_language(kg):
    profile = parse_profile(
        kg,
        {
            "municipality": "Espoo",
            "pregnancy_week": 22,
            "situation": ["substance-use", "anxiety"],
            "language": "sv",
            "anonymous": "true",
            "self_referral": "true",
        },
    )
    found = [v for vs in verdicts(tables(kg), profile).values() for v in vs]
    assert {v.kind for v in found} >= {"stage", "area", "language", "anonymity", "self_referral", "exclusion"}
    for v in found:
        assert set(v.text) == {"fi", "sv", "en"} and all(v.text.values()), v
        assert len({v.text["fi"], v.text["sv"], v.text["en"]}) == 3, v  # translated, not copied
        dumped = v.dump()
        assert dumped["detail"] == v.text["en"] and dumped["status"] == v.status


def test_situation_texts_name_concepts_by_label_in_each_language(kg):
    profile = parse_profile(kg, {"child_age_months": 3, "situation": ["substance-use"]})
    (excl,) = [v for v in verdicts(tables(kg), profile)[TVPT] if v.kind == "acuteness" and v.status == "unknown"]
    assert "Missbruksproblem" in excl.text["sv"] and "Substance use problem" in excl.text["en"]
    assert "päihdeongelma" in excl.text["fi"].lower()
    assert not any("substance-use" in t for t in excl.text.values())


@pytest.mark.parametrize(
    ("bounds", "week", "age", "status"),
    [
        (StageBounds(True, 20, True, 12), 19, None, "failed"),
        (StageBounds(True, 20, True, 12), 20, None, "met"),
        (StageBounds(True, 20, True, 12), 19, 11, "met"),
        (StageBounds(True, None, True, None), None, 11, "met"),  # a baby: under 12 months
        (StageBounds(True, None, True, None), None, 12, "unknown"),
        (StageBounds(None, None, True, 36), 8, None, "unknown"),  # the source does not say for expecting
        (StageBounds(False, None, True, 36), 8, None, "failed"),
        (StageBounds(True, 20, True, 12), None, None, "missing"),
    ],
)
def test_stage_rule(bounds, week, age, status):
    assert stage_status(bounds, week, age).status == status


def test_gap_windows_are_where_the_screening_finds_no_stage_met_or_unknown(kg):
    """A window the gap report shows uncovered: screening a family there, no service addressing the
    situation passes the stage rule (the same rule, so the two cannot disagree)."""
    anxiety = next(g for g in uncovered_windows(kg) if g["situations"] == ["anxiety"])
    assert "pregnancy week 1–19" in anxiety["title"]
    for week in (1, 19):
        profile = parse_profile(kg, {"pregnancy_week": week})
        found = verdicts(tables(kg), profile, anxiety["services"])
        stages = [v.status for sid in anxiety["services"] for v in found[sid] if v.kind == "stage"]
        assert stages and "met" not in stages and "unknown" not in stages
    found = verdicts(tables(kg), parse_profile(kg, {"pregnancy_week": 20}), anxiety["services"])
    assert "met" in [v.status for vs in found.values() for v in vs if v.kind == "stage"]


def test_the_screening_tables_keep_what_they_derive_not_the_rows_they_read(build_dir):
    from graph.navigation.criteria.tables import ScreeningTables
    from graph.store.knowledge import KnowledgeGraph

    fresh = KnowledgeGraph.open(build_dir)
    made = ScreeningTables(fresh)
    assert made.criteria and made.facts
    assert "requirements" not in fresh._once and "screening-facts" not in fresh._once  # read, not kept
    assert fresh.rows("requirements") == fresh.select_once("requirements") == fresh.select("requirements")
    assert fresh.rows("requirements") is fresh.select_once("requirements")  # kept rows are not read again


def test_a_value_made_once_when_threads_ask_for_it_at_once(kg):
    import threading
    import time

    made = []

    def make() -> object:
        made.append(1)
        time.sleep(0.05)
        return object()

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(kg.memo("test-at-once", make))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and len(got) == 4 and all(value is got[0] for value in got)
