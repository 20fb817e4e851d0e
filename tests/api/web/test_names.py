"""The templates' gettext: the request's language, the translation as markup, variables escaped into it."""

from __future__ import annotations

from api.web.names import catalogue, template_gettext, template_ngettext, use_lang


def test_a_template_text_is_translated_in_the_page_language_and_escapes_its_variables(app):
    with app.test_request_context("/?lang=sv"):
        use_lang("sv")
        assert template_gettext("Search") == catalogue("sv").gettext("Search") != "Search"
        use_lang("fi")  # a text kept per language is not the other language's
        assert template_gettext("Search") == catalogue("fi").gettext("Search")
        field = template_gettext("The value to check: %(field)s", field="<b>")
        assert "&lt;b&gt;" in field and "<b>" not in field
        assert template_gettext("not a catalogue text") == "not a catalogue text"
        assert "3" in template_ngettext("%(num)d source", "%(num)d sources", 3)


def test_a_request_s_language_ends_with_it(app, client):
    """The language a page chose is kept in one place, read without flask.g's proxy, and never outlives its request."""
    from api.web.names import chosen_lang, gettext

    assert '<html lang="sv"' in client.get("/gaps?lang=sv").get_data(as_text=True)
    assert '<html lang="fi"' in client.get("/gaps").get_data(as_text=True)
    assert '<html lang="en"' in client.get("/no-such-page?lang=en", headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    with app.test_request_context("/?lang=sv"):
        app.preprocess_request()
        assert chosen_lang() == "sv" and gettext("Search") != "Search"
    with app.test_request_context("/"):
        assert chosen_lang() is None and gettext("Search") == gettext("Search")
        app.preprocess_request()
        assert chosen_lang() == "fi"
