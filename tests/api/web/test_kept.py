"""Parts made once a build for the pages equal what the template they replace renders without them."""

from __future__ import annotations

import pytest

from graph.vocab import SERVICE

# the editor's examples as its template rendered them before they were kept per build
EXAMPLES_TEMPLATE = """{% set editor = url_for('sparql.sparql') %}{% for q in examples %}\
    <li><a lang="en" href="{{ editor }}?{{ q.query_string }}&amp;lang={{ page_lang }}">{{ q.title }}</a> \
<span lang="en" class="hint">({{ q.name }}) {{ q.description }}</span></li>
{% endfor %}"""


@pytest.mark.parametrize("root", ["", "/prefix"])
def test_the_editor_examples_kept_per_build_equal_the_template_in_every_language(app, root):
    from flask import g, render_template_string

    from api.resources import resources
    from api.web.i18n import page_lang
    from api.web.pages_sparql import catalogue, examples_html

    for lang in ("fi", "sv", "en"):
        with app.test_request_context(f"/sparql?lang={lang}", base_url=f"http://localhost{root}"):
            g.pop("web_lang", None)  # the fixture's app context outlives each request's
            page_lang()  # as the editor's view does first
            kg = resources().kg
            wanted = render_template_string(EXAMPLES_TEMPLATE, examples=catalogue(kg))
            kept = str(examples_html(kg, lang))
            assert kept == wanted and kept.count("<li>") == len(list(kg.catalog)) > 40
            assert f'href="{root}/sparql?query=' in kept and f"&amp;lang={lang}" in kept


def test_the_editor_page_shows_every_kept_example_once(client):
    html = client.get("/sparql?lang=en", headers={"Accept": "text/html"}).get_data(as_text=True)
    names = [q["name"] for q in client.get("/api/v1/queries").get_json()["items"]]
    assert names and all(html.count(f'class="hint">({name}) ') == 1 for name in names)


# a service's facts and a verdict's reasons as the page templates rendered them before facts.py
CLAIM = """{% macro claim(fact) -%}
{% if fact.claim == "interpreted" %} <span class="badge interpreted">{{ _("interpreted") }}</span>\
{% for reading in fact.readings or [] %} <span class="reading" lang="en">{{ reading }}</span>{% endfor %}{% endif %}
{%- endmacro %}"""
PARTS_TEMPLATE = (
    CLAIM
    + """{% set unknown = unknown_html() %}{% set yes, no = _("yes"), _("no") %}{% for name in names %}\
{% set data = service[name] %}
<div class="part">
  <dt>{{ part_names[name] }}</dt>
  <dd>
  {% if not data["known"] %}{{ unknown }}{% else %}
    <ul class="values">
    {% for it in data["items"] %}
      <li>{% if it["labels"] is defined %}{% if it["id"] in service_ids and (it["iri"] or SERVICE).startswith(SERVICE) %}{{ service_link(it["id"], it["labels"]) }}\
{% else %}{{ label(it["labels"], it["id"]) }}{% endif %}{% elif it["value"] is sameas true %}{{ yes }}\
{% elif it["value"] is sameas false %}{{ no }}{% else %}{{ it["value"] }}{% endif %}</li>
    {% endfor %}
    </ul>
    {% if data["claim"] == "interpreted" %}{{ claim(data) }}{% endif %}
    {{ sources_html(data["sources"]) }}
  {% endif %}
  </dd>
</div>{% endfor %}"""
)
CRITERIA_TEMPLATE = (
    CLAIM
    + """<ul class="criteria">{% for c in criteria %}<li>{{ label(c["labels"], c["id"]) }}\
{% if c["claim"] == "interpreted" %}{{ claim(c) }}{% endif %}{{ sources_html(c["sources"]) }}</li>{% endfor %}</ul>"""
)
LINKS_TEMPLATE = """<ul class="links">{% for l in links %}<li>{{ service_link(l["id"], l["labels"]) }} \
<span class="kind">({{ link_kinds.get(l["kind"], l["kind"]) }})</span>{{ sources_html(l["sources"]) }}</li>\
{% endfor %}</ul>"""


def _flat(html: object) -> str:
    """HTML with each run of white space as one space (what a browser shows of it)."""
    return " ".join(str(html).split())


