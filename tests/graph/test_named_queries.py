"""Every named query against answers the seeds decide, plus the catalogue's own rules."""

from __future__ import annotations

import pytest

from graph.errors import InvalidParameter, NotFound
from graph.store.catalog import Catalog

S = "https://w3id.org/perhepolku/id/service/"


def ids(rows, key="id"):
    return [r[key] for r in rows]


def test_every_query_has_a_header_and_runs_with_its_examples(kg):
    catalog = Catalog()
    assert len(catalog.queries) >= 30
    for query in catalog:
        assert query.title and query.description, query.name
        params = {p.name: p.example for p in query.params if p.example}
        assert all(p.example for p in query.params if p.required), query.name
        kg.run(query.name, params)  # raises on a malformed query


def test_pathway_downstream_in_order(kg):
    # the design card's "therapeutic work → aftercare" is not a link: Jälkituki follows an ensikoti
    # period or the day group (source 001), so the pathway from neuvola ends at the therapeutic work
    assert ids(kg.select("pathway-downstream", {"service": "neuvola"})) == ["perhetyo", "terapeuttinen-vauvaperhetyo"]


def test_pathway_upstream(kg):
    rows = kg.select("pathway-upstream", {"service": "jalkituki"})
    assert ids(rows)[:2] == ["ensikotijakso", "hoidollinen-paivaryhma"]
    assert "psykiatrinen-hoito" in ids(rows) and "terapeuttinen-vauvaperhetyo" not in ids(rows)


def test_exclusions_and_alternatives(kg):
    rows = kg.select("exclusion-alternatives", {"service": "terapeuttinen-vauvaperhetyo"})
    by_situation = {}
    for r in rows:
        by_situation.setdefault(r["situationId"], set()).add(r.get("alternativeId"))
    assert by_situation == {
        "substance-use-acute": {"paihteita-kayttavan-perheen-avopalvelut"},
        "psychosis-acute": {None},
        "family-violence-acute": {None},
    }


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "self-referral-services",
            {"baby-blues", "perhetyo", "terapeuttinen-vauvaperhetyo", "lapsiperheiden-sosiaalineuvonta"},
        ),
        ("anonymous-services", {"baby-blues"}),
        ("free-services", {"baby-blues", "perhetyo", "terapeuttinen-vauvaperhetyo"}),
        # not the therapeutic work: it is used when basic-level support is not enough (source 000)
        ("low-threshold-services", {"baby-blues", "perhetyo"}),
    ],
)
def test_service_classes(kg, name, expected):
    assert set(ids(kg.select(name))) == expected


@pytest.mark.parametrize(
    "name, params, expected",
    [
        ("services-by-language", {"language": "sv"}, {"terapeuttinen-vauvaperhetyo"}),
        ("services-by-language", {"language": "en"}, {"terapeuttinen-vauvaperhetyo"}),
        (
            "services-by-municipality",
            {"municipality": "Helsingfors"},
            {"terapeuttinen-vauvaperhetyo"},
        ),
        # the family coaching's "Helsingissä" says where it was developed, not an area served
        ("services-by-municipality", {"municipality": "091"}, {"terapeuttinen-vauvaperhetyo"}),
        ("services-by-municipality", {"municipality": "Espoo"}, set()),
        (
            "services-by-work-form",
            {"work_form": "home-visit"},
            {"terapeuttinen-vauvaperhetyo", "baby-blues", "hoidollinen-paivaryhma"},
        ),
        (
            "services-by-work-form",
            {"work_form": "group"},
            {
                "terapeuttinen-vauvaperhetyo",
                "baby-blues",
                "hoidollinen-paivaryhma",
                "perhevalmennus",
                "fysioterapiaryhmat",
            },
        ),
        (
            "services-by-target-group",
            {"target_group": "pregnant-women"},
            {"paihteita-kayttavan-perheen-avopalvelut", "fysioterapiaryhmat"},
        ),
        (
            "services-by-situation",
            {"situation": "depression"},
            {"terapeuttinen-vauvaperhetyo", "hoidollinen-paivaryhma", "baby-blues"},
        ),
        ("services-by-situation", {"situation": "substance-use"}, {"paihteita-kayttavan-perheen-avopalvelut"}),
    ],
)
def test_services_by(kg, name, params, expected):
    assert set(ids(kg.select(name, params))) == expected


