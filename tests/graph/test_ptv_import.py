"""PTV v11 import: provenance, shapes, the seed services' eligibility answers, incremental re-import."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph.build.importers import import_ptv
from graph.build.importers.coordinates import parse_point, to_wgs84
from graph.build.importers.hours import DAYS, slots
from graph.build.validate import validate
from graph.paths import CURATED_DIR

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "ptv" / "seed"
TVPT, NEUVONTA = "ptv-00000000-0000-4000-8000-000000000001", "ptv-00000000-0000-4000-8000-000000000002"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ptv")
    report = import_ptv([SEED], out)
    assert report["imported"] == 21 and report["skipped"] == []
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
    # the municipalities cite Finland's municipality list, saved beside the PTV records
    assert {r["file"].split("/")[0] for r in rows} == {"ptv", "reference"}


def test_a_changed_record_fails_the_quote_check(imported, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(imported, copy)
    record = copy / "sources" / "ptv" / "service-00000000-0000-4000-8000-000000000001.json"
    record.write_text(
        record.read_text(encoding="utf-8").replace("helsinkiläisille.", "espoolaisille."), encoding="utf-8"
    )
    report = validate([copy], reasoner="rules")
    assert any("requirements[0].value" in p for p in report.quote_problems)


# What the PTV v11 fields cannot carry, per seed service, and why: verdicts of these kinds are not compared.
# Every other verdict is compared on every profile of the grid below. Profiles that name a situation, an
# acute phase or a service used before are left out of the comparison altogether: PTV has no field for the
# situations a service addresses or excludes (the exclusions of terapeuttinen-vauvaperhetyo stay requirement
# text, so its exclusion verdicts, which only a situation brings up, are not compared), nor for part-of
# links or the services before it, and no named rule reads them from the requirement text.
NOT_CARRIED: dict[str, dict[str, str]] = {
    "terapeuttinen-vauvaperhetyo": {
        "assessed_condition": "the concerns it assesses are concepts of the curated graph; PTV keeps the sentence as text",
        "self_referral": "its access routes (via the phone service, the online button) have no PTV field",
    },
    "lapsiperheiden-sosiaalineuvonta": {"self_referral": "its access route (self-referral) has no PTV field"},
    "perhetyo": {
        "self_referral": "its routes are a user instruction ('Voit myös itse jättää perhetyöpyynnön soittamalla.') no rule reads"
    },
    "hoidolliset-avopalvelut": {
        "stage": "stated without a number ('vauvaa odottaville ja vauvaperheille'): the rules read numeric bounds only"
    },
    "hoidollinen-paivaryhma": {
        "stage": "stated without a number: the sentence stays assessed text",
        "assessed_condition": "the needs it assesses are concepts of the curated graph",
        "assessed": "the curated one is its parent's condition (pp:partOf, which PTV has no field for)",
    },
    "paihteita-kayttavan-perheen-avopalvelut": {
        "stage:expecting": "'raskaana oleville naisille' names no pregnancy week: only the child's age limit is read",
        "situation": "it requires substance use, a situation no rule reads",
        "assessed": "the curated one is its parent's condition (pp:partOf)",
    },
    "asumisharjoittelu": {
        "stage": "stated without a number ('vauva- ja pikkulapsiperheille')",
        "prerequisite": "the services before it are text no rule reads",
        "self_referral": "its route (a referring party) is description text no rule reads",
        "assessed": "the curated one is its parent's condition (pp:partOf)",
    },
    "jalkituki": {
        "stage": "stated without a number ('vauva- ja pikkulapsiperheille')",
        "prerequisite": "the services before it are text no rule reads",
        "assessed": "the curated one is its parent's condition (pp:partOf)",
    },
    "baby-blues": {
        "stage": "stated without a number ('vauvaa odottaville tai vauvan jo saaneille perheille')",
        "client_status": "'Lastensuojelun asiakkuutta ei tarvita.' is text no rule reads",
        "assessed": "the imported one is that requirement text; the curated graph encodes it as stage and clientship",
        "self_referral": "its routes are a user instruction no rule reads",
        "anonymity": "anonymity has no PTV field (the charge information says it, as text)",
    },
    "perhevalmennus": {
        "stage": "the curated stage rests on a description sentence; the record has no requirement text"
    },
}
GRID = [
    {key: [str(value)] for key, value in zip(("pregnancy_week", "child_age_months", "municipality", "language",
                                               "self_referral", "anonymous"), values) if value is not None}
    for values in itertools.product((None, 10, 25), (None, 6, 18, 30, 48), (None, "Helsinki", "Espoo"),
                                    (None, "fi", "sv", "en"), (None, "true"), (None, "true"))
]  # fmt: skip


def _seed_pairs() -> dict[str, str]:
    """Curated service id -> the id of the PTV record written from it (its sourceId)."""
    return {rec["sourceId"]: f"ptv-{rec['id']}" for path in SEED.glob("services*.json")
            for rec in json.loads(path.read_text(encoding="utf-8"))}  # fmt: skip


def _carried(service_id: str, raw: dict[str, list[str]], kind: str) -> bool:
    skipped = NOT_CARRIED.get(service_id, {})
    return kind not in skipped and not (kind == "stage" and "pregnancy_week" in raw and "stage:expecting" in skipped)


def _bucket_of(answer: dict[str, Any], service_id: str) -> str:
    return next(
        name for name in ("eligible", "ineligible", "unknown") if any(s["id"] == service_id for s in answer[name])
    )


def test_seed_services_as_ptv_records_get_the_curated_answers(combined_kg):
    """Every one of the 21 seed services, as a PTV record, gets the curated verdict on every criterion the
    PTV fields carry (NOT_CARRIED says which they cannot, and why), and the curated overall answer wherever
    the curated and the imported verdicts are all of carried kinds."""
    from graph.navigation import parse_profile, screen
    from graph.navigation.criteria import tables, verdicts

    pairs = _seed_pairs()
    assert len(pairs) == 21 and set(NOT_CARRIED) <= set(pairs)
    compared = decided = answers = 0
    seen: set[tuple[str, str]] = set()  # (service, verdict kind) met on the grid
    for raw in GRID:
        profile = parse_profile(combined_kg, raw)
        found = verdicts(tables(combined_kg), profile, [*pairs, *pairs.values()])
        answer = screen(combined_kg, profile, limit=1000)
        for curated_id, ptv_id in pairs.items():
            curated = sorted((v.kind, v.status) for v in found[curated_id] if _carried(curated_id, raw, v.kind))
            imported = sorted((v.kind, v.status) for v in found[ptv_id] if _carried(curated_id, raw, v.kind))
            assert imported == curated, (curated_id, raw)
            compared += 1
            decided += sum(status in ("met", "failed") for _, status in curated)
            kinds = {v.kind for v in found[curated_id] + found[ptv_id]}
            seen |= {(curated_id, kind) for kind in kinds}
            if all(_carried(curated_id, raw, kind) for kind in kinds):
                assert _bucket_of(answer, ptv_id) == _bucket_of(answer, curated_id), (curated_id, raw)
                answers += 1
    assert compared == 21 * len(GRID) == 15120
    # every kind left out is one the grid brings up for that service: none is left out for nothing
    assert {(sid, k.split(":")[0]) for sid, skipped in NOT_CARRIED.items() for k in skipped} <= seen
    assert decided > 1800 and answers > 8000, (decided, answers)  # 1,884 met or failed, 8,640 answers


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
        ("childAgeUnderMonths", 36, "child-age-under"),  # "alle kolmevuotiaiden lasten perheille"
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
    assert since["imported"] == 1 and since["unchanged_before_since"] == 20
    # a later import of one service in Vantaa keeps the municipalities the folder's other services link to
    records = json.loads((src / "services.json").read_text(encoding="utf-8"))
    records[0]["modified"] = "2026-11-01T08:00:00Z"
    records[1] |= {"publishingStatus": "Published", "modified": "2026-12-01T08:00:00Z", "areaType": "LimitedType",
                   "areas": [{"type": "Municipality", "code": "092", "municipalities": []}]}  # fmt: skip
    (src / "services.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert import_ptv([src], out, since=datetime(2026, 11, 25))["imported"] == 1
    assert validate([out], reasoner="rules").conforms
    described = (out / "municipalities.ttl").read_text(encoding="utf-8")
    assert all(f'skos:notation "{code}"' in described for code in ("049", "091", "092"))


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


def test_an_organization_record_makes_a_public_competent_authority(imported):
    """TVPT's Responsible organisation has its record ("Sosiaali- ja terveystoimiala", organizations.json):
    a public one, so the curated cv:hasCompetentAuthority is reproduced; Baby blues' associations produce
    their service (roleType Producer), a provider and no competent authority."""
    text = (imported / f"ptv-service-{TVPT[4:]}.ttl").read_text(encoding="utf-8")
    assert "cv:hasCompetentAuthority" in text and "cv:PublicOrganisation" in text
    assert '"Sosiaali- ja terveystoimiala"@fi' in text
    assert (imported / "sources" / "ptv" / "organization-00000000-0000-4000-8000-0000000000a1.json").is_file()
    baby = (imported / "ptv-service-00000000-0000-4000-8000-000000000017.ttl").read_text(encoding="utf-8")
    assert "pp:providedBy" in baby and "cv:hasCompetentAuthority" not in baby


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


def _texts_of(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, value) of every text a fixture record holds."""
    out = [(f"{name}[{n}]", item["value"]) for name in ("serviceDescriptions", "requirements", "serviceNames",
           "serviceChannelNames", "organizationNames") for n, item in enumerate(record.get(name) or [])]  # fmt: skip
    return out + [(f"webPages[{n}]", page["url"]) for n, page in enumerate(record.get("webPages") or [])]


