"""The eligibility named queries' rows for one family, computed in memory from per-build tables.

The named queries eligibility-stage, -area, -access and -situation evaluate every criterion of
every service for a family; at a million triples the four take about 1.3 s together. The build
precomputes `requirements` and `screening-facts`, and the functions here apply the same rules to
those rows in milliseconds, returning rows shaped like the queries'. The SPARQL stays the
reference (developers run it through /api/v1/queries); tests/graph/test_screening.py checks that
both give the same rows for many families.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.navigation.profile import Profile
from graph.navigation.services import group_requirements
from graph.store.knowledge import KnowledgeGraph

Row = dict[str, Any]


class ScreeningTables:
    """Per-service facts and criteria of one build, grouped for the screening."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.by_id = {service["id"]: service for service in kg.services}
        self.facts: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
        for row in kg.select_once("screening-facts"):
            self.facts[row["serviceId"]][row["fact"]].append(row)
        self.requirements = group_requirements(kg.select_once("requirements"))
        self.held = [r for r in self.requirements if r["holder"] == r["service"]]
        self.by_service: dict[str, list[Row]] = defaultdict(list)  # every criterion a service is screened on
        for req in self.requirements:
            self.by_service[req["service"]].append(req)
        self.addressed: dict[str, set[str]] = defaultdict(set)  # situation (and every broader one) -> service ids
        self.direct: dict[str, set[str]] = defaultdict(set)  # situation -> services that name it
        for service_id, facts in self.facts.items():
            for row in facts.get("situation", []):
                self.direct[row["value"]].add(service_id)
                for concept in kg.broader_closure(row["value"]):
                    self.addressed[concept].add(service_id)
        self.at_place: dict[str, set[str]] = defaultdict(set)  # municipality -> services for it (the residence
        for service_id, facts in self.facts.items():  # criterion wins over the area served)
            for row in facts.get("residence") or facts.get("served", []):
                self.at_place[row["value"]].add(service_id)
        self.placed = {sid for sid, facts in self.facts.items() if facts.get("residence") or facts.get("served")}
        self.excluding: dict[str, set[str]] = defaultdict(set)  # situation -> services that exclude it
        for req in self.held:
            if req["type"] == "Exclusion":
                for target in req["situations"]:
                    self.excluding[target].add(req["service"])

    def stage(self, profile: Profile, scope: set[str] | None = None) -> list[Row]:
        """Rows of eligibility-stage.rq (only for the services in `scope`, if given)."""
        week = profile.pregnancy_week if profile.pregnancy_week is not None else -1
        age = profile.child_age_months if profile.child_age_months is not None else -1
        out = []
        for req in self.held_by(scope):
            if req["type"] != "FamilyStageCriterion":
                continue
            expecting_ok, min_week = req.get("acceptsExpecting"), req.get("minPregnancyWeek")
            child_ok, under = req.get("acceptsFamiliesWithChild"), req.get("childAgeUnderMonths")
            expecting = (
                "absent"
                if week < 0
                else "unknown"
                if expecting_ok is None
                else "failed"
                if not expecting_ok
                else "failed"
                if min_week is not None and week < min_week
                else "met"
            )
            child = (
                "absent"
                if age < 0
                else "unknown"
                if child_ok is None
                else "failed"
                if not child_ok
                else ("met" if age < 12 else "unknown")
                if under is None
                else "met"
                if age < under
                else "failed"
            )
            status = (
                "met"
                if "met" in (expecting, child)
                else "unknown"
                if "unknown" in (expecting, child)
                else "missing"
                if expecting == child == "absent"
                else "failed"
            )
            row = {
                "serviceId": req["service"],
                "requirementId": req["id"],
                "expecting": expecting,
                "child": child,
                "status": status,
                "minPregnancyWeek": min_week,
                "childAgeUnderMonths": under,
            }
            out.append({k: v for k, v in row.items() if v is not None})
        return out

    def area(self, profile: Profile, scope: set[str] | None = None) -> list[Row]:
        """Rows of eligibility-area.rq (a residence criterion wins over the area served)."""
        home = profile.municipality_iri
        out = []
        for service in self._services(scope):
            facts = self.facts.get(service["id"], {})
            residence, served = facts.get("residence", []), facts.get("served", [])
            places = [(r, "residence") for r in residence] or [(r, "area") for r in served]
            # the query's OPTIONAL residence x OPTIONAL served: one row per pair
            copies = max(len(served), 1) if residence else 1
            if not places:
                status = "unknown" if home else "not-applicable"
                out.append({"serviceId": service["id"], "basis": "none", "status": status})
                continue
            for place, basis in places:
                status = "missing" if not home else "met" if place["value"] == home else "failed"
                row = {
                    "serviceId": service["id"],
                    "basis": basis,
                    "status": status,
                    "area": place.get("area"),
                    "requirementId": place.get("requirementId"),
                }
                out += [{k: v for k, v in row.items() if v is not None}] * copies
        return out

    def access(self, profile: Profile, language_iri: str | None, scope: set[str] | None = None) -> list[Row]:
        """Rows of eligibility-access.rq."""
        out = []
        for service in self._services(scope):
            facts = self.facts.get(service["id"], {})
            languages = {r["value"] for r in facts.get("language", [])}
            anonymity = [r["value"] for r in facts.get("anonymity", [])] or [None]
            language = (
                "not-asked"
                if not language_iri
                else "met"
                if language_iri in languages
                else "failed"
                if languages
                else "unknown"
            )
            self_ref = (
                "not-asked"
                if not profile.self_referral
                else "met"
                if facts.get("self-referral")
                else "failed"
                if facts.get("route")
                else "unknown"
            )
            for allowed in anonymity:
                anon = (
                    "not-asked"
                    if not profile.anonymous
                    else "unknown"
                    if allowed is None
                    else "met"
                    if allowed
                    else "failed"
                )
                out.append(
                    {
                        "serviceId": service["id"],
                        "languageStatus": language,
                        "anonymityStatus": anon,
                        "selfReferralStatus": self_ref,
                    }
                )
        return out

    def situation(self, situation: str, scope: set[str] | None = None) -> list[Row]:
        """Rows of eligibility-situation.rq for one family situation."""
        above = set(self.kg.broader_closure(situation))
        out = []
        for req in self.held_by(scope):
            for target in req["situations"]:
                effects = []
                if req["type"] == "Exclusion":
                    if target in above:
                        effects.append("excluded")
                    if situation in self.kg.broader_closure(target)[1:]:
                        effects.append("possibly-excluded")
                elif req["type"] == "SituationCriterion" and target in above:
                    effects.append("required-met")
                out += [
                    {"serviceId": req["service"], "requirementId": req["id"], "effect": e, "target": target}
                    for e in effects
                ]
        return out

    def criteria(self, scope: set[str] | None = None) -> list[Row]:
        """The criteria the services in `scope` (all, if None) are screened on."""
        if scope is None:
            return self.requirements
        return [req for sid in scope for req in self.by_service.get(sid, [])]

    def held_by(self, scope: set[str] | None) -> list[Row]:
        """The criteria the services in `scope` hold themselves (not through a service they are part of)."""
        return [req for req in self.criteria(scope) if req["holder"] == req["service"]]

    def _services(self, scope: set[str] | None) -> list[Row]:
        return self.kg.services if scope is None else [self.by_id[sid] for sid in scope if sid in self.by_id]

    def out_of_area(self, home: str | None) -> set[str]:
        """Services a family living in `home` cannot use by area alone (their stated area is elsewhere)."""
        if not home:
            return set()
        return self.placed - self.at_place.get(home, set())

    def addressing(self, situation: str) -> set[str]:
        """Ids of the services that address the situation or a narrower one (services-by-situation.rq)."""
        return self.addressed.get(situation, set())

    def alternatives(self, service_id: str, situation: str) -> set[str]:
        """Other services that address the situation or a broader one and exclude neither (exclusion-alternatives.rq)."""
        above = self.kg.broader_closure(situation)
        found = set().union(*(self.direct.get(c, set()) for c in above))
        barred = set().union(*(self.excluding.get(c, set()) for c in above))
        return found - barred - {service_id}

    def routes(self, service_id: str) -> list[str]:
        return [r["value"] for r in self.facts.get(service_id, {}).get("route", [])]
