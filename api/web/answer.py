"""The screening answer as its page shows it, built in Python with every value escaped: the groups' services
with their reasons, what is still open and the interpretation notes once each, the next questions, the profile.

What is shown is the domain answer as it is (graph.navigation.screen): nothing is decided here. An
interpretation note is a maintainer's reading written in English (pp:reading): a service shows a short
translated "interpreted" mark at each reason it concerns and its notes once, behind a disclosure marked
as English, each sentence once and without the graph's raw ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from api.resources import resources
from api.web.fragments import service_links
from api.web.i18n import label, pick
from api.web.names import STATUSES, gettext, ngettext
from api.web.notices import historical_badge
from api.web.quotes import sources_html

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'])|;\s+(?=[A-Z])")  # a sentence's end, or "; The"
_CONCEPT = re.compile(r"\bc:([a-z0-9][a-z0-9-]*)")
_TERM = re.compile(r"\bpp:([a-z]+[A-Za-z]*)")
_POINTER = re.compile(r",?\s*\(?see (?:missing|req:[^)]*)\)?")  # "see missing", "(see req:x pp:y)": maintainers' lists


def _plain(sentence: str) -> str:
    """A note's sentence without the graph's ids: a concept by its English name, a property in words."""
    concepts = resources().kg.concepts
    out = _POINTER.sub("", sentence)
    out = _CONCEPT.sub(lambda m: "“" + (pick(concepts.get(m[1], {}).get("labels"), "en")[0] or m[1]) + "”", out)
    out = _TERM.sub(lambda m: "“" + re.sub(r"(?<!^)(?=[A-Z])", " ", m[1]).lower() + "”", out)
    out = out.strip().rstrip(";").strip()
    return out if out.endswith((".", "!", "?", '."', ".”")) else out + "."


def notes(reasons: Iterable[Mapping[str, Any]]) -> list[str]:
    """The interpretation notes of a service's interpreted reasons, each sentence once, in their order."""
    found: dict[str, None] = {}
    for r in reasons:
        if r.get("claim") == "interpreted":
            for reading in r.get("readings") or []:
                for sentence in _SENTENCE.split(reading):
                    if sentence.strip():
                        found.setdefault(_plain(sentence), None)
    return list(found)


def notes_html(reasons: Iterable[Mapping[str, Any]]) -> str:
    """A service's interpretation notes behind one disclosure marked as English (nothing if it has none)."""
    found = notes(reasons)
    if not found:
        return ""
    summary = escape(gettext("Why interpreted (in English)"))
    items = "".join(f"<li>{escape(n)}</li>" for n in found)
    return f'<details class="readings"><summary>{summary}</summary><ul lang="en">{items}</ul></details>'


def reasons_html(reasons: Iterable[Mapping[str, Any]]) -> Markup:
    """A verdict's reasons: each criterion's status, its translated detail, an "interpreted" mark, its quotes."""
    mark = f' <span class="badge interpreted">{escape(gettext("interpreted"))}</span>'
    out = []
    for r in reasons:
        if r.get("text"):
            detail = str(label(r["text"]))
        elif r.get("detail"):
            detail = f'<span lang="en">{escape(r["detail"])}</span>'
        else:
            detail = ""
        # a check without a criterion (language, anonymity, self-referral) has only its sentence
        what = f"{label(r.get('labels'), r['criterion'])} " if r.get("labels") or r.get("criterion") else ""
        detail = f'<span class="detail">({detail})</span>' if what and detail else detail
        out.append(
            f'\n<li class="reason">\n  <strong>{escape(STATUSES.get(r["status"], r["status"]))}</strong>: '
            f"{what}{detail}{mark if r.get('claim') == 'interpreted' else ''}\n  {sources_html(r.get('sources'))}\n</li>"
        )
    return Markup(f'<ul class="reasons">{"".join(out)}</ul>')


def entries_html(entries: Iterable[Mapping[str, Any]]) -> Markup:
    """A screening group's services: each linked, with its reasons and their notes, what is still open (in the
    page's language), how to get in and the alternatives the answer names."""
    service_link = service_links()
    still_open, way_in = escape(gettext("Still open:")), escape(gettext("How to get in:"))
    instead = escape(gettext("Alternatives:"))
    out = []
    for e in entries:
        parts = [f"\n      <li>\n        <h4>{service_link(e['id'], e['labels'])}{historical_badge(e)}</h4>\n        "]
        if e.get("reasons"):
            parts.append(str(reasons_html(e["reasons"])) + notes_html(e["reasons"]))
        opened = e.get("open") or [{"text": {"en": m}} for m in e.get("missing") or []]
        if opened:
            items = "".join(f"<li>{label(item['text'])}</li>" for item in opened)
            parts.append(f'\n        <p>{still_open}</p><ul class="still-open">{items}</ul>')
        access = e.get("access")
        if access and access.get("routes"):
            routes = "; ".join(str(label(r["labels"], r.get("id") or "")) for r in access["routes"])
            parts.append(f"\n        <p>{way_in} {routes}</p>")
        if e.get("alternatives"):
            links = ", ".join(str(service_link(a["id"], a["labels"])) for a in e["alternatives"])
            parts.append(f"\n        <p>{instead} {links}</p>")
        parts.append("\n      </li>")
        out.append("".join(parts))
    return Markup("".join(out))


def questions_html(questions: Iterable[Mapping[str, Any]]) -> Markup:
    """The next questions in the page's language, each with how many services its answer decides."""
    rows = []
    for q in questions:
        decides = escape(ngettext("decides %(num)d service", "decides %(num)d services", q["decides"]))
        rows.append(f'<li>{label(q["question"], q.get("field") or "")} <span class="decides">({decides})</span></li>')
    return Markup(f'<ul class="questions">{"".join(rows)}</ul>')
