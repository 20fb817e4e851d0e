"""The service page's article built in Python, every value escaped: its heading, texts, groups of facts,
contact channels with opening hours, and what comes next.

A first visit of a service page rendered the article as a template: a macro call per text, a loop per
group, channel and weekday, a gettext and url_for call each. What is shown is the domain answer as it is
(graph.navigation.get_service) and which channels are open now (api.web.present.open_now): nothing is
decided here, and tests/api/web/test_kept.py holds the article equal to the template it replaced.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import quote

from flask import request, url_for

from api.resources import resources
from api.web.facts import criteria_html, links_html, parts_html
from api.web.fragments import unknown_html
from api.web.i18n import NATIVE, label, page_lang, pick
from api.web.names import WEEKDAYS, _l, esc, escaped, gettext
from api.web.notices import channel_unknown_html, historical_notice_html
from api.web.quotes import query_quote, sources_html

PATH_SAFE = "!$&'()*+,/:;=@"  # what url_for leaves unquoted in a path segment

# the words it shows (msgids, marked for extraction: a call inside an f-string is not found)
CHECK = _l("Check whether a family can use it")
CLOSED = _l("Closed now")
DAY = _l("Day")
CRITERIA = _l("Eligibility criteria")
COME_FROM = _l("Families come here from")
UNNAMED_NEXT = _l("Families may also move on to services the sources do not name:")
HOURS = _l("Hours")
OPEN = _l("Open now")
PHONE = _l("Phone")
ON_MAP = _l("Show on the pathway map")
NO_EXCLUSIONS = _l("The sources name no exclusions.")
NO_NEXT = _l("The sources name no next step.")
WEB = _l("Web")
WHEN = _l("When")
LANGUAGE = _l("Language")
OPENING_HOURS = _l("Opening hours")
TRANSLATED = _l("translated")
WHAT_NEXT = _l("What comes next")
CONTACT = _l("Contact")
NOT_FOR = _l("Who it is not for, and why")


def _paths() -> dict[str, str]:
    """The addresses the article links to, as url_for gives them under this request's root, made once a build."""
    root = request.script_root

    def make() -> dict[str, str]:
        return {
            "screening": url_for("web.screening"),
            "pathways": url_for("web.pathways"),
            "json": url_for("core.service", service_id="x")[:-1],
        }

    found: dict[str, str] = resources().kg.memo(f"web-service-paths:{root}", make)
    return found


def _text(service: Mapping[str, Any], texts: Mapping[str, Any], cites: Any, lang: str) -> str:
    """A text of the service in the page's language, or in another marked; then its quotes."""
    text, used = pick(texts, lang)
    mark = ""
    if used != lang:
        mark = f' <span class="fallback">({esc(gettext("in %(language)s", language=NATIVE[used]))})</span>'
    elif used in service["translated"]:
        mark = f' <span class="badge">{escaped(TRANSLATED)}</span>'
    return f'\n<p lang="{used}">{esc(text)}{mark}</p>\n{sources_html(cites)}'


def _channel(ch: Mapping[str, Any], is_open: bool | None, unknown: str) -> str:
    values = []
    if ch.get("telephone"):
        tel = esc(ch["telephone"])
        values.append(f'<li>{escaped(PHONE)}: <a href="tel:{esc(ch["telephone"].replace(" ", ""))}">{tel}</a></li>')
    if ch.get("url"):
        url = esc(ch["url"])
        values.append(f'<li>{escaped(WEB)}: <a href="{url}">{url}</a></li>')
    if ch.get("unknown"):
        values.append(str(channel_unknown_html(ch)))
    if ch.get("language"):
        code = esc(ch["language"])
        name = esc(NATIVE.get(ch["language"], ch["language"]))
        values.append(f'<li>{escaped(LANGUAGE)}: <span lang="{code}">{name}</span></li>')
    hours_text = escaped(OPENING_HOURS)
    if ch.get("hours"):
        if is_open:
            state = f'<strong class="open">{escaped(OPEN)}</strong>'
        else:
            state = f'<strong class="closed">{escaped(CLOSED)}</strong>'
        days = "".join(
            f'<tr><th scope="row">{esc(WEEKDAYS[s["day"]])}</th><td>{esc(s["opens"])}–{esc(s["closes"])}</td></tr>'
            for s in ch["hours"]
        )
        hours = (
            f'<table class="hours">\n<caption>{hours_text}\n{state}</caption>\n'
            f'<thead><tr><th scope="col">{escaped(DAY)}</th><th scope="col">{escaped(HOURS)}</th>'
            f"</tr></thead>\n<tbody>{days}</tbody>\n</table>"
        )
    else:
        hours = f"<p>{hours_text}: {unknown}</p>"
    return (
        f'\n<div class="channel">\n<h3>{label(ch["labels"], ch["id"])}</h3>\n<ul class="values">\n'
        f"{chr(10).join(values)}\n</ul>\n{hours}\n{sources_html(ch['sources'])}\n</div>"
    )


