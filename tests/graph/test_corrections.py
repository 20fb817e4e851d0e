"""Each statement the second reading found wrong, fixed, with the sentence that decided it (docs/review/)."""

from __future__ import annotations

from graph.navigation import get_service, screen
from graph.navigation.profile import parse_profile

TVPT = "terapeuttinen-vauvaperhetyo"


def where(kg, **raw):
    result = screen(kg, parse_profile(kg, raw))
    return {e["id"]: (bucket, e) for bucket in ("eligible", "ineligible", "unknown") for e in result[bucket]}


def test_no_link_from_therapeutic_work_to_aftercare(kg):
    # "Jälkituki on tarkoitettu vauva- ja pikkulapsiperheille ympärivuorokautisen ensikotijakson tai
    # hoidollisen päiväryhmän jälkeen." The link rested on the design card alone.
    assert get_service(kg, TVPT)["links"]["downstream"] == []
    assert TVPT not in {u["id"] for u in get_service(kg, "jalkituki")["links"]["upstream"]}


def test_psychosis_bars_only_in_its_acute_phase(kg):
    # "Vanhemman päihdeongelma ja psykoosi tai perheväkivaltatilanne akuuttivaiheessaan on … este."
    excl = {e["id"]: e for e in get_service(kg, TVPT)["exclusions"]}["tvpt-excl-psychosis"]
    assert excl["situations"] == ["psychosis-acute"]
    assert "akuuttivaiheessaan" in excl["labels"]["fi"] and "acute phase" in excl["labels"]["en"]
    bucket, entry = where(kg, child_age_months=4, municipality="Helsinki", situation=["psychosis"])[TVPT]
    assert bucket == "unknown" and any("acute phase" in m for m in entry["missing"])
    assert (
        where(kg, child_age_months=4, municipality="Helsinki", situation=["psychosis-acute"])[TVPT][0] == "ineligible"
    )


def test_therapeutic_work_is_not_low_threshold(kg):
    # "Terapeuttisen vauvaperhetyön apua voidaan hyödyntää silloin, kun läheisten tai neuvolan ja
    # muiden perustason palveluiden tuki ei riitä."
    assert TVPT not in {r["id"] for r in kg.select("low-threshold-services")}
    assert {"baby-blues", "perhetyo"} <= {r["id"] for r in kg.select("low-threshold-services")}


def test_day_group_has_no_place(kg):
    # "Hoitojakso sisältää myös intensiiviviikon Ensi- ja turvakotien liiton koulutuskeskus Sopukassa."
    service = get_service(kg, "hoidollinen-paivaryhma")
    assert service["places"]["known"] is False
    assert "Sopukassa" in service["schedule"]["fi"]  # the intensive week stays in the schedule


def test_child_welfare_is_one_of_the_child_and_family_services(kg):
    # "Lapsi- ja perhepalveluina tarjoamme" … "lastensuojelun palvelut"
    service = get_service(kg, "lastensuojelu")
    assert service["descriptions"]["fi"] == "Lastensuojelun palvelut osana lapsi- ja perhepalveluja."
    assert [p["id"] for p in service["part_of"]["items"]] == ["lapsi-ja-perhepalvelut"]


def test_family_coaching_has_no_area(kg):
    # "Pikkulapsiperheiden palveluita Helsingissä on kehitetty …" says where it was developed
    assert get_service(kg, "perhevalmennus")["area"]["known"] is False
    assert where(kg, pregnancy_week=14, municipality="Espoo")["perhevalmennus"][0] == "unknown"


def test_2008_providers_are_interpreted_and_dated(kg):
    # "Hanketta rahoittaa sosiaali- ja terveysministeriö vuoden 2008 loppuun …"
    for service_id in ("perhevalmennus", "fysioterapiaryhmat"):
        provider = get_service(kg, service_id)["provider"]
        assert provider["claim"] == "interpreted" and any("2008" in r for r in provider["readings"])
        assert {(s["status"], s["date"]) for s in provider["sources"]} == {("historical", "2008")}


def test_design_card_is_a_design_assumption(kg):
    link = next(d for d in get_service(kg, "perhetyo")["links"]["downstream"] if d["id"] == TVPT)
    assert "design-card" in {s["document"] for s in link["sources"]}
    assert {s["status"] for s in link["sources"] if s["document"] == "design-card"} == {"design-assumption"}


def test_the_gap_report_reflects_the_corrected_facts(kg):
    from graph.navigation import gap_report

    items = gap_report(kg)["items"]
    excluded = {tuple(g["situations"]) for g in items if g["kind"] == "excluded_no_alternative"}
    assert ("psychosis-acute",) in excluded and ("psychosis",) not in excluded
    missing = {g["services"][0]: g["detail"] for g in items if g["kind"] == "missing_data"}
    assert "area" in missing["perhevalmennus"]  # no longer "provided in Helsinki"


def test_aftercare_works_with_the_home_municipality(kg):
    # "Tukityötä toteutetaan … yhteistyössä perheen ja perheen kotikunnan työntekijän kanssa."
    work_forms = {i["id"] for i in get_service(kg, "jalkituki")["work_forms"]["items"]}
    assert {"key-worker", "network-meeting"} <= work_forms
