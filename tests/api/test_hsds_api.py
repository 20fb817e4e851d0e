"""The HSDS 3.0 routes under /hsds/: root, Page envelope, filters, ndjson and problem answers."""

from __future__ import annotations

import json

import pytest


def test_root_declares_version_and_profile(client):
    body = client.get("/hsds/").get_json()
    assert body["version"] == "3.0"
    assert body["profile"] == "https://w3id.org/perhepolku/hsds/profile/1.0"
    assert body["openapi_url"].endswith("/openapi.json")


def test_services_page_and_detail(client, hsds_schema):
    page = client.get("/hsds/services?per_page=4&page=2&lang=sv").get_json()
    assert (page["page_number"], page["size"], page["total_items"]) == (2, 4, 21)
    detail = client.get(f"/hsds/services/{page['contents'][0]['id']}?lang=en")
    assert detail.status_code == 200
    assert list(hsds_schema("service").iter_errors(detail.get_json())) == []


def test_ndjson_streams_every_match_unpaged(client):
    answer = client.get("/hsds/services?format=ndjson&per_page=2&search=perhe")
    assert answer.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in answer.get_data(as_text=True).splitlines()]
    paged = client.get("/hsds/services?per_page=100&search=perhe").get_json()
    assert [d["id"] for d in lines] == [d["id"] for d in paged["contents"]] and len(lines) > 2


def test_organization_filter_and_lookups(client):
    orgs = client.get("/hsds/organizations").get_json()["contents"]
    org = next(o for o in orgs if o["name"] == "Sosiaali- ja terveystoimiala")
    services = client.get(f"/hsds/services?organization_id={org['id']}&per_page=100").get_json()["contents"]
    assert services and all(s["organization_id"] == org["id"] for s in services)
    assert client.get(f"/hsds/organizations/{org['id']}").get_json() == org
    sal = client.get("/hsds/service_at_locations").get_json()["contents"][0]
    assert client.get(f"/hsds/service_at_locations/{sal['id']}").get_json() == sal
    taxonomy = client.get("/hsds/taxonomies").get_json()["contents"][0]
    terms = client.get(f"/hsds/taxonomy_terms?taxonomy_id={taxonomy['id']}&per_page=1000").get_json()["contents"]
    assert terms and all(t["taxonomy_id"] == taxonomy["id"] for t in terms)
    assert client.get(f"/hsds/taxonomy_terms/{terms[0]['id']}").get_json() == terms[0]
    assert client.get(f"/hsds/taxonomies/{taxonomy['id']}").get_json() == taxonomy


def test_modified_after_excludes_services_without_a_modification_date(client):
    assert client.get("/hsds/services?modified_after=2001-01-01T00:00:00Z").get_json()["total_items"] == 0


@pytest.mark.parametrize(
    ("url", "status", "field"),
    [
        ("/hsds/services?page=0", 400, "page"),
        ("/hsds/services?per_page=5000", 400, "per_page"),
        ("/hsds/services?format=xml", 400, "format"),
        ("/hsds/services?lang=de", 400, "lang"),
        ("/hsds/services?modified_after=yesterday", 400, "modified_after"),
        ("/hsds/services?full=true", 400, "full"),
        ("/hsds/services/00000000-0000-0000-0000-000000000000", 404, "id"),
        ("/hsds/taxonomy_terms/nope", 404, "id"),
    ],
)
def test_problems(client, url, status, field):
    answer = client.get(url)
    assert answer.status_code == status and answer.mimetype == "application/problem+json"
    assert answer.get_json()["field"] == field
