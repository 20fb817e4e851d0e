"""Services grouped by what their screening reads: services alike are evaluated once per family.

A verdict depends on the family and on what the service's criteria and facts say (a stage
criterion's bounds, the situations an exclusion names, the places the service is for, its
languages), never on which service or criterion says it, except for the criterion it is attached
to and, without a criterion, the reading of the service's fact (its claim). At 6,400 generated
services there are 1,453 such signatures (309 areas × 5 sets of criteria and access facts): each is
evaluated once per family, each distinct criterion and area once, and a service's own verdicts are
the group's with its own criteria and claims put in (only for the services a page lists).
tests/graph/screening_reference.py keeps the straightforward evaluation of every service, and
tests/graph/test_criteria_groups.py holds the two to the same dumps and the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from graph.navigation.criteria.area import area
from graph.navigation.criteria.model import Claim, Criterion, Facts, Verdict
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile

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

    def __init__(self, tables: ScreeningTables, index: int, first: str, area: int, access: int, rest: int) -> None:
        self.index = index
        self.first = first
        self.criteria = tables.by_service.get(first, [])
        self.criterion_keys = [criterion_key(c) for c in self.criteria]
        self.area = area  # the index of its area key among the build's (an int hashes at once; the key does not)
        self.places = {p.municipality for p in tables.places(first)}  # the municipalities it is for
        self.access = access  # and of its access key
        self.rest = rest  # the groups alike but for their area share it: their criteria and access read alike
        # the position of its residence criterion, which an area verdict is attached to
        self.residence = next((i for i, c in enumerate(self.criteria) if c.kind == "ResidenceCriterion"), None)
        self.size = 0


class Groups:
    """Every service's group, made once per build; and each service's claims on facts, kept as read."""

    def __init__(self, tables: ScreeningTables) -> None:
        self.tables = tables
        self.of: dict[str, Group] = {}
        self.groups: list[Group] = []
        found: dict[tuple[int, int], Group] = {}
        rests: dict[Key, int] = {}
        areas: dict[Key, int] = {}
        accesses: dict[Key, int] = {}
        for service_id in tables.by_id:
            criteria = tables.by_service.get(service_id, [])
            area = areas.setdefault(area_key(tables, service_id), len(areas))
            access = accesses.setdefault(access_key(tables, service_id), len(accesses))
            rest = rests.setdefault((tuple(criterion_key(c) for c in criteria), access), len(rests))
            group = found.get((rest, area))
            if group is None:
                group = Group(tables, len(self.groups), service_id, area, access, rest)
                found[(rest, area)] = group
                self.groups.append(group)
            group.size += 1
            self.of[service_id] = group
        # by the catalogue's order: every service (its dict) with its group, the groups' indices, the ids
        self.pairs = [(service, self.of[service_id]) for service_id, service in tables.by_id.items()]
        self.indices = [group.index for _, group in self.pairs]
        self.ids = list(tables.by_id)
        self.services = list(tables.by_id.values())
        self.group_at = [group for _, group in self.pairs]
        self.position = {service_id: n for n, service_id in enumerate(self.ids)}
        self._claims: dict[tuple[str, str], Claim] = {}
        self.unplaced: dict[int, Verdict | None] = {}  # area verdicts for a family that gave no municipality

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """A value of these groups made once and kept by the build, as the groups are: one that reads no family,
        or one per value of the one part of a family it reads (`name` says which: a municipality's shapes)."""
        return self.tables.kg.memo(f"screening-groups:{name}", make)

    def area_unplaced(self, group: Group) -> Verdict | None:
        """The area verdict of a group for a family that gave no municipality (it reads nothing else of the
        family, so it is made once per build)."""
        if group.area not in self.unplaced:
            self.unplaced[group.area] = area(self.tables, Profile(), group.first)
        return self.unplaced[group.area]

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
