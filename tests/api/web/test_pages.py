"""The pages over the test client: each renders from its domain function, in three languages, with clear errors."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

PAGES = [
    "/",
    "/?q=masennus",
    "/services/terapeuttinen-vauvaperhetyo",
    "/screening",
    "/screening?pregnancy_week=20&municipality=Helsinki&situation=depression",
    "/pathways",
    "/pathways?service=neuvola",
    "/gaps",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_page_renders_in_each_language(client, path, lang):
    response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert len(response.data) < 1_000_000
    nav = {"fi": "Palvelupolut", "sv": "Servicestigar", "en": "Pathways"}[lang]
    assert nav in html


def test_search_page_shows_the_same_hits_as_the_json_search(client):
    page = client.get("/?q=synnytyksen+j%C3%A4lkeinen+masennus").get_data(as_text=True)
    answer = client.get("/api/v1/search?q=synnytyksen+j%C3%A4lkeinen+masennus&limit=10").get_json()
    linked = re.findall(r'<h3><a href="/services/([^"?]+)\?lang=fi">', page)
    assert linked == [hit["id"] for hit in answer["items"]]
    assert "<mark>" in page


def test_search_page_offers_did_you_mean_and_pages(client):
    page = client.get("/?q=masenus").get_data(as_text=True)
    assert "Tarkoititko" in page and "masennus" in page
    first = client.get("/?situation=depression").get_data(as_text=True)
    assert "palvelua löytyi" in first


def test_service_page_embeds_schema_org_json_ld(client):
    html = client.get("/services/terapeuttinen-vauvaperhetyo?lang=en").get_data(as_text=True)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "GovernmentService" and data["name"] == "Therapeutic baby-family work"
    assert data["@id"].endswith("/service/terapeuttinen-vauvaperhetyo")
    assert any(c.get("servicePhone") for c in data["availableChannel"])


def test_service_page_shows_unknowns_as_unknown_and_every_quote(client):
    service = client.get("/api/v1/services/baby-blues").get_json()
    html = client.get("/services/baby-blues").get_data(as_text=True)
    assert "Ei tiedossa: lähteet eivät kerro" in html  # places, area, languages are unknown
    quotes = {s["quote"] for part in service.values() if isinstance(part, dict) for s in part.get("sources", [])}
    assert quotes and all(q.replace("&", "&amp;") in html for q in quotes)


def test_a_label_in_another_language_is_marked(app):
    from api.web.i18n import label

    with app.test_request_context("/?lang=sv"):
        out = str(label({"fi": "Neuvola", "sv": None, "en": None}))
    assert 'lang="fi"' in out and "fallback" in out and "Neuvola" in out


@pytest.mark.parametrize(
    "path, status, names",
    [
        ("/services/no-such-service", 404, "no-such-service"),
        ("/screening?pregnancy_week=999", 400, "pregnancy_week"),
        ("/screening?municipality=Atlantis", 400, "municipality"),
        ("/screening?situation=nope", 400, "situation"),
        ("/?lang=xx", 400, "lang"),
        ("/?offset=-1", 400, "offset"),
        ("/?situation=../../etc", 400, "situation"),
        ("/gaps?kind=nope", 400, "kind"),
        ("/gaps?language=fi", 400, "language"),
        ("/gaps?format=xml", 400, "format"),
        ("/pathways?service=nope", 404, "nope"),
    ],
)
def test_bad_input_gets_a_clear_page_with_its_status(client, path, status, names):
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert names in html and "Traceback" not in html and '<html lang="fi">' in html


def test_screening_page_shows_the_json_answer_groups(client):
    query = "pregnancy_week=20&municipality=Helsinki&situation=depression"
    answer = client.get(f"/api/v1/eligibility?{query}&limit=20").get_json()
    html = client.get(f"/screening?{query}").get_data(as_text=True)
    for group in ("eligible", "unknown", "ineligible"):
        assert f'id="grp-{group}"' in html
        for entry in answer[group]:
            assert f"/services/{entry['id']}?lang=fi" in html
    assert 'value="20"' in html and 'value="depression" checked' in html


def test_gaps_downloads_are_what_is_shown(client):
    report = client.get("/api/v1/gaps").get_json()
    rows = list(csv.DictReader(io.StringIO(client.get("/gaps?format=csv").get_data(as_text=True))))
    assert len(rows) == len(report["items"]) and rows[0]["services"] == " ".join(report["items"][0]["services"])
    narrowed = client.get("/gaps?format=json&kind=missing_data&kind=dead_end").get_json()
    assert {g["kind"] for g in narrowed["items"]} == {"missing_data", "dead_end"}
    assert len(narrowed["items"]) == report["counts"]["missing_data"] + report["counts"]["dead_end"]
    assert narrowed["coverage"]["rows"] and narrowed["coverage"]["stages"][0]["id"] == "pregnancy-early"


@pytest.mark.parametrize(
    ("lang", "title", "municipality"),
    [
        (
            "fi",
            "Perheväkivaltatilanne akuuttivaiheessa: rajattu pois palvelusta Terapeuttinen vauvaperhetyö",
            "kunnassa Espoo",
        ),
        ("sv", "Akut situation med våld i familjen: utesluten från Terapeutiskt arbete med babyfamiljer", "i Esbo"),
        ("en", "Acute family violence: excluded from Therapeutic baby-family work", 'in <span lang="fi">Espoo</span>'),
    ],
)
def test_gap_texts_are_in_the_page_language_with_names_not_ids(client, lang, title, municipality):
    html = client.get(f"/gaps?lang={lang}&municipality=Espoo").get_data(as_text=True)
    assert title in html and municipality in html
    assert "excluded from terapeuttinen-vauvaperhetyo" not in html and "municipality 049" not in html
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/gaps?lang={lang}&municipality=Espoo&format=csv").get_data(as_text=True))
        )
    )
    assert rows[0]["title"].startswith(title) and rows[0]["services"] == "terapeuttinen-vauvaperhetyo"
    assert rows[0]["kind"] == "excluded_no_alternative" and rows[0]["situations"] == "family-violence-acute"
    answer = client.get(f"/gaps?lang={lang}&municipality=Espoo&format=json").get_json()
    first = answer["items"][0]
    assert first["text"]["lang"] == lang and first["text"]["title"].startswith(title)
    assert first["kind"] == "excluded_no_alternative" and first["services"] == ["terapeuttinen-vauvaperhetyo"]
    assert first["title"].startswith("Acute family violence")  # the API's own English text is kept


def test_a_gap_label_missing_in_the_page_language_is_marked(client):
    """A dead end's step is quoted in Finnish only: the English page marks it and gives it its lang."""
    html = client.get("/gaps?lang=en&kind=dead_end").get_data(as_text=True)
    assert re.search(r'<span lang="fi">[^<]+</span> <span class="fallback">\(in Suomi\)</span>', html)
    assert "asumisharjoittelu: pathway ends here" not in html and ": pathway ends here" in html


