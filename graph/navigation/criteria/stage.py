"""Family stage (pregnancy week, child age): the one rule, used by the screening and by the gap report's windows."""

from __future__ import annotations

from dataclasses import dataclass

from graph.navigation.criteria.model import Criterion, Question, Text, Verdict, text
from graph.navigation.profile import Profile

BABY_MONTHS = 12  # a source that names families with a baby (vauva) but no age limit: a child under 12 months


@dataclass(frozen=True)
class StageBounds:
    """A family-stage criterion's bounds; None where the source is silent."""

    accepts_expecting: bool | None = None
    min_pregnancy_week: int | None = None
    accepts_child: bool | None = None
    child_under_months: int | None = None

    @classmethod
    def of(cls, crit: Criterion) -> StageBounds:
        return cls(crit.accepts_expecting, crit.min_pregnancy_week, crit.accepts_child, crit.child_under_months)


@dataclass(frozen=True)
class StageOutcome:
    """Each path's status (met, failed, unknown, absent: the profile does not give it) and the criterion's."""

    expecting: str
    child: str
    status: str


def stage_status(bounds: StageBounds, week: int | None, age: int | None) -> StageOutcome:
    """eligibility-stage.rq's rule: met if either path is met; unknown where a named group has no bound."""
    if week is None:
        expecting = "absent"
    elif bounds.accepts_expecting is None:
        expecting = "unknown"
    elif not bounds.accepts_expecting:
        expecting = "failed"
    else:
        expecting = "failed" if bounds.min_pregnancy_week is not None and week < bounds.min_pregnancy_week else "met"
    under = bounds.child_under_months
    if age is None:
        child = "absent"
    elif bounds.accepts_child is None:
        child = "unknown"
    elif not bounds.accepts_child:
        child = "failed"
    elif under is None:
        child = "met" if age < BABY_MONTHS else "unknown"
    else:
        child = "met" if age < under else "failed"
    paths = (expecting, child)
    if "met" in paths:
        status = "met"
    elif "unknown" in paths:
        status = "unknown"
    else:
        status = "missing" if paths == ("absent", "absent") else "failed"
    return StageOutcome(expecting, child, status)


def _expecting_text(outcome: StageOutcome, week: int | None, low: int | None) -> Text | None:
    if outcome.expecting == "met":
        return text(
            f"raskausviikko {week}" + (f" (viikosta {low} alkaen)" if low else ""),
            f"graviditetsvecka {week}" + (f" (från vecka {low})" if low else ""),
            f"expecting in week {week}" + (f" (from week {low})" if low else ""),
        )
    if outcome.expecting == "failed" and low:
        return text(
            f"raskausviikko {week} on ennen viikkoa {low}",
            f"graviditetsvecka {week} är före vecka {low}",
            f"pregnancy week {week} is before week {low}",
        )
    if outcome.expecting == "failed":
        return text(
            "lähteet eivät mainitse lasta odottavia perheitä",
            "källorna nämner inte familjer som väntar barn",
            "expecting families are not named",
        )
    if outcome.expecting == "unknown":
        return text(
            "lähteet eivät kerro, voivatko lasta odottavat perheet aloittaa",
            "källorna säger inte om familjer som väntar barn kan börja",
            "the sources do not say whether expecting families can start",
        )
    return None


def _child_text(outcome: StageOutcome, age: int | None, under: int | None) -> Text | None:
    if outcome.child == "met" and under:
        return text(
            f"{age} kuukauden ikäinen lapsi on alle {under} kuukauden",
            f"barnet på {age} månader är under {under} månader",
            f"child of {age} months is under {under} months",
        )
    if outcome.child == "met":
        return text(
            f"{age} kuukauden ikäinen lapsi on vauva; lähteet eivät anna muuta ikärajaa",
            f"ett barn på {age} månader är en baby; källorna anger ingen annan åldersgräns",
            f"a child of {age} months is a baby; the sources give no other age limit",
        )
    if outcome.child == "failed" and under:
        return text(
            f"{age} kuukauden ikäinen lapsi ei ole alle {under} kuukauden",
            f"barnet på {age} månader är inte under {under} månader",
            f"child of {age} months is not under {under} months",
        )
    if outcome.child == "failed":
        return text(
            "lähteet eivät mainitse lapsiperheitä",
            "källorna nämner inte barnfamiljer",
            "families with a child are not named",
        )
    if outcome.child == "unknown":
        return text(
            "lähteet eivät anna lapselle ikärajaa",
            "källorna anger ingen åldersgräns för barnet",
            "the sources give no age limit for the child",
        )
    return None


def _stage_question(crit: Criterion) -> Question:
    meets, fails = [], []
    if crit.accepts_expecting:
        low = crit.min_pregnancy_week
        meets.append(f"pregnancy_week >= {low}" if low else "pregnancy_week (any)")
        if low:
            fails.append(f"pregnancy_week < {low}")
    if crit.accepts_child:
        under = crit.child_under_months or BABY_MONTHS
        meets.append(f"child_age_months < {under}")
        if crit.child_under_months:
            fails.append(f"child_age_months >= {under}")
    field = "pregnancy_week" if crit.accepts_expecting else "child_age_months"
    return Question(
        field,
        text(
            "Odottaako perhe lasta (millä raskausviikolla) tai kuinka vanha lapsi on?",
            "Väntar familjen barn (vilken graviditetsvecka) eller hur gammalt är barnet?",
            "Is the family expecting (in which week), or how old is the child?",
        ),
        meets=tuple(meets),
        fails=tuple(fails),
    )


def stage(profile: Profile, crit: Criterion) -> Verdict:
    """The verdict on a pp:FamilyStageCriterion."""
    week, age = profile.pregnancy_week, profile.child_age_months
    outcome = stage_status(StageBounds.of(crit), week, age)
    if outcome.status == "missing":
        return Verdict(  # the family stage decides it: ask for the week or the age
            "stage",
            "missing",
            text(
                "pregnancy_week tai child_age_months: perheen vaihetta ei ole annettu",
                "pregnancy_week eller child_age_months: familjens skede är inte angivet",
                "pregnancy_week or child_age_months: the family stage is not given",
            ),
            crit,
            question=_stage_question(crit),
        )
    parts = [
        p
        for p in (
            _expecting_text(outcome, week, crit.min_pregnancy_week),
            _child_text(outcome, age, crit.child_under_months),
        )
        if p
    ]
    joined = {lang: "; ".join(p[lang] for p in parts) for lang in ("fi", "sv", "en")}
    return Verdict("stage", outcome.status, joined, crit)
