"""Every verdict for a family: each criterion goes to the function of its kind, each service to the area and access rules.

A family's screening evaluates each group of services alike (graph.navigation.criteria.groups)
once, each distinct criterion once and each distinct area and access once; a service's own
verdicts are its group's with its own criteria and claims put in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from graph import vocab
from graph.navigation.claims import claims
from graph.navigation.criteria.access import access
from graph.navigation.criteria.area import area
from graph.navigation.criteria.groups import Group, Key, groups
from graph.navigation.criteria.model import Claim, Criterion, Verdict
from graph.navigation.criteria.prerequisite import prerequisite
from graph.navigation.criteria.situation import exclusion, situation
from graph.navigation.criteria.stage import stage
from graph.navigation.criteria.status import assessed, assessed_condition, client_status
from graph.navigation.criteria.tables import ScreeningTables
from graph.navigation.profile import Profile

DCT, PP = vocab.PREFIXES["dct"], vocab.PP
# the service facts a verdict without a criterion rests on, for its claim (stated or interpreted)
FACTS = {
    "area": {DCT + "spatial"},
    "language": {DCT + "language"},
    "anonymity": {PP + "anonymityAllowed"},
    "self_referral": {PP + "accessRoute"},
}

Kind = Callable[[ScreeningTables, Profile, Criterion], Verdict | None]

# criterion class -> the one function that evaluates it (pp:ResidenceCriterion is part of the area rule)
KINDS: dict[str, Kind] = {
    "FamilyStageCriterion": lambda tables, profile, crit: stage(profile, crit),
    "SituationCriterion": situation,
    "Exclusion": exclusion,
    "ClientStatusCriterion": lambda tables, profile, crit: client_status(crit),
    "AssessedCriterion": lambda tables, profile, crit: assessed(crit),
    "AssessedCondition": assessed_condition,
    "PrerequisiteCriterion": prerequisite,
}

# a group's verdict and the position of its criterion among the service's criteria (None: no criterion)
Template = tuple[Verdict, int | None]
Shape = tuple[int, tuple[str, bool, bool, bool] | None] | None


class Evaluation:
    """One family's verdicts, group by group, each evaluated on first use."""

    def __init__(self, tables: ScreeningTables, profile: Profile) -> None:
        self.tables, self.profile, self.groups = tables, profile, groups(tables)
        self.home = profile.municipality_iri
        self._criteria: dict[Key, Verdict | None] = {}
        self._areas: dict[int, Verdict | None] = {}
        self._access: dict[int, list[Verdict]] = {}
        self._rest: dict[int, tuple[list[Template], list[Template]]] = {}

    def _criterion(self, crit: Criterion, key: Key) -> Verdict | None:
        if key not in self._criteria:
            kind = KINDS.get(crit.kind)
            self._criteria[key] = kind(self.tables, self.profile, crit) if kind else None
        return self._criteria[key]

    def elsewhere(self, group: Group) -> bool:
        """The family lives outside the area the group's services state: ineligible whatever else holds."""
        return bool(self.home and group.places and self.home not in group.places)

    def area(self, group: Group) -> Verdict | None:
        """The group's area verdict (for a family without a municipality, the build's own)."""
        if not self.home:
            return self.groups.area_unplaced(group)
        if group.area not in self._areas:
            self._areas[group.area] = area(self.tables, self.profile, group.first)
        return self._areas[group.area]

    def _rest_of(self, group: Group) -> tuple[list[Template], list[Template]]:
        """The verdicts before the area (family stage) and after it (access wishes, the other criteria),
        shared by the groups that differ only in their area."""
        made = self._rest.get(group.rest)
        if made is not None:
            return made
        pairs = list(enumerate(zip(group.criteria, group.criterion_keys, strict=True)))
        before: list[Template] = []
        for i, (crit, key) in pairs:
            if crit.kind == "FamilyStageCriterion" and (verdict := self._criterion(crit, key)):
                before.append((verdict, i))
        if group.access not in self._access:
            self._access[group.access] = access(self.tables, self.profile, group.first)
        after: list[Template] = [(v, None) for v in self._access[group.access]]
        for i, (crit, key) in pairs:
            if crit.kind != "FamilyStageCriterion" and (verdict := self._criterion(crit, key)):
                after.append((verdict, i))
        self._rest[group.rest] = (before, after)
        return before, after

    def templates(self, group: Group) -> list[Template]:
        """The group's verdicts, in the order of the reasons: family stage, area, access wishes, then the other criteria."""
        before, after = self._rest_of(group)
        found = self.area(group)
        if found is None:
            return before + after
        # a verdict made for another group alike: attached to this group's own residence criterion
        at = None if found.criterion is None else group.residence
        return [*before, (found, at), *after]

    def shape(self, group: Group) -> Shape:
        """What sorting a group reads of its verdicts: its criteria and access (alike for its `rest`) and
        its area verdict's status and whether it has a criterion, a type and a question (never a text);
        None when the family lives outside the area the group's services state."""
        if self.elsewhere(group):
            return None
        found = self.area(group)
        if found is None:
            return (group.rest, None)
        return (
            group.rest,
            (found.status, found.criterion is not None, found.type is not None, found.question is not None),
        )

    def shapes(self) -> tuple[list[int], list[tuple[Shape, Group]]]:
        """Every group's shape as a number, by the group's index, and each shape with its first group. A shape
        reads only the family's municipality (the area verdict; `rest` names criteria, not their verdicts), so
        the numbering is made once per municipality (and once for a family without one): at most one for each
        municipality of Finland, about 15 KB each at 6,400 services."""
        made: tuple[list[int], list[tuple[Shape, Group]]] = self.groups.memo(
            f"shapes:{self.home or ''}", self._numbered
        )
        return made

    def _numbered(self) -> tuple[list[int], list[tuple[Shape, Group]]]:
        number: dict[Shape, int] = {}
        firsts: list[tuple[Shape, Group]] = []
        out = []
        for group in self.groups.groups:
            shape = self.shape(group)
            if shape not in number:
                number[shape] = len(firsts)
                firsts.append((shape, group))
            out.append(number[shape])
        return out, firsts

    def of(self, service_id: str) -> list[Verdict]:
        """A service's verdicts: its group's, with its own criteria, and its own claims where none is attached."""
        crits = self.tables.by_service.get(service_id, [])
        iri = self.tables.by_id[service_id]["service"]
        out = []
        for template, position in self.templates(self.groups.of[service_id]):
            crit = None if position is None else crits[position]
            claim = None
            if crit is None and template.kind in FACTS:
                claim = self.groups.claim(service_id, template.kind, lambda k=template.kind: self._claim(iri, k))
            out.append(
                Verdict(template.kind, template.status, template.text, crit, template.type, claim, template.question)
            )
        return out

    def _claim(self, iri: str, kind: str) -> Claim:
        return Claim.of(claims(self.tables.kg).claim_of(iri, FACTS[kind]))


def verdicts(tables: ScreeningTables, profile: Profile, scope: Iterable[str] | None = None) -> dict[str, list[Verdict]]:
    """The verdicts on every criterion of the services in `scope` (all, if None), grouped by service id."""
    ids = list(tables.by_id) if scope is None else [sid for sid in scope if sid in tables.by_id]
    evaluation = Evaluation(tables, profile)
    out: dict[str, list[Verdict]] = defaultdict(list)
    for service_id in ids:
        out[service_id].extend(evaluation.of(service_id))
    return out