def test_target_group_kr12_finds_narrower_groups(kg):
    found = set(ids(kg.select("services-by-target-group", {"target_group": "KR1.2"})))
    assert {"perhetyo", "baby-blues", "jalkituki", "paihteita-kayttavan-perheen-avopalvelut"} <= found


def test_channels_and_hours(kg):
    rows = kg.select("service-channels", {"service": "terapeuttinen-vauvaperhetyo"})
    phone = [r for r in rows if r["id"] == "sosiaalineuvonta-puhelin"]
    assert {r["telephone"] for r in phone} == {"09 3101 5454"}
    assert {r["day"].rsplit("/", 1)[-1] for r in phone} == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
    assert {(r["opens"], r["closes"]) for r in phone} == {("09:00:00", "12:00:00")}


def test_provenance_of_a_statement(kg):
    rows = kg.select(
        "provenance", {"subject": S + "baby-blues", "property": "https://w3id.org/perhepolku/ontology#anonymityAllowed"}
    )
    assert rows == [
        {
            "subject": S + "baby-blues",
            "property": "https://w3id.org/perhepolku/ontology#anonymityAllowed",
            "supports": "https://w3id.org/perhepolku/ontology#anonymityAllowed",
            "document": "003_5e8b4fceeaf8ff9d.txt",
            "quote": "Palvelu on maksutonta ja siihen voi osallistua nimettömänä.",
        }
    ]
    assert len(kg.select("provenance", {"subject": S + "baby-blues"})) > 20


def test_gap_queries(kg):
    assert {r["situationId"] for r in kg.select("gap-excluded-no-alternative")} == {
        "psychosis-acute",
        "family-violence-acute",
    }
    dead = {r["serviceId"]: r["hasNext"] for r in kg.select("gap-dead-ends")}
    assert dead == {"asumisharjoittelu": False, "baby-blues": True}
    missing = {(r["serviceId"], r["missing"]) for r in kg.select("gap-missing-data")}
    assert ("perhetyo", "area") in missing and ("baby-blues", "area") in missing
    assert ("terapeuttinen-vauvaperhetyo", "area") not in missing
    assert ("hoidolliset-avopalvelut", "provider") in missing
    sv = {r["situationId"] for r in kg.select("gap-language", {"language": "sv"})}
    assert "substance-use" in sv and "anxiety" not in sv


def test_stats_counts_classes(kg):
    counts = {r["class"].rsplit("#", 1)[-1]: r["count"] for r in kg.select("stats")}
    assert counts["Service"] == 21 and counts["ReferralLink"] == 12 and counts["Exclusion"] == 3


@pytest.mark.parametrize(
    "name, params, field",
    [
        ("pathway-downstream", {}, "service"),
        ("pathway-downstream", {"service": "Not A Slug!"}, "service"),
        ("services-by-situation", {"situation": "no-such-concept"}, "situation"),
        ("services-by-situation", {"situation": "home-visit"}, "situation"),  # a work form, not a situation
        ("services-by-work-form", {"work_form": "anxiety"}, "work_form"),  # a situation, not a work form
        ("pathway-downstream", {"service": "nope"}, "service"),  # a slug, but no such service
        ("eligibility-stage", {"pregnancy_week": "99"}, "pregnancy_week"),
        ("eligibility-stage", {"child_age_months": "-5"}, "child_age_months"),
        ("services-by-language", {"language": "de"}, "language"),
        ("provenance", {"subject": "javascript:alert(1)"}, "subject"),
        ("services", {"extra": "1"}, "extra"),
    ],
)
def test_parameters_are_type_checked(kg, name, params, field):
    if field is None:
        assert kg.select(name, params) == []
        return
    with pytest.raises(InvalidParameter) as error:
        kg.select(name, params)
    assert error.value.field == field


