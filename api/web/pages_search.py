"""The search page (`/`): the query box with suggestions, results with snippets, facets as filters, paging."""

from __future__ import annotations

from flask import render_template, request
from flask.typing import ResponseReturnValue

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from search_index.fields import FACETS, FLAGS
from search_index.search import search as run_search

PAGE_SIZE = 10


@bp.get("/")
@cached_page
def search() -> ResponseReturnValue:
    lang = page_lang()
    filters = {name: request.args.getlist(name) for name in FACETS + FLAGS if name in request.args}
    offset = int_arg("offset", 0, 0, 10_000)
    res = resources()
    q = request.args.get("q")
    answer = (
        run_search(res.index, q, lang=lang, filters=filters, limit=PAGE_SIZE, offset=offset, concepts=res.kg.concepts)
        if q or filters
        else None
    )
    chosen = {(name, value) for name, values in filters.items() for value in values}
    return render_template(
        "search.html",
        active="search",
        q=q or "",
        answer=answer,
        chosen=chosen,
        flags=FLAGS,
        offset=offset,
        page_size=PAGE_SIZE,
        concepts=res.kg.concepts,
    )
