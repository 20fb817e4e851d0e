"""A fact's source disclosure: quote rows from the build's table equal the ones built for a citation alone."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from markupsafe import escape


def citations(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every citation (a mapping with a quote) anywhere in a stored service document."""
    if isinstance(value, dict):
        if "quote" in value:
            yield value
        else:
            for item in value.values():
                yield from citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from citations(item)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_build_table_keeps_each_shown_quote_row_as_built_alone(app, lang):
    from api.resources import resources
    from api.web import quotes
    from api.web.names import gettext

    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()  # the page's language, as a page has it: the link words below are in it
        kg = resources().kg
        opens = str(escape(gettext("Open the source document at this quote")))
        table = quotes._quote_rows(lang, "", opens)
        table.clear()  # as a new build's: empty until a page shows a quote
        shown = [c for c in citations(kg.document(kg.services[0]["id"]))][:30]
        html = str(quotes.sources_html(shown))
        keys = {quotes._cited(c) for c in shown}
        assert shown and set(table) == keys  # only what was shown is kept
        for key in keys:
            assert table[key] == quotes._quote_row(key, lang, "", opens) and table[key] in html
            assert f"lang={lang}#quote" in table[key] or not key[0]
        assert kg.memo(f"web-quotes::{lang}:{opens}", dict) is table  # kept once a build, language and wording


def test_a_citation_outside_the_stored_documents_is_built_and_escaped(app):
    from api.web.quotes import sources_html

    cite = {"source": "a/b", "quote": 'x <b>"&', "title": "<T>", "date": "2024", "status": "superseded"}
    with app.test_request_context("/?lang=en"):
        html = str(sources_html([cite, cite]))
    assert "<summary>2 sources</summary>" in html
    assert html.count('<blockquote lang="fi">x &lt;b&gt;&#34;&amp;</blockquote>') == 2
    assert 'href="/sources/a%2Fb?quote=x+%3Cb%3E%22%26&amp;lang=en#quote"' in html
    assert '(&lt;T&gt;, 2024, <span lang="en">superseded</span>)' in html
    with app.test_request_context("/?lang=en"):
        assert str(sources_html([])) == ""
