"""A gap's title and detail in the page's language, made from its parts (graph.navigation.gaps `about`).

The domain's `title` and `detail` are English and name things by id; a page, its CSV and its JSON
download say the same in fi, sv or en: the kind's sentence with the situation's, service's, channel's
and municipality's labels in the chosen language (one in another language is marked, as labels are
everywhere), the open weeks and ages, and the missing items by name. As HTML (labels carry their
`lang`) and as plain text (the CSV's and JSON's).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup, escape

from api.web.i18n import NATIVE, label, page_lang, pick
from api.web.names import Translated, _l, gettext, ngettext

IN_LANGUAGE = Translated({"sv": _l("in Swedish"), "en": _l("in English")})
MISSING = Translated(
    {
        "area": _l("area served"),
        "provider": _l("provider"),
        "contact-channel": _l("contact channel"),
        "hours": _l("opening hours"),
        "phone-number": _l("phone number"),
        "languages": _l("languages"),
    }
)
TITLES = {
    "excluded_no_alternative": _l("%(situation)s: excluded from %(service)s, no alternative"),
    "uncovered_window": _l("%(situation)s: no service in %(windows)s"),
    "no_service_in_language": _l("%(situation)s: no service known to be available %(in_language)s"),
    "dead_end": _l("%(service)s: pathway ends here"),
    "unnamed_next_step": _l("%(service)s: refers families on to unnamed services"),
    "missing_data": _l("%(service)s: missing %(items)s"),
}
DETAILS = {
    "excluded_no_alternative": _l(
        "“%(situation)s” bars a family from %(service)s and no other service in the graph addresses it."
    ),
    "uncovered_window": _l("No service that addresses “%(situation)s” covers %(windows)s."),
    "uncovered_window_in": _l("No service in %(municipality)s that addresses “%(situation)s” covers %(windows)s."),
    "no_service_in_language": _l(
        "No service that addresses “%(situation)s” is known to be available %(in_language)s "
        "(most sources do not list languages)."
    ),
    "dead_end": _l("The text implies a next step (“%(step)s”) but no service follows in the graph."),
    "unnamed_next_step": _l("The text says families move on to “%(step)s” without naming them."),
    "missing_data": _l("The sources do not give: %(items)s."),
}


def _plain(labels: Mapping[str, Any] | None, fallback: str) -> str:
    """A label as text in the page's language; one in another language says which."""
    lang = page_lang()
    text, used = pick(labels, lang)
    if not text:
        return fallback
    return text if used == lang else f"{text} ({gettext('in %(language)s', language=NATIVE[used])})"


def _windows(about: Mapping[str, Any]) -> str:
    weeks = [
        gettext("pregnancy week %(week)d", week=a)
        if a == b
        else gettext("pregnancy weeks %(first)d–%(last)d", first=a, last=b)
        for a, b in about.get("pregnancy_weeks") or []
    ]
    ages = [
        ngettext("child aged %(num)d month", "child aged %(num)d months", a)
        if a == b
        else gettext("child aged %(first)d–%(last)d months", first=a, last=b)
        for a, b in about.get("child_age_months") or []
    ]
    return "; ".join(filter(None, [", ".join(weeks), ", ".join(ages)]))


def _texts(
    gap: Mapping[str, Any], name: Callable[[Mapping[str, Any] | None, str], Any], text: Callable[[str], Any]
) -> tuple[Any, Any]:
    kind, about = gap["kind"], gap.get("about") or {}
    if kind not in TITLES or not about:  # a report without parts (an older build): the domain's own text
        return text(gap["title"]), text(gap["detail"])
    parts: dict[str, Any] = {}
    for key in ("situation", "service"):
        if about.get(key):
            parts[key] = name(about[key]["labels"], about[key]["id"])
    if "step" in about:
        parts["step"] = name(about["step"], "")
    if "language" in about:
        parts["in_language"] = IN_LANGUAGE.get(about["language"], about["language"])
    if kind == "uncovered_window":
        parts["windows"] = _windows(about)
    if "missing" in about:
        items = []
        for m in about["missing"]:
            item = text(MISSING.get(m["item"], m["item"]))
            if m.get("channel"):
                item = text("%(item)s (%(channel)s)") % {
                    "item": item,
                    "channel": name(m["channel"]["labels"], m["channel"]["id"]),
                }
            items.append(item)
        parts["items"] = text(", ").join(items)
    detail = DETAILS[kind]
    if about.get("municipality"):
        detail = DETAILS["uncovered_window_in"]
        parts["municipality"] = name(about["municipality"]["labels"], about["municipality"]["code"])
    return text(gettext(TITLES[kind])) % parts, text(gettext(detail)) % parts


def gap_text(gap: Mapping[str, Any]) -> dict[str, str]:
    """{lang, title, detail} of a gap as plain text in the page's language (for the CSV and JSON)."""
    title, detail = _texts(gap, _plain, str)
    return {"lang": page_lang(), "title": title, "detail": detail}


def gap_html(gap: Mapping[str, Any]) -> tuple[Markup, Markup]:
    """(title, detail) of a gap as HTML in the page's language, each label marked with its language."""
    title, detail = _texts(gap, label, escape)
    return Markup(title), Markup(detail)
