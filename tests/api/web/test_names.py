"""The templates' gettext: the request's language, the translation as markup, variables escaped into it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from api.web.names import _l, catalogue, esc, per_request, template_gettext, template_ngettext, use_lang


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


@given(st.one_of(st.text(), st.text(alphabet="&<>'\"ab ä")))
def test_esc_gives_what_markupsafe_escape_gives(value):
    assert esc(value) == str(escape(value))


def test_esc_leaves_markup_and_escapes_other_values_as_markupsafe_does():
    for value in (Markup("<b>kept</b>"), 3, 2.5, None, _l("Search")):
        assert esc(value) == str(escape(value))


def test_what_a_request_shares_is_made_once_and_forgotten_when_it_ends(app):
    """per_request: one value a request under a key, made again by the next request."""
    made = []

    def make():
        made.append(1)
        return len(made)

    with app.test_request_context("/"):
        app.preprocess_request()
        assert per_request("k", make) == per_request("k", make) == 1
        app.do_teardown_request()
    with app.test_request_context("/"):
        assert per_request("k", make) == 2
        app.do_teardown_request()


def test_the_unknown_mark_follows_each_request_s_language(client):
    """The mark is kept once a request: the next request in another language shows its own words."""
    fi = client.get("/services/perhetyo").get_data(as_text=True)
    sv = client.get("/services/perhetyo?lang=sv").get_data(as_text=True)
    fi_mark = catalogue("fi").gettext("Unknown: the sources do not say")
    sv_mark = catalogue("sv").gettext("Unknown: the sources do not say")
    assert fi_mark != sv_mark and fi_mark in fi and sv_mark in sv and sv_mark not in fi and fi_mark not in sv
