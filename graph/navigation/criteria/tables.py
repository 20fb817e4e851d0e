"""The screening tables of one build: every service's criteria and facts, typed and grouped once.

The named queries eligibility-stage, -area, -access and -situation evaluate every criterion of
every service for a family; at a million triples the four take about 1.3 s together. The build
precomputes `requirements` and `screening-facts`; these tables hold their rows as typed
`Criterion` and `Facts`, and the criterion kinds in this package evaluate them in milliseconds.
The SPARQL stays the reference (developers run it through /api/v1/queries);
tests/graph/test_screening.py holds the verdicts to the queries' for many families and every
situation concept.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.navigation.claims import claims
from graph.navigation.criteria.model import Claim, Criterion, Facts, Place
from graph.navigation.services import group_requirements
from graph.store.knowledge import KnowledgeGraph


class ScreeningTables:
    """Per-service facts and criteria of one build, grouped for the screening."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.by_id = {service["id"]: service for service in kg.services}
        self.facts: dict[str, Facts] = defaultdict(Facts)
        for row in kg.rows("screening-facts"):  # the tables are kept (kg.memo), the rows they are made of not
            self._add_fact(self.facts[row["serviceId"]], row)
        cited = claims(kg)
        self.criteria: list[Criterion] = [
            Criterion.from_requirement(
                {**req, "sources": cited.cite(req["sources"])}, Claim.of(cited.claim_of(req["iri"]))
            )
            for req in group_requirements(kg, kg.rows("requirements"))
        ]
        self.by_service: dict[str, list[Criterion]] = defaultdict(list)  # every criterion a service is screened on
        for crit in self.criteria:
            self.by_service[crit.service].append(crit)
        self.addressed: dict[str, set[str]] = defaultdict(set)  # situation (and every broader one) -> service ids
        self.direct: dict[str, set[str]] = defaultdict(set)  # situation -> services that name it
        self.at_place: dict[str, set[str]] = defaultdict(set)  # municipality -> services for it
        for service_id, facts in self.facts.items():
            for situation in facts.situations:
                self.direct[situation].add(service_id)
                for concept in kg.broader_closure(situation):
                    self.addressed[concept].add(service_id)
            for place in self.places(service_id):
                self.at_place[place.municipality].add(service_id)
        self.placed = {sid for sid in self.facts if self.places(sid)}
        self.excluding: dict[str, set[str]] = defaultdict(set)  # situation -> services that exclude it
        for crit in self.criteria:
            if crit.kind == "Exclusion" and crit.holder == crit.service:
                for target in crit.situations:
                    self.excluding[target].add(crit.service)

    @staticmethod
    def _add_fact(facts: Facts, row: dict[str, Any]) -> None:
        kind, value = row["fact"], row["value"]
        if kind in ("served", "residence"):
            area, req = row.get("area"), row.get("requirementId")
            place = Place(str(value), str(area) if area else None, str(req) if req else None)
            target = facts.served if kind == "served" else facts.residence
            if place not in target:
                target.append(place)
        elif kind == "language":
            facts.languages.add(str(value))
        elif kind == "anonymity":
            facts.anonymity.append(bool(value))
        elif kind == "self-referral":
            facts.self_referral = True
        elif kind == "route":
            facts.routes.append(str(value))
        elif kind == "situation":
            facts.situations.append(str(value))

    def places(self, service_id: str) -> list[Place]:
        """Where a service is for: its residence criterion wins over the area it is provided in."""
        facts = self.facts.get(service_id) or Facts()
        return facts.residence or facts.served

    def screened_on(self, scope: set[str] | None = None) -> list[Criterion]:
        """The criteria the services in `scope` (all, if None) are screened on."""
        if scope is None:
            return self.criteria
        return [crit for sid in scope for crit in self.by_service.get(sid, [])]

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
        return list((self.facts.get(service_id) or Facts()).routes)


def tables(kg: KnowledgeGraph) -> ScreeningTables:
    """The screening tables of this build, made on first use."""
    made: ScreeningTables = kg.memo("screening", lambda: ScreeningTables(kg))
    return made
