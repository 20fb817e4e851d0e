"""The templates' gettext: the request's language, the translation as markup, variables escaped into it."""

from __future__ import annotations

from flask import g

from api.web.names import catalogue, template_gettext, template_ngettext


def test_a_template_text_is_translated_in_the_page_language_and_escapes_its_variables(app):
    with app.test_request_context("/?lang=sv"):
        g.web_lang = "sv"
        assert template_gettext("Search") == catalogue("sv").gettext("Search") != "Search"
        g.web_lang = "fi"  # a text kept per language is not the other language's
        assert template_gettext("Search") == catalogue("fi").gettext("Search")
        field = template_gettext("The value to check: %(field)s", field="<b>")
        assert "&lt;b&gt;" in field and "<b>" not in field
        assert template_gettext("not a catalogue text") == "not a catalogue text"
        assert "3" in template_ngettext("%(num)d source", "%(num)d sources", 3)
