"""What every page shares: the icon, translated error pages, and the editor's columns in the query's order."""

from __future__ import annotations

import re

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_the_icon_is_served_and_named_by_every_page(client):
    for path in ("/favicon.ico", "/assets/favicon.svg"):
        response = client.get(path)
        assert response.status_code == 200 and response.mimetype == "image/svg+xml" and b"<svg" in response.data
        response.close()
    assert 'rel="icon"' in client.get("/pathways").get_data(as_text=True)


def test_an_unknown_address_gets_a_translated_page(client):
    for lang, words in (("fi", "Tässä osoitteessa ei ole sivua"), ("sv", "Det finns ingen sida")):
        response = client.get(f"/no/such/page?lang={lang}", headers=BROWSER)
        html = response.get_data(as_text=True)
        assert response.status_code == 404 and words in html and "requested URL" not in html


def test_error_pages_speak_the_page_language_without_api_hints(client):
    html = client.get("/services/no-such-service?lang=sv").get_data(as_text=True)
    assert "Det finns ingen sida på den här adressen" in html and "GET /api" not in html
    assert "tjänsten eller dokumentet i adressen" in html  # the field, named for a reader
    assert '<p lang="en">no service with id' in html  # the technical detail kept, marked as English
    bad = client.get("/?offset=-1&lang=sv").get_data(as_text=True)
    assert (
        "Ett värde i adressen kan inte användas" in bad and "sida i listan (offset)" in bad and "<code>-1</code>" in bad
    )
    api = client.get("/api/v1/services/no-such-service")
    assert api.mimetype == "application/problem+json" and "GET /api/v1/services" in api.get_json()["detail"]


def test_select_star_shows_the_columns_in_the_querys_order(client):
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    html = client.get("/sparql", query_string={"query": query, "format": "html"}).get_data(as_text=True)
    assert re.findall(r'<th scope="col">\?(\w+)</th>', html) == ["s", "p", "o"]
    named = client.get("/sparql", query_string={"query": "SELECT ?p ?s WHERE { ?s ?p ?o } LIMIT 1", "format": "html"})
    assert re.findall(r'<th scope="col">\?(\w+)</th>', named.get_data(as_text=True)) == ["p", "s"]


def test_a_cost_statement_does_not_link_to_its_own_service_page(client):
    html = client.get("/services/perhetyo?lang=sv").get_data(as_text=True)
    assert "Familjearbetet är avgiftsfritt." in html
    assert '<a href="/services/perhetyo?lang=sv">Familjearbetet är avgiftsfritt.</a>' not in html
    assert '<a href="/services/lapsi-ja-perhepalvelut?lang=sv">' in html  # a part-of service is still linked


def _around_main(html: str) -> tuple[str, str]:
    """A page's layout: up to its title, and from the end of its main content (its scripts and blank lines removed)."""
    before = html[: html.index("<title>")]
    after = html[html.index("</main>") :]
    return before, re.sub(r"\n+", "\n", re.sub(r"<script src=[^>]*></script>", "", after))


def test_pages_built_in_python_and_from_templates_share_one_layout(client):
    """The service page and the editor (built in Python) and the search page (a template) around their main."""
    for lang in ("fi", "sv", "en"):
        pages = {
            path: client.get(f"{path}?lang={lang}", headers=BROWSER).get_data(as_text=True)
            for path in ("/services/perhetyo", "/sparql", "/")
        }
        layouts = {path: _around_main(html) for path, html in pages.items()}
        assert len(set(layouts.values())) == 1, f"{lang}: the layouts differ"
        for html in pages.values():
            assert html.startswith(f'<!doctype html>\n<html lang="{lang}">') and html.endswith("</body>\n</html>")
            assert html.count("<main") == 1 and html.count('<a class="skip" href="#main">') == 1
        assert "<title>Perhetyö – Perhepolku</title>" in pages["/services/perhetyo"] or lang != "fi"
        assert '<script type="application/ld+json">{' in pages["/services/perhetyo"]


def test_the_editor_escapes_what_it_shows(client):
    query = 'SELECT ("<b>&</b>" AS ?x) WHERE {}'
    html = client.get("/sparql", query_string={"query": query, "format": "html"}).get_data(as_text=True)
    assert "<b>&</b>" not in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html  # in the textarea and the cell
    bad = client.get("/sparql", query_string={"query": "SELECT <x", "format": "html"})
    assert bad.status_code == 400 and 'role="alert"' in bad.get_data(as_text=True)
    assert "SELECT &lt;x</textarea>" in bad.get_data(as_text=True)
