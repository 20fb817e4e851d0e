"""One home per eligibility criterion kind: each takes the screening tables, the profile and the criterion
and returns the finished verdict (status, fi/sv/en text, sources); `verdicts` runs them all for a family."""

from graph.navigation.criteria.access import LANG_NAMES, language_iri
from graph.navigation.criteria.area import municipality_name
from graph.navigation.criteria.evaluate import KINDS, verdicts
from graph.navigation.criteria.model import Criterion, Facts, Place, Source, Verdict
from graph.navigation.criteria.situation import label
from graph.navigation.criteria.stage import StageBounds, StageOutcome, stage_status
from graph.navigation.criteria.tables import ScreeningTables, tables

__all__ = [
    "KINDS",
    "LANG_NAMES",
    "Criterion",
    "Facts",
    "Place",
    "ScreeningTables",
    "Source",
    "StageBounds",
    "StageOutcome",
    "Verdict",
    "label",
    "language_iri",
    "municipality_name",
    "stage_status",
    "tables",
    "verdicts",
]
