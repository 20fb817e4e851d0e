"""The named parts a gap's text is made of: services, situations, channels and municipalities with their labels.

graph.navigation.gaps puts these in each gap's `about`, so that a text in any language (the web
pages' api/web/gaptexts.py) names things by their labels, not by ids or codes.
"""

from __future__ import annotations

from typing import Any

from graph.store.knowledge import KnowledgeGraph, labels
from graph.store.municipalities import official


def named(identifier: str, names: dict[str, Any]) -> dict[str, Any]:
    """{id, labels} of a service, a situation or a channel (labels None in a language the graph lacks)."""
    return {"id": identifier, "labels": names.get(identifier) or {lang: None for lang in ("fi", "sv", "en")}}


def service_names(kg: KnowledgeGraph) -> dict[str, Any]:
    """Every service's labels by id (once per build)."""
    found: dict[str, Any] = kg.memo("gap-service-names", lambda: {row["id"]: labels(row) for row in kg.services})
    return found


def channel_names(kg: KnowledgeGraph) -> dict[str, Any]:
    """Every contact channel's labels by id (once per build)."""
    made = lambda: {row["id"]: labels(row) for row in kg.rows("service-channels")}  # noqa: E731 (rows not kept)
    found: dict[str, Any] = kg.memo("gap-channel-names", made)
    return found


def municipality(kg: KnowledgeGraph, code: str) -> dict[str, Any]:
    """{code, labels} of a municipality: the graph's names, else the official list's (fi, sv)."""
    rows = {row["code"]: row for row in kg.select_once("municipalities")}
    names = labels(rows[code]) if code in rows else {}
    if not any(names.values()):
        listed = official().names.get(code, {})
        names = {lang: listed.get(lang) for lang in ("fi", "sv", "en")}
    return {"code": code, "labels": names}