def test_gaps_pages_and_downloads_of_a_page(client):
    total = client.get("/gaps?format=json").get_json()["total"]
    assert total > 40
    page = client.get("/gaps?offset=40").get_data(as_text=True)
    assert page.count("<h3>") == total - 40 and f"41–{total} / {total}" in page and 'rel="prev"' in page
    assert client.get("/gaps").get_data(as_text=True).count("<h3>") == min(total, 50)
    assert client.get("/gaps?offset=60").status_code == 400  # past the last gap: said, not an empty page
    part = client.get("/gaps?format=json&offset=40&limit=5").get_json()
    assert len(part["items"]) == 5 and part["offset"] == 40 and part["total"] == total
    rows = list(csv.DictReader(io.StringIO(client.get("/gaps?format=csv&offset=40").get_data(as_text=True))))
    assert len(rows) == total - 40
    links = client.get("/gaps?offset=40&lang=en").get_data(as_text=True)
    assert f"Download all {total} gaps these filters match:" in links
    assert 'href="/gaps?lang=en&amp;format=csv"' in links  # the links give every matching gap


def test_a_service_resting_only_on_historical_sources_says_so_at_the_top(client):
    for lang, notice in (
        ("fi", "Perustuu vain historiallisiin lähteisiin"),
        ("sv", "Bygger enbart på historiska källor"),
    ):
        html = client.get(f"/services/perhevalmennus?lang={lang}").get_data(as_text=True)
        assert html.index(notice) < html.index('id="g-for"') and "(2008)" in html
        assert notice not in client.get(f"/services/neuvola?lang={lang}").get_data(as_text=True)
    assert client.get("/api/v1/services/perhevalmennus").get_json()["historical_only"] is True
    screening = client.get("/screening?pregnancy_week=20&municipality=Helsinki&lang=en").get_data(as_text=True)
    assert "historical sources only" in screening


