"""A family profile for eligibility screening, validated field by field (errors name the field)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from graph.errors import InvalidParameter
from graph.parsing import parse_bool, parse_lang, parse_months, parse_week
from graph.store.knowledge import KnowledgeGraph

FIELDS = ("municipality", "pregnancy_week", "child_age_months", "situation", "language", "anonymous", "self_referral")


@dataclass
class Profile:
    """What the family tells; any field may be missing."""

    municipality: str | None = None
    municipality_iri: str | None = None
    pregnancy_week: int | None = None
    child_age_months: int | None = None
    situations: list[str] = field(default_factory=list)
    language: str | None = None
    anonymous: bool | None = None
    self_referral: bool | None = None

    def dump(self) -> dict[str, Any]:
        """The profile under the same keys the request uses (`situation`, not the attribute's plural)."""
        out = asdict(self)
        out.pop("municipality_iri")
        out["situation"] = out.pop("situations")
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
    situations = raw.get("situation") or []
    if isinstance(situations, str):
        situations = [situations]
    if not isinstance(situations, list) or not all(isinstance(item, str) for item in situations):
        raise InvalidParameter("situation must be a list of concept ids", field="situation")
    ids = [part.strip() for item in situations for part in item.split(",") if part.strip()]
    if len(ids) > 20:
        raise InvalidParameter("situation takes at most 20 concept ids", field="situation")
    for concept_id in ids:
        if concept_id not in profile.situations:
            kg.concept(concept_id, field="situation", scheme="situation")
            profile.situations.append(concept_id)
    return profile
