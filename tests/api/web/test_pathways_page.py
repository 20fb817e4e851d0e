"""The pathways page: link kinds told apart with a legend and translated tooltips, a service without links said so."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("lang", "name"), [("fi", "vaativampi tuki"), ("sv", "mer intensivt stöd"), ("en", "escalation")]
)
def test_link_tooltips_and_the_legend_name_the_kinds_in_the_page_language(client, lang, name):
    html = client.get(f"/pathways?service=neuvola&lang={lang}").get_data(as_text=True)
    tips = re.findall(r'<path class="edge [a-z-]+" [^>]*><title>([^<]*)</title>', html)
    raw = (
        r": (next-step|escalation|intake|referral)$" if lang != "en" else r": next-step$"
    )  # English names two as coded
    assert len(tips) == 12 and not any(re.search(raw, t) for t in tips)
    assert any(t.endswith(f": {name}") for t in tips)
    legend = html[html.index('<ul class="legend">') : html.index("</figcaption>")]
    assert name in legend and legend.count("<svg") == 6  # the six kinds of the seed network, each drawn
    assert 'class="swatch up"' in legend and 'class="swatch down"' in legend


def test_kinds_of_link_are_drawn_differently(client):
    html = client.get("/pathways").get_data(as_text=True)
    styles = {kind: attrs for kind, attrs in re.findall(r'<path class="edge ([a-z-]+)" d="[^"]*" ([^>]*)>', html)}
    assert set(styles) == {"next-step", "referral", "intake", "escalation", "alongside", "continuation"}
    assert len(set(styles.values())) == 6
    assert "swatch" not in html  # nothing is highlighted, so no highlight legend


def test_a_service_without_links_is_chosen_and_said_to_have_none(client):
    html = client.get("/pathways?service=lastensuojelu").get_data(as_text=True)
    assert '<option value="lastensuojelu" selected>' in html
    assert "Lähteet eivät nimeä ohjauslinkkejä palveluun Lastensuojelun palvelut" in html
    assert "Korostettu:" not in html
    linked = client.get("/pathways?service=perhetyo").get_data(as_text=True)
    assert '<option value="perhetyo" selected>' in linked and "Korostettu:" in linked


def test_a_service_page_offers_the_pathway_map_only_where_the_service_has_links(client):
    assert "/pathways?service=" not in client.get("/services/lastensuojelu").get_data(as_text=True)
    assert "/pathways?service=neuvola" in client.get("/services/neuvola").get_data(as_text=True)