def _in_language(app, lang):
    from flask import g

    context = app.test_request_context(f"/?lang={lang}")
    context.push()
    g.pop("web_lang", None)  # the fixture's app context outlives each request's
    app.preprocess_request()
    return context


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_service_fact_built_in_python_equals_the_template_it_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web import facts
    from api.web.pages_service import GROUPS, PART_NAMES
    from graph.navigation import get_service

    context = _in_language(app, lang)
    try:
        kg = resources().kg
        ids = {row["id"] for row in kg.services}
        seen = {"interpreted": 0, "unknown": 0, "link": 0, "yes/no": 0}
        for sid in sorted(ids):
            service = get_service(kg, sid)
            for _key, _heading, names in GROUPS:
                wanted = render_template_string(
                    PARTS_TEMPLATE,
                    service=service,
                    names=names,
                    part_names=PART_NAMES,
                    service_ids=ids,
                    SERVICE=SERVICE,
                )
                made = facts.parts_html(service, names, PART_NAMES, ids)
                assert _flat(made) == _flat(wanted), (sid, names)
                seen["interpreted"] += str(made).count("badge interpreted")
                seen["unknown"] += str(made).count('class="unknown"')
                seen["link"] += str(made).count('href="/services/')
                seen["yes/no"] += any(
                    it.get("value") in (True, False) for n in names for it in service[n].get("items", [])
                )
            for criteria in (service["eligibility"], service["exclusions"]):
                wanted = render_template_string(CRITERIA_TEMPLATE, criteria=criteria)
                assert _flat(facts.criteria_html(criteria)) == _flat(wanted), sid
            for links in service["links"].values():
                wanted = render_template_string(LINKS_TEMPLATE, links=links)
                assert _flat(facts.links_html(links)) == _flat(wanted), sid
        assert all(seen.values()), seen  # the seed build has every kind of fact the functions show
    finally:
        context.pop()


def test_facts_the_seed_build_lacks_equal_the_template_too(app):
    """Values that are numbers, text to escape, a label in another language."""
    from flask import render_template_string

    from api.web import facts

    cite = {"source": "s<1>", "quote": 'Lause "<1>" & muuta.', "title": "<Doc>", "status": "superseded"}
    service = {
        "values": {
            "known": True,
            "items": [{"value": 3}, {"value": "<v>"}, {"value": None}, {"value": True}],
            "claim": "interpreted",
            "readings": ["r&1", "r2"],
            "sources": [cite],
        },
        "named": {"known": True, "items": [{"labels": {"en": "<Name>"}, "id": "x"}, {"labels": {}}], "sources": []},
        "hidden": {"known": False},
    }
    names = list(service)
    for lang in ("fi", "en"):
        context = _in_language(app, lang)
        try:
            part_names = {name: f"<{name}>" for name in names}
            wanted = render_template_string(
                PARTS_TEMPLATE, service=service, names=names, part_names=part_names, service_ids={"x"}, SERVICE=SERVICE
            )
            assert _flat(facts.parts_html(service, names, part_names, {"x"})) == _flat(wanted)
        finally:
            context.pop()


# the gap explorer's lists as its templates rendered them before listing.py
GAPS_TEMPLATE = """{% for gap in shown %}
    <li>
      <h3><span class="kind">{{ gap_kinds.get(gap.kind, gap.kind) }}:</span> {% set text = gap_html(gap) %}<span>{{ text[0] }}</span></h3>
      <p>{{ text[1] }}</p>
      {% if gap.services %}<p>{{ _("Services:") }} {% for sid in gap.services %}\
{{ service_link(sid, service_names[sid] if sid in service_names else None) }}{% if not loop.last %}, {% endif %}\
{% endfor %}</p>{% endif %}
      {{ sources_html(gap.sources) }}
    </li>
  {% endfor %}"""
