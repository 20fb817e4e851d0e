"""PTV v11 import: provenance, shapes, the seed services' eligibility answers, incremental re-import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.build.importers import import_ptv
from graph.build.importers.coordinates import parse_point, to_wgs84
from graph.build.importers.hours import slots
from graph.build.validate import validate
from graph.paths import CURATED_DIR

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "ptv" / "seed"
TVPT, NEUVONTA = "ptv-00000000-0000-4000-8000-000000000001", "ptv-00000000-0000-4000-8000-000000000002"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ptv")
    report = import_ptv([SEED], out)
    assert report["imported"] == 2 and report["skipped"] == []
    return out


@pytest.fixture(scope="module")
def combined_kg(imported):
    from graph.build.pipeline import build_graph
    from graph.store.knowledge import KnowledgeGraph

    return KnowledgeGraph(build_graph([CURATED_DIR, imported], reasoner="rules"))


def test_imported_data_passes_quotes_and_shapes_alone_and_with_the_curated(imported):
    for data in ([imported], [CURATED_DIR, imported]):
        report = validate(data, reasoner="rules")
        assert report.conforms, report.text()


def test_every_fact_cites_its_record_field(combined_kg):
    rows = combined_kg.store.select(
        """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX pp: <https://w3id.org/perhepolku/ontology#>
        SELECT ?d ?path ?file WHERE { ?d prov:entity ?r . ?r a pp:CatalogueRecord ; pp:sourceFile ?file .
        OPTIONAL { ?d pp:fieldPath ?path } }"""
    )
    assert len(rows) > 40 and all(r.get("path") for r in rows)
    assert {r["file"].split("/")[0] for r in rows} == {"ptv"}


def test_a_changed_record_fails_the_quote_check(imported, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(imported, copy)
    record = copy / "sources" / "ptv" / "service-00000000-0000-4000-8000-000000000001.json"
    record.write_text(
        record.read_text(encoding="utf-8").replace("helsinkiläisille.", "espoolaisille."), encoding="utf-8"
    )
    report = validate([copy], reasoner="rules")
    assert any("requirements[0].value" in p for p in report.quote_problems)


PROFILES = [
    {"pregnancy_week": ["25"], "municipality": ["Helsinki"]},
    {"pregnancy_week": ["10"], "municipality": ["Helsinki"]},
    {"child_age_months": ["6"], "municipality": ["Espoo"]},
    {"child_age_months": ["18"], "municipality": ["Helsinki"]},
    {"child_age_months": ["6"], "municipality": ["Helsinki"], "language": ["sv"]},
    {"pregnancy_week": ["30"], "municipality": ["Vantaa"], "language": ["en"]},
]


def _verdict(answer, service_id):
    for status in ("eligible", "ineligible", "unknown"):
        for item in answer[status]:
            if item["id"] == service_id:
                return status, sorted((r["kind"], r["status"]) for r in item["reasons"])
    raise AssertionError(service_id)


@pytest.mark.parametrize("raw", PROFILES)
def test_seed_services_as_ptv_records_get_the_curated_answers(combined_kg, raw):
    """Where the PTV fields carry the same facts (stage bounds, residence, area, language) the answers agree.
    Access routes are not compared: the curated graph has routes (via the phone service) no PTV field holds."""
    from graph.navigation import parse_profile, screen

    answer = screen(combined_kg, parse_profile(combined_kg, raw), limit=1000)
    # the curated graph also holds the conditions of use the second reading added (a concern that
    # reflects on parenthood, basic support not enough: unknown until asked); the PTV fixture's
    # requirement text carries only the stage and residence sentences, so those verdicts are compared
    carried = {"stage", "area", "language"}
    imported, curated = _verdict(answer, TVPT)[1], _verdict(answer, "terapeuttinen-vauvaperhetyo")[1]
    assert [r for r in imported if r[0] in carried] == [r for r in curated if r[0] in carried]
    assert {r[0] for r in imported} & carried, imported
    assert _verdict(answer, NEUVONTA)[0] == _verdict(answer, "lapsiperheiden-sosiaalineuvonta")[0]


def test_requirement_bounds_are_read_by_named_rules(combined_kg):
    rows = combined_kg.store.select(
        """PREFIX pp: <https://w3id.org/perhepolku/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?p ?o ?rule WHERE { ?r a pp:Reading ; rdf:predicate ?p ; rdf:object ?o ; pp:readingBasis ?rule ;
        pp:readingStatus pp:Interpreted }"""
    )
    # the curated graph's own readings (inferred types, interpreted quotes) are not the importer's
    named_rules = {
        "pregnancy-week-from",
        "child-age-under",
        "residence-demonym",
        "referral-needed",
        "referral-not-needed",
    }
    got = {(r["p"].rsplit("#", 1)[-1], r["o"], r["rule"]) for r in rows if r["rule"] in named_rules}
    assert {r["rule"] for r in rows} - named_rules, "the curated readings are in the combined graph too"
    assert got == {
        ("minPregnancyWeek", 20, "pregnancy-week-from"),
        ("childAgeUnderMonths", 12, "child-age-under"),
        ("residenceMunicipality", "https://w3id.org/perhepolku/id/municipality/091", "residence-demonym"),
    }


def test_channels_hours_and_places(combined_kg):
    from graph.navigation import get_service

    svc = get_service(combined_kg, NEUVONTA)
    phone = next(c for c in svc["channels"] if c["telephone"])
    assert phone["telephone"] == "09 3101 5454" and [h["day"] for h in phone["hours"]][:2] == ["Monday", "Tuesday"]
    assert {h["opens"] for h in phone["hours"]} == {"09:00"}
    tvpt = get_service(combined_kg, TVPT)
    assert sorted(p["labels"]["fi"] for p in tvpt["places"]["items"]) == ["Kallion perhekeskus", "Malmi"]
    assert [i["id"] for i in tvpt["area"]["items"]] == ["091"] and tvpt["cost"]["items"][0]["kind"] == "free"


def test_reimport_replaces_removes_and_since(tmp_path):
    records = json.loads((SEED / "services.json").read_text(encoding="utf-8"))
    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    out = tmp_path / "out"
    import_ptv([src], out)
    first = (out / f"ptv-service-{TVPT[4:]}.ttl").read_text(encoding="utf-8")
    assert "helsinkiläisille" in first
    records[0]["requirements"][0]["value"] = "Palvelu on tarkoitettu espoolaisille."
    records[0]["modified"] = "2026-11-20T08:00:00Z"
    records[1]["publishingStatus"] = "Archived"
    (src / "services.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    report = import_ptv([src], out)
    again = (out / f"ptv-service-{TVPT[4:]}.ttl").read_text(encoding="utf-8")
    assert "helsinkiläisille" not in again and "municipality/049" in again and "municipality/091" in again  # area stays
    assert report["removed"] == [NEUVONTA[4:]] and not (out / f"ptv-service-{NEUVONTA[4:]}.ttl").exists()
    from datetime import datetime

    since = import_ptv([src], out, since=datetime(2026, 11, 10))
    assert since["imported"] == 1 and since["unchanged_before_since"] == 1
    assert validate([out], reasoner="rules").conforms


def test_coordinates_tm35fin_to_wgs84():
    lat, lon = to_wgs84(6672260, 385850)  # Helsinki, by the railway station
    assert abs(lat - 60.1712) < 0.001 and abs(lon - 24.9426) < 0.001
    assert parse_point("6672260", "385850") == (lat, lon) and parse_point("60.17", "24.94") is None


@pytest.mark.parametrize(
    ("hour", "expected"),
    [
        ({"openingHour": [{"dayFrom": "Monday", "from": "9:00", "to": "12:00"}]}, [(["Monday"], "09:00:00", "12:00:00")]),
        ({"openingHour": [{"dayFrom": "Friday", "dayTo": "Saturday", "from": "22:00", "to": "02:00"}]},
         [(["Friday"], "22:00:00", "02:00:00")]),
        ({"isAlwaysOpen": True}, [(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "00:00:00", "23:59:59")]),
        ({"serviceHourType": "Exceptional", "isClosed": True, "validFrom": "2026-12-24T00:00:00Z",
          "openingHour": [{"dayFrom": "Thursday"}]}, [(["Thursday"], "00:00:00", "00:00:00")]),
    ],
)  # fmt: skip
def test_service_hours(hour, expected):
    got = slots(hour)
    assert [(s["days"], s["opens"], s["closes"]) for s in got] == expected
    if hour.get("serviceHourType") == "Exceptional":
        assert got[0]["valid_from"] == "2026-12-24T00:00:00Z"


def test_generated_ptv_records_import_and_conform(tmp_path):
    from graph.build.importers.generate_ptv import generate_ptv

    assert generate_ptv(40, 3, tmp_path / "ptv")["services"] == 40
    report = import_ptv([tmp_path / "ptv"], tmp_path / "out")
    assert report["imported"] == 40
    result = validate([tmp_path / "out"], reasoner="rules")
    assert result.conforms, result.text()


def test_an_organization_record_makes_a_public_competent_authority(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    org = {
        "id": "00000000-0000-4000-8000-0000000000a1",
        "organizationType": "Municipality",
        "organizationNames": [{"language": "fi", "type": "Name", "value": "Sosiaali- ja terveystoimiala"}],
        "publishingStatus": "Published",
        "modified": "2026-11-02T08:00:00Z",
    }
    (src / "organization.json").write_text(json.dumps(org, ensure_ascii=False), encoding="utf-8")
    import_ptv([src], tmp_path / "out")
    text = (tmp_path / "out" / f"ptv-service-{TVPT[4:]}.ttl").read_text(encoding="utf-8")
    assert "cv:hasCompetentAuthority" in text and "cv:PublicOrganisation" in text
    assert (tmp_path / "out" / "sources" / "ptv" / f"organization-{org['id']}.json").is_file()
    assert validate([tmp_path / "out"], reasoner="rules").conforms


def test_alternative_names_and_user_instructions_reach_hsds(tmp_path, hsds_schema):
    from graph import hsds
    from graph.build.pipeline import build_graph
    from graph.hsds.index import hsds_index
    from graph.store.knowledge import KnowledgeGraph

    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    records = json.loads((src / "services.json").read_text(encoding="utf-8"))
    records[1]["serviceNames"].append(
        {"language": "fi", "type": "AlternativeName", "value": "Sosiaalineuvonnan puhelin"}
    )
    records[1]["serviceDescriptions"].append(
        {"language": "fi", "type": "UserInstruction", "value": "Soita numeroon 09 3101 5454 ma-pe klo 9-12."}
    )
    (src / "services.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    import_ptv([src], tmp_path / "out")
    kg = KnowledgeGraph(build_graph([tmp_path / "out"], reasoner="rules"))
    doc = hsds.service(kg, hsds_index(kg).by_slug[NEUVONTA])
    assert doc["alternate_name"] == "Sosiaalineuvonnan puhelin"
    assert doc["application_process"] == "Soita numeroon 09 3101 5454 ma-pe klo 9-12."
    assert list(hsds_schema("service").iter_errors(doc)) == []
