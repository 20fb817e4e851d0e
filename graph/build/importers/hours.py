"""PTV service hours -> schema.org opening hours (regular, exceptional, over midnight, always open, closed)."""

from __future__ import annotations

import re
from typing import Any

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def _time(text: str | None) -> str | None:
    m = _TIME.match((text or "").strip())
    if not m or int(m.group(1)) > 24 or int(m.group(2)) > 59:
        return None
    hour = int(m.group(1))
    return "23:59:59" if hour == 24 else f"{hour:02d}:{m.group(2)}:00"


def _days(day_from: str | None, day_to: str | None) -> list[str]:
    if day_from not in DAYS:
        return []
    if day_to not in DAYS:
        return [str(day_from)]
    a, b = DAYS.index(str(day_from)), DAYS.index(str(day_to))
    return DAYS[a : b + 1] if a <= b else DAYS[a:] + DAYS[: b + 1]


def slots(hour: dict[str, Any]) -> list[dict[str, Any]]:
    """The opening-hours specifications of one PTV serviceHours entry, each with the index of its openingHour.

    A slot is {days, opens, closes, valid_from, valid_to, index}: always open is every day 00:00-23:59:59;
    closed is opens = closes = 00:00 (schema.org's convention); over midnight keeps closes < opens
    (schema.org reads it as the next day); exceptional hours carry their validity dates.
    """
    kind = hour.get("serviceHourType") or "DaysOfTheWeek"
    dated = kind != "DaysOfTheWeek"
    valid = {"valid_from": hour.get("validFrom") if dated else None, "valid_to": hour.get("validTo") if dated else None}
    openings = hour.get("openingHour") or []
    if hour.get("isAlwaysOpen"):
        return [
            {"days": DAYS, "opens": "00:00:00", "closes": "23:59:59", "index": None, "flag": "isAlwaysOpen", **valid}
        ]
    if hour.get("isClosed"):
        days = [d for o in openings for d in _days(o.get("dayFrom"), o.get("dayTo"))] or DAYS
        return [{"days": days, "opens": "00:00:00", "closes": "00:00:00", "index": None, "flag": "isClosed", **valid}]
    out = []
    for n, opening in enumerate(openings):
        days, opens, closes = _days(opening.get("dayFrom"), None), _time(opening.get("from")), _time(opening.get("to"))
        if (
            opening.get("dayTo")
            and opening.get("dayTo") != opening.get("dayFrom")
            and closes
            and opens
            and closes > opens
        ):
            days = _days(opening.get("dayFrom"), opening.get("dayTo"))  # a range of days, same hours each
        if days and opens and closes:
            out.append({"days": days, "opens": opens, "closes": closes, "index": n, "quote": opening["from"], **valid})
    return out
