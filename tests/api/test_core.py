"""The API contract of the knowledge-graph issue: health, services, one service, concepts, problems."""

from __future__ import annotations

import re

import pytest

PROBLEM = "application/problem+json"


def test_health_reports_the_loaded_graph(client, kg):
    body = client.get("/health").get_json()
    assert body["status"] == "ok"
    assert body["graph"]["version"] == kg.manifest["version"]
    assert body["graph"]["quads"] == len(kg.store)


def test_health_reads_the_manifest_and_never_counts_the_store(client, kg, monkeypatch):
    # a load balancer calls it every few seconds: counting 1.4M quads took 250 ms a call
    def no_counting(store):
        raise AssertionError("/health counted the store")

    monkeypatch.setattr(type(kg.store), "__len__", no_counting)
    body = client.get("/health").get_json()
    assert body["graph"]["quads"] == kg.manifest["quads"]


def test_services_list_is_paged(client):
    body = client.get("/api/v1/services?limit=5&offset=2").get_json()
    assert body["total"] == 21 and len(body["items"]) == 5
    first = body["items"][0]
    assert set(first) == {"id", "iri", "labels"} and set(first["labels"]) == {"fi", "sv", "en"}
    everything = client.get("/api/v1/services?limit=1000").get_json()["items"]
    assert [s["id"] for s in everything[2:7]] == [s["id"] for s in body["items"]]


def test_one_service_has_every_part_with_sources(client):
    body = client.get("/api/v1/services/terapeuttinen-vauvaperhetyo").get_json()
    assert body["labels"]["fi"] == "Terapeuttinen vauvaperhetyö"
    assert body["translated"] == ["en", "sv"]
    for part in (
        "provider",
        "places",
        "area",
        "languages",
        "cost",
        "target_groups",
        "work_forms",
        "situations",
        "access_routes",
        "service_level",
    ):
        assert body[part]["known"], part
        assert all(src["document"] == "000_c68bb571f4d5db5f.txt" for src in body[part]["sources"]), part
    assert {i["id"] for i in body["languages"]["items"]} == {"fi", "sv", "en"}
    assert body["cost"]["items"][0]["kind"] == "free"
    phone = next(c for c in body["channels"] if c["id"] == "sosiaalineuvonta-puhelin")
    assert phone["telephone"] == "09 3101 5454"
    assert [h["day"] for h in phone["hours"]] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert phone["hours"][0] == {"day": "Monday", "opens": "09:00", "closes": "12:00"}
    swedish = next(c for c in body["channels"] if c["id"] == "sosiaalineuvonta-ruotsi")
    assert swedish["language"] == "sv" and swedish["hours"] == [{"day": "Monday", "opens": "09:00", "closes": "12:00"}]
    stage = next(r for r in body["eligibility"] if r["type"] == "FamilyStageCriterion")
    assert stage["minPregnancyWeek"] == 20 and stage["childAgeUnderMonths"] == 12 and stage["sources"]
    assert {e["situations"][0] for e in body["exclusions"]} == {
        "substance-use-acute",
        "psychosis-acute",
        "family-violence-acute",
    }
    assert {link["id"] for link in body["links"]["upstream"]} == {
        "neuvola",
        "perhetyo",
        "lapsiperheiden-sosiaalineuvonta",
    }
    assert body["links"]["downstream"] == []  # no source sends a family from here to Jälkituki
    assert body["provider"]["claim"] == "stated" and body["service_level"]["claim"] == "interpreted"
    assert body["area"]["sources"][0]["status"] == "undated"


def test_baby_blues_is_anonymous_and_free(client):
    body = client.get("/api/v1/services/baby-blues").get_json()
    assert body["anonymous"]["items"] == [{"value": True}]
    assert body["anonymous"]["sources"][0]["quote"] == "Palvelu on maksutonta ja siihen voi osallistua nimettömänä."
    client_status = next(r for r in body["eligibility"] if r["type"] == "ClientStatusCriterion")
    assert client_status["clientshipRequired"] is False


@pytest.mark.parametrize(
    "url, status, field",
    [
        ("/api/v1/services/ei-ole", 404, "id"),
        ("/api/v1/services/%00", 400, "path"),
        ("/api/v1/services?limit=0", 400, "limit"),
        ("/api/v1/services?offset=-1", 400, "offset"),
        ("/api/v1/services?colour=red", 400, "colour"),
        ("/api/v1/concepts?scheme=nope", 400, "scheme"),
    ],
)
def test_bad_input_is_a_problem(client, url, status, field):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    assert response.get_json()["field"] == field


def test_unknown_route_and_method_are_problems(client):
    assert client.get("/nope").mimetype == PROBLEM
    response = client.delete("/api/v1/services")
    assert response.status_code == 405 and response.mimetype == PROBLEM


def test_concepts_have_three_labels_and_filter_by_scheme(client):
    body = client.get("/api/v1/concepts?scheme=situation").get_json()
    assert {c["scheme"] for c in body["items"]} == {"situation"}
    ids = {c["id"] for c in body["items"]}
    assert {
        "depression",
        "anxiety",
        "crying-baby",
        "sleep-problems",
        "interaction-concern",
        "substance-use",
        "psychosis",
        "family-violence-acute",
        "child-placed",
    } <= ids
    everything = client.get("/api/v1/concepts").get_json()["items"]
    assert all(all(c["labels"][lang] for lang in ("fi", "sv", "en")) for c in everything)
    assert any(c["id"] == "KR1.2" and c["iri"].startswith("http://uri.suomi.fi/codelist/ptv/") for c in everything)


def test_openapi_documents_every_route(app, client):
    spec = client.get("/openapi.json").get_json()
    documented = set(spec["paths"])
    for rule in app.url_map.iter_rules():
        # the web pages (and their assets) are HTML for people, documented in docs/web.md, not API operations
        if rule.endpoint.startswith("web."):
            continue
        if rule.endpoint != "static" and set(rule.methods) - {"OPTIONS", "HEAD"}:
            path = (
                re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
                .replace("{service_id}", "{id}")
                .replace("{source_id}", "{id}")
            )
            if path == "/api/v1/queries/{name}":  # documented as one operation per named query
                names = {q["name"] for q in client.get("/api/v1/queries").get_json()["items"]}
                assert {f"/api/v1/queries/{n}" for n in names} <= documented
                continue
            assert path in documented, path


def test_sources_are_records_with_their_text(client):
    listed = client.get("/api/v1/sources").get_json()
    assert [item["id"] for item in listed["items"]][-1] == "design-card"
    one = client.get("/api/v1/sources/003_5e8b4fceeaf8ff9d", query_string={"quote": "nimettömänä"})
    assert one.status_code == 200 and one.get_json()["kind"] == "brochure" and len(one.get_json()["highlights"]) == 2
    missing = client.get("/api/v1/sources/nope")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    assert client.get("/api/v1/sources?quote=x").status_code == 400
