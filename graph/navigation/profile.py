"""A family profile for eligibility screening, validated field by field (errors name the field)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from graph.errors import InvalidParameter
from graph.parsing import CHILD_MONTHS, PREGNANCY_WEEKS, parse_bool, parse_lang, parse_months, parse_week
from graph.store.knowledge import KnowledgeGraph

FIELDS = (
    "municipality",
    "pregnancy_week",
    "child_age_months",
    "situation",
    "not_acute",
    "previous_service",
    "current_service",
    "language",
    "anonymous",
    "self_referral",
)
BOUNDS = {"pregnancy_week": PREGNANCY_WEEKS, "child_age_months": CHILD_MONTHS}  # (lowest, highest) taken
LISTS = {
    "situation": "situations",
    "not_acute": "not_acute",
    "previous_service": "previous",
    "current_service": "current",
}


@dataclass
class Profile:
    """What the family tells; any field may be missing."""

    municipality: str | None = None
    municipality_iri: str | None = None
    pregnancy_week: int | None = None
    child_age_months: int | None = None
    situations: list[str] = field(default_factory=list)
    not_acute: list[str] = field(default_factory=list)  # situations the family says are not in their acute phase
    previous: list[str] = field(default_factory=list)  # services the family has used (previous_service)
    current: list[str] = field(default_factory=list)  # services it takes part in now (current_service)
    language: str | None = None
    anonymous: bool | None = None
    self_referral: bool | None = None

    def dump(self) -> dict[str, Any]:
        """The profile under the same keys the request uses (`situation`, not the attribute's plural)."""
        out = asdict(self)
        out.pop("municipality_iri")
        for key, attribute in LISTS.items():
            out[key] = out.pop(attribute)
        return {key: out[key] for key in FIELDS}


def _one(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    if isinstance(value, list):
        if len(value) > 1:
            raise InvalidParameter(f"{name} takes one value", field=name)
        value = value[0] if value else None
    if value is None:
        return None
    if value == "":
        raise InvalidParameter(f"{name} is empty; leave it out instead", field=name)
    if isinstance(value, float) and value.is_integer():  # JSON 18.0 is the integer 18
        value = int(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, (str, int)):
        raise InvalidParameter(f"{name} must be a string or a number", field=name)
    return str(value)


def _ids(raw: Mapping[str, Any], name: str) -> list[str]:
    """A list field: repeated values or comma-separated ids, at most 20."""
    values = raw.get(name) or []
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not all(isinstance(item, str) for item in values):
        raise InvalidParameter(f"{name} must be a list of ids", field=name)
    ids = [part.strip() for item in values for part in item.split(",") if part.strip()]
    if len(ids) > 20:
        raise InvalidParameter(f"{name} takes at most 20 ids", field=name)
    return ids


def parse_profile(kg: KnowledgeGraph, raw: Mapping[str, Any]) -> Profile:
    """Build a Profile from query-string or JSON values; InvalidParameter names the offending field."""
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise InvalidParameter(f"unknown field {unknown[0]!r}; a profile has {', '.join(FIELDS)}", field=unknown[0])
    profile = Profile()
    if (value := _one(raw, "municipality")) is not None:
        profile.municipality, profile.municipality_iri = value, kg.municipality_iri(value)
    if (value := _one(raw, "pregnancy_week")) is not None:
        profile.pregnancy_week = parse_week("pregnancy_week", value)
    if (value := _one(raw, "child_age_months")) is not None:
        profile.child_age_months = parse_months("child_age_months", value)
    if (value := _one(raw, "language")) is not None:
        profile.language = parse_lang("language", value)
    for name in ("anonymous", "self_referral"):
        if (value := _one(raw, name)) is not None:
            setattr(profile, name, parse_bool(name, value))
    for name, attribute in LISTS.items():
        for value in _ids(raw, name):
            if name == "previous_service" or name == "current_service":
                if value not in kg.service_ids:
                    raise InvalidParameter(
                        f"{name}: unknown service id {value[:60]!r}; GET /api/v1/services lists them", field=name
                    )
            else:
                kg.concept(value, field=name, scheme="situation")
            if value not in getattr(profile, attribute):
                getattr(profile, attribute).append(value)
    return profile
