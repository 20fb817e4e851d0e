"""The source page: its record's values in the page language, an English description marked, the quote kept in view."""

from __future__ import annotations

import pytest

QUOTE = "/sources/004_2757dcba9bd89fd9?quote=Lapaset"


@pytest.mark.parametrize(
    ("lang", "words", "mark"),
    [
        ("fi", ("kirje", "historiallinen", "suomi"), None),
        ("sv", ("brev", "historisk", "finska"), "Svenska"),
        ("en", ("letter", "historical", "Finnish"), None),
    ],
)
def test_kind_status_and_language_are_in_the_page_language(client, lang, words, mark):
    html = client.get(f"/sources/004_2757dcba9bd89fd9?lang={lang}").get_data(as_text=True)
    for word in words:
        assert f"<dd>{word}</dd>" in html
    assert "<dd>Suomi</dd>" not in html or lang == "fi"
    if lang != "en":  # the editors' description exists only in English: so marked, with its lang
        assert '<span lang="en">A letter from the steering group' in html and 'class="fallback"' in html
    else:
        assert '<p lang="en">A letter from the steering group' in html


def test_the_language_switch_keeps_the_highlighted_quote(client):
    html = client.get(QUOTE).get_data(as_text=True)
    assert 'id="quote"' in html
    assert 'href="/sources/004_2757dcba9bd89fd9?quote=Lapaset&amp;lang=sv#quote"' in html
    plain = client.get("/sources/004_2757dcba9bd89fd9").get_data(as_text=True)
    assert "#quote" not in plain


def test_the_stylesheet_keeps_a_quote_clear_of_the_top_edge(client):
    response = client.get("/assets/style.css")
    css = response.get_data(as_text=True)
    response.close()
    assert "mark.quote { scroll-margin-top" in css
