"""The source document page: a document's record and its text, the cited quote highlighted and scrolled to.

Every fact on the other pages links here with its quote (`/sources/{id}?quote=…#quote`); the page
shows what `/api/v1/sources/{id}?quote=…` returns, with the places the quote occurs marked.
"""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from graph.navigation import get_source


def segments(text: str, spans: list[dict[str, int]]) -> list[dict[str, Any]]:
    """The text cut into plain and highlighted pieces (overlapping occurrences merged), in order."""
    out: list[dict[str, Any]] = []
    at = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        start, end = max(span["start"], at), span["end"]
        if end <= at:
            continue
        if start > at:
            out.append({"text": text[at:start], "mark": False})
        out.append({"text": text[start:end], "mark": True})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "mark": False})
    return out


@bp.get("/sources/<source_id>")
@cached_page
def source(source_id: str) -> ResponseReturnValue:
    page_lang()
    quote = request.args.get("quote") or None
    record = get_source(resources().kg, source_id, quote)  # NotFound (404 page), InvalidParameter (400 page)
    text = record.get("text")
    pieces = segments(text, record.get("highlights", [])) if text else []
    return render_template(
        "source.html",
        record=record,
        pieces=pieces,
        quote=quote,
        found=bool(record.get("highlights")),
        lang_fragment="#quote" if record.get("highlights") else "",  # the language switch keeps the quote in view
    )
