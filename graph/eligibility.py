"""Eligibility screening: which services a family may use, which not and why, and what is unknown.

The rules are data: the named queries eligibility-stage, eligibility-area, eligibility-access and
eligibility-situation evaluate every criterion of every service against the profile and say met,
failed, unknown or missing. This module only folds those verdicts per service (any failure makes a
service ineligible; otherwise anything unknown makes it unknown) and attaches sources, details,
alternatives and how to get in.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.kg import KnowledgeGraph, labels
from graph.profile import Profile
from graph.reasons import Verdict, access_verdicts, area_verdict, client_status_verdict, stage_verdict
from graph.services import channels, group_requirements

NO_CRITERIA = "the sources give no eligibility criteria for this service"


def _verdicts(kg: KnowledgeGraph, profile: Profile) -> dict[str, list[Verdict]]:
    """Every verdict the named queries give, grouped by service id."""
    reqs = {(r["service"], r["id"]): r for r in group_requirements(kg.select_once("requirements"))}
    by_service: dict[str, list[Verdict]] = defaultdict(list)
    params = {"pregnancy_week": profile.pregnancy_week, "child_age_months": profile.child_age_months}
    for row in kg.select("eligibility-stage", {k: v for k, v in params.items() if v is not None}):
        by_service[row["serviceId"]].append(stage_verdict(row, reqs[(row["serviceId"], row["requirementId"])], profile))
    for row in kg.select("eligibility-area", {"municipality": profile.municipality} if profile.municipality else {}):
        if verdict := area_verdict(row, reqs.get((row["serviceId"], row.get("requirementId"))), profile):
            by_service[row["serviceId"]].append(verdict)
    access = {k: v for k, v in (("language", profile.language), ("anonymous", profile.anonymous),
                                ("self_referral", profile.self_referral)) if v is not None}
    for row in kg.select("eligibility-access", access):
        by_service[row["serviceId"]].extend(access_verdicts(row, profile))
    matched: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for situation in profile.situations:
        for row in kg.select("eligibility-situation", {"situation": situation}):
            matched[(row["serviceId"], row["requirementId"])].append((row["effect"], situation))
    for (service_id, req_id), req in reqs.items():
        if req["type"] in ("Exclusion", "SituationCriterion"):
            verdict = _situation_verdict(req, matched.get((service_id, req_id), []), profile)
            if verdict:
                by_service[service_id].append(verdict)
        elif req["type"] == "ClientStatusCriterion":
            by_service[service_id].append(client_status_verdict(req))
        elif req["type"] == "AssessedCriterion":
            by_service[service_id].append(Verdict(req, "assessed", "assessed by the service when the family applies"))
    return by_service


def _situation_verdict(req: dict[str, Any], effects: list[tuple[str, str]], profile: Profile) -> Verdict | None:
    kinds = {effect for effect, _ in effects}
    target = ", ".join(req["situations"])
    if req["type"] == "Exclusion":
        if "excluded" in kinds:
            given = next(s for e, s in effects if e == "excluded")
            return Verdict(req, "failed", f"the family's situation {given!r} is an exclusion ({target})")
        if "possibly-excluded" in kinds:
            given = next(s for e, s in effects if e == "possibly-excluded")
            return Verdict(req, "unknown", f"whether the family's {given!r} is the excluded {target!r}")
        return Verdict(req, "met", f"no excluded situation ({target}) given") if profile.situations else None
    if "required-met" in kinds:
        return Verdict(req, "met", f"the family's situation matches {target!r}")
    if profile.situations:
        return Verdict(req, "failed", f"the service is for families with {target!r}; none was given")
    return Verdict(req, "missing", f"situation: whether the family has {target!r}")


def _alternatives(kg: KnowledgeGraph, service_id: str, failed: list[Verdict], helpful: list[dict]) -> list[dict]:
    """Services that cover an excluded situation; for other failures, the eligible services that
    address the family's situations."""
    out: dict[str, dict[str, Any]] = {}
    excluded = {v.requirement["id"] for v in failed if v.requirement and v.requirement["type"] == "Exclusion"}
    if excluded:
        for row in kg.select("exclusion-alternatives", {"service": service_id}):
            if row["requirementId"] in excluded and row.get("alternativeId"):
                out.setdefault(row["alternativeId"], {"id": row["alternativeId"], "labels": labels(row)})
        return list(out.values())
    return [alt for alt in helpful if alt["id"] != service_id]


def _access(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    routes = [r for r in kg.select("service-facts", {"service": service_id}) if r["property"].endswith("#accessRoute")]
    return {"routes": list({r["id"]: {"id": r["id"], "labels": labels(r)} for r in routes}.values()),
            "channels": channels(kg, service_id)}


def screen(kg: KnowledgeGraph, profile: Profile) -> dict[str, Any]:
    """Sort every service into eligible, ineligible and unknown for the profile, with reasons."""
    verdicts = _verdicts(kg, profile)
    addresses: dict[str, list[str]] = defaultdict(list)
    for situation in profile.situations:
        for row in kg.select("services-by-situation", {"situation": situation}):
            addresses[row["id"]].append(situation)
    eligible, ineligible, unknown = [], [], []
    for service in kg.services:
        sid, found = service["id"], verdicts.get(service["id"], [])
        entry = {"id": sid, "labels": labels(service), "addresses": addresses.get(sid, [])}
        decisive = [v for v in found if v.status != "not-applicable"]
        failed = [v for v in decisive if v.status == "failed"]
        open_ = [v for v in decisive if v.status in ("unknown", "missing")]
        has_criteria = any(v.requirement and v.requirement.get("type") for v in found)
        if failed:
            ineligible.append({**entry, "reasons": [v.dump() for v in failed], "failed": failed})
        elif not has_criteria:
            unknown.append({**entry, "missing": [NO_CRITERIA] + [v.detail for v in open_], "reasons": []})
        elif open_:
            unknown.append({**entry, "missing": [v.detail for v in open_],
                            "reasons": [v.dump() for v in decisive if v.status in ("met", "assessed")]})
        else:
            eligible.append({**entry, "reasons": [v.dump() for v in decisive], "access": _access(kg, sid)})
    # the services that address more of the family's situations first
    for bucket in (eligible, unknown):
        bucket.sort(key=lambda e: -len(e["addresses"]))
    helpful = [{"id": e["id"], "labels": e["labels"]} for e in eligible if e["addresses"]]
    for entry in ineligible:
        entry["alternatives"] = _alternatives(kg, entry["id"], entry.pop("failed"), helpful)
    return {"profile": profile.dump(), "eligible": eligible, "ineligible": ineligible, "unknown": unknown}
