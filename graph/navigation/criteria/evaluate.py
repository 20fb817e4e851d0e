"""Every verdict for a family: each criterion goes to the function of its kind, each service to the area and access rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from graph import vocab
from graph.navigation.claims import claims
from graph.navigation.criteria.access import access
from graph.navigation.criteria.area import area
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


def verdicts(tables: ScreeningTables, profile: Profile, scope: Iterable[str] | None = None) -> dict[str, list[Verdict]]:
    """The verdicts on every criterion of the services in `scope` (all, if None), grouped by service id."""
    ids = list(tables.by_id) if scope is None else [sid for sid in scope if sid in tables.by_id]
    out: dict[str, list[Verdict]] = defaultdict(list)
    for service_id in ids:
        found = out[service_id]
        criteria = tables.by_service.get(service_id, [])
        # the order of the reasons: family stage, area, access wishes, then the other criteria
        found.extend(stage(profile, crit) for crit in criteria if crit.kind == "FamilyStageCriterion")
        if verdict := area(tables, profile, service_id):
            found.append(verdict)
        found.extend(access(tables, profile, service_id))
        for crit in criteria:
            kind = KINDS.get(crit.kind)
            if kind and crit.kind != "FamilyStageCriterion" and (verdict := kind(tables, profile, crit)):
                found.append(verdict)
        iri = tables.by_id[service_id]["service"]
        for verdict in found:
            if verdict.criterion is None and verdict.kind in FACTS:
                verdict.claim = Claim.of(claims(tables.kg).claim_of(iri, FACTS[verdict.kind]))
    return out
