"""Eligibility screening: which services a family may use, which not and why, and what is unknown.

The rules are those of the named queries eligibility-stage, eligibility-area, eligibility-access and
eligibility-situation, which evaluate every criterion of every service against the profile and say
met, failed, unknown or missing; graph.navigation.screening applies them to per-build tables so a screening
takes milliseconds at a million triples (a test holds the two to the same rows). This module folds
the verdicts per service (any failure makes a service ineligible; otherwise anything unknown makes
it unknown) and attaches sources, details, alternatives and how to get in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.navigation.profile import Profile
from graph.navigation.screening import ScreeningTables
from graph.navigation.services import channels
from graph.navigation.verdicts import Verdict, access_verdicts, area_verdict, client_status_verdict, stage_verdict
from graph.store.knowledge import KnowledgeGraph, labels

NO_CRITERIA = "the sources give no eligibility criteria for this service"
DEFAULT_LIMIT = 50  # services listed per list; `totals` counts them all


def tables(kg: KnowledgeGraph) -> ScreeningTables:
    """The screening tables of this build, made on first use."""
    tables: ScreeningTables = kg.memo("screening", lambda: ScreeningTables(kg))
    return tables


def _verdicts(kg: KnowledgeGraph, profile: Profile, scope: set[str] | None = None) -> dict[str, list[Verdict]]:
    """Every verdict of the eligibility rules (for the services in `scope`), grouped by service id."""
    table = tables(kg)
    reqs = {(r["service"], r["id"]): r for r in table.criteria(scope)}
    by_service: dict[str, list[Verdict]] = defaultdict(list)
    for row in table.stage(profile, scope):
        by_service[row["serviceId"]].append(stage_verdict(row, reqs[(row["serviceId"], row["requirementId"])], profile))
    for row in table.area(profile, scope):
        if verdict := area_verdict(row, reqs.get((row["serviceId"], row.get("requirementId"))), profile):
            by_service[row["serviceId"]].append(verdict)
    language = (
        kg.bind("eligibility-access", {"language": profile.language})["language"].value if profile.language else None
    )
    for row in table.access(profile, language, scope):
        by_service[row["serviceId"]].extend(access_verdicts(row, profile))
    matched: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for situation in profile.situations:
        for row in table.situation(situation, scope):
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


def _alternatives(
    kg: KnowledgeGraph, service_id: str, failed: list[Verdict], helpful: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Services that cover an excluded situation; for other failures, the eligible services that
    address the family's situations."""
    out: dict[str, dict[str, Any]] = {}
    excluded = [v.requirement for v in failed if v.requirement and v.requirement["type"] == "Exclusion"]
    if excluded:
        table = tables(kg)
        by_id = table.by_id
        for req in excluded:
            for situation in req["situations"]:
                for alt in sorted(table.alternatives(service_id, situation)):
                    out.setdefault(alt, {"id": alt, "labels": labels(by_id[alt])})
        return list(out.values())
    return [alt for alt in helpful if alt["id"] != service_id]


def _access(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    routes = [
        {"id": r, "labels": kg.concepts[r]["labels"] if r in kg.concepts else labels({})}
        for r in dict.fromkeys(tables(kg).routes(service_id))
    ]
    return {"routes": routes, "channels": channels(kg, service_id)}


def _entry(
    kg: KnowledgeGraph, service: dict[str, Any], bucket: str, found: list[Verdict], addresses: list[str]
) -> dict[str, Any]:
    """One listed service with its reasons (and how to get in, for an eligible one)."""
    entry = {"id": service["id"], "labels": labels(service), "addresses": addresses}
    decisive = [v for v in found if v.status != "not-applicable"]
    open_ = [v for v in decisive if v.status in ("unknown", "missing")]
    if bucket == "ineligible":
        return {**entry, "reasons": [v.dump() for v in decisive if v.status == "failed"]}
    if bucket == "unknown" and not any(v.requirement and v.requirement.get("type") for v in found):
        return {**entry, "missing": [NO_CRITERIA] + [v.detail for v in open_], "reasons": []}
    if bucket == "unknown":
        return {
            **entry,
            "missing": [v.detail for v in open_],
            "reasons": [v.dump() for v in decisive if v.status in ("met", "assessed")],
        }
    return {**entry, "reasons": [v.dump() for v in decisive], "access": _access(kg, service["id"])}


def _bucket(found: list[Verdict]) -> str:
    decisive = [v.status for v in found if v.status != "not-applicable"]
    if "failed" in decisive:
        return "ineligible"
    if (
        not any(v.requirement and v.requirement.get("type") for v in found)
        or "unknown" in decisive
        or "missing" in decisive
    ):
        return "unknown"
    return "eligible"


def screen(kg: KnowledgeGraph, profile: Profile, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """Sort every service into eligible, ineligible and unknown for the profile, with reasons.

    Each list holds at most `limit` services (those addressing more of the family's situations
    first); `totals` counts them all, so a national catalogue answers in one small page.
    """
    # services whose stated area is elsewhere are ineligible whatever else holds: only the rest,
    # and those of them the page lists, are screened in full (milliseconds at 6,400 services)
    elsewhere = tables(kg).out_of_area(profile.municipality_iri)
    verdicts = _verdicts(kg, profile, tables(kg).by_id.keys() - elsewhere if elsewhere else None)
    addresses: dict[str, list[str]] = defaultdict(list)
    for situation in profile.situations:
        for service_id in tables(kg).addressing(situation):
            addresses[service_id].append(situation)
    buckets: dict[str, list[dict[str, Any]]] = {"eligible": [], "ineligible": [], "unknown": []}
    for service in kg.services:
        out_of_area = service["id"] in elsewhere
        buckets["ineligible" if out_of_area else _bucket(verdicts.get(service["id"], []))].append(service)
    listed = {s["id"] for s in buckets["ineligible"][:limit]} & elsewhere
    verdicts.update(_verdicts(kg, profile, listed) if listed else {})
    for name in ("eligible", "unknown"):
        buckets[name].sort(key=lambda s: -len(addresses.get(s["id"], [])))
    out = {
        name: [_entry(kg, s, name, verdicts.get(s["id"], []), addresses.get(s["id"], [])) for s in services[:limit]]
        for name, services in buckets.items()
    }
    helpful = [{"id": s["id"], "labels": labels(s)} for s in buckets["eligible"] if addresses.get(s["id"])]
    for entry in out["ineligible"]:
        failed = [v for v in verdicts.get(entry["id"], []) if v.status == "failed"]
        entry["alternatives"] = _alternatives(kg, entry["id"], failed, helpful)
    return {"profile": profile.dump(), **out, "totals": {name: len(s) for name, s in buckets.items()}, "limit": limit}
