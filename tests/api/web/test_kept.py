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
    from flask import render_template_string

    from api.resources import resources
    from api.web.i18n import page_lang
    from api.web.names import forget_lang
    from api.web.pages_sparql import catalogue, examples_html

    for lang in ("fi", "sv", "en"):
        with app.test_request_context(f"/sparql?lang={lang}", base_url=f"http://localhost{root}"):
            forget_lang()  # what an earlier context chose is not this one's
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


def _render(template, **context):
    """An old template as the pages rendered it, with the link helpers it called (no longer template globals)."""
    from flask import render_template_string

    from api.web.fragments import service_link, service_name_link

    return render_template_string(template, service_link=service_link, service_name_link=service_name_link, **context)


def _in_language(app, lang):
    from api.web.names import forget_lang

    context = app.test_request_context(f"/?lang={lang}")
    context.push()
    forget_lang()  # what an earlier context chose is not this one's
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
                wanted = _render(
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
                wanted = _render(LINKS_TEMPLATE, links=links)
                assert _flat(facts.links_html(links)) == _flat(wanted), sid
        assert all(seen.values()), seen  # the seed build has every kind of fact the functions show
    finally:
        context.pop()


def test_facts_the_seed_build_lacks_equal_the_template_too(app):
    """Values that are numbers, text to escape, a label in another language."""

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
            wanted = _render(
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
                wanted = _render(GAPS_TEMPLATE, shown=items, service_names=names, gap_html=gap_html)
                assert _flat(listing.gaps_html(items, names)) == _flat(wanted), (municipality, language)
                shown += len(items)
            matrix = coverage_matrix(kg, municipality)
            wanted = _render(COVERAGE_TEMPLATE, matrix=matrix)
            made = str(listing.coverage_rows_html(matrix))
            assert _flat(made) == _flat(wanted), municipality
            assert made.count("<tr>") == len(matrix["rows"]) > 5 and 'class="unknown"' in made
        assert shown > 100
        # a cell of more services than it names counts the rest; a service covering part of a stage is marked
        many = {**matrix, "rows": [{**matrix["rows"][0], "cells": {s["id"]: [] for s in matrix["stages"]}}]}
        many["rows"][0]["cells"][matrix["stages"][0]["id"]] = [
            {"id": sid, "whole": i % 2 == 0} for i, sid in enumerate(sorted(names))
        ]
        wanted = _render(COVERAGE_TEMPLATE, matrix=many)
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
LANGS_TEMPLATE = """  <nav aria-label="{{ _('Language') }}" class="langs">
    <ul>
      {% for code, name in languages.items() %}
      <li><a href="{{ url_with(lang=code) }}" lang="{{ code }}" hreflang="{{ code }}"\
{% if code == page_lang %} aria-current="true"{% endif %}>{{ name }}</a></li>
      {% endfor %}
    </ul>
  </nav>"""
FOOTER_TEMPLATE = """<footer class="site">
  <p>{{ _("Every fact comes from a source document; where the sources are silent, the page says unknown.") }}
  <a href="{{ url_for('core.openapi') }}">{{ _("JSON API") }}</a></p>
</footer>"""


@pytest.mark.parametrize("root", ["", "/prefix"])
def test_the_chrome_built_in_python_equals_the_templates_it_replaced(app, root):
    from flask import render_template_string

    from api.web import chrome
    from api.web.names import forget_lang

    for lang in ("fi", "sv", "en"):
        url = f"/gaps?municipality=Espoo&kind=dead_end&kind=a+%26+b&lang={lang}&offset=50"
        with app.test_request_context(url, base_url=f"http://localhost{root}"):
            forget_lang()
            app.preprocess_request()
            assert _flat(chrome.head_html()) == _flat(render_template_string(HEAD_TEMPLATE))
            langs = str(chrome.langs_html())
            assert _flat(langs) == _flat(render_template_string(LANGS_TEMPLATE))
            assert langs.count('aria-current="true"') == 1 and f'href="{root}/gaps?municipality=Espoo&amp;' in langs
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


# the service page's article as its template rendered it before service_view.py
SERVICE_TEMPLATE = r"""{% macro text_of(texts, lang_sources) -%}
{% set text, used = pick(texts, page_lang) %}
<p lang="{{ used }}">{{ text }}{% if used != page_lang %} <span class="fallback">({{ _("in %(language)s", language=languages[used]) }})</span>{% elif used in service["translated"] %} <span class="badge">{{ _("translated") }}</span>{% endif %}</p>
{{ sources_html(lang_sources) }}
{%- endmacro %}
{% set unknown = unknown_html() %}
<article class="service">
<h1>{{ label(service["labels"], service["id"]) }}{% if page_lang in service["translated"] %} <span class="badge">{{ _("translated") }}</span>{% endif %}</h1>
{{ historical_notice_html(service) }}
{{ sources_html(service["label_sources"]) }}
{% if service["descriptions"] %}{{ text_of(service["descriptions"], service["descriptions_sources"]) }}{% endif %}
<p class="actions"><a href="{{ url_for('web.screening', lang=page_lang) }}">{{ _("Check whether a family can use it") }}</a> ·{% if service["links"]["downstream"] or service["links"]["upstream"] %} <a href="{{ url_for('web.pathways', service=service["id"], lang=page_lang) }}">{{ _("Show on the pathway map") }}</a> ·{% endif %} <a href="{{ url_for('core.service', service_id=service["id"]) }}">JSON</a></p>

{% for key, heading, names in groups if key != "related" or service["part_of"]["known"] or service["parts"]["known"] %}
<section aria-labelledby="g-{{ key }}">
  <h2 id="g-{{ key }}">{{ _(heading) }}</h2>
  <dl>{{ parts_html(service, names, part_names, service_ids) }}</dl>
  {% if key == "for" %}
  <h3>{{ _("Eligibility criteria") }}</h3>
  {% if service["eligibility"] %}
  {{ criteria_html(service["eligibility"]) }}
  {% else %}<p>{{ unknown }}</p>{% endif %}
  {% endif %}
  {% if key == "access" %}
  {% if service["schedule"] %}<h3>{{ _("When") }}</h3>{{ text_of(service["schedule"], service["schedule_sources"]) }}{% endif %}
  {% endif %}
</section>
{% if key == "for" %}
<section aria-labelledby="g-not-for">
  <h2 id="g-not-for">{{ _("Who it is not for, and why") }}</h2>
  {% if service["exclusions"] %}
  {{ criteria_html(service["exclusions"]) }}
  {% else %}<p>{{ _("The sources name no exclusions.") }}</p>{% endif %}
</section>
{% endif %}
{% if key == "access" %}
<section aria-labelledby="g-contact">
  <h2 id="g-contact">{{ _("Contact") }}</h2>
  {% if not service["channels"] %}<p>{{ unknown }}</p>{% endif %}
  {% for ch in service["channels"] %}
  <div class="channel">
    <h3>{{ label(ch["labels"], ch["id"]) }}</h3>
    <ul class="values">
      {% if ch["telephone"] %}<li>{{ _("Phone") }}: <a href="tel:{{ ch["telephone"]|replace(' ', '') }}">{{ ch["telephone"] }}</a></li>{% endif %}
      {% if ch["url"] %}<li>{{ _("Web") }}: <a href="{{ ch["url"] }}">{{ ch["url"] }}</a></li>{% endif %}
      {{ channel_unknown_html(ch) }}
      {% if ch["language"] %}<li>{{ _("Language") }}: <span lang="{{ ch["language"] }}">{{ languages.get(ch["language"], ch["language"]) }}</span></li>{% endif %}
    </ul>
    {% if ch["hours"] %}
    <table class="hours">
      <caption>{{ _("Opening hours") }}
        {% if open_states[ch["id"]] %}<strong class="open">{{ _("Open now") }}</strong>{% else %}<strong class="closed">{{ _("Closed now") }}</strong>{% endif %}</caption>
      <thead><tr><th scope="col">{{ _("Day") }}</th><th scope="col">{{ _("Hours") }}</th></tr></thead>
      <tbody>{% for s in ch["hours"] %}<tr><th scope="row">{{ weekdays[s["day"]] }}</th><td>{{ s["opens"] }}–{{ s["closes"] }}</td></tr>{% endfor %}</tbody>
    </table>
    {% else %}<p>{{ _("Opening hours") }}: {{ unknown }}</p>{% endif %}
    {{ sources_html(ch["sources"]) }}
  </div>
  {% endfor %}
</section>
{% endif %}
{% endfor %}

<section aria-labelledby="g-next">
  <h2 id="g-next">{{ _("What comes next") }}</h2>
  {% if service["links"]["downstream"] %}
  {{ links_html(service["links"]["downstream"]) }}
  {% endif %}
  {% if service["unnamed_next_step"] %}<p>{{ _("Families may also move on to services the sources do not name:") }}</p>{{ text_of(service["unnamed_next_step"], service["unnamed_next_step_sources"]) }}{% endif %}
  {% if not service["links"]["downstream"] and not service["unnamed_next_step"] %}<p>{{ _("The sources name no next step.") }}</p>{% endif %}
  {% if service["links"]["upstream"] %}
  <h3>{{ _("Families come here from") }}</h3>
  {{ links_html(service["links"]["upstream"]) }}
  {% endif %}
</section>
</article>"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_service_article_built_in_python_equals_the_template_it_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web.fragments import service_link
    from api.web.pages_service import GROUPS, PART_NAMES
    from api.web.service_view import service_html
    from graph.navigation import get_service

    context = _in_language(app, lang)
    try:
        kg = resources().kg
        ids = {row["id"] for row in kg.services}
        seen = {"open": 0, "closed": 0, "hours unknown": 0, "fallback": 0, "next": 0, "from": 0, "related": 0}
        for i, sid in enumerate(sorted(ids)):
            service = get_service(kg, sid)
            states = {ch["id"]: (i + n) % 2 == 0 for n, ch in enumerate(service["channels"])}
            wanted = render_template_string(
                SERVICE_TEMPLATE,
                service=service,
                open_states=states,
                groups=GROUPS,
                part_names=PART_NAMES,
                service_ids=ids,
                service_link=service_link,
            )
            made = service_html(service, states, GROUPS, PART_NAMES, ids)
            assert _flat(made) == _flat(wanted), sid
            seen["open"] += 'class="open"' in made
            seen["closed"] += 'class="closed"' in made
            seen["hours unknown"] += any(not ch["hours"] for ch in service["channels"])
            seen["fallback"] += 'class="fallback"' in made or 'class="badge"' in made  # marked, or translated
            seen["next"] += bool(service["links"]["downstream"])
            seen["from"] += bool(service["links"]["upstream"])
            seen["related"] += 'id="g-related"' in made
        assert seen.pop("fallback") > 0 or lang == "fi"  # the seed's texts are Finnish: elsewhere marked
        assert all(seen.values()), seen  # the seed build shows every part of the article
    finally:
        context.pop()


# the pager as the template macro rendered it before listing.pager_html
PAGER_TEMPLATE = """{% macro pager(total, offset, size) -%}
{% if total > size %}
<nav class="pager" aria-label="{{ _('Pages') }}">
  {% if offset > 0 %}<a rel="prev" href="{{ url_with(offset=[offset - size, 0]|max) }}">{{ _("Previous") }}</a>{% endif %}
  <span>{{ _("%(first)d–%(last)d of %(total)d", first=offset + 1, last=[offset + size, total]|min, total=total) }}</span>
  {% if offset + size < total %}<a rel="next" href="{{ url_with(offset=offset + size) }}">{{ _("Next") }}</a>{% endif %}
</nav>
{% endif %}
{%- endmacro %}{{ pager(total, offset, size) }}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_pager_built_in_python_equals_the_macro_it_replaced(app, lang):
    from flask import render_template_string

    from api.web.listing import pager_html
    from api.web.names import forget_lang

    for url in (f"/gaps?lang={lang}&kind=dead_end&kind=missing_data&offset=50", f"/?q=neuvola+%26+%3C&lang={lang}"):
        with app.test_request_context(url):
            forget_lang()  # what an earlier context chose is not this one's
            app.preprocess_request()
            shown = []
            for total, offset, size in [(0, 0, 50), (50, 0, 50), (51, 0, 50), (120, 50, 50), (120, 100, 50), (7, 3, 2)]:
                wanted = render_template_string(PAGER_TEMPLATE, total=total, offset=offset, size=size)
                made = str(pager_html(total, offset, size))
                assert _flat(made) == _flat(wanted), (url, total, offset, size)
                shown.append(made)
            assert not shown[0] and not shown[1] and 'rel="prev"' in shown[3] and 'rel="next"' in shown[3]
            assert "&amp;offset=0" in shown[3] and "&amp;offset=100" in shown[3]


@pytest.mark.parametrize(
    "url", ["/gaps", "/gaps?lang=sv", "/?q=a+%26+b&lang=en&offset=10", "/?q=x&q=y&offset=10", "/?lang=fi&lang=sv&q=z"]
)
def test_the_language_switchs_urls_are_what_url_with_gives(app, url):
    from api.web.i18n import url_with, urls_with

    with app.test_request_context(url, base_url="http://localhost/prefix"):
        made = urls_with("lang", ["fi", "sv", "en"])
        assert made == [url_with(lang=code) for code in ("fi", "sv", "en")]
        assert all(href.startswith("/prefix/") and href.count("lang=") == 1 for href in made)


# the gap list's and the coverage matrix's sections as their templates (parts/gaps_body.html, coverage.html)
# rendered them before listing.py built them
GAPS_SECTION_TEMPLATE = """<section aria-labelledby="gaps-title">
  <h2 id="gaps-title">{{ ngettext("%(num)d gap", "%(num)d gaps", total) }}</h2>
  <ul class="gaps">
  {{ gaps_html(shown, service_names) }}
  </ul>
  {{ pager(total, offset, page_size) }}
</section>"""
COVERAGE_SECTION_TEMPLATE = """<section aria-labelledby="matrix-title">
  <h2 id="matrix-title">{{ _("Coverage: situations by family stage") }}</h2>
  <p>{{ _("Each cell lists the services that cover the stage for the situation; a service marked * covers only part of it. An empty cell is a gap.") }}</p>
  <div class="diagram">
  <table class="matrix">
    <thead><tr><th scope="col">{{ _("Situation") }}</th>{% for st in matrix.stages %}<th scope="col">{{ stage_names.get(st.id, st.id) }}</th>{% endfor %}</tr></thead>
    <tbody>
    {{ coverage_rows_html(matrix) }}
    </tbody>
  </table>
  </div>
</section>"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_gap_and_coverage_sections_built_in_python_equal_the_templates_they_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web import listing
    from graph.navigation import coverage_matrix, gap_report

    context = _in_language(app, lang)
    try:
        kg = resources().kg
        names = {row["id"]: {code: row.get(code) for code in ("fi", "sv", "en")} for row in kg.services}
        for municipality in (None, "091"):
            items = gap_report(kg, municipality, None)["items"]
            for offset, size in ((0, 50), (0, len(items)), (10, 5)):
                shown = items[offset : offset + size]
                wanted = render_template_string(
                    GAPS_SECTION_TEMPLATE,
                    shown=shown,
                    total=len(items),
                    offset=offset,
                    page_size=size,
                    service_names=names,
                    gaps_html=listing.gaps_html,
                    pager=listing.pager_html,
                )
                made = str(listing.gaps_section_html(shown, len(items), offset, size, names))
                assert _flat(made) == _flat(wanted), (municipality, offset, size)
                assert ('class="pager"' in made) == (len(items) > size)
            matrix = coverage_matrix(kg, municipality)
            wanted = render_template_string(
                COVERAGE_SECTION_TEMPLATE, matrix=matrix, coverage_rows_html=listing.coverage_rows_html
            )
            made = str(listing.coverage_html(matrix))
            assert _flat(made) == _flat(wanted) and made.count('<th scope="col">') == len(matrix["stages"]) + 1
    finally:
        context.pop()


GAP_KINDS_TEMPLATE = """{% for kind, name in gap_kinds.items() %}
    <label><input type="checkbox" name="kind" value="{{ kind }}"{% if kind in kinds %} checked{% endif %}> {{ name }} \
<span class="count">({{ counts.get(kind, 0) }})</span></label>
    {% endfor %}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_gap_kind_filter_built_in_python_equals_the_template_it_replaced(app, lang):
    from flask import render_template_string

    from api.resources import resources
    from api.web.listing import gap_kinds_html
    from api.web.names import GAP_KINDS
    from graph.navigation import gap_report

    context = _in_language(app, lang)
    try:
        counts = gap_report(resources().kg)["counts"]
        for kinds in ([], ["dead_end"], ["dead_end", "missing_data", "unknown"]):
            wanted = render_template_string(GAP_KINDS_TEMPLATE, counts=counts, kinds=kinds)
            made = str(gap_kinds_html(counts, kinds))
            assert _flat(made) == _flat(wanted) and made.count(" checked") == len(set(kinds) & set(GAP_KINDS))
    finally:
        context.pop()


# the gap explorer's filters and downloads as its template rendered them before gaps_view.py
GAPS_FORM_TEMPLATE = """<form method="get" action="{{ url_for('web.gaps') }}" class="filters">
  <input type="hidden" name="lang" value="{{ page_lang }}">
  <p><label for="municipality">{{ _("Municipality") }}</label>
     <input id="municipality" name="municipality" type="text" value="{{ municipality }}" aria-describedby="m-hint">
     <span id="m-hint" class="hint">{{ _("A name or a three-digit code; narrows the stage windows to services there") }}</span></p>
  <p><label for="language">{{ _("Language") }}</label>
    <select id="language" name="language">
      <option value="">{{ _("Swedish and English") }}</option>
      {% for code in ("sv", "en") %}<option value="{{ code }}" lang="{{ code }}"{% if code == language %} selected{% endif %}>{{ languages[code] }}</option>{% endfor %}
    </select></p>
  <fieldset><legend>{{ _("Kind") }}</legend>
    {{ gap_kinds_html(report.counts, kinds) }}
  </fieldset>
  <button type="submit">{{ _("Apply filters") }}</button>
</form>
<p class="downloads">{{ ngettext("Download the %(num)d gap these filters match:", "Download all %(num)d gaps these filters match:", total) }}
  <a href="{{ url_with(format='csv', offset=None) }}" download>CSV</a> ·
  <a href="{{ url_with(format='json', offset=None) }}">JSON</a></p>"""


@pytest.mark.parametrize("root", ["", "/prefix"])
def test_the_gap_filters_built_in_python_equal_the_template_they_replaced(app, root):
    from flask import render_template_string

    from api.resources import resources
    from api.web.gaps_view import gaps_form_html
    from api.web.listing import gap_kinds_html
    from api.web.names import forget_lang
    from graph.navigation import gap_report

    report = None
    for lang in ("fi", "sv", "en"):
        for municipality, language, kinds in (("", "", []), ("Es<poo>", "sv", ["dead_end"]), ("091", "en", ["x"])):
            query = f"lang={lang}&municipality={municipality}&language={language}&offset=50" + "".join(
                f"&kind={k}" for k in kinds
            )
            with app.test_request_context(f"/gaps?{query}", base_url=f"http://localhost{root}"):
                forget_lang()
                app.preprocess_request()
                report = report or gap_report(resources().kg)
                wanted = render_template_string(
                    GAPS_FORM_TEMPLATE,
                    report=report,
                    kinds=kinds,
                    municipality=municipality,
                    language=language,
                    gap_kinds_html=gap_kinds_html,
                    total=len(report["items"]),
                )
                made = str(gaps_form_html(report["counts"], kinds, municipality, language, len(report["items"])))
                assert _flat(made) == _flat(wanted), query
                assert f'action="{root}/gaps"' in made and f'href="{root}/gaps?' in made and "<poo>" not in made
