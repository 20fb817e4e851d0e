"""The screening page: a family profile form and the answer in groups; the whole state is in the URL."""

from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from graph.navigation import FIELDS, list_concepts, parse_profile, screen
from graph.store import KnowledgeGraph

ORDER = ("eligible", "likely", "unknown", "ineligible")  # the groups a nurse reads first; others follow
PAGE_SIZE = 20


def _options(kg: KnowledgeGraph) -> dict[str, Any]:
    """The form's choices, made once per build."""

    def make() -> dict[str, Any]:
        situations = list_concepts(kg, "situation")["items"]
        services = [{"id": row["id"], "labels": {k: row.get(k) for k in ("fi", "sv", "en")}} for row in kg.services]
        return {"situations": situations, "services": services}

    options: dict[str, Any] = kg.memo("web-screening-options", make)
    return options


@bp.get("/screening")
@cached_page
def screening() -> ResponseReturnValue:
    page_lang()
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
        options=_options(kg),
        limit=limit,
        share_url=request.url,
    )
