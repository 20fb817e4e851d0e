"""HSDS documents of the seed graph against the HSDS 3.0 schemas (additionalProperties false everywhere)."""

from __future__ import annotations

import pytest

from graph import hsds
from graph.hsds.index import hsds_index


def _errors(validator, doc) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_every_seed_service_validates_fully_nested(kg, hsds_schema):
    validator = hsds_schema("service")
    index = hsds_index(kg)
    assert len(index.services) == len(kg.services) == 21
    for uuid in index.services:
        for lang in ("fi", "sv", "en"):
            doc = hsds.service(kg, uuid, lang)
            assert _errors(validator, doc) == [], index.services[uuid].slug


@pytest.mark.parametrize(
    ("lister", "schema"),
    [
        (hsds.list_services, "compiled/service_list"),
        (hsds.list_organizations, "organization"),
        (hsds.list_service_at_locations, "compiled/service_at_location_list"),
        (hsds.list_taxonomies, "taxonomy"),
        (hsds.list_taxonomy_terms, "taxonomy_term"),
    ],
)
def test_every_listed_item_validates(kg, hsds_schema, lister, schema):
    validator = hsds_schema(schema)
    listed = lister(kg, hsds.Filters(per_page=1000))
    assert listed["total_items"] == listed["size"] > 0
    for item in listed["contents"]:
        assert _errors(validator, item) == []


def test_schema_check_is_strict(kg, hsds_schema):
    """An unknown field (a citation's title leaking in, say) fails validation."""
    uuid = next(iter(hsds_index(kg).services))
    doc = hsds.service(kg, uuid)
    doc["cost_options"] = [{"id": uuid, "title": "a field HSDS does not have"}]
    assert _errors(hsds_schema("service"), doc)
    assert _errors(hsds_schema("service"), {**hsds.service(kg, uuid), "id": "not-a-uuid"})


def test_profile_fields_carry_the_graph_facts(kg):
    index = hsds_index(kg)
    doc = hsds.service(kg, index.by_slug["terapeuttinen-vauvaperhetyo"])
    assert doc["name"] == "Terapeuttinen vauvaperhetyö"
    assert doc["maximum_age"] == 1  # pp:childAgeUnderMonths 12
    assert (
        "Terapeuttiseen vauvaperhetyöhön voi hakeutua aikaisintaan raskausviikolla 20."
        in doc["eligibility_description"]
    )
    assert [a["extent"] for a in doc["service_areas"]] == ["091"]
    assert sorted(lang["code"] for lang in doc["languages"]) == ["en", "fi", "sv"]
    assert doc["cost_options"][0]["amount"] == 0
    excluded = {a["taxonomy_term"]["code"] for a in doc["attributes"] if a["value"] == "excluded"}
    assert excluded == {"substance-use-acute", "psychosis-acute", "family-violence-acute"}
    phone = next(iter(hsds.service(kg, index.by_slug["lapsiperheiden-sosiaalineuvonta"])["schedules"]))
    assert (phone["freq"], phone["byday"], phone["opens_at"], phone["closes_at"]) == (
        "WEEKLY",
        "MO",
        "09:00:00",
        "12:00:00",
    )


def test_filters_combine_with_and(kg):
    index = hsds_index(kg)
    term = next(t for t, v in index.terms.items() if v["id"] == "home-visit")
    with_term = {e["id"] for e in hsds.list_services(kg, hsds.Filters(per_page=100, taxonomy_term_id=term))["contents"]}
    assert index.by_slug["terapeuttinen-vauvaperhetyo"] in with_term
    both = hsds.list_services(kg, hsds.Filters(per_page=100, taxonomy_term_id=term, search="terapeuttinen"))
    assert {e["id"] for e in both["contents"]} < with_term
    assert all("terapeut" in (e["name"] + e.get("description", "")).casefold() for e in both["contents"])
    assert hsds.list_services(kg, hsds.Filters(search="zzzqqq"))["empty"] is True


def test_page_envelope(kg):
    first = hsds.list_services(kg, hsds.Filters(page=1, per_page=5))
    last = hsds.list_services(kg, hsds.Filters(page=5, per_page=5))
    assert (first["total_items"], first["total_pages"], first["size"], first["first_page"]) == (21, 5, 5, True)
    assert (last["size"], last["last_page"], last["first_page"]) == (1, True, False)
    beyond = hsds.list_services(kg, hsds.Filters(page=9, per_page=5))
    assert beyond["empty"] and beyond["contents"] == []


@pytest.fixture(scope="module")
def generated_kg(tmp_path_factory):
    from graph.build.generate import generate
    from graph.build.pipeline import build_graph
    from graph.store.knowledge import KnowledgeGraph

    folder = tmp_path_factory.mktemp("generated")
    generate(6, 3, folder)
    return KnowledgeGraph(build_graph(folder, reasoner="rules"))


def test_generated_services_validate(generated_kg, hsds_schema):
    validator = hsds_schema("service")
    index = hsds_index(generated_kg)
    assert len(index.services) == 6
    for uuid in index.services:
        assert _errors(validator, hsds.service(generated_kg, uuid)) == []
    for item in hsds.list_services(generated_kg, hsds.Filters())["contents"]:
        assert _errors(hsds_schema("compiled/service_list"), item) == []


def test_imported_ptv_services_with_places_validate(tmp_path, hsds_schema):
    """Generated PTV records (service locations with addresses and TM35FIN coordinates) imported, built and
    served as HSDS: WGS84 coordinates inside Finland, addresses, and the schemas pass."""
    from graph.build.importers import import_ptv
    from graph.build.importers.generate_ptv import generate_ptv
    from graph.build.pipeline import build_graph
    from graph.store.knowledge import KnowledgeGraph

    generate_ptv(4, 2, tmp_path / "records")
    import_ptv([tmp_path / "records"], tmp_path / "out")
    kg = KnowledgeGraph(build_graph([tmp_path / "out"], reasoner="rules"))
    for uuid in hsds_index(kg).services:
        doc = hsds.service(kg, uuid)
        assert _errors(hsds_schema("service"), doc) == []
        location = doc["service_at_locations"][0]["location"]
        assert 59 < location["latitude"] < 71 and 19 < location["longitude"] < 32
        assert location["addresses"][0]["country"] == "FI" and doc["last_modified"].startswith("2026-")
