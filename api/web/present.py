"""What a page adds to a domain answer only to show it: "open now" from opening hours, schema.org JSON-LD."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.web.i18n import pick

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SCHEMA = "https://schema.org/"


def open_now(hours: list[dict[str, str]], now: datetime) -> bool | None:
    """Whether a channel is open at `now` by its weekly hours; None when the sources give no hours."""
    if not hours:
        return None
    day, clock = WEEKDAYS[now.weekday()], now.strftime("%H:%M")
    return any(slot["day"] == day and slot["opens"] <= clock < slot["closes"] for slot in hours)


def _text(labels: dict[str, Any] | None, lang: str) -> str:
    return pick(labels, lang)[0]


def _channel(channel: dict[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "ServiceChannel", "name": _text(channel["labels"], lang)}
    if channel.get("telephone"):
        out["servicePhone"] = {"@type": "ContactPoint", "telephone": channel["telephone"]}
    if channel.get("url"):
        out["serviceUrl"] = channel["url"]
    if channel.get("hours"):
        out["hoursAvailable"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": SCHEMA + s["day"],
                "opens": s["opens"],
                "closes": s["closes"],
            }
            for s in channel["hours"]
        ]
    return out


def schema_org(service: dict[str, Any], lang: str) -> dict[str, Any]:
    """The service as a schema.org GovernmentService (only what the graph knows; unknowns are left out)."""
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": service["iri"],
        "name": _text(service["labels"], lang),
    }
    if description := _text(service.get("descriptions"), lang):
        out["description"] = description
    parts = {name: service.get(name, {}) for name in ("provider", "area", "target_groups", "cost", "languages")}
    if parts["provider"].get("items"):
        out["provider"] = [
            {"@type": "Organization", "@id": p["iri"], "name": _text(p["labels"], lang)}
            for p in parts["provider"]["items"]
        ]
    if parts["area"].get("items"):
        out["areaServed"] = [
            {"@type": "AdministrativeArea", "name": _text(a["labels"], lang)} for a in parts["area"]["items"]
        ]
    if parts["target_groups"].get("items"):
        out["audience"] = [
            {"@type": "Audience", "name": _text(t["labels"], lang)} for t in parts["target_groups"]["items"]
        ]
    kinds = {c.get("kind") for c in parts["cost"].get("items", [])}
    if kinds == {"free"}:
        out["isAccessibleForFree"] = True
    if parts["languages"].get("items"):
        out["availableLanguage"] = [_text(x["labels"], lang) for x in parts["languages"]["items"]]
    if service["channels"]:
        out["availableChannel"] = [_channel(c, lang) for c in service["channels"]]
    return out
