"""Eligibility screening: which services a family may use, which not and why, and what is unknown.

The rules are those of the named queries eligibility-stage, eligibility-area, eligibility-access and
eligibility-situation, which evaluate every criterion of every service against the profile and say
met, failed, unknown or missing; graph.screening applies them to per-build tables so a screening
takes milliseconds at a million triples (a test holds the two to the same rows). This module folds
the verdicts per service (any failure makes a service ineligible; otherwise anything unknown makes
it unknown) and attaches sources, details, alternatives and how to get in.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.kg import KnowledgeGraph, labels
from graph.profile import Profile
from graph.reasons import Verdict, access_verdicts, area_verdict, client_status_verdict, stage_verdict
from graph.screening import ScreeningTables
from graph.services import channels

NO_CRITERIA = "the sources give no eligibility criteria for this service"


def tables(kg: KnowledgeGraph) -> ScreeningTables:
    """The screening tables of this build, made on first use."""
    return kg.memo("screening", lambda: ScreeningTables(kg))


def _verdicts(kg: KnowledgeGraph, profile: Profile) -> dict[str, list[Verdict]]:
    """Every verdict of the eligibility rules, grouped by service id."""
    table = tables(kg)
    reqs = {(r["service"], r["id"]): r for r in table.requirements}
    by_service: dict[str, list[Verdict]] = defaultdict(list)
    for row in table.stage(profile):
        by_service[row["serviceId"]].append(stage_verdict(row, reqs[(row["serviceId"], row["requirementId"])], profile))
    for row in table.area(profile):
        if verdict := area_verdict(row, reqs.get((row["serviceId"], row.get("requirementId"))), profile):
            by_service[row["serviceId"]].append(verdict)
    language = kg.bind("eligibility-access", {"language": profile.language})["language"].value if profile.language else None
    for row in table.access(profile, language):
        by_service[row["serviceId"]].extend(access_verdicts(row, profile))
    matched: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for situation in profile.situations:
        for row in table.situation(situation):
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
    excluded = [v.requirement for v in failed if v.requirement and v.requirement["type"] == "Exclusion"]
    if excluded:
        table, by_id = tables(kg), kg.memo("services-by-id", lambda: {row["id"]: row for row in kg.services})
        for req in excluded:
            for situation in req["situations"]:
                for alt in sorted(table.alternatives(service_id, situation)):
                    out.setdefault(alt, {"id": alt, "labels": labels(by_id[alt])})
        return list(out.values())
    return [alt for alt in helpful if alt["id"] != service_id]


def _access(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    routes = [{"id": r, "labels": kg.concepts[r]["labels"] if r in kg.concepts else labels({})}
              for r in dict.fromkeys(tables(kg).routes(service_id))]
    return {"routes": routes, "channels": channels(kg, service_id)}


def screen(kg: KnowledgeGraph, profile: Profile) -> dict[str, Any]:
    """Sort every service into eligible, ineligible and unknown for the profile, with reasons."""
    verdicts = _verdicts(kg, profile)
    addresses: dict[str, list[str]] = defaultdict(list)
    for situation in profile.situations:
        for service_id in tables(kg).addressing(situation):
            addresses[service_id].append(situation)
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
