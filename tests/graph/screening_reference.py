"""The screening as it was before services alike were grouped: every service evaluated one by one.

Kept as the reference tests/graph/test_criteria_groups.py holds the grouped screening to (the same
verdicts, dump for dump, and the same answer); copied from graph/navigation at d0279c9.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from graph.navigation.claims import claims
from graph.navigation.criteria import KINDS, Verdict, tables
from graph.navigation.criteria.access import access
from graph.navigation.criteria.area import area
from graph.navigation.criteria.evaluate import FACTS
from graph.navigation.criteria.model import Claim
from graph.navigation.criteria.stage import stage
from graph.navigation.eligibility import DEFAULT_LIMIT, _alternatives, _bucket, _entry
from graph.navigation.profile import Profile
from graph.navigation.questions import FIELD_QUESTIONS, closeness, likely, open_verdicts
from graph.store.knowledge import KnowledgeGraph, labels


def reference(table, profile, scope=None):
    """The straightforward evaluation: every criterion of every service, one by one (before grouping)."""
    ids = list(table.by_id) if scope is None else [sid for sid in scope if sid in table.by_id]
    out = {}
    for service_id in ids:
        found = out.setdefault(service_id, [])
        criteria = table.by_service.get(service_id, [])
        found.extend(stage(profile, crit) for crit in criteria if crit.kind == "FamilyStageCriterion")
        if verdict := area(table, profile, service_id):
            found.append(verdict)
        found.extend(access(table, profile, service_id))
        for crit in criteria:
            kind = KINDS.get(crit.kind)
            if kind and crit.kind != "FamilyStageCriterion" and (verdict := kind(table, profile, crit)):
                found.append(verdict)
        iri = table.by_id[service_id]["service"]
        for verdict in found:
            if verdict.criterion is None and verdict.kind in FACTS:
                verdict.claim = Claim.of(claims(table.kg).claim_of(iri, FACTS[verdict.kind]))
    return out


def reference_next_questions(unknown: list[tuple[str, list[Verdict]]], listed: Collection[str]) -> list[dict[str, Any]]:
    """Questions over all the unknown services, the one that decides the most services first: `decides`
    counts them all, whatever a page lists; `services` names those of them in `listed` (the page's)."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for service_id, found in unknown:
        for v in open_verdicts(found):
            if not v.question:
                continue
            field = v.question.field
            general = FIELD_QUESTIONS.get(field)
            item = grouped.setdefault(
                (field, "" if general else v.question.text["en"]),
                {"field": field, "question": general or v.question.text, "eligible_if": [], "decided": {}},
            )
            item["eligible_if"] += [m for m in v.question.meets if m not in item["eligible_if"]]
            item["decided"][service_id] = None  # a dict keeps the order and counts a service once
    items = sorted(grouped.values(), key=lambda q: (-len(q["decided"]), q["field"], q["question"]["en"]))
    return [
        {
            "field": q["field"],
            "question": q["question"],
            "eligible_if": q["eligible_if"],
            "services": [sid for sid in q["decided"] if sid in listed],
            "decides": len(q["decided"]),
        }
        for q in items
    ]


def reference_screen(kg: KnowledgeGraph, profile: Profile, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """Sort every service into eligible, ineligible and unknown for the profile, with reasons.

    Each list holds at most `limit` services (those addressing more of the family's situations
    first); `totals` counts them all, so a national catalogue answers in one small page.
    """
    # services whose stated area is elsewhere are ineligible whatever else holds: only the rest,
    # and those of them the page lists, are screened in full (milliseconds at 6,400 services)
    elsewhere = tables(kg).out_of_area(profile.municipality_iri)
    found = reference(tables(kg), profile, tables(kg).by_id.keys() - elsewhere if elsewhere else None)
    addresses: dict[str, list[str]] = defaultdict(list)
    for situation in profile.situations:
        for service_id in tables(kg).addressing(situation):
            addresses[service_id].append(situation)
    buckets: dict[str, list[dict[str, Any]]] = {"eligible": [], "ineligible": [], "unknown": []}
    for service in kg.services:
        out_of_area = service["id"] in elsewhere
        buckets["ineligible" if out_of_area else _bucket(found.get(service["id"], []))].append(service)
    listed = {s["id"] for s in buckets["ineligible"][:limit]} & elsewhere
    found.update(reference(tables(kg), profile, listed) if listed else {})
    buckets["eligible"].sort(key=lambda s: -len(addresses.get(s["id"], [])))
    # unknown: the likely first (only what the sources do not say is open), then by questions left to ask
    buckets["unknown"].sort(
        key=lambda s: (
            not likely(found.get(s["id"], [])),
            closeness(found.get(s["id"], [])),
            -len(addresses.get(s["id"], [])),
        )
    )
    out = {
        name: [_entry(kg, s, name, found.get(s["id"], []), addresses.get(s["id"], [])) for s in services[:limit]]
        for name, services in buckets.items()
    }
    helpful = [{"id": s["id"], "labels": labels(s)} for s in buckets["eligible"] if addresses.get(s["id"])]
    barred = {s["id"] for s in buckets["ineligible"]}
    for entry in out["ineligible"]:
        failed = [v for v in found.get(entry["id"], []) if v.status == "failed"]
        entry["alternatives"] = _alternatives(kg, profile, entry["id"], failed, helpful, barred)
    every_unknown = [(s["id"], found.get(s["id"], [])) for s in buckets["unknown"]]
    return {
        "profile": profile.dump(),
        **out,
        "likely": [e["id"] for e in out["unknown"] if e["likely"]],
        "next_questions": reference_next_questions(every_unknown, {e["id"] for e in out["unknown"]}),
        "totals": {name: len(s) for name, s in buckets.items()},
        "likely_total": sum(1 for _, verdicts_ in every_unknown if likely(verdicts_)),
        "limit": limit,
    }
