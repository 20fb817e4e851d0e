"""Inputs the docs promise to refuse are refused with a 400 problem naming the field; real values stay valid."""

from __future__ import annotations

import pytest

from graph.store.municipalities import official


def _problem(response, field: str) -> dict:
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["field"] == field, body
    return body


def test_the_official_list_has_309_municipalities_with_fi_and_sv_names():
    municipalities = official()
    assert len(municipalities.names) == 309
    assert all({"fi", "sv"} <= set(names) for names in municipalities.names.values())
    assert municipalities.names["091"] == {"fi": "Helsinki", "sv": "Helsingfors"}
    assert municipalities.code("Åbo") == municipalities.code("turku") == "853"
    assert municipalities.code("S:t Karins") == "202"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/eligibility?municipality={}",
        "/api/v1/search?q=vauva&municipality={}",
        "/api/v1/gaps?municipality={}",
        "/api/v1/queries/services-by-municipality?municipality={}",
    ],
)
@pytest.mark.parametrize("value", ["Atlantis", "Helsinkii", "999", "Tukholma"])
def test_unknown_municipalities_are_refused(client, path, value):
    body = _problem(client.get(path.format(value)), "municipality")
    if value == "Helsinkii":
        assert "Helsinki" in body["detail"]  # did you mean


def test_a_real_municipality_outside_the_graph_stays_valid(client):
    for value in ("Espoo", "Esbo", "049", "Koski Tl"):
        response = client.get(f"/api/v1/eligibility?municipality={value}&pregnancy_week=24")
        assert response.status_code == 200, value
        assert response.get_json()["profile"]["municipality"] == value
    search = client.get("/api/v1/search?q=vauva&municipality=Espoo").get_json()
    assert search["total"] == 0


def test_search_takes_municipality_names_and_codes(client):
    by_code = client.get("/api/v1/search?q=vauva&municipality=091").get_json()
    for value in ("Helsinki", "helsingfors"):
        by_name = client.get(f"/api/v1/search?q=vauva&municipality={value}").get_json()
        assert [i["id"] for i in by_name["items"]] == [i["id"] for i in by_code["items"]]
    assert by_code["total"] > 0


def test_named_query_service_must_exist(client):
    _problem(client.get("/api/v1/queries/pathway-downstream?service=nope"), "service")
    assert client.get("/api/v1/queries/pathway-downstream?service=neuvola").status_code == 200


def test_concepts_are_checked_against_their_scheme(client):
    _problem(client.get("/api/v1/search?q=vauva&work_form=anxiety"), "work_form")
    _problem(client.get("/api/v1/search?q=vauva&situation=home-visit"), "situation")
    _problem(client.get("/api/v1/eligibility?situation=home-visit"), "situation")
    _problem(client.get("/api/v1/queries/services-by-work-form?work_form=anxiety"), "work_form")
    assert client.get("/api/v1/search?q=vauva&work_form=home-visit").status_code == 200


@pytest.mark.parametrize("value", ["yes", "no", "1", "0", "on"])
def test_booleans_are_true_or_false_only(client, value):
    _problem(client.get(f"/api/v1/eligibility?anonymous={value}"), "anonymous")
    _problem(client.get(f"/api/v1/search?q=vauva&free={value}"), "free")


def test_post_eligibility_takes_the_query_string_fields_and_echoes_the_same_keys(client):
    query = "pregnancy_week=24&situation=anxiety&municipality=Helsinki&limit=2"
    got = client.get(f"/api/v1/eligibility?{query}").get_json()
    body = {"pregnancy_week": 24, "situation": ["anxiety"], "municipality": "Helsinki", "limit": 2}
    posted = client.post("/api/v1/eligibility", json=body).get_json()
    assert posted == got
    assert posted["limit"] == 2
    assert set(posted["profile"]) == {
        "municipality",
        "pregnancy_week",
        "child_age_months",
        "situation",
        "not_acute",
        "previous_service",
        "current_service",
        "language",
        "anonymous",
        "self_referral",
    }
    assert posted["profile"]["situation"] == ["anxiety"]
    _problem(client.post("/api/v1/eligibility", json={"limit": 0}), "limit")
    _problem(client.post("/api/v1/eligibility", json={"limit": True}), "limit")
