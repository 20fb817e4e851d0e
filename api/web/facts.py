"""Facts as the pages show them, built in Python with every value escaped: a service's parts with their
marks and quotes, its criteria and pathway links (a screening answer's are in api/web/answer.py).

A service page shows a few dozen facts, each with its values, an "interpreted" mark and its source
disclosure; the template's nested loops and a macro call per fact were most of a first visit's
rendering. What is shown is the domain answer as it is (graph.navigation.get_service): nothing
is decided here, and tests/api/web/test_kept.py holds each function equal to the template it replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from markupsafe import Markup

from api.web.fragments import service_links, unknown_html
from api.web.i18n import label
from api.web.names import LINK_KINDS, Translated, esc, escaped
from api.web.quotes import sources_html
from graph.vocab import SERVICE

Link = Callable[[str, Mapping[str, Any] | None], Markup]


def claim_html(fact: Mapping[str, Any]) -> str:
    """The mark of an interpreted fact and its readings (nothing for a fact the sources state)."""
    if fact.get("claim") != "interpreted":
        return ""
    readings = "".join(f' <span class="reading" lang="en">{esc(r)}</span>' for r in fact.get("readings") or [])
    mark = escaped("interpreted")
    return f' <span class="badge interpreted">{mark}</span>{readings}'


def _value(item: Mapping[str, Any], service_ids: Collection[str], yes: str, no: str, link: Link) -> str:
    if "labels" in item:
        # a cost statement's id can equal its service's (…/id/cost/perhetyo): only a service's IRI is linked
        if item.get("id") in service_ids and str(item.get("iri") or SERVICE).startswith(SERVICE):
            return str(link(item["id"], item["labels"]))
        return str(label(item["labels"], item.get("id") or ""))
    value = item.get("value")
    if value is True:
        return yes
    if value is False:
        return no
    return esc(value)


def parts_html(
    service: Mapping[str, Any], names: Iterable[str], part_names: Any, service_ids: Collection[str]
) -> Markup:
    """The service's parts `names` as a definition list's entries: each part's values, its mark and its
    quotes, or unknown where the sources do not say."""
    unknown = str(unknown_html())
    yes, no = str(escaped("yes")), str(escaped("no"))
    link = service_links()
    out = []
    for name in names:
        data = service[name]
        if not data["known"]:
            body = unknown
        else:
            items = "".join(f"      <li>{_value(it, service_ids, yes, no, link)}</li>\n" for it in data["items"])
            body = (
                f'\n    <ul class="values">\n{items}    </ul>\n    {claim_html(data)}\n'
                f"    {sources_html(data['sources'])}\n  "
            )
        title = part_names.html(name) if isinstance(part_names, Translated) else esc(part_names[name])
        out.append(f'\n<div class="part">\n  <dt>{title}</dt>\n  <dd>\n  {body}\n  </dd>\n</div>')
    return Markup("".join(out))


def criteria_html(criteria: Iterable[Mapping[str, Any]]) -> Markup:
    """Eligibility criteria or exclusions as a list, each with its mark and quotes."""
    rows = "".join(
        f"<li>{label(c['labels'], c.get('id') or '')}{claim_html(c)}{sources_html(c['sources'])}</li>" for c in criteria
    )
    return Markup(f'<ul class="criteria">{rows}</ul>')


def links_html(links: Iterable[Mapping[str, Any]]) -> Markup:
    """Pathway links to other services, each with its kind and quotes."""
    service_link = service_links()
    rows = "".join(
        f'<li>{service_link(link["id"], link["labels"])} <span class="kind">'
        f"({esc(LINK_KINDS.get(link['kind'], link['kind']))})</span>{sources_html(link['sources'])}</li>"
        for link in links
    )
    return Markup(f'<ul class="links">{rows}</ul>')
