"""The screening page as the tester used it: the form's fields and limits, the answer's four groups, its texts."""

from __future__ import annotations

import html as htmlmod
import re

import pytest

HELSINKI = "pregnancy_week=22&municipality=Helsinki"


def visible(page: str) -> str:
    """The page's main text as a reader sees it (tags dropped, closed disclosures included)."""
    main = page[page.index("<main") :] if "<main" in page else page
    return re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", " ", main)))


def section(page: str, ident: str) -> str:
    start = page.index(">", page.index(f'id="{ident}"')) + 1
    end = page.find("</section>", start)
    return page[start:end]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_not_acute_offers_the_acuteness_situations_by_their_names(client, kg, lang):
    from graph.navigation import acuteness_situations

    page = client.get(f"/screening?lang={lang}").get_data(as_text=True)
    field = section(page, "f-not_acute").split("</fieldset>")[0]
    values = re.findall(r'name="not_acute" value="([^"]+)"', field)
    assert sorted(values) == sorted(acuteness_situations(kg))
    assert "not_acute" not in visible(field)
    for value in values:  # every choice is a situation id the server takes
        chosen = client.get(f"/screening?{HELSINKI}&situation={value}&not_acute={value}&lang={lang}")
        assert chosen.status_code == 200


def test_the_next_questions_are_the_translated_questions_with_what_they_decide(client):
    for lang, question, decides in [
        ("fi", "Mitä palveluja perhe on jo käyttänyt?", "ratkaisee 2 palvelua"),
        ("sv", "Vilka tjänster har familjen redan använt?", "avgör 2 tjänster"),
        ("en", "Which services has the family used before?", "decides 2 services"),
    ]:
        for limit in (5, 20):  # the section no longer depends on how many services are listed
            page = client.get(f"/screening?{HELSINKI}&limit={limit}&lang={lang}").get_data(as_text=True)
            asked = section(page, "questions-title")
            assert question in visible(asked) and decides in visible(asked)
            assert not re.search(
                r"<li>(?:previous_service|current_service|situation|pregnancy_week|municipality)", asked
            )


def test_the_answer_has_four_groups_with_the_likely_apart(client):
    answer = client.get(f"/api/v1/eligibility?{HELSINKI}&limit=20").get_json()
    page = client.get(f"/screening?{HELSINKI}").get_data(as_text=True)
    order = [page.index(f'id="grp-{name}"') for name in ("eligible", "likely", "ineligible", "unknown")]
    assert order == sorted(order)  # the long unknown list comes last
    likely, unknown = section(page, "grp-likely"), section(page, "grp-unknown")
    assert f"({answer['likely_total']})" in likely
    assert f"({answer['totals']['unknown'] - answer['likely_total']})" in unknown
    for entry in answer["unknown"]:
        assert f"/services/{entry['id']}?lang=fi" in (likely if entry["likely"] else unknown)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_answer_speaks_the_page_language_and_notes_each_reading_once(client, lang):
    query = f"{HELSINKI}&situation=psychosis&situation=depression&lang={lang}"
    page = client.get(f"/screening?{query}").get_data(as_text=True)
    text = visible(page[page.index('<section class="answer"') :])
    # open items translated; no raw ids of the graph anywhere in the answer
    assert "the sources do not" not in text and "no eligibility criteria" not in text
    assert not re.search(r"\b(?:c|req|pp):[a-z]", text) and "see missing" not in text
    for item in page.split("\n      <li>\n        <h4>")[1:]:
        readings = re.findall(r'<details class="readings"><summary>[^<]*</summary><ul lang="en">(.*?)</ul>', item)
        assert len(readings) <= 1  # the notes once per service, behind one disclosure marked as English
        if readings:
            notes = re.findall(r"<li>(.*?)</li>", readings[0])
            assert len(notes) == len(set(notes))
            assert readings[0].count("spring-2008 bulletin") <= 1
        assert '<span class="reading"' not in item
    assert ("Miksi tulkinta (englanniksi)" if lang == "fi" else "Varför tolkning (på engelska)") in page


def test_a_reading_loses_the_graphs_ids(app):
    from api.web.answer import notes

    with app.test_request_context("/screening"):
        found = notes(
            [
                {
                    "claim": "interpreted",
                    "readings": ['"masennusoireita" read as c:depression; The paragraph (see missing).'],
                },
                {"claim": "interpreted", "readings": ["Its content is wrong (see req:x pp:excludedSituation). A; b."]},
                {"claim": "stated", "readings": ["Not shown."]},
                {"claim": "interpreted", "readings": ["The paragraph."]},
            ]
        )
    assert found == ['"masennusoireita" read as “Depression”.', "The paragraph.", "Its content is wrong.", "A; b."]


