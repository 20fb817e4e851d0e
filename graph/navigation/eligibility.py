"""Eligibility screening: which services a family may use, which not and why, and what is unknown.

Each criterion kind has one home in graph.navigation.criteria, which returns finished verdicts
(the rules of the named queries eligibility-stage, -area, -access and -situation, over per-build
tables; a test holds the two to the same verdicts). This module only folds the verdicts per
service (any failure makes a service ineligible; otherwise anything unknown makes it unknown) and
attaches reasons, alternatives and how to get in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.navigation.criteria import Verdict, tables
from graph.navigation.criteria.evaluate import Evaluation
from graph.navigation.criteria.model import text
from graph.navigation.currency import historical_services
from graph.navigation.ordering import fewer, order
from graph.navigation.profile import Profile
from graph.navigation.questions import ask, closeness, likely, next_questions, open_verdicts
from graph.navigation.services import channels
from graph.store.knowledge import KnowledgeGraph, labels

NO_CRITERIA_TEXT = text(
    "lähteet eivät kerro palvelun myöntämisperusteita",
    "källorna anger inga kriterier för tjänsten",
    "the sources give no eligibility criteria for this service",
)
NO_CRITERIA = NO_CRITERIA_TEXT["en"]
DEFAULT_LIMIT = 50  # services listed per list; `totals` counts them all


def _alternatives(
    kg: KnowledgeGraph,
    profile: Profile,
    service_id: str,
    failed: list[Verdict],
    helpful: list[dict[str, Any]],
    barred: set[str],
) -> list[dict[str, Any]]:
    """What the graph supports instead, each with why: services that address an excluded situation without
    excluding it, services the family's own services link to (the day group "soveltuu myös psykiatrisen
    hoidon rinnalle"), and the eligible services that address the family's situations."""
    table = tables(kg)
    out: dict[str, dict[str, Any]] = {}

    def add(alt: str, why: dict[str, Any]) -> None:
        if alt != service_id and alt not in barred and alt in table.by_id:
            out.setdefault(alt, {"id": alt, "labels": labels(table.by_id[alt]), "why": why})

    for v in failed:
        if v.criterion and v.criterion.kind == "Exclusion":
            for situation in v.criterion.situations:
                for other in sorted(table.alternatives(service_id, situation)):
                    add(other, {"kind": "addresses-excluded-situation", "situation": situation})
    for edge in _links_from(kg, set(profile.current) | set(profile.previous)):
        cited = [{"document": edge["document"], "quote": edge["quote"]}] if edge.get("quote") else []
        add(edge["to"], {"kind": "linked", "from": edge["from"], "link": edge["kind"], "sources": cited})
    for service in helpful:
        add(service["id"], {"kind": "addresses-family-situation"})
    return list(out.values())


def _links_from(kg: KnowledgeGraph, used: set[str]) -> list[dict[str, Any]]:
    """The pathway-edges rows leaving the services in `used`, in the query's order (rows indexed by their
    service once per build: at 6,400 services scanning every row for each listed service took most of a screen)."""

    def make() -> dict[str, list[tuple[int, dict[str, Any]]]]:
        out: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for position, row in enumerate(kg.select_once("pathway-edges")):
            out[row["from"]].append((position, row))
        return dict(out)

    by_from: dict[str, list[tuple[int, dict[str, Any]]]] = kg.memo("pathway-edges-by-from", make)
    found = sorted((pair for sid in used for pair in by_from.get(sid, [])), key=lambda pair: pair[0])
    return [row for _, row in found]


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
    entry = {
        "id": service["id"],
        "labels": labels(service),
        "addresses": addresses,
        "historical_only": service["id"] in historical_services(kg),
    }
    decisive = found
    open_ = [v for v in found if v.status in ("unknown", "missing")]
    if bucket == "ineligible":
        return {**entry, "reasons": [v.dump() for v in decisive if v.status == "failed"]}
    if bucket == "unknown" and not any(_stated(v) for v in found):
        return {
            **entry,
            "missing": [NO_CRITERIA] + [v.text["en"] for v in open_],
            "open": [{"kind": "criteria", "text": NO_CRITERIA_TEXT}] + _open(open_),
            "reasons": [],
            "ask": ask(found),
            "likely": False,
        }
    if bucket == "unknown":
        return {
            **entry,
            "missing": [v.text["en"] for v in open_],
            "open": _open(open_),
            "reasons": [v.dump() for v in decisive if v.status in ("met", "assessed")],
            "ask": ask(found),
            "likely": likely(found),
        }
    return {
        **entry,
        "reasons": [v.dump() for v in decisive],
        "subject_to_assessment": any(v.status == "assessed" for v in found),
        "access": _access(kg, service["id"]),
    }