COVERAGE_TEMPLATE = """{% for row in matrix.rows %}
    <tr><th scope="row">{{ label(row.labels, row.situation) }}</th>
      {% for st in matrix.stages %}{% set cell = row.cells[st.id] %}
      <td>{% if not cell %}<span class="unknown">{{ _("none") }}</span>{% endif %}{% for c in cell[:6] %}\
{{ service_name_link(c.id) }}{% if not c.whole %}*{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}\
{% if cell|length > 6 %} {{ _("and %(num)d more", num=cell|length - 6) }}{% endif %}</td>
      {% endfor %}</tr>
    {% endfor %}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_gap_list_and_coverage_built_in_python_equal_the_templates_they_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web import listing
    from api.web.gaptexts import gap_html
    from graph.navigation import coverage_matrix, gap_report

    context = _in_language(app, lang)
    try:
        kg = resources().kg
        names = {row["id"]: {code: row.get(code) for code in ("fi", "sv", "en")} for row in kg.services}
        shown = 0
        for municipality in (None, "091", "Espoo"):
            for language in (None, "sv", "en"):
                items = gap_report(kg, municipality, language)["items"]
                wanted = render_template_string(GAPS_TEMPLATE, shown=items, service_names=names, gap_html=gap_html)
                assert _flat(listing.gaps_html(items, names)) == _flat(wanted), (municipality, language)
                shown += len(items)
            matrix = coverage_matrix(kg, municipality)
            wanted = render_template_string(COVERAGE_TEMPLATE, matrix=matrix)
            made = str(listing.coverage_rows_html(matrix))
            assert _flat(made) == _flat(wanted), municipality
            assert made.count("<tr>") == len(matrix["rows"]) > 5 and 'class="unknown"' in made
        assert shown > 100
        # a cell of more services than it names counts the rest; a service covering part of a stage is marked
        many = {**matrix, "rows": [{**matrix["rows"][0], "cells": {s["id"]: [] for s in matrix["stages"]}}]}
        many["rows"][0]["cells"][matrix["stages"][0]["id"]] = [
            {"id": sid, "whole": i % 2 == 0} for i, sid in enumerate(sorted(names))
        ]
        wanted = render_template_string(COVERAGE_TEMPLATE, matrix=many)
        made = str(listing.coverage_rows_html(many))
        assert _flat(made) == _flat(wanted) and "</a>*, " in made and f" {len(names) - 6} " in made
    finally:
        context.pop()


# every page's chrome as its templates (parts/head.html, nav.html, footer.html) rendered it before chrome.py
HEAD_TEMPLATE = """<link rel="stylesheet" href="{{ url_for('web.static', filename='style.css') }}">
<link rel="stylesheet" media="print" href="{{ url_for('web.static', filename='print.css') }}">
<link rel="icon" type="image/svg+xml" href="{{ url_for('web.static', filename='favicon.svg') }}">"""
NAV_TEMPLATE = """  <a class="brand" href="{{ url_for('web.search', lang=page_lang) }}">Perhepolku</a>
  <nav aria-label="{{ _('Main') }}">
    <ul>
      {% for endpoint, name in [("web.search", _("Search")), ("web.screening", _("Screening")), \
("web.pathways", _("Pathways")), ("web.gaps", _("Service gaps")), ("sparql.sparql", _("SPARQL"))] %}
      <li><a href="{{ url_for(endpoint, lang=page_lang) }}"{% if current == endpoint %} aria-current="page"{% endif %}>\
{{ name }}</a></li>
      {% endfor %}
    </ul>
  </nav>"""
FOOTER_TEMPLATE = """<footer class="site">
  <p>{{ _("Every fact comes from a source document; where the sources are silent, the page says unknown.") }}
  <a href="{{ url_for('core.openapi') }}">{{ _("JSON API") }}</a></p>
</footer>"""


@pytest.mark.parametrize("root", ["", "/prefix"])
def test_the_chrome_built_in_python_equals_the_templates_it_replaced(app, root):
    from flask import g, render_template_string

    from api.web import chrome

    for lang in ("fi", "sv", "en"):
        with app.test_request_context(f"/gaps?lang={lang}", base_url=f"http://localhost{root}"):
            g.pop("web_lang", None)
            app.preprocess_request()
            assert _flat(chrome.head_html()) == _flat(render_template_string(HEAD_TEMPLATE))
            assert f'href="{root}/assets/style.css"' in chrome.head_html()
            assert _flat(chrome.footer_html()) == _flat(render_template_string(FOOTER_TEMPLATE))
            for current in [endpoint for endpoint, _ in chrome.SECTIONS] + [None, "web.service"]:
                made = str(chrome.nav_html(current))
                assert _flat(made) == _flat(render_template_string(NAV_TEMPLATE, current=current)), current
                assert made.count("aria-current") == (current in dict(chrome.SECTIONS))
                assert f'href="{root}/sparql?lang={lang}"' in made


# the screening form's choices as the template rendered them before
CHOICES_TEMPLATE = """{% for id, name in choices %}
    <label><input type="checkbox" name="situation" value="{{ id }}"{% if id in chosen %} checked{% endif %}> {{ name }}</label>
    {% endfor %}|{% for id, text in choices %}<option value="{{ id }}"{% if id in chosen %} selected{% endif %}>\
{{ text }}</option>{% endfor %}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_screening_choices_built_in_python_equal_the_template_they_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web import listing
    from api.web.pages_screening import _options

    context = _in_language(app, lang)
    try:
        kg = resources().kg
        options = _options(kg, lang)
        for choices in (options["situations"], options["acute"], options["services"], [("a<", "<b>"), ("c", "d")]):
            chosen = [value for value, _ in choices][::3]
            wanted = render_template_string(CHOICES_TEMPLATE, choices=choices, chosen=chosen).split("|")
            made = [listing.checkboxes_html("situation", choices, chosen), listing.options_html(choices, chosen)]
            assert [_flat(m) for m in made] == [_flat(w) for w in wanted]
            assert str(made[0]).count(" checked") == len(chosen) == str(made[1]).count(" selected")
    finally:
        context.pop()


def test_a_gap_naming_more_services_than_a_page_shows_counts_the_rest(app):
    """At 6,400 services a stage window no service covers names thousands of services: the page names 20."""
    from api.web import listing

    services = [f"s{i}" for i in range(listing.SERVICES_PER_GAP + 7)]
    gap = {"kind": "uncovered_window", "title": "t", "detail": "d", "services": services, "sources": []}
    context = _in_language(app, "en")
    try:
        html = str(listing.gaps_html([gap], {}))
    finally:
        context.pop()
    assert html.count('href="/services/') == listing.SERVICES_PER_GAP and "and 7 more" in html
    assert 'href="/services/s19?lang=en"' in html and "/services/s20?" not in html
