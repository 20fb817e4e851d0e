"""Verdicts on single criteria, with a readable detail and the criterion's sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.navigation.profile import Profile

LANG_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}


@dataclass
class Verdict:
    """met, failed, unknown, missing (the profile lacks it), assessed or not-applicable, for one criterion."""

    requirement: dict[str, Any] | None
    status: str
    detail: str

    def dump(self) -> dict[str, Any]:
        req = self.requirement or {}
        return {
            "criterion": req.get("id"),
            "type": req.get("type"),
            "status": self.status,
            "detail": self.detail,
            "labels": req.get("labels"),
            "sources": req.get("sources", []),
        }


def stage_verdict(row: dict[str, Any], req: dict[str, Any], profile: Profile) -> Verdict:
    """Family stage (pregnancy week, child age) as eligibility-stage.rq evaluated it."""
    status = row["status"]
    week, age = profile.pregnancy_week, profile.child_age_months
    min_week, under = row.get("minPregnancyWeek"), row.get("childAgeUnderMonths")
    parts = []
    if row["expecting"] == "met":
        parts.append(f"expecting in week {week}" + (f" (from week {min_week})" if min_week else ""))
    elif row["expecting"] == "failed":
        parts.append(
            f"pregnancy week {week} is before week {min_week}" if min_week else "expecting families are not named"
        )
    elif row["expecting"] == "unknown":
        parts.append("the sources do not say whether expecting families can start")
    if row["child"] == "met":
        parts.append(
            f"child of {age} months is under {under} months"
            if under
            else f"a child of {age} months is a baby; the sources give no other age limit"
        )
    elif row["child"] == "failed":
        parts.append(
            f"child of {age} months is not under {under} months" if under else "families with a child are not named"
        )
    elif row["child"] == "unknown":
        parts.append("the sources give no age limit for the child")
    if status == "missing":
        parts = ["pregnancy_week or child_age_months: the family stage is not given"]
    return Verdict(req, status, "; ".join(parts))


def area_verdict(row: dict[str, Any], req: dict[str, Any] | None, profile: Profile) -> Verdict | None:
    """Residence criterion or area served, as eligibility-area.rq evaluated it."""
    status, area = row["status"], row.get("area")
    if row["basis"] == "none":
        if status == "not-applicable":
            return None
        return Verdict(None, "unknown", "the sources do not give the service's area")
    requirement = (
        req if row["basis"] == "residence" else {"id": "area", "type": "AreaServed", "labels": None, "sources": []}
    )
    what = "for residents of" if row["basis"] == "residence" else "provided in"
    detail = {
        "met": f"lives in {profile.municipality} ({area}); the service is {what} municipality {area}",
        "failed": f"the service is {what} municipality {area}, not {profile.municipality}",
        "missing": f"municipality: the service is {what} municipality {area}",
    }[status]
    return Verdict(requirement, status, detail)


def access_verdicts(row: dict[str, Any], profile: Profile) -> list[Verdict]:
    """Language, anonymity and self-referral wishes, as eligibility-access.rq evaluated them."""
    out = []
    texts = {
        "languageStatus": {
            "met": "available in {lang}",
            "failed": "not available in {lang}",
            "unknown": "the sources do not list the service's languages",
        },
        "anonymityStatus": {
            "met": "can be used anonymously",
            "failed": "cannot be used anonymously",
            "unknown": "the sources do not say whether it can be used anonymously",
        },
        "selfReferralStatus": {
            "met": "the family can contact the service itself",
            "failed": "the family cannot contact the service itself; a referral is needed",
            "unknown": "the sources do not say how to get in",
        },
    }
    for key, messages in texts.items():
        status = row[key]
        if status != "not-asked":
            out.append(Verdict(None, status, messages[status].format(lang=LANG_NAMES.get(profile.language or "", ""))))
    return out


def client_status_verdict(req: dict[str, Any]) -> Verdict:
    if req.get("clientshipRequired") is False:
        return Verdict(req, "met", "no child-protection client status is needed")
    return Verdict(req, "missing", "whether the family is a child-protection client")
