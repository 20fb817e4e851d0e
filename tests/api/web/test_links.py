"""The links the pages build by hand (a fact's quotes, the editor's examples) are the ones url_for would give."""

from __future__ import annotations

import html
import re

from flask import url_for
from hypothesis import given
from hypothesis import strategies as st

BROWSER = {"Accept": "text/html"}


def _hrefs(page: str, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'href="({pattern}[^"]*)"', page)]


def test_every_quote_links_to_its_source_as_url_for_says(app, client):
    page = client.get("/services/terapeuttinen-vauvaperhetyo?lang=sv").get_data(as_text=True)
    document = client.get("/api/v1/services/terapeuttinen-vauvaperhetyo").get_json()
    cited = [document["label_sources"], *(c["sources"] for c in document["eligibility"] + document["exclusions"])]
    with app.test_request_context("/?lang=sv"):
        wanted = {
            url_for("web.source", source_id=s["source"], quote=s["quote"], lang="sv") + "#quote"
            for citations in cited
            for s in citations
        }
    found = set(_hrefs(page, "/sources/"))
    assert wanted and wanted <= found


def test_every_example_of_the_editor_opens_as_url_for_says(app, client):
    page = client.get("/sparql?lang=en", headers=BROWSER).get_data(as_text=True)
    examples = client.get("/api/v1/queries").get_json()["items"]
    found = _hrefs(page, "/sparql[?]query=")
    assert len(found) == len(examples)
    with app.test_request_context("/"):
        from api.resources import resources
        from api.web.pages_sparql import catalogue

        wanted = [
            url_for("sparql.sparql", query=q["text"], format="html", lang="en") for q in catalogue(resources().kg)
        ]
    assert found == wanted


def test_the_editor_table_escapes_every_value_and_keeps_languages_and_links():
    from api.web.pages_sparql import table_body

    rows = [
        {
            "s": {"type": "uri", "value": "https://example.org/a?b=1&c=<2>"},
            "t": {"type": "literal", "value": "<b>", "xml:lang": "fi"},
        },
        {"t": {"type": "literal", "value": "x & y"}},
    ]
    body = str(table_body(["s", "t"], rows))
    assert '<a href="https://example.org/a?b=1&amp;c=&lt;2&gt;">https://example.org/a?b=1&amp;c=&lt;2&gt;</a>' in body
    assert '<td lang="fi">&lt;b&gt;</td>' in body
    assert "<tr><td></td><td>x &amp; y</td></tr>" in body


@given(st.text())
def test_a_quote_in_a_link_is_encoded_as_quote_plus_encodes_it(text):
    from urllib.parse import quote_plus

    from api.web.quotes import URL_SAFE, query_quote

    assert query_quote(text) == quote_plus(text, safe=URL_SAFE)


def _url_with_before(args, path, **changes):
    """url_with as it was: the request's parameters, some replaced, encoded again for each link."""
    from urllib.parse import urlencode

    for key, value in changes.items():
        if value is None or value == []:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [str(value)]
    query = urlencode([(k, v) for k, values in args.items() for v in values])
    return path + ("?" + query if query else "")


NAMES = st.sampled_from(["q", "lang", "offset", "kind", "municipality", "ä&=+ ", "x"])
VALUES = st.one_of(st.none(), st.integers(-5, 500), st.text(max_size=8), st.lists(st.text(max_size=4), max_size=3))


@given(
    st.lists(st.tuples(NAMES, st.text(max_size=8)), max_size=6), st.lists(st.dictionaries(NAMES, VALUES), max_size=4)
)
def test_url_with_gives_what_encoding_the_whole_query_again_gives(app, query, calls):
    """Each call of a request (the language switch, the pager, the downloads) as the one-off encoding gave it."""
    from urllib.parse import urlencode

    from flask import g

    from api.web.i18n import url_with

    with app.test_request_context("/gaps?" + urlencode(query)):
        g.pop("web_query", None)
        from flask import request

        for changes in calls:
            assert url_with(**changes) == _url_with_before(request.args.to_dict(flat=False), "/gaps", **changes)
