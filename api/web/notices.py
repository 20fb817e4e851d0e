"""Notices of what the sources leave open on a service page: only historical sources, a channel's unknown number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from api.web.fragments import unknown_html
from api.web.names import Translated, _l, gettext

# a channel's way in (services.REACHED_BY) by its name on the page
REACHED_BY = Translated({"telephone": _l("Phone"), "url": _l("Web")})


def historical_notice_html(service: Mapping[str, Any]) -> Markup:
    """The notice at the top of a service page whose every source is historical (the domain's
    `historical_only`), with the sources' dates; nothing for any other service."""
    if not service.get("historical_only"):
        return Markup("")
    dates = sorted({s.get("date") or gettext("undated") for s in service.get("historical_sources") or []})
    heading = escape(gettext("Based only on historical sources"))
    text = escape(
        gettext(
            "Everything this page says comes from sources that describe a past state (%(dates)s). "
            "The service may have changed or ended since: check with the provider before relying on it.",
            dates=", ".join(dates),
        )
    )
    return Markup(f'<p class="notice historical" role="note"><strong>{heading}</strong> {text}</p>')


def channel_unknown_html(channel: Mapping[str, Any]) -> Markup:
    """List items for what a contact channel is reached by and the sources do not give (its number, its address)."""
    unknown = unknown_html()
    return Markup(
        "".join(f"<li>{escape(REACHED_BY.get(name, name))}: {unknown}</li>" for name in channel.get("unknown") or [])
    )


def historical_badge(entry: Mapping[str, Any]) -> Markup:
    """The mark beside a listed service (a screening entry, a search hit) that rests only on historical sources."""
    if not entry.get("historical_only"):
        return Markup("")
    mark = escape(gettext("historical sources only"))
    return Markup(f' <span class="badge historical">{mark}</span>')