def _open(open_: list[Verdict]) -> list[dict[str, Any]]:
    """What is still open, each once: its kind and its sentence in fi, sv and en (`missing` has the English)."""
    found: dict[str, dict[str, Any]] = {}
    for v in open_:
        found.setdefault(v.text["en"], {"kind": v.kind, "text": v.text})
    return list(found.values())


def _stated(verdict: Verdict) -> bool:
    """A verdict on something the sources state: a criterion, or the area a service is provided in."""
    return verdict.criterion is not None or verdict.type is not None


def _bucket(found: list[Verdict]) -> str:
    decisive = [v.status for v in found]
    if "failed" in decisive:
        return "ineligible"
    if not any(_stated(v) for v in found) or "unknown" in decisive or "missing" in decisive:
        return "unknown"
    return "eligible"


def screen(kg: KnowledgeGraph, profile: Profile, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """Sort every service into eligible, ineligible and unknown for the profile, with reasons.

    Each list holds at most `limit` services (those addressing more of the family's situations
    first); `totals` counts them all, so a national catalogue answers in one small page. Services
    screened alike are sorted by their group's verdicts (graph.navigation.criteria.groups); only
    the services listed have their own verdicts made.
    """
    table = tables(kg)
    evaluation = Evaluation(table, profile)
    # per group: bucket, likely, closeness; made once for each shape of verdicts (the texts do not sort)
    shapes, firsts = evaluation.shapes()
    by_shape: list[tuple[str, bool, tuple[int, int]]] = []
    # and the questions its open verdicts ask, None standing for the group's own area verdict's
    asks: list[list[Verdict | None]] = []
    for shape, group in firsts:
        if shape is None:  # its stated area is elsewhere: ineligible, nothing else screened
            by_shape.append(("ineligible", False, (0, 0)))
            asks.append([])
            continue
        alike = [v for v, _ in evaluation.templates(group)]
        by_shape.append((_bucket(alike), likely(alike), closeness(alike)))
        own = evaluation.area(group)
        asks.append([None if v is own else v for v in open_verdicts(alike) if v.question])
    summary = list(map(by_shape.__getitem__, shapes))
    addressing = [(situation, table.addressing(situation)) for situation in profile.situations]

    def addresses(service_id: str) -> list[str]:
        return [situation for situation, ids in addressing if service_id in ids]

    everyone = evaluation.groups
    by_key = order(everyone.indices, summary, fewer(everyone, table, profile.situations))
    unknown_keys = sorted(k for k in by_key if k[0] == "unknown")
    unknown_at = [at for key in unknown_keys for at in by_key[key]]
    catalogue = everyone.services
    buckets = {
        "eligible": list(map(catalogue.__getitem__, by_key.get(("eligible",), []))),
        "ineligible": list(map(catalogue.__getitem__, by_key.get(("ineligible",), []))),
        "unknown": list(map(catalogue.__getitem__, unknown_at)),
    }
    found = {s["id"]: evaluation.of(s["id"]) for services in buckets.values() for s in services[:limit]}
    out = {
        name: [_entry(kg, s, name, found[s["id"]], addresses(s["id"])) for s in services[:limit]]
        for name, services in buckets.items()
    }
    helpful = [{"id": s["id"], "labels": labels(s)} for s in buckets["eligible"] if addresses(s["id"])]
    barred = set(map(everyone.ids.__getitem__, by_key.get(("ineligible",), [])))
    for entry in out["ineligible"]:
        failed = [v for v in found[entry["id"]] if v.status == "failed"]
        entry["alternatives"] = _alternatives(kg, profile, entry["id"], failed, helpful, barred)
    unknown: dict[int, tuple[int, list[Verdict]]] = {}  # each group once, where its first service is sorted
    for group in dict.fromkeys(map(everyone.group_at.__getitem__, unknown_at)):
        asked = [evaluation.area(group) if v is None else v for v in asks[shapes[group.index]]]
        unknown[group.index] = (group.size, [v for v in asked if v is not None])
    group_of = evaluation.groups.of
    listed = [(e["id"], group_of[e["id"]].index) for e in out["unknown"]]
    return {
        "profile": profile.dump(),
        **out,
        "likely": [e["id"] for e in out["unknown"] if e["likely"]],
        "next_questions": next_questions(unknown, listed),
        "totals": {name: len(s) for name, s in buckets.items()},
        "likely_total": sum(size for g, (size, _) in unknown.items() if summary[g][1]),
        "limit": limit,
    }