def _section(key: str, heading: str, body: str) -> str:
    return f'\n<section aria-labelledby="g-{key}">\n<h2 id="g-{key}">{esc(heading)}</h2>\n{body}\n</section>'


def service_html(
    service: Mapping[str, Any],
    open_states: Mapping[str, bool | None],
    groups: Any,
    part_names: Any,
    service_ids: Collection[str],
) -> str:
    """The article of a service page: everything get_service says of the service, grouped as `groups` name."""
    lang, unknown = page_lang(), str(unknown_html())
    paths, sid = _paths(), service["id"]
    badge = f' <span class="badge">{escaped(TRANSLATED)}</span>' if lang in service["translated"] else ""
    out = [f'<article class="service">\n<h1>{label(service["labels"], sid)}{badge}</h1>\n']
    out.append(f"{historical_notice_html(service)}\n")
    out.append(str(sources_html(service["label_sources"])))
    if service.get("descriptions"):
        out.append("\n" + _text(service, service["descriptions"], service["descriptions_sources"], lang))
    pathways = esc(f"{paths['pathways']}?service={query_quote(sid)}&lang={lang}")
    linked = service["links"]["downstream"] or service["links"]["upstream"]
    on_map = f' <a href="{pathways}">{escaped(ON_MAP)}</a> ·' if linked else ""  # only where it has links
    out.append(
        f'\n<p class="actions"><a href="{esc(paths["screening"])}?lang={lang}">'
        f"{escaped(CHECK)}</a> ·{on_map} "
        f'<a href="{esc(paths["json"] + quote(sid, safe=PATH_SAFE))}">JSON</a></p>\n'
    )
    for key, heading, names in groups:
        if key == "related" and not (service["part_of"]["known"] or service["parts"]["known"]):
            continue
        body = f"<dl>{parts_html(service, names, part_names, service_ids)}</dl>"
        if key == "for":
            criteria = criteria_html(service["eligibility"]) if service["eligibility"] else f"<p>{unknown}</p>"
            body += f"\n<h3>{escaped(CRITERIA)}</h3>\n{criteria}"
        if key == "access" and service.get("schedule"):
            when = _text(service, service["schedule"], service["schedule_sources"], lang)
            body += f"\n<h3>{escaped(WHEN)}</h3>{when}"
        out.append(_section(key, gettext(heading), body))
        if key == "for":
            if service["exclusions"]:
                body = str(criteria_html(service["exclusions"]))
            else:
                body = f"<p>{escaped(NO_EXCLUSIONS)}</p>"
            out.append(_section("not-for", gettext(NOT_FOR), body))
        if key == "access":
            body = "" if service["channels"] else f"<p>{unknown}</p>"
            body += "".join(_channel(ch, open_states[ch["id"]], unknown) for ch in service["channels"])
            out.append(_section("contact", gettext(CONTACT), body))
    out.append("\n" + _next(service, lang) + "\n</article>")
    return "".join(out)


def _next(service: Mapping[str, Any], lang: str) -> str:
    """What comes next: the services downstream, a next step the sources do not name, where families come from."""
    links = service["links"]
    body = str(links_html(links["downstream"])) if links["downstream"] else ""
    if service.get("unnamed_next_step"):
        text = _text(service, service["unnamed_next_step"], service["unnamed_next_step_sources"], lang)
        body += f"\n<p>{escaped(UNNAMED_NEXT)}</p>{text}"
    if not links["downstream"] and not service.get("unnamed_next_step"):
        body += f"\n<p>{escaped(NO_NEXT)}</p>"
    if links["upstream"]:
        body += f"\n<h3>{escaped(COME_FROM)}</h3>\n{links_html(links['upstream'])}"
    return _section("next", gettext(WHAT_NEXT), body)
