"""Pathway order, the pathway renderings, and every gap kind."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from graph.errors import NotFound
from graph.navigation.gaps import gap_report
from graph.navigation.pathways import pathway, pathway_graph
from graph.navigation.render import dot, mermaid, svg


def test_neuvola_family_work_therapeutic_work_in_order(kg):
    down = {d["id"]: d for d in pathway(kg, "neuvola")["downstream"]}
    assert down["perhetyo"]["depth"] == 1 and down["terapeuttinen-vauvaperhetyo"]["depth"] == 1
    from_perhetyo = {d["id"]: d for d in pathway(kg, "perhetyo")["downstream"]}
    assert from_perhetyo["terapeuttinen-vauvaperhetyo"]["depth"] == 1
    assert any(s["document"] == "design-card" for s in from_perhetyo["terapeuttinen-vauvaperhetyo"]["via"]["sources"])


def test_therapeutic_work_does_not_lead_to_aftercare(kg):
    """The second reading: only the design card said "therapeutic work → aftercare"; Jälkituki is for
    families "ympärivuorokautisen ensikotijakson tai hoidollisen päiväryhmän jälkeen" (source 001)."""
    assert "jalkituki" not in {d["id"] for d in pathway(kg, "terapeuttinen-vauvaperhetyo")["downstream"]}
    up = {u["id"] for u in pathway(kg, "jalkituki")["upstream"] if u["depth"] == 1}
    assert up == {"ensikotijakso", "hoidollinen-paivaryhma"}


def test_residential_and_day_group_lead_to_housing_practice_and_aftercare(kg):
    for start in ("ensikotijakso", "hoidollinen-paivaryhma"):
        down = {d["id"]: d["depth"] for d in pathway(kg, start)["downstream"]}
        assert down["asumisharjoittelu"] == 1 and down["jalkituki"] == 1


def test_upstream(kg):
    up = {u["id"]: u["depth"] for u in pathway(kg, "terapeuttinen-vauvaperhetyo")["upstream"]}
    assert up == {"neuvola": 1, "perhetyo": 1, "lapsiperheiden-sosiaalineuvonta": 1}


def test_unknown_service_pathway(kg):
    with pytest.raises(NotFound):
        pathway(kg, "nope")


def test_renderings(kg):
    graph = pathway_graph(kg)
    assert len(graph["edges"]) == 12 and all(e["sources"] for e in graph["edges"])
    text = mermaid(graph)
    assert text.startswith("flowchart LR") and text.count("-->") + text.count("==>") + text.count("-.->") == 12
    assert dot(graph, "en").count("->") == 12 and '"Family work"' not in dot(graph, "fi")
    root = ET.fromstring(svg(graph, "sv"))
    assert root.tag.endswith("svg") and len(root.findall("{http://www.w3.org/2000/svg}path")) == 12


def report_kinds(report):
    out = {}
    for item in report["items"]:
        out.setdefault(item["kind"], []).append(item)
    return out


def test_every_gap_kind(kg):
    kinds = report_kinds(gap_report(kg))
    assert {tuple(g["situations"]) for g in kinds["excluded_no_alternative"]} == {
        ("family-violence-acute",),
        ("psychosis-acute",),  # only the acute phase bars (source 000); plain psychosis is no exclusion
    }
    assert all(g["sources"] for g in kinds["excluded_no_alternative"])
    anxiety = next(g for g in kinds["uncovered_window"] if g["situations"] == ["anxiety"])
    assert "pregnancy week 1–19" in anxiety["title"] and "12–35" in anxiety["title"]
    assert any(g["situations"] == ["substance-use"] for g in kinds["no_service_in_language"])
    assert [g["services"] for g in kinds["dead_end"]] == [["asumisharjoittelu"]]
    assert [g["services"] for g in kinds["unnamed_next_step"]] == [["baby-blues"]]
    missing = {g["services"][0]: g["detail"] for g in kinds["missing_data"]}
    assert "area" in missing["perhetyo"] and "area" in missing["baby-blues"]
    assert "hours (baby-blues-chat)" in missing["baby-blues"]


def test_gap_filters(kg):
    english = report_kinds(gap_report(kg, language="en"))["no_service_in_language"]
    assert all("English" in g["title"] for g in english)
    elsewhere = report_kinds(gap_report(kg, municipality="Oulu"))["uncovered_window"]
    anxiety = next(g for g in elsewhere if g["situations"] == ["anxiety"])
    assert "pregnancy week 1–42" in anxiety["title"]  # the only anxiety service is for Helsinki residents


def test_a_municipality_filter_narrows_the_services_a_window_names_as_evidence(kg):
    """Terapeuttinen vauvaperhetyö is for Helsinki residents: in Espoo it neither covers a window nor is named."""
    for place in ("Espoo", "Helsinki"):
        windows = report_kinds(gap_report(kg, municipality=place))["uncovered_window"]
        named = {sid for g in windows for sid in g["services"]}
        assert ("terapeuttinen-vauvaperhetyo" in named) == (place == "Helsinki"), place
    national = report_kinds(gap_report(kg))["uncovered_window"]
    assert "terapeuttinen-vauvaperhetyo" in {sid for g in national for sid in g["services"]}


def test_every_gap_carries_the_parts_its_text_is_made_of(kg):
    """Texts in any language are made from `about`: labels in every language, windows, missing items."""
    kinds = report_kinds(gap_report(kg, municipality="Espoo"))
    excluded = kinds["excluded_no_alternative"][0]["about"]
    assert excluded["service"]["id"] == "terapeuttinen-vauvaperhetyo"
    assert (
        excluded["service"]["labels"]["fi"] == "Terapeuttinen vauvaperhetyö" and excluded["situation"]["labels"]["sv"]
    )
    window = kinds["uncovered_window"][0]["about"]
    assert window["municipality"] == {"code": "049", "labels": {"fi": "Espoo", "sv": "Esbo", "en": None}}
    assert window["pregnancy_weeks"] == [[1, 42]] and window["child_age_months"] == [[0, 35]]
    assert all(g["about"]["language"] in ("sv", "en") for g in kinds["no_service_in_language"])
    assert kinds["dead_end"][0]["about"]["step"]["fi"]
    baby_blues = next(g for g in kinds["missing_data"] if g["services"] == ["baby-blues"])["about"]
    phone = next(m for m in baby_blues["missing"] if m["item"] == "phone-number")
    assert phone["channel"]["id"] == "baby-blues-puhelin" and phone["channel"]["labels"]["fi"]


def test_channel_names_are_kept_without_the_rows_they_are_made_of(build_dir):
    from graph.navigation.gapparts import channel_names
    from graph.store.knowledge import KnowledgeGraph

    fresh = KnowledgeGraph.open(build_dir)
    names = channel_names(fresh)
    assert names and all(set(labels) == {"fi", "sv", "en"} for labels in names.values())
    assert {row["id"] for row in fresh.select("service-channels")} == set(names)
    assert "service-channels" not in fresh._once  # 17.6 MB of rows at 6,400 services, read once, not kept
