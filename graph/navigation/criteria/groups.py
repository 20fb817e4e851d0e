"""Services grouped by what their screening reads: services alike are evaluated once per family.

A verdict depends on the family and on what the service's criteria and facts say (a stage
criterion's bounds, the situations an exclusion names, the places the service is for, its
languages), never on which service or criterion says it, except for the criterion it is attached
to and, without a criterion, the reading of the service's fact (its claim). At 6,400 generated
services there are a few hundred such signatures: each is evaluated once per family, each
distinct criterion once, and a service's own verdicts are the group's with its own criteria and
claims put in (only for the services a page lists). `reference` in tests/graph/test_groups.py is
the straightforward evaluation of every service, and the two are held to the same dumps.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from graph.navigation.criteria.model import Claim, Criterion, Facts
from graph.navigation.criteria.tables import ScreeningTables

Key = tuple[Hashable, ...]


def criterion_key(crit: Criterion) -> Key:
    """Everything a criterion kind's function reads of a criterion (the criterion itself is put in later)."""
    return (
        crit.kind,
        tuple(crit.situations),
        crit.accepts_expecting,
        crit.min_pregnancy_week,
        crit.accepts_child,
        crit.child_under_months,
        crit.clientship_required,
        tuple(crit.previous_services),
        tuple(crit.current_services),
    )


def area_key(tables: ScreeningTables, service_id: str) -> Key:
    """What the area rule reads: residence or not, the places (municipality, code), and whether the service
    has a residence criterion (the verdict is attached to it)."""
    facts = tables.facts.get(service_id) or Facts()
    places = tuple((p.municipality, p.code) for p in tables.places(service_id))
    stated = any(c.kind == "ResidenceCriterion" for c in tables.by_service.get(service_id, []))
    return (bool(facts.residence), places, stated)


def access_key(tables: ScreeningTables, service_id: str) -> Key:
    """What the access rules read: languages, anonymity, self-referral and whether routes are given."""
    facts = tables.facts.get(service_id) or Facts()
    return (frozenset(facts.languages), tuple(facts.anonymity), facts.self_referral, bool(facts.routes))


class Group:
    """Services screened alike: the first of them (in the catalogue's order) stands for all."""

    def __init__(self, index: int, first: str, criteria: list[Criterion], area: Key, access: Key) -> None:
        self.index = index
        self.first = first
        self.criteria = criteria
        self.criterion_keys = [criterion_key(c) for c in criteria]
        self.area = area
        self.access = access
        self.size = 0


class Groups:
    """Every service's group, made once per build; and each service's claims on facts, kept as read."""

    def __init__(self, tables: ScreeningTables) -> None:
        self.tables = tables
        self.of: dict[str, Group] = {}
        self.groups: list[Group] = []
        found: dict[Key, Group] = {}
        for service_id in tables.by_id:
            criteria = tables.by_service.get(service_id, [])
            area, access = area_key(tables, service_id), access_key(tables, service_id)
            key = (tuple(criterion_key(c) for c in criteria), area, access)
            group = found.get(key)
            if group is None:
                group = found[key] = Group(len(self.groups), service_id, criteria, area, access)
                self.groups.append(group)
            group.size += 1
            self.of[service_id] = group
        self._claims: dict[tuple[str, str], Claim] = {}

    def claim(self, service_id: str, kind: str, make: Any) -> Claim:
        """The claim of a service's fact a verdict without a criterion rests on (profile-independent)."""
        key = (service_id, kind)
        found = self._claims.get(key)
        if found is None:
            found = self._claims[key] = make()
        return found


def groups(tables: ScreeningTables) -> Groups:
    """The groups of this build, made on first use."""
    made: Groups = tables.kg.memo("screening-groups", lambda: Groups(tables))
    return made
