"""The screening page: a family profile form and the answer in groups; the whole state is in the URL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import render_template, request
from flask.typing import ResponseReturnValue

from api.args import int_arg
from api.resources import resources
from api.web import answer as shown
from api.web import bp
from api.web.fragments import cached_page
from api.web.i18n import NATIVE, label, page_lang, pick
from api.web.names import Translated, _l, gettext
from graph.errors import InvalidParameter
from graph.navigation import BOUNDS, FIELDS, acuteness_situations, list_concepts, parse_profile, screen
from graph.store import KnowledgeGraph
from graph.vocab import LANGS

# the groups in the order a nurse reads them: what the family can use, then what it cannot, then the long
# list the sources do not decide; "likely" is the part of the domain's unknown list only facts the sources
# do not give keep open (every stated criterion met)
ORDER = ("eligible", "likely", "ineligible", "unknown")
PAGE_SIZE = 20
LIMIT = (1, 200)
# the form's fields as its labels name them (an error names the field so)
LABELS = Translated(
    {
        "pregnancy_week": _l("Pregnancy week"),
        "child_age_months": _l("Child's age in months"),
        "municipality": _l("Home municipality"),
        "situation": _l("Situations"),
        "not_acute": _l("Situations not in their acute phase now"),
        "previous_service": _l("Service the family has used before"),
        "current_service": _l("Service the family uses now"),
        "language": _l("Language the family needs"),
        "anonymous": _l("Does the family want to stay anonymous?"),
        "self_referral": _l("Does the family want to contact the service itself, without a referral?"),
        "limit": _l("Services listed per group"),
        "lang": _l("Language"),
    }
)
SUMMARY = ("pregnancy_week", "child_age_months", *(f for f in FIELDS if f not in BOUNDS))  # the handout's order
# Finnish and Swedish put å, ä and ö after z (code points put ä before å): sorted by the page's alphabet
_ALPHABET = str.maketrans({"å": "z~1", "ä": "z~2", "ö": "z~3", "æ": "z~2", "ø": "z~3"})


def sort_key(text: str) -> str:
    """A label's key in the alphabet of fi and sv (and en, which has none of the letters moved)."""
    return text.casefold().translate(_ALPHABET)


def _options(kg: KnowledgeGraph, lang: str) -> dict[str, Any]:
    """The form's choices as the page shows them in `lang` (ids with their names, by name), made once per build."""

    def make() -> dict[str, Any]:
        concepts = list_concepts(kg, "situation")["items"]
        names = {c["id"]: pick(c["labels"], lang)[0] or c["id"] for c in concepts}
        situations = sorted(names.items(), key=lambda pair: sort_key(pair[1]))
        acute = set(acuteness_situations(kg))
        services = [(row["id"], pick({code: row.get(code) for code in LANGS}, lang)[0]) for row in kg.services]
        return {
            "situations": situations,
            "acute": [pair for pair in situations if pair[0] in acute],
            "services": sorted(services, key=lambda pair: sort_key(pair[1])),
        }

    options: dict[str, Any] = kg.memo(f"web-screening-options:{lang}", make)
    return options


def error_text(exc: InvalidParameter, raw: Mapping[str, list[str]]) -> str:
    """What is wrong, in the page's language, naming the field by its label."""
    field = exc.field or ""
    name = LABELS.get(field, field)
    if field in BOUNDS:
        low, high = BOUNDS[field]
        return gettext("%(field)s: give a whole number from %(low)d to %(high)d.", field=name, low=low, high=high)
    if field == "limit":
        return gettext(
            "%(field)s: give a whole number from %(low)d to %(high)d.", field=name, low=LIMIT[0], high=LIMIT[1]
        )
    value = ", ".join(raw.get(field) or [])[:60]
    if field == "municipality":
        return gettext(
            "%(field)s: “%(value)s” is not a Finnish municipality. Give its name in Finnish or Swedish, or its "
            "three-digit code.",
            field=name,
            value=value,
        )
    if field in ("situation", "not_acute"):
        return gettext("%(field)s: choose from the list.", field=name)
    if field in ("previous_service", "current_service"):
        return gettext("%(field)s: no service has the id “%(value)s”.", field=name, value=value)
    return gettext("Check the value of “%(field)s”.", field=name)


def _summary(kg: KnowledgeGraph, profile: Mapping[str, Any], options: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The profile as the handout states it: each given field's label and its value in words."""
    names = dict(options["situations"])
    services = {s["id"]: s for s in kg.services}
    yes_no = {True: gettext("yes"), False: gettext("no")}
    out: list[tuple[str, Any]] = []
    for field in SUMMARY:
        value = profile.get(field)
        if value is None or value == []:
            continue
        if field in ("situation", "not_acute"):
            value = ", ".join(sorted((names.get(v, v) for v in value), key=sort_key))
        elif field in ("previous_service", "current_service"):
            value = ", ".join(str(label({c: services[v].get(c) for c in LANGS}, v)) for v in value)
        elif field == "language":
            value = NATIVE.get(value, value)
        elif isinstance(value, bool):
            value = yes_no[value]
        out.append((LABELS[field], value))
    return out


def _groups(answer: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]], int]]:
    """The four groups (name, the services listed, how many in all), the likely apart from the unknown."""
    likely = [e for e in answer["unknown"] if e.get("likely")]
    found = {
        "eligible": (answer["eligible"], answer["totals"]["eligible"]),
        "likely": (likely, answer["likely_total"]),
        "ineligible": (answer["ineligible"], answer["totals"]["ineligible"]),
        "unknown": (
            [e for e in answer["unknown"] if not e.get("likely")],
            answer["totals"]["unknown"] - answer["likely_total"],
        ),
    }
    return [(name, *found[name]) for name in ORDER]


@bp.get("/screening")
@cached_page
def screening() -> ResponseReturnValue:
    lang = page_lang()
    kg = resources().kg
    # an empty form field means "not told": the profile leaves it out rather than refusing it
    raw = {key: [v for v in request.args.getlist(key) if v.strip()] for key in FIELDS if key in request.args}
    raw = {key: values for key, values in raw.items() if values}
    options = _options(kg, lang)
    answer, error, status = None, None, 200
    try:
        limit = int_arg("limit", PAGE_SIZE, *LIMIT)
        answer = screen(kg, parse_profile(kg, raw), limit) if raw else None
    except InvalidParameter as exc:  # the form again, as filled in, with what to correct
        limit, status = PAGE_SIZE, 400
        error = {"field": exc.field, "text": error_text(exc, raw), "detail": exc.detail}
    page = render_template(
        "screening.html",
        answer=answer,
        groups=_groups(answer) if answer else [],
        summary=_summary(kg, answer["profile"], options) if answer else [],
        error=error,
        fields=FIELDS,
        labels=LABELS,
        bounds=BOUNDS,
        form={key: request.args.getlist(key) for key in FIELDS},
        options=options,
        limit=limit,
        share_url=request.url,
        screening_entries_html=shown.entries_html,
        questions_html=shown.questions_html,
    )
    return page if status == 200 else (page, status)