def test_every_fixture_text_is_taken_from_a_seed_source():
    """Descriptions, requirements and URLs verbatim from the seed texts, sentence by sentence (a requirement
    text joins the sentences of its source's conditions); a name either verbatim or the title
    the curated graph gives the same service, channel or organisation (a source that only mentions it, in
    another case, has no nominative to quote: "ympärivuorokautisen ensikotijakson jälkeen")."""
    from graph.build.importers.requirements import sentences
    from graph.paths import SOURCES_DIR

    sources = " ".join(p.read_text(encoding="utf-8") for p in SOURCES_DIR.glob("*.txt"))
    titles = " ".join(p.read_text(encoding="utf-8") for p in CURATED_DIR.glob("*.ttl"))
    checked = 0
    for path in SEED.glob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        for record in document["itemList"] if isinstance(document, dict) else document:
            for name in ("serviceNames", "serviceDescriptions"):  # PTV holds one text per type and language
                kinds = [(item["language"], item["type"]) for item in record.get(name) or []]
                assert len(kinds) == len(set(kinds)), (record["id"], name)
            for field_name, value in _texts_of(record):
                named = "Names" in field_name and f'dct:title "{value}"@fi' in titles
                for sentence in [value] if named or "Names" in field_name else sentences(value):
                    assert sentence in sources or named, (path.name, record["id"], field_name, sentence)
                    checked += 1
    assert checked > 80, checked


