"""The search page (`/`): the query box with suggestions, results with snippets, facets as filters, paging."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from api.web.names import FACET_NAMES, FLAG_NAMES
from search_index.fields import FACETS, FLAGS
from search_index.search import search as run_search

PAGE_SIZE = 10


def value_text(answer: dict[str, Any], name: str, value: str) -> str:
    """A facet value (concept id, language or municipality code) as the facet shows it in the page's language."""
    known = (answer.get("interpreted_labels") or {}).get(name, {})
    if value in known:
        return str(known[value])
    for entry in answer.get("facets", {}).get(name, []):
        if entry["id"] == value:
            return str(entry["label"])
    return value


def filter_text(name: str, value: Any, answer: dict[str, Any]) -> str:
    """What a filter chip says: the flag's name (and "no" for false), or the facet values' labels."""
    if name in FLAG_NAMES:
        return FLAG_NAMES[name] if value in (True, "true") else f"{FLAG_NAMES[name]}: {gettext('no')}"
    values = value if isinstance(value, list) else [value]
    return f"{FACET_NAMES.get(name, name)}: " + ", ".join(value_text(answer, name, str(v)) for v in values)


def remove_value(name: str, value: str) -> list[str] | None:
    """The parameter `name` without one of its values (None when none is left)."""
    values = [v for item in request.args.getlist(name) for v in item.split(",") if v.strip() and v != value]
    return values or None


@bp.get("/")
@cached_page
def search() -> ResponseReturnValue:
    lang = page_lang()
    filters = {name: request.args.getlist(name) for name in FACETS + FLAGS if name in request.args}
    offset = int_arg("offset", 0, 0, 10_000)
    res = resources()
    q = request.args.get("q")
    soft = request.args.get("soft") != "0"
    answer = (
        run_search(
            res.index,
            q,
            lang=lang,
            filters=filters,
            limit=PAGE_SIZE,
            offset=offset,
            concepts=res.kg.concepts,
            soft=soft,
        )
        if q or filters
        else None
    )
    chosen = {(name, value) for name, values in filters.items() for value in values if value}
    situations = sorted(
        (cid for cid, c in res.kg.concepts.items() if c.get("scheme") == "situation"), key=lambda cid: cid
    )
    return render_template(
        "search.html",
        active="search",
        q=q or "",
        answer=answer,
        chosen=chosen,
        situations=situations if answer is not None and not answer["items"] else [],
        flags=FLAGS,
        offset=offset,
        page_size=PAGE_SIZE,
        concepts=res.kg.concepts,
        value_text=value_text,
        filter_text=filter_text,
        remove_value=remove_value,
    )