def test_unknown_query(kg):
    for name in ("nope", "../etc/passwd", "services.rq", ""):
        with pytest.raises(NotFound):
            kg.named(name)


def test_injection_attempt_is_a_value_not_query_text(kg):
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o'
    with pytest.raises(InvalidParameter):
        kg.select("services-by-municipality", {"municipality": hostile})
    assert kg.select("services-by-municipality", {"municipality": "Helsinki"})


@pytest.mark.parametrize(
    "name, params, check",
    [
        ("municipalities", {}, lambda rows: [(r["code"], r["sv"]) for r in rows] == [("091", "Helsingfors")]),
        (
            "concepts",
            {"scheme": "service-level"},
            lambda rows: [r["id"] for r in rows] == ["aftercare", "early-support", "therapeutic", "universal"],
        ),
        (
            "service",
            {"service": "baby-blues"},
            lambda rows: (
                any(r["lang"] == "fi" and r["text"] == "Baby blues -toiminta" for r in rows)
                and any(r["lang"] == "en" and r["translated"] for r in rows)
            ),
        ),
        (
            "service-facts",
            {"service": "terapeuttinen-vauvaperhetyo"},
            lambda rows: (
                {r["id"] for r in rows if r["property"].endswith("#providedBy")} == {"sosiaali-ja-terveystoimiala"}
                and {r["id"] for r in rows if r["property"].endswith("#location")} == {"kallion-perhekeskus", "malmi"}
            ),
        ),
        (
            "service-requirements",
            {"service": "hoidollinen-paivaryhma"},
            lambda rows: (
                {r["id"] for r in rows} == {"paivaryhma-family-stage", "avopalvelut-resources", "paivaryhma-need"}
            ),
        ),
        (
            "service-links",
            {"service": "jalkituki"},
            lambda rows: (
                {(r["direction"], r["other"]) for r in rows}
                == {
                    ("upstream", "ensikotijakso"),
                    ("upstream", "hoidollinen-paivaryhma"),
                    ("downstream", "kotikunnan-palvelut"),
                }
            ),
        ),
        # 19, and the five the second reading added (two prerequisites, two assessed conditions, basic support)
        ("requirements", {}, lambda rows: len({(r["serviceId"], r["id"]) for r in rows}) == 24),
        (
            "eligibility-stage",
            {"child_age_months": "30"},
            lambda rows: (
                {r["serviceId"]: r["status"] for r in rows}["paihteita-kayttavan-perheen-avopalvelut"] == "met"
            ),
        ),
        (
            "eligibility-area",
            {"municipality": "Helsingfors"},
            lambda rows: (
                {r["serviceId"]: r["status"] for r in rows}["terapeuttinen-vauvaperhetyo"] == "met"
                and {r["serviceId"]: r["status"] for r in rows}["baby-blues"] == "unknown"
            ),
        ),
        (
            "eligibility-situation",
            {"situation": "family-violence-acute"},
            lambda rows: [(r["serviceId"], r["effect"]) for r in rows] == [("terapeuttinen-vauvaperhetyo", "excluded")],
        ),
        (
            "eligibility-access",
            {"anonymous": "true"},
            lambda rows: {r["serviceId"] for r in rows if r["anonymityStatus"] == "met"} == {"baby-blues"},
        ),
        (
            "situation-coverage",
            {},
            lambda rows: {r.get("serviceId") for r in rows if r["situationId"] == "psychosis"} == {None},
        ),
        (
            "search-facets",
            {},
            lambda rows: ("baby-blues", "anonymous", "true") in {(r["id"], r["facet"], r["value"]) for r in rows},
        ),
        (
            "search-texts",
            {},
            lambda rows: any(
                r["id"] == "perhetyo" and r["lang"] == "sv" and r["text"] == "Familjearbete" for r in rows
            ),
        ),
        (
            "concept-labels",
            {},
            lambda rows: any(
                r["id"] == "postpartum-depression" and r["label"] == "Förlossningsdepression" for r in rows
            ),
        ),
    ],
)
def test_more_expected_answers(kg, name, params, check):
    assert check(kg.select(name, params))
