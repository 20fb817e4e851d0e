"""The screening page: a family profile form and the answer in groups; the whole state is in the URL."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import label, page_lang, pick
from graph.navigation import FIELDS, list_concepts, parse_profile, screen
from graph.store import KnowledgeGraph
from graph.vocab import LANGS

ORDER = ("eligible", "likely", "unknown", "ineligible")  # the groups a nurse reads first; others follow
PAGE_SIZE = 20


def _options(kg: KnowledgeGraph, lang: str) -> dict[str, Any]:
    """The form's choices as the page shows them in `lang` (ids with their names), made once per build."""

    def make() -> dict[str, Any]:
        situations = [(c["id"], label(c["labels"], c["id"])) for c in list_concepts(kg, "situation")["items"]]
        services = [(row["id"], pick({code: row.get(code) for code in LANGS}, lang)[0]) for row in kg.services]
        return {"situations": situations, "services": services}

    options: dict[str, Any] = kg.memo(f"web-screening-options:{lang}", make)
    return options


@bp.get("/screening")
@cached_page
def screening() -> ResponseReturnValue:
    lang = page_lang()
    kg = resources().kg
    # an empty form field means "not told": the profile leaves it out rather than refusing it
    raw = {key: [v for v in request.args.getlist(key) if v.strip()] for key in FIELDS if key in request.args}
    raw = {key: values for key, values in raw.items() if values}
    limit = int_arg("limit", PAGE_SIZE, 1, 200)
    answer = screen(kg, parse_profile(kg, raw), limit) if raw else None
    groups = [name for name in ORDER if answer and name in answer["totals"]]
    groups += [name for name in (answer or {}).get("totals", {}) if name not in groups]
    return render_template(
        "screening.html",
        answer=answer,
        groups=groups,
        fields=FIELDS,
        form={key: request.args.getlist(key) for key in FIELDS},
        options=_options(kg, lang),
        limit=limit,
        share_url=request.url,
    )
