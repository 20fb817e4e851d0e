"""Names the pages show for the API's fixed values (facets, flags, weekdays, link kinds, verdicts), translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

FACET_NAMES = {
    "target_group": _l("Target group"),
    "situation": _l("Situation"),
    "work_form": _l("Way of working"),
    "service_level": _l("Service level"),
    "municipality": _l("Municipality"),
    "language": _l("Language"),
}
FLAG_NAMES = {
    "free": _l("Free of charge"),
    "anonymous": _l("Anonymous"),
    "self_referral": _l("Without a referral"),
}
WEEKDAYS = {
    "Monday": _l("Monday"),
    "Tuesday": _l("Tuesday"),
    "Wednesday": _l("Wednesday"),
    "Thursday": _l("Thursday"),
    "Friday": _l("Friday"),
    "Saturday": _l("Saturday"),
    "Sunday": _l("Sunday"),
}
LINK_KINDS = {
    "next-step": _l("next step"),
    "escalation": _l("escalation"),
    "alongside": _l("alongside"),
    "continuation": _l("continuation"),
    "intake": _l("intake"),
    "referral": _l("referral"),
}
GROUPS = {
    "eligible": _l("Eligible"),
    "likely": _l("Likely eligible"),
    "unknown": _l("Not known"),
    "ineligible": _l("Not eligible"),
}
STATUSES = {
    "met": _l("met"),
    "failed": _l("not met"),
    "unknown": _l("unknown"),
    "missing": _l("not asked"),
    "assessed": _l("assessed by the service"),
}
GAP_KINDS = {
    "excluded_no_alternative": _l("Excluded, no alternative"),
    "uncovered_window": _l("Stage not covered"),
    "no_service_in_language": _l("No service in a language"),
    "dead_end": _l("Pathway ends"),
    "unnamed_next_step": _l("Next step not named"),
    "missing_data": _l("Missing data"),
}
STAGE_NAMES = {
    "pregnancy-early": _l("Pregnancy, weeks 1–19"),
    "pregnancy-late": _l("Pregnancy, weeks 20–42"),
    "baby": _l("Child 0–11 months"),
    "toddler": _l("Child 12–35 months"),
}
FIELD_NAMES = {
    "previous_service": _l("Service the family has used before"),
    "current_service": _l("Service the family uses now"),
}
NAMES = {
    "facet_names": FACET_NAMES,
    "flag_names": FLAG_NAMES,
    "weekdays": WEEKDAYS,
    "link_kinds": LINK_KINDS,
    "group_names": GROUPS,
    "status_names": STATUSES,
    "gap_kinds": GAP_KINDS,
    "stage_names": STAGE_NAMES,
    "field_names": FIELD_NAMES,
}
