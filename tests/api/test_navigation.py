"""HTTP contract of eligibility, pathways, gaps and the named-query library."""

from __future__ import annotations

import csv
import io

import pytest

PROBLEM = "application/problem+json"


def test_eligibility_get_and_post_agree(client):
    query = "/api/v1/eligibility?pregnancy_week=24&situation=anxiety&municipality=Helsinki&language=sv"
    by_get = client.get(query).get_json()
    by_post = client.post(
        "/api/v1/eligibility",
        json={"pregnancy_week": 24, "situation": ["anxiety"], "municipality": "Helsinki", "language": "sv"},
    ).get_json()
    assert by_get == by_post
    assert [e["id"] for e in by_get["eligible"]] == ["terapeuttinen-vauvaperhetyo"]
    entry = by_get["eligible"][0]
    assert set(entry) >= {"id", "labels", "reasons", "access"}
    assert {"criterion", "detail", "sources"} <= set(entry["reasons"][0])


def test_ineligible_carries_reasons_and_alternatives(client):
    body = client.get("/api/v1/eligibility?child_age_months=4&situation=substance-use-acute").get_json()
    tvpt = next(e for e in body["ineligible"] if e["id"] == "terapeuttinen-vauvaperhetyo")
    assert tvpt["alternatives"][0]["id"] == "paihteita-kayttavan-perheen-avopalvelut"
    assert tvpt["reasons"][0]["sources"][0]["document"] == "000_c68bb571f4d5db5f.txt"
    assert all("missing" in e for e in body["unknown"])


@pytest.mark.parametrize(
    "query, field",
    [
        ("pregnancy_week=99", "pregnancy_week"),
        ("child_age_months=-5", "child_age_months"),
        ("situation=unknown-thing", "situation"),
        ("language=xx", "language"),
        ("hobby=golf", "hobby"),
    ],
)
def test_eligibility_bad_values(client, query, field):
    response = client.get("/api/v1/eligibility?" + query)
    assert response.status_code == 400 and response.mimetype == PROBLEM
    assert response.get_json()["field"] == field


def test_eligibility_post_needs_a_json_object(client):
    assert client.post("/api/v1/eligibility", data="x", content_type="text/plain").status_code == 415
    assert client.post("/api/v1/eligibility", data="[1]", content_type="application/json").status_code == 400
    assert client.post("/api/v1/eligibility", data="{bad json", content_type="application/json").status_code == 400
    response = client.post("/api/v1/eligibility", json={"pregnancy_week": "ninety"})
    assert response.status_code == 400 and response.get_json()["field"] == "pregnancy_week"


def test_pathway_endpoint(client):
    body = client.get("/api/v1/services/perhetyo/pathway").get_json()
    assert [d["id"] for d in body["downstream"]] == ["terapeuttinen-vauvaperhetyo"]
    assert body["upstream"] == [
        {"id": "neuvola", "labels": body["upstream"][0]["labels"], "depth": 1, "via": body["upstream"][0]["via"]}
    ]
    assert client.get("/api/v1/services/nope/pathway").status_code == 404


@pytest.mark.parametrize(
    "fmt, media, marker",
    [
        ("json", "application/json", '"edges"'),
        ("mermaid", "text/vnd.mermaid", "flowchart LR"),
        ("dot", "text/vnd.graphviz", "digraph pathway"),
        ("svg", "image/svg+xml", "<svg"),
    ],
)
def test_pathways_formats(client, fmt, media, marker):
    response = client.get(f"/api/v1/pathways?format={fmt}&lang=en")
    assert response.status_code == 200 and response.mimetype == media
    assert marker in response.get_data(as_text=True)
    assert client.get("/api/v1/pathways?format=png").status_code == 400


def test_gaps_endpoint(client):
    body = client.get("/api/v1/gaps").get_json()
    assert {"excluded_no_alternative", "uncovered_window", "no_service_in_language", "dead_end", "missing_data"} <= set(
        body["counts"]
    )
    assert all({"kind", "title", "detail", "services", "situations", "sources"} <= set(g) for g in body["items"])
    only_sv = client.get("/api/v1/gaps?language=sv").get_json()
    assert all("English" not in g["title"] for g in only_sv["items"] if g["kind"] == "no_service_in_language")
    assert client.get("/api/v1/gaps?language=fi").status_code == 400
    assert client.get("/api/v1/gaps?municipality=%3Cx%3E").status_code == 400


def test_named_query_catalogue_and_run(client):
    catalogue = client.get("/api/v1/queries").get_json()
    names = {q["name"] for q in catalogue["items"]}
    assert {"pathway-downstream", "eligibility-stage", "gap-dead-ends", "provenance"} <= names
    down = next(q for q in catalogue["items"] if q["name"] == "pathway-downstream")
    assert down["parameters"][0]["name"] == "service" and down["parameters"][0]["required"]
    result = client.get("/api/v1/queries/pathway-downstream?service=neuvola").get_json()
    assert [b["id"]["value"] for b in result["results"]["bindings"]][0] == "perhetyo"
    as_csv = client.get("/api/v1/queries/free-services?format=csv").get_data(as_text=True)
    assert len(list(csv.reader(io.StringIO(as_csv)))) == 4
    turtle = client.get("/api/v1/queries/pathway-graph", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle" and "leadsTo" in turtle.get_data(as_text=True)


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/v1/queries/nope", 404),
        ("/api/v1/queries/pathway-downstream", 400),
        ("/api/v1/queries/pathway-downstream?service=neuvola&bogus=1", 400),
        ("/api/v1/queries/eligibility-stage?pregnancy_week=abc", 400),
        ("/api/v1/queries/..%2F..%2Fetc%2Fpasswd", 404),
    ],
)
def test_named_query_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.mimetype == PROBLEM


def test_eligibility_limit(client):
    one = client.get("/api/v1/eligibility?municipality=Helsinki&child_age_months=3&limit=1").get_json()
    assert all(len(one[name]) <= 1 for name in ("eligible", "ineligible", "unknown")) and one["limit"] == 1
    posted = client.post("/api/v1/eligibility?limit=1", json={"municipality": "Helsinki", "child_age_months": 3})
    assert posted.get_json()["totals"] == one["totals"]
    bad = client.get("/api/v1/eligibility?limit=0")
    assert bad.status_code == 400 and bad.content_type == "application/problem+json"


def test_unfiltered_gaps_and_pathways_are_sent_as_the_build_stored_them(client, build_dir):
    folder = build_dir / "precomputed" / "reports"
    for path, name in (("/api/v1/gaps", "gaps"), ("/api/v1/pathways", "pathways")):
        response = client.get(path)
        assert response.status_code == 200 and response.mimetype == "application/json"
        assert response.data == (folder / f"{name}.json").read_bytes()
    filtered = client.get("/api/v1/gaps?language=sv")  # a filter is composed live
    assert filtered.data != (folder / "gaps.json").read_bytes() and filtered.get_json()["filters"]["language"] == "sv"
