"""Services whose facts rest only on historical sources, derived from the sources' status in the graph."""

from __future__ import annotations

from graph.navigation import get_service
from graph.navigation.claims import claims
from graph.navigation.currency import currency, historical_services
from graph.store.knowledge import KnowledgeGraph


def test_a_service_described_only_by_the_2008_letter_is_flagged_with_the_source(kg):
    service = get_service(kg, "perhevalmennus")
    assert service["historical_only"] is True
    assert service["historical_sources"] == [{"document": "004_2757dcba9bd89fd9.txt", "date": "2008"}]


def test_the_flag_follows_the_sources_status_not_a_list_of_services(kg):
    statuses = claims(kg).sources
    for row in kg.services:
        service = get_service(kg, row["id"])
        documents = {s["document"] for s in service["label_sources"] + service["descriptions_sources"]}
        if any(statuses[d]["status"] not in ("historical", "design-assumption") for d in documents):
            assert not service["historical_only"], row["id"]
    assert not get_service(kg, "neuvola")["historical_only"]
    flagged = {r["id"] for r in kg.services if get_service(kg, r["id"])["historical_only"]}
    assert historical_services(kg) == flagged and kg.stored_historical() == flagged  # the build's list, as read
    assert historical_services(KnowledgeGraph(kg.store)) == flagged  # and made from the documents without one
    # one current quote among historical ones is enough for a service not to be flagged
    service = get_service(kg, "perhevalmennus")
    mixed = {
        **service,
        "label_sources": [*service["label_sources"], {"document": "000_c68bb571f4d5db5f.txt", "quote": "x"}],
    }
    assert currency(kg, mixed)["historical_only"] is False
    assert currency(kg, {"label_sources": []})["historical_only"] is False  # nothing cited: nothing to say


def test_a_screening_entry_carries_the_flag(kg):
    from graph.navigation import parse_profile, screen

    answer = screen(kg, parse_profile(kg, {"pregnancy_week": 20, "municipality": "Helsinki"}))
    entries = [e for group in ("eligible", "unknown", "ineligible") for e in answer.get(group, [])]
    assert entries and all(e["historical_only"] == (e["id"] in historical_services(kg)) for e in entries)
    assert any(e["historical_only"] for e in entries)