def test_form_limits_are_the_domains(client):
    from graph.navigation import BOUNDS

    page = client.get("/screening").get_data(as_text=True)
    for field, (low, high) in BOUNDS.items():
        assert re.search(rf'name="{field}" type="number" min="{low}" max="{high}"', page)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fi", "Raskausviikko: anna kokonaisluku väliltä 1–42."),
        ("sv", "Graviditetsvecka: ange ett heltal från 1 till 42."),
        ("en", "Pregnancy week: give a whole number from 1 to 42."),
    ],
)
def test_bad_input_shows_the_form_again_with_the_values_kept(client, lang, message):
    response = client.get(f"/screening?pregnancy_week=44&municipality=Helsinki&situation=depression&lang={lang}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in visible(page)
    assert 'name="pregnancy_week" type="number" min="1" max="42" value="44" aria-invalid="true"' in page
    assert 'value="Helsinki"' in page and 'value="depression" checked' in page
    assert "pregnancy_week must be" not in page and 'class="answer"' not in page


def test_each_bad_field_is_named_by_its_label(client):
    for query, wanted in [
        ("municipality=Atlantis", "Kotikunta: ”Atlantis” ei ole Suomen kunta."),
        ("child_age_months=300", "Lapsen ikä kuukausina: anna kokonaisluku väliltä 0–240."),
        (
            "previous_service=nope",
            "Palvelu, jota perhe on käyttänyt aiemmin: millään palvelulla ei ole tunnusta ”nope”.",
        ),
        ("situation=nope", "Tilanteet: valitse luettelosta."),
        ("pregnancy_week=20&limit=0", "Palveluja ryhmää kohden: anna kokonaisluku väliltä 1–200."),
    ]:
        response = client.get(f"/screening?{query}")
        assert response.status_code == 400 and wanted in visible(response.get_data(as_text=True)), query


def test_the_handout_states_the_profile_and_the_form_asks_questions(client):
    query = f"{HELSINKI}&situation=depression&situation=anxiety&anonymous=true&self_referral=false&lang=en"
    page = client.get(f"/screening?{query}").get_data(as_text=True)
    summary = visible(section(page, "summary-title"))
    for words in ("Pregnancy week 22", "Home municipality Helsinki", "Situations Anxiety, Depression"):
        assert words in summary
    assert "Does the family want to stay anonymous? yes" in summary
    assert "without a referral? no" in summary
    fi = client.get("/screening").get_data(as_text=True)
    assert "<legend>Haluaako perhe asioida nimettömänä?</legend>" in fi
    assert "<legend>Haluaako perhe ottaa yhteyttä palveluun itse, ilman lähetettä?</legend>" in fi


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_situations_are_in_the_alphabet_of_the_page_language(client, lang):
    from api.web.pages_screening import sort_key

    page = client.get(f"/screening?lang={lang}").get_data(as_text=True)
    field = section(page, "f-situation").split("</fieldset>")[0]
    names = [htmlmod.unescape(n).strip() for n in re.findall(r'name="situation" value="[^"]+"> ([^<]+)<', field)]
    assert len(names) > 10 and names == sorted(names, key=sort_key)
    if lang == "sv":
        assert names[-1].startswith("Å")  # å, ä, ö after z
    assert sort_key("Äiti") > sort_key("Zeta") and sort_key("Öljy") > sort_key("Äiti") > sort_key("Åland")


def test_reasons_and_entries_escape_what_they_show(app):
    """A reason with only an English detail, a check without a criterion, text to escape, a label in another
    language; an entry with only the API's English `missing`, routes and alternatives."""
    from api.web.answer import entries_html, reasons_html

    cite = {"source": "s<1>", "quote": 'Lause "<1>" & muuta.', "title": "<Doc>", "status": "superseded"}
    reasons = [
        {"status": "failed", "labels": {"sv": "<Ålder>"}, "criterion": "c1", "detail": "<7 & 8>", "sources": [cite]},
        {"status": "met", "labels": None, "criterion": None, "text": {"fi": "<kyllä>"}, "sources": []},
        {"status": "odd", "labels": {}, "criterion": "c2", "claim": "interpreted", "readings": ["a<b"], "sources": []},
    ]
    entries = [
        {
            "id": "neuvola",
            "labels": {"sv": "<Rådgivning>"},
            "reasons": reasons,
            "missing": ["<x>"],
            "access": {"routes": [{"labels": {"fi": "Itse"}, "id": "a"}, {"labels": {}, "id": "b"}]},
            "alternatives": [{"id": "baby-blues", "labels": {"fi": "Baby blues"}}, {"id": "z<", "labels": {}}],
        }
    ]
    with app.test_request_context("/screening?lang=fi"):
        made = str(reasons_html(reasons))
        assert '<span class="detail">(<span lang="en">&lt;7 &amp; 8&gt;</span>)</span>' in made
        assert '<span lang="sv">&lt;Ålder&gt;</span>' in made and "<strong>täyttyy</strong>: &lt;kyllä&gt;" in made
        assert made.count('class="badge interpreted">tulkinta<') == 1 and "&lt;1&gt;" in made
        shown = str(entries_html(entries))
        assert "<li>a&lt;b.</li>" in shown and '<li><span lang="en">&lt;x&gt;</span>' in shown and "Itse" in shown
        assert "<x>" not in shown and "z&lt;" in shown and '<span class="unknown">c2</span>' in made
