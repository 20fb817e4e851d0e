"""Source documents as records: every citation names a listed source, and every quote is found in its text."""

from __future__ import annotations

import pytest

from graph.errors import InvalidParameter, NotFound
from graph.navigation import get_service, get_source, list_sources
from graph.paths import SOURCES_DIR


def test_every_source_file_is_a_record_with_title_kind_and_status(kg):
    listed = list_sources(kg)
    files = {p.name for p in SOURCES_DIR.iterdir() if p.name != "README.md"}
    assert {item["file"] for item in listed["items"]} == files and listed["total"] == len(files)
    for item in listed["items"]:
        assert item["title"] and item["kind"] and item["status"] and item["reading"], item["id"]
        assert item["citations"] > 0, f"{item['id']} is cited by nothing"


def test_dated_and_design_sources_say_so(kg):
    by_id = {item["id"]: item for item in list_sources(kg)["items"]}
    assert (by_id["004_2757dcba9bd89fd9"]["status"], by_id["004_2757dcba9bd89fd9"]["date"]) == ("historical", "2008")
    assert by_id["design-card"]["status"] == "design-assumption"
    assert by_id["003_5e8b4fceeaf8ff9d"]["kind"] == "brochure"
    assert all(by_id[i]["date"] is None for i in by_id if i not in {"004_2757dcba9bd89fd9"})


def test_the_text_is_the_file_the_quotes_are_checked_against(kg):
    for item in list_sources(kg)["items"]:
        assert get_source(kg, item["id"])["text"] == (SOURCES_DIR / item["file"]).read_text(encoding="utf-8")


def test_every_quote_of_every_service_is_found_in_its_cited_source(kg):
    checked = 0
    for row in kg.services:
        service = get_service(kg, row["id"])
        stack = [service]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if {"source", "title", "document", "quote"} <= node.keys():
                    found = get_source(kg, node["source"], node["quote"])
                    assert node["title"] == found["title"] and found["file"] == node["document"]
                    spans = found["highlights"]
                    assert spans, f"{node['quote']!r} not in {node['source']}"
                    assert found["text"][spans[0]["start"] : spans[0]["end"]] == node["quote"]
                    checked += 1
                else:
                    stack.extend(node.values())
    assert checked >= 200


def test_a_quote_not_in_the_document_has_no_highlight(kg):
    assert get_source(kg, "000_c68bb571f4d5db5f", "ei tässä tekstissä")["highlights"] == []


def test_unknown_source_and_overlong_quote_are_refused(kg):
    with pytest.raises(NotFound):
        get_source(kg, "nope")
    with pytest.raises(InvalidParameter) as refused:
        get_source(kg, "design-card", "x" * 2001)
    assert refused.value.field == "quote"