def test_a_contact_channel_without_its_number_says_it_is_unknown(client):
    html = client.get("/services/baby-blues?lang=fi").get_data(as_text=True)

    def channel(name: str) -> str:
        start = html.index(f"<h3>{name}</h3>")
        return html[start : html.index("</div>", start)]

    assert 'Puhelin: <span class="unknown">Ei tiedossa: lähteet eivät kerro</span>' in channel(
        "Baby blues -puhelinneuvonta"
    )
    assert 'Verkko: <span class="unknown">Ei tiedossa: lähteet eivät kerro</span>' in channel("Valtakunnallinen chat")
    assert 'Verkko: <span class="unknown">' not in channel(
        "Baby blues -paikkakunnat: Ensi- ja turvakotien liiton jäsenyhdistykset"
    )
    known = client.get("/services/lapsiperheiden-sosiaalineuvonta?lang=fi").get_data(as_text=True)
    assert 'href="tel:0931015454"' in known and 'Puhelin: <span class="unknown">' in known  # its Swedish line


def test_pathway_page_draws_the_servers_svg_with_links_and_highlights(client):
    html = client.get("/pathways?service=neuvola").get_data(as_text=True)
    assert "<svg" in html and 'href="/services/baby-blues?lang=fi"' in html
    assert '<g class="focus">' in html and '<g class="down">' in html


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_sparql_in_a_browser_is_the_editor_with_the_named_queries(client):
    response = client.get("/sparql?lang=sv", headers=BROWSER)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    names = [q["name"] for q in client.get("/api/v1/queries").get_json()["items"]]
    assert all(f"({name})" in html for name in names) and "<textarea" in html


def test_the_editor_runs_a_query_and_shows_a_bad_one_with_its_message(client):
    from urllib.parse import urlencode

    query = "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?id WHERE { ?s dct:identifier ?id } ORDER BY ?id LIMIT 3"
    html = client.get("/sparql?" + urlencode({"query": query, "format": "html"}), headers=BROWSER).get_data(
        as_text=True
    )
    assert html.count("<tr>") == 4 and "?id" in html
    bad = client.get("/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p }", "format": "html"}), headers=BROWSER)
    assert bad.status_code == 400 and "Traceback" not in bad.get_data(as_text=True)
    refused = client.get("/sparql?" + urlencode({"query": "DROP ALL", "format": "html"}), headers=BROWSER)
    assert refused.status_code in (400, 403)


def test_protocol_clients_are_not_given_the_editor(client):
    from urllib.parse import urlencode

    query = urlencode({"query": "ASK { ?s ?p ?o }"})
    assert client.get(f"/sparql?{query}", headers=BROWSER).mimetype != "text/html"
    assert client.get(f"/sparql?{query}", headers={"Accept": "text/html"}).mimetype == "application/sparql-results+json"
    assert client.get("/sparql", headers={"Accept": "text/turtle"}).mimetype == "text/turtle"
    assert client.get("/sparql").mimetype != "text/html"


def test_pathways_filter_by_municipality_in_the_page_and_the_json(client):
    everywhere = client.get("/api/v1/pathways").get_json()
    espoo = client.get("/api/v1/pathways?municipality=Espoo").get_json()
    assert 0 < len(espoo["edges"]) < len(everywhere["edges"])
    assert {n["id"] for n in espoo["nodes"]} < {n["id"] for n in everywhere["nodes"]}
    # a service for Helsinki residents only is not on Espoo's map (source 000: "tarkoitettu helsinkiläisille")
    assert "terapeuttinen-vauvaperhetyo" not in {n["id"] for n in espoo["nodes"]}
    html = client.get("/pathways?municipality=Espoo").get_data(as_text=True)
    assert html.count("<tr>") - 1 == min(len(espoo["edges"]), 100) and 'value="Espoo"' in html
    assert client.get("/pathways?municipality=Atlantis").status_code == 400


def test_a_facts_quote_opens_its_source_document_with_the_quote_highlighted(client):
    import html as markup

    page = client.get("/services/baby-blues").get_data(as_text=True)
    cost = client.get("/api/v1/services/baby-blues").get_json()["cost"]["sources"][0]
    links = [markup.unescape(h) for h in re.findall(r'href="(/sources/[^"]+)"', page)]
    link = next(h for h in links if h.startswith(f"/sources/{cost['source']}?") and "maksutonta" in h)
    source = client.get(link.split("#")[0])
    assert source.status_code == 200 and link.endswith("#quote")
    text = source.get_data(as_text=True)
    marked = re.search(r'<mark class="quote" id="quote" tabindex="-1">(.*?)</mark>', text, re.S)
    assert markup.unescape(marked.group(1)) == cost["quote"]
    record = client.get(f"/api/v1/sources/{cost['source']}").get_json()
    assert markup.escape(record["title"]) in text


