"""A fact's source disclosure: its quotes, each linking to the source document at the quote, built in Python."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from flask import request
from markupsafe import Markup

from api.resources import resources
from api.web.i18n import page_lang
from api.web.names import esc, escaped, ngettext, per_request

URL_SAFE = "!$'()*,/:;?@"  # what url_for leaves unquoted in a query string
_UNSAFE = re.compile(r"[^A-Za-z0-9_.~!$'()*,/:;?@ -]")  # what quote_plus(text, safe=URL_SAFE) encodes, but " "
_ENCODED: dict[str, str] = {}


def _encode(match: re.Match[str]) -> str:
    char = match.group()
    found = _ENCODED.get(char)
    if found is None:
        found = _ENCODED[char] = "".join(f"%{b:02X}" for b in char.encode())
    return found


def query_quote(text: str) -> str:
    """`quote_plus(text, safe=URL_SAFE)`, touching only the characters it encodes (a quote is mostly letters;
    quote_plus looks at every byte in Python, a tenth of a service page's rendering)."""
    return _UNSAFE.sub(_encode, text).replace(" ", "+")  # a "+" of the text is encoded already


Citation = tuple[str, str, str, str, str]  # what a quote's row shows: source, quote, document, date, status
_SUMMARIES: dict[tuple[str, int], str] = {}


def _cited(cite: Mapping[str, Any]) -> Citation:
    doc = cite.get("title") or cite.get("document") or ""
    return (cite.get("source") or "", cite.get("quote") or "", doc, cite.get("date") or "", cite.get("status") or "")


def _quote_row(cite: Citation, lang: str, root: str, opens: str) -> str:
    source, text, title, date, status = cite
    link = ""
    if source:
        query = f"quote={query_quote(text)}&lang={lang}"
        href = esc(f"{root}/sources/{quote(source, safe='')}?{query}#quote")
        link = f'<a href="{href}">{opens}</a>'
    doc = esc(title)
    if date:
        doc += f", {esc(date)}"
    if status and status != "current":
        doc += f', <span lang="en">{esc(status)}</span>'
    return (
        f'    <li>\n      <blockquote lang="fi">{esc(text)}</blockquote>\n      {link}\n'
        f'      <span class="doc">({doc})</span>\n    </li>\n'
    )


def _quote_rows(lang: str, root: str, opens: str) -> dict[Citation, str]:
    """This build's quote rows in the page's language, filled as pages show them: a quote is cited by many facts
    and services, and its row differs between languages only by the link's words. (Made up front from every
    stored document, the table held 24 MB a language at 6,400 services and cost the first page a second.)"""
    found: dict[Citation, str] = resources().kg.memo(f"web-quotes:{root}:{lang}:{opens}", dict)  # opens: the words
    return found


def _disclosure() -> tuple[str, str, str, dict[Citation, str]]:
    """What every disclosure of this request shares (its language, root, link words, the build's rows), found once."""

    def make() -> tuple[str, str, str, dict[Citation, str]]:
        lang, root = page_lang(), request.script_root
        opens = str(escaped("Open the source document at this quote"))
        return lang, root, opens, _quote_rows(lang, root, opens)

    found: tuple[str, str, str, dict[Citation, str]] = per_request(f"disclosure:{page_lang()}", make)
    return found


def sources_html(citations: Iterable[Mapping[str, Any]] | None) -> Markup:
    """The disclosure of a fact's quotes, each linking to its source document at the quote.

    Built with plain string formatting (every value escaped), each quote's row kept in the build's table of
    rows once a page has shown it: a page shows dozens of these, and a template or Markup.format for each
    would cost a first visit more than the rest of the page.
    """
    items = [_cited(s) for s in citations or ()]
    if not items:
        return Markup("")
    lang, root, opens, known = _disclosure()
    rows = []
    for cite in items:
        row = known.get(cite)
        if row is None:
            row = known[cite] = _quote_row(cite, lang, root, opens)
        rows.append(row)
    summary = _SUMMARIES.get((lang, len(items)))
    if summary is None:  # the catalogues never change while the process runs
        summary = _SUMMARIES[(lang, len(items))] = str(esc(ngettext("%(num)d source", "%(num)d sources", len(items))))
    return Markup(
        f'<details class="sources">\n  <summary>{summary}</summary>\n  <ul>\n{"".join(rows)}  </ul>\n</details>'
    )
