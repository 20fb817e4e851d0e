"""The pages in a real browser (Debian's Chromium through Playwright): the issue's flows, and axe-core on every page."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow
AXE = Path(__file__).resolve().parents[2] / "fixtures" / "axe" / "axe.min.js"
PAGES = [
    "/",
    "/?q=masennus",
    "/services/terapeuttinen-vauvaperhetyo",
    "/screening?pregnancy_week=20&municipality=Helsinki&situation=depression",
    "/screening?pregnancy_week=44&municipality=Helsinki&situation=psychosis&not_acute=psychosis",
    "/pathways?service=neuvola",
    "/gaps",
    "/gaps?municipality=Espoo&offset=40",
    "/services/perhevalmennus",
    "/services/baby-blues",
    "/sources/003_5e8b4fceeaf8ff9d?quote=Palvelu+on+maksutonta+ja+siihen+voi+osallistua+nimett%C3%B6m%C3%A4n%C3%A4.",
    "/sparql",
    "/sparql?format=html&query=SELECT+%3Fs+WHERE+%7B+%3Fs+a+%3Chttps%3A%2F%2Fw3id.org%2Fperhepolku%2Fontology%23Service%3E+%7D",
    "/services/no-such-service",
]


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page as loaded, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_axe_check_can_fail(page):
    page.set_content('<html><body><input type="text"><img src="x.png"><p style="color:#ccc">faint</p></body></html>')
    found = serious_violations(page)
    assert any(line.startswith("label ") for line in found) and any(line.startswith("image-alt ") for line in found)


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violation(page, path, lang):
    page.goto(path + ("&" if "?" in path else "?") + f"lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_violations(page) == []


def test_search_result_service_page_and_the_source_quote_of_a_fact(page):
    page.goto("/")
    page.get_by_label("Mitä etsit?").fill("synnytyksen jälkeinen masennus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?*q=*")
    first = page.locator("ol.hits h3 a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/services/*")
    assert page.locator("h1").inner_text().startswith(name)
    disclosure = page.locator("details.sources").first
    quote = disclosure.locator("blockquote").first
    assert not quote.is_visible()
    disclosure.locator("summary").click()
    assert quote.is_visible() and quote.inner_text()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    text = quote.inner_text()
    disclosure.get_by_role("link", name="Avaa lähdeasiakirja tämän lainauksen kohdalta").first.click()
    page.wait_for_url("**/sources/*#quote")
    marked = page.locator("mark#quote")
    assert marked.inner_text() == text and marked.is_visible()
    assert marked.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_screening_answer_reopens_from_its_url(page, browser, live_server):
    page.goto("/screening")
    page.get_by_label("Raskausviikko").fill("20")
    page.get_by_label("Kotikunta").fill("Helsinki")
    page.get_by_label("Masennus", exact=True).check()
    page.get_by_role("button", name="Näytä vastaus").click()
    page.wait_for_url("**/screening?*")
    answer = page.locator("section.answer").inner_text()
    assert "Terapeuttinen vauvaperhetyö" in answer
    query = parse_qs(urlsplit(page.url).query)
    assert query["pregnancy_week"] == ["20"] and query["situation"] == ["depression"]
    other = browser.new_context(base_url=live_server).new_page()  # as a colleague opening the shared link
    other.goto(page.url)
    assert other.locator("section.answer").inner_text() == answer
    assert other.get_by_label("Raskausviikko").input_value() == "20"
    other.emulate_media(media="print")  # the handout: the answer and its address, no form or navigation
    assert not other.locator("form.profile").is_visible() and not other.locator("header.site").is_visible()
    assert other.locator("section.answer").is_visible() and other.locator("a.handout-url").is_visible()
    other.context.close()


def test_screening_on_a_phone_puts_the_short_groups_first_and_prints_the_profile(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/screening?pregnancy_week=22&municipality=Helsinki&situation=psychosis&situation=substance-use")
    tops = {
        name: page.locator(f"#grp-{name}").evaluate("h => h.getBoundingClientRect().top + scrollY")
        for name in ("eligible", "likely", "ineligible", "unknown")
    }
    assert tops["eligible"] < tops["likely"] < tops["ineligible"] < tops["unknown"]
    notes = page.locator("details.readings").first
    assert not notes.locator("ul").is_visible()  # the maintainers' notes wait behind their disclosure
    notes.locator("summary").click()
    assert notes.locator("ul[lang=en]").is_visible()
    page.emulate_media(media="print")
    summary = page.locator(".profile-summary")
    assert summary.is_visible() and "22" in summary.inner_text() and "Helsinki" in summary.inner_text()
    assert "Vanhemman psykoosi" in summary.inner_text() and not page.locator("details.readings").first.is_visible()


def test_screening_bad_input_keeps_what_was_typed(page):
    page.goto("/screening")
    page.get_by_label("Raskausviikko").fill("30")
    page.get_by_label("Kotikunta").fill("Atlantis")
    page.get_by_label("Masennus", exact=True).check()
    page.get_by_role("button", name="Näytä vastaus").click()
    page.wait_for_url("**/screening?*")
    assert "Kotikunta: ”Atlantis” ei ole Suomen kunta." in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Kotikunta").input_value() == "Atlantis"
    assert page.get_by_label("Raskausviikko").input_value() == "30"
    assert page.get_by_label("Masennus", exact=True).is_checked()


def test_gaps_filter_then_csv_download_of_what_is_shown(page):
    page.goto("/gaps")
    page.get_by_label("Polku päättyy").check()
    page.get_by_role("button", name="Rajaa").click()
    page.wait_for_url("**/gaps?*kind=dead_end*")
    shown = page.locator("ul.gaps > li").count()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert shown >= 1 and len(rows) == shown and {row["kind"] for row in rows} == {"dead_end"}


def test_gaps_second_page_and_its_swedish_download(page):
    page.goto("/gaps?lang=sv&offset=40")
    shown = page.locator("ul.gaps > li").count()
    page.get_by_role("link", name="Föregående").click()
    page.wait_for_url("**/gaps?*offset=0*")
    total = page.locator("ul.gaps > li").count()  # the seed graph's gaps fit on the first page
    assert 0 < shown == total - 40
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == total and rows[0]["title"].startswith("Akut situation med våld i familjen: utesluten från")


def test_a_pathway_node_opens_its_service_page(page):
    page.goto("/pathways")
    page.locator('.diagram svg a[href*="/services/neuvola"]').click()
    page.wait_for_url("**/services/neuvola*")
    assert page.locator("h1").inner_text().startswith("Neuvola")


def test_the_language_switch_keeps_the_page(page):
    page.goto("/services/baby-blues?lang=fi")
    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**/services/baby-blues?lang=sv")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text().startswith("Baby blues-verksamhet")
    assert page.get_by_role("heading", name="För vem", exact=True).is_visible()


def test_the_sparql_editor_runs_an_example(page):
    page.goto("/sparql")
    page.get_by_role("link", name="Services", exact=True).click()
    page.wait_for_url(lambda url: "/sparql?" in url and "format=html" in url)
    assert "SELECT" in page.get_by_label("Kysely", exact=True).input_value()
    assert page.locator("table tbody tr").count() > 5
    page.get_by_label("Kysely", exact=True).fill("ASK { ?s ?p ?o }")
    page.get_by_role("button", name="Suorita kysely").click()
    page.wait_for_load_state()
    assert page.locator("#answer-title + p strong").inner_text() == "kyllä"


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(page):
    page.goto("/gaps")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_on_a_phone_the_pathway_diagram_scrolls_in_its_own_box_not_the_page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto("/pathways?service=neuvola&lang=sv")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        box = tab.locator(".diagram")
        assert box.evaluate("d => d.scrollWidth > d.clientWidth")  # the drawing is wider: it scrolls inside
        # the keyboard meets the boxes in the order they are drawn: column by column, top to bottom
        corners = tab.eval_on_selector_all(
            ".diagram svg a rect", "rs => rs.map(r => [Number(r.getAttribute('x')), Number(r.getAttribute('y'))])"
        )
        assert corners == sorted(corners) and len(corners) == 12
    finally:
        context.close()


def test_a_quote_arrived_at_is_clear_of_the_top_edge_and_kept_by_the_language_switch(page):
    page.goto("/sources/004_2757dcba9bd89fd9?quote=Lapaset#quote")
    top = page.locator("mark#quote").evaluate("m => m.getBoundingClientRect().top")
    assert top > 40  # scroll-margin: the first line is not clipped at the edge
    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**lang=sv#quote")
    assert page.locator("mark#quote").evaluate("m => m.getBoundingClientRect().top") > 40
