"""Languages of the pages: the `lang` URL parameter chooses fi, sv or en; data labels fall back, marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote_plus

from flask import Flask, g, request
from flask_babel import Babel
from markupsafe import Markup, escape

from api.web.names import (
    NAMES,
    TRANSLATIONS,
    chosen_lang,
    forget_lang,
    gettext,
    ngettext,
    template_gettext,
    template_ngettext,
    use_lang,
)
from graph.errors import InvalidParameter
from graph.vocab import LANGS

# each language named in itself, as a language switch shows it
NATIVE = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
MAX_OPTIONS = 250  # a list of services longer than this is a text field, not a <select> (pages stay small)


def page_lang() -> str:
    """The page's language from `?lang=` (default fi); an unknown code is a 400 naming the field."""
    lang = chosen_lang()
    if lang is None:
        value = request.args.get("lang", "fi")
        use_lang(value if value in LANGS else "fi")  # the error page itself is shown in Finnish
        if value not in LANGS:
            raise InvalidParameter(f"lang must be one of {', '.join(LANGS)}", field="lang")
        lang = value
    return lang


def pick(labels: Mapping[str, Any] | None, lang: str) -> tuple[str, str]:
    """(text, its language): the label in `lang`, else in the first language that has one."""
    labels = labels or {}
    for code in (lang, *LANGS):
        if labels.get(code):
            return str(labels[code]), code
    return "", lang


def label(labels: Mapping[str, Any] | None, fallback: str = "") -> Markup:
    """A data label in the page's language; one in another language carries its lang and a visible mark."""
    lang = page_lang()
    text, used = pick(labels, lang)
    if not text:
        unknown = escape(fallback or gettext("unknown"))
        return Markup(f'<span class="unknown">{unknown}</span>')
    if used == lang:
        return escape(text)
    mark = escape(gettext("in %(language)s", language=NATIVE[used]))
    return Markup(f'<span lang="{used}">{escape(text)}</span> <span class="fallback">({mark})</span>')


def _encoded() -> dict[str, list[str]]:
    """The query's parameters, each value encoded as a pair, made once a request."""
    encoded: dict[str, list[str]] | None = g.get("web_query")
    if encoded is None:
        args = request.args.to_dict(flat=False)
        encoded = g.web_query = {key: [_pair(key, v) for v in values] for key, values in args.items()}
    return encoded


def url_with(**changes: Any) -> str:
    """This page's URL with some parameters replaced (None removes one); every other parameter is kept.

    A page makes several (the language switch, the pager, the downloads): the query's parameters are
    encoded once a request, and each call encodes only what it changes.
    """
    encoded = _encoded()
    pieces = []
    for key, kept in encoded.items():
        pieces += _changed(key, changes[key]) if key in changes else kept
    for key, value in changes.items():
        if key not in encoded:
            pieces += _changed(key, value)
    return request.script_root + request.path + ("?" + "&".join(pieces) if pieces else "")  # behind a proxy's prefix


def urls_with(key: str, values: Iterable[Any]) -> list[str]:
    """`url_with(key=value)` for each of `values` (the language switch's links), the rest of the URL made once."""
    before: list[str] = []
    after: list[str] = []
    seen = False  # the parameter keeps its place in the query, or comes last, as url_with puts it
    for name, kept in _encoded().items():
        if name == key:
            seen = True
        elif seen:
            after += kept
        else:
            before += kept
    base = request.script_root + request.path
    out = []
    for value in values:
        pieces = before + _changed(key, value) + after
        out.append(base + ("?" + "&".join(pieces) if pieces else ""))
    return out


def _pair(key: str, value: Any) -> str:
    return f"{quote_plus(str(key))}={quote_plus(str(value))}"  # what urlencode gives for one pair


def _changed(key: str, value: Any) -> list[str]:
    if value is None or value == []:
        return []
    return [_pair(key, v) for v in (value if isinstance(value, list) else [str(value)])]


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "fi")
    Babel(app, locale_selector=lambda: chosen_lang() or "fi")
    app.teardown_request(forget_lang)
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    # the same callables without the two context calls of Jinja's wrappers (a page makes hundreds)
    app.jinja_env.globals.update(gettext=template_gettext, ngettext=template_ngettext)
    app.jinja_env.globals.update(
        label=label,
        url_with=url_with,
        languages=NATIVE,
        pick=pick,
        max_options=MAX_OPTIONS,
        **NAMES,
    )
    app.jinja_env.filters["safe_snippet"] = safe_snippet

    @app.context_processor
    def language() -> dict[str, str]:
        return {"page_lang": chosen_lang() or "fi"}


def safe_snippet(text: str) -> Markup:
    """A search snippet (HTML-escaped text with <mark> highlights) made safe: only the marks stay markup."""
    pieces = re.split(r"(</?mark>)", text)
    return Markup("".join(p if p in ("<mark>", "</mark>") else str(escape(html.unescape(p))) for p in pieces))
