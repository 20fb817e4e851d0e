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


class Evaluation:
    """One family's verdicts, group by group, each evaluated on first use."""

    def __init__(self, tables: ScreeningTables, profile: Profile) -> None:
        self.tables, self.profile, self.groups = tables, profile, groups(tables)
        self._criteria: dict[Key, Verdict | None] = {}
        self._areas: dict[Key, Verdict | None] = {}
        self._access: dict[Key, list[Verdict]] = {}
        self._made: dict[int, list[Template]] = {}

    def _criterion(self, crit: Criterion, key: Key) -> Verdict | None:
        if key not in self._criteria:
            kind = KINDS.get(crit.kind)
            self._criteria[key] = kind(self.tables, self.profile, crit) if kind else None
        return self._criteria[key]

    def templates(self, group: Group) -> list[Template]:
        """The group's verdicts, in the order of the reasons: family stage, area, access wishes, then the other criteria."""
        made = self._made.get(group.index)
        if made is not None:
            return made
        pairs = list(zip(group.criteria, group.criterion_keys, strict=True))
        out: list[Template] = []
        for i, (crit, key) in enumerate(pairs):
            if crit.kind == "FamilyStageCriterion" and (verdict := self._criterion(crit, key)):
                out.append((verdict, i))
        if group.area not in self._areas:
            self._areas[group.area] = area(self.tables, self.profile, group.first)
        if (found := self._areas[group.area]) is not None:
            # the verdict of another group alike: attach it to this group's own residence criterion
            at = None
            if found.criterion is not None:
                at = next(i for i, c in enumerate(group.criteria) if c.kind == "ResidenceCriterion")
            out.append((found, at))
        if group.access not in self._access:
            self._access[group.access] = access(self.tables, self.profile, group.first)
        out.extend((v, None) for v in self._access[group.access])
        for i, (crit, key) in enumerate(pairs):
            if crit.kind != "FamilyStageCriterion" and (verdict := self._criterion(crit, key)):
                out.append((verdict, i))
        self._made[group.index] = out
        return out

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