@pytest.mark.parametrize(
    ("area_type", "served", "home", "status"),
    [
        ("Nationwide", 309, "Maarianhamina", "met"),
        ("Nationwide", 309, "Utsjoki", "met"),
        ("NationwideExceptAland", 293, "Utsjoki", "met"),
        ("NationwideExceptAland", 293, "Maarianhamina", "failed"),
        ("NationwideExceptAland", 293, "Jomala", "failed"),
    ],
)
def test_a_nationwide_service_serves_every_municipality(tmp_path, hsds_schema, area_type, served, home, status):
    from graph.build.pipeline import build_graph
    from graph.navigation import parse_profile
    from graph.navigation.criteria import tables, verdicts
    from graph.store.knowledge import KnowledgeGraph

    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    import_ptv([src], tmp_path / "before")
    before = tmp_path / "before" / f"ptv-service-{NEUVONTA[4:]}.ttl"
    without_area = len(list(ox.parse(path=str(before), format=ox.RdfFormat.TURTLE)))
    records = json.loads((src / "services.json").read_text(encoding="utf-8"))
    assert "areaType" not in records[1]
    records[1]["areaType"] = area_type
    (src / "services.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert import_ptv([src], tmp_path / "out")["skipped"] == []
    kg = KnowledgeGraph(build_graph([tmp_path / "out"], reasoner="rules"))
    assert len(tables(kg).places(NEUVONTA)) == served
    found = verdicts(tables(kg), parse_profile(kg, {"municipality": [home]}), [NEUVONTA])[NEUVONTA]
    assert [(v.kind, v.status) for v in found if v.kind == "area"] == [("area", status)]
    path = tmp_path / "out" / f"ptv-service-{NEUVONTA[4:]}.ttl"
    text = path.read_text(encoding="utf-8")
    assert text.count('pp:fieldPath "areaType"') == 1  # one citation supports every link
    # the service's file holds its links and that citation only (the record had no area before): the
    # municipalities are described once, in the folder's municipalities.ttl, not copied into the service
    triples = len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    assert triples == without_area + served + 5, triples  # was 3,275 for Nationwide (2,781 municipality copies)
    assert "skos:prefLabel" not in text and (tmp_path / "out" / "municipalities.ttl").is_file()
    if served == 309 and home == "Utsjoki":
        from graph import hsds
        from graph.hsds.index import hsds_index

        assert validate([tmp_path / "out"], reasoner="rules").conforms
        doc = hsds.service(kg, hsds_index(kg).by_slug[NEUVONTA])
        assert len(doc["service_areas"]) == 309 and list(hsds_schema("service").iter_errors(doc)) == []


def test_a_connection_has_its_own_hours_contacts_and_charge_for_its_service_only(tmp_path):
    """serviceChannels[n] of NEUVONTA gives the phone line hours, a number and a charge of its own: NEUVONTA's
    channel has the connection's hours instead of the channel's and both numbers; TVPT, which uses the same
    channel record without connection facts, keeps the channel's own hours and number."""
    from graph.build.pipeline import build_graph
    from graph.navigation import get_service
    from graph.store.knowledge import KnowledgeGraph

    src = tmp_path / "src"
    shutil.copytree(SEED, src)
    records = json.loads((src / "services.json").read_text(encoding="utf-8"))
    records[1]["serviceChannels"][0] |= {
        "serviceChargeType": "Chargeable",
        "description": [
            {"language": "fi", "type": "Description", "value": "Neuvonta tiistaisin iltapäivällä."},
            {"language": "fi", "type": "ChargeTypeAdditionalInfo", "value": "Puhelun hinta on paikallisverkkomaksu."},
        ],
        "serviceHours": [
            {
                "serviceHourType": "DaysOfTheWeek",
                "openingHour": [{"dayFrom": "Tuesday", "from": "13:00", "to": "15:00"}],
            }
        ],
        "contactDetails": {"phoneNumbers": [{"prefixNumber": "+358", "number": "09 310 12345", "language": "fi"}]},
    }
    (src / "services.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert import_ptv([src], tmp_path / "out")["skipped"] == []
    report = validate([tmp_path / "out"], reasoner="rules")
    assert report.conforms, report.text()
    kg = KnowledgeGraph(build_graph([tmp_path / "out"], reasoner="rules"))
    own = next(
        c for c in get_service(kg, NEUVONTA)["channels"] if c["id"].endswith("." + NEUVONTA[4:].replace("-", ""))
    )
    assert own["hours"] == [{"day": "Tuesday", "opens": "13:00", "closes": "15:00"}]
    shared = next(c for c in get_service(kg, TVPT)["channels"] if c["id"] == "ptv-00000000-0000-4000-8000-0000000000c1")
    assert shared["telephone"] == "09 3101 5454" and {h["day"] for h in shared["hours"]} == set(DAYS[:5])
    text = (tmp_path / "out" / f"ptv-service-{NEUVONTA[4:]}.ttl").read_text(encoding="utf-8")
    for path in ("serviceChannels[0].serviceHours[0].openingHour[0].from",
                 "serviceChannels[0].contactDetails.phoneNumbers[0].number",
                 "serviceChannels[0].description[0].value", "serviceChannels[0].serviceChargeType"):  # fmt: skip
        assert f'pp:fieldPath "{path}"' in text, path
    assert '"09 310 12345"' in text and '"09 3101 5454"' in text and "pp:Fee" in text
    assert "Puhelun hinta on paikallisverkkomaksu." in text


def _curated_sentence_owners() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Quote -> the curated services that cite it (for anything but a title), and quote -> the services it
    is about: cited for a fact of the service itself, its requirements, cost or channels, or its curated
    description verbatim. A quote cited only for a description the curated graph rewrote in its own words
    (ensikotijakso's rests on "Asumisharjoittelu on tarkoitettu …") is not about that service."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCTERMS, PROV, RDF

    pp, cv = Namespace("https://w3id.org/perhepolku/ontology#"), Namespace("http://data.europa.eu/m8g/")
    graph = Graph()
    for path in CURATED_DIR.glob("*.ttl"):
        graph.parse(path, format="turtle")
    cited: dict[str, set[str]] = {}
    about: dict[str, set[str]] = {}
    for svc in graph.subjects(RDF.type, pp.Service):
        sid = str(graph.value(svc, DCTERMS.identifier))
        own = {str(text) for text in graph.objects(svc, DCTERMS.description)}
        nodes = [svc, *(o for p in (cv.holdsRequirement, cv.hasCost, cv.hasChannel) for o in graph.objects(svc, p))]
        for node in nodes:
            for d in graph.objects(node, PROV.qualifiedDerivation):
                supports, quote = graph.value(d, pp.supports), str(graph.value(d, pp.quote))
                if supports == DCTERMS.title:
                    continue
                cited.setdefault(quote, set()).add(sid)
                if not (node == svc and supports == DCTERMS.description and quote not in own):
                    about.setdefault(quote, set()).add(sid)
        for text in own:
            about.setdefault(text, set()).add(sid)
    return cited, about


def test_no_fixture_description_is_a_sentence_about_another_service():
    """A Summary, Description or UserInstruction sentence the curated graph cites must be one it cites as
    being about the same service (a fact of it, or its description verbatim); a sentence it cites only for
    another service, or only as the ground of a description it rewrote, is not this service's description.
    Nor is a description the service's bare name (a list item: "lastensuojelun palvelut")."""
    from graph.build.importers.requirements import sentences

    cited, about = _curated_sentence_owners()
    checked, wrong = 0, []
    for path in SEED.glob("services*.json"):
        for record in json.loads(path.read_text(encoding="utf-8")):
            sid, names = record["sourceId"], {n["value"].casefold() for n in record["serviceNames"]}
            for n, item in enumerate(record.get("serviceDescriptions") or []):
                if item["type"] not in ("Summary", "Description", "UserInstruction"):
                    continue
                for sentence in sentences(item["value"]):
                    citing = {s for quote, ids in cited.items() if sentence in quote for s in ids}
                    owners = {s for quote, ids in about.items() if sentence in quote for s in ids}
                    if sentence.casefold() in names or (citing and sid not in owners):
                        wrong.append((sid, f"serviceDescriptions[{n}]", sentence[:60], sorted(owners)))
                    checked += 1
    assert wrong == [] and checked > 40, (wrong, checked)


def test_every_imported_seed_service_has_a_valid_hsds_document(imported, hsds_schema):
    """The eight records with no description (no sentence of their source is about them) export without
    one; every document validates against the HSDS 3.0 service schema."""
    from graph import hsds
    from graph.build.pipeline import build_graph
    from graph.hsds.index import hsds_index
    from graph.store.knowledge import KnowledgeGraph

    kg = KnowledgeGraph(build_graph([imported], reasoner="rules"))
    index = hsds_index(kg)
    docs = {slug: hsds.service(kg, index.by_slug[slug]) for slug in _seed_pairs().values()}
    assert len(docs) == 21
    assert sum("description" not in doc for doc in docs.values()) == 8
    assert [e for doc in docs.values() for e in hsds_schema("service").iter_errors(doc)] == []