@pytest.mark.parametrize(
    "path, status", [("/sources/no-such-document", 404), ("/sources/003_5e8b4fceeaf8ff9d?quote=" + "x" * 3000, 400)]
)
def test_a_bad_source_request_gets_its_page_and_status(client, path, status):
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "text/html"


def test_interpreted_facts_are_marked_as_often_as_the_json_says(client):
    """Each part, criterion and exclusion the second reading calls interpreted carries the mark on the page."""
    for row in client.get("/api/v1/services?limit=1000").get_json()["items"]:
        service = client.get(f"/api/v1/services/{row['id']}").get_json()
        facts = [p for p in service.values() if isinstance(p, dict) and "known" in p and p["known"]]
        facts += service["eligibility"] + service["exclusions"]
        interpreted = sum(1 for fact in facts if fact.get("claim") == "interpreted")
        html = client.get(f"/services/{row['id']}").get_data(as_text=True)
        assert html.count('<span class="badge interpreted">') == interpreted, row["id"]


def test_pages_kept_per_build_follow_a_proxys_prefix(client):
    plain = client.get("/gaps").get_data(as_text=True)
    prefixed = client.get("/gaps", base_url="http://localhost/perhepolku").get_data(as_text=True)
    assert 'href="/services/' in plain and 'href="/perhepolku/services/' in prefixed
    assert 'href="/perhepolku/assets/style.css"' in prefixed
    assert 'href="/perhepolku/gaps?lang=sv"' in prefixed and 'href="/gaps?lang=sv"' in plain  # the language switch
    for path in ("/sparql?lang=en", "/services/perhetyo?lang=en"):  # pages built in Python, kept per build too
        plain = client.get(path, headers=BROWSER).get_data(as_text=True)
        prefixed = client.get(path, headers=BROWSER, base_url="http://localhost/perhepolku").get_data(as_text=True)
        assert 'href="/perhepolku/assets/style.css"' in prefixed and 'href="/assets/style.css"' in plain, path
        assert '="/sparql' not in prefixed and '="/screening' not in prefixed, path
    editor = client.get("/sparql", headers=BROWSER, base_url="http://localhost/perhepolku").get_data(as_text=True)
    assert '<form method="get" action="/perhepolku/sparql"' in editor


def test_an_address_no_page_has_is_a_not_found_page_for_a_browser_and_a_problem_for_a_program(client):
    for url in ("/services/", "/no-such-page?lang=sv", "/gaps/extra"):
        page = client.get(url, headers=BROWSER)
        assert page.status_code == 404 and page.mimetype == "text/html", url
        assert "Traceback" not in page.get_data(as_text=True)
    assert '<html lang="sv"' in client.get("/no-such-page?lang=sv", headers=BROWSER).get_data(as_text=True)
    for url, headers in [("/no-such-page", {"Accept": "application/json"}), ("/api/v1/nothing", BROWSER)]:
        answer = client.get(url, headers=headers)
        assert answer.status_code == 404 and answer.mimetype == "application/problem+json", url


def test_search_page_shows_attribute_words_as_removable_filters_in_the_page_language(client):
    html = client.get("/?q=maksuton+apu+ruotsiksi&lang=fi").get_data(as_text=True)
    assert 'class="chip"' in html and "soft=0" in html and "Svenska</span>" not in html
    assert html.count('<h3><a href="/services/') == 1
    assert "ruotsi" in html
    loose = client.get("/?q=maksuton+apu+ruotsiksi&lang=fi&soft=0").get_data(as_text=True)
    assert loose.count('<h3><a href="/services/') > 1
    espoo = client.get("/?q=espoo&lang=en").get_data(as_text=True)
    assert "Espoo" in espoo and ": 049" not in espoo


def test_search_page_puts_results_before_filters_with_a_skip_link(client):
    html = client.get("/?q=vauva&lang=fi").get_data(as_text=True)
    assert 'href="#results-title"' in html
    assert html.index('id="results-title"') < html.index('id="facets-title"')


def test_search_page_without_results_offers_ways_on(client):
    html = client.get("/?q=yksinhuoltaja&lang=fi").get_data(as_text=True)
    assert 'class="no-results"' in html and "situation=" in html
    filtered = client.get("/?q=vauva&anonymous=true&language=sv&lang=fi").get_data(as_text=True)
    assert 'class="no-results"' in filtered and "/?q=vauva&amp;lang=fi" in filtered


def test_search_page_says_a_flag_false_is_not_known_rather_than_no(client):
    html = client.get("/?q=vauva&free=false&lang=fi").get_data(as_text=True)
    assert "ei tiedossa (ei tai tuntematon)" in html
