"""HTTP contract of /api/v1/search and /api/v1/suggest."""

from __future__ import annotations

import pytest

PROBLEM = "application/problem+json"


def test_search_contract(client):
    body = client.get("/api/v1/search?q=synnytyksen+jälkeinen+masennus").get_json()
    assert set(body) >= {"total", "items", "facets", "did_you_mean", "interpreted"}
    first = body["items"][0]
    assert first["id"] == "baby-blues" and first["label"] == "Baby blues -toiminta"
    assert set(first) == {"id", "labels", "label", "score", "snippet", "snippet_lang", "snippet_translated", "concepts"}
    assert {"id": "postpartum-depression", "label": "Synnytyksen jälkeinen masennus"} in first["concepts"]
    assert "<mark" in "".join(i["snippet"] for i in body["items"])
    scores = [i["score"] for i in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert {"target_group", "situation", "work_form", "service_level", "municipality", "language"} == set(
        body["facets"]
    )
    assert all({"id", "label", "count"} == set(f) for values in body["facets"].values() for f in values)


def test_language_picks_labels(client):
    body = client.get("/api/v1/search?q=förlossningsdepression&lang=sv").get_json()
    assert body["items"][0]["label"] == "Baby blues-verksamhet"
    facet = body["facets"]["situation"][0]
    assert (
        facet["label"] in {"Depression", "Förlossningsdepression", "Familjens situationer och behov"} or facet["label"]
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=&situation=substance-use", {"paihteita-kayttavan-perheen-avopalvelut"}),
        ("q=vauva&anonymous=true", {"baby-blues"}),
        ("q=vauva&municipality=091&language=sv", {"terapeuttinen-vauvaperhetyo"}),
        ("q=&work_form=home-visit&free=true", {"terapeuttinen-vauvaperhetyo", "baby-blues"}),
        ("q=&service_level=aftercare", {"jalkituki"}),
        (
            "q=&target_group=pregnant-women&target_group=fathers",
            {"paihteita-kayttavan-perheen-avopalvelut", "fysioterapiaryhmat", "hoidollinen-paivaryhma"},
        ),
    ],
)
def test_filters(client, query, expected):
    body = client.get("/api/v1/search?" + query + "&limit=100").get_json()
    assert {i["id"] for i in body["items"]} == expected and body["total"] == len(expected)


def test_paging(client):
    everything = client.get("/api/v1/search?q=&limit=100").get_json()
    assert everything["total"] == 21
    page = client.get("/api/v1/search?q=&limit=5&offset=5").get_json()
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everything["items"][5:10]]


@pytest.mark.parametrize(
    "query, field",
    [
        ("q=x&lang=de", "lang"),
        ("q=x&limit=0", "limit"),
        ("q=x&limit=100000", "limit"),
        ("q=x&offset=-1", "offset"),
        ("q=x&situation=no-such", "situation"),
        ("q=x&free=perhaps", "free"),
        ("q=" + "a" * 600, "q"),
        ("q=x&colour=red", "colour"),
        ("q=x&municipality=../../etc", "municipality"),
    ],
)
def test_bad_search_input(client, query, field):
    response = client.get("/api/v1/search?" + query)
    assert response.status_code == 400 and response.mimetype == PROBLEM
    assert response.get_json()["field"] == field


@pytest.mark.parametrize("q", ["***", "%00", "\u200b", "(((", "OR AND NOT", "ä" * 400])
def test_absurd_queries_answer_cleanly(client, q):
    response = client.get("/api/v1/search", query_string={"q": q})
    assert response.status_code == 200 and isinstance(response.get_json()["items"], list)


def test_suggest(client):
    body = client.get("/api/v1/suggest?q=vau").get_json()
    texts = [i["text"] for i in body["items"]]
    assert "Vauvan syntymä tutuksi -käynti" in texts and len(texts) <= 10
    assert all("vau" in t.lower() for t in texts)
    swedish = client.get("/api/v1/suggest?q=fam&lang=sv").get_json()["items"]
    assert swedish[0]["lang"] == "sv"
    assert client.get("/api/v1/suggest?q=").get_json()["items"] == []
    assert client.get("/api/v1/suggest?q=x&limit=0").status_code == 400


def test_health_reports_the_index(client):
    assert client.get("/health").get_json()["index"]["documents"] == 21
