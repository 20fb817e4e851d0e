"""Whether what the graph says of a service rests only on historical sources (a 2008 project letter).

A service whose every cited fact comes from a source whose status is *historical* (pp:sourceStatus)
may no longer exist as described; its document says so in `historical_only`, with the sources, and
the screening's entries carry the same flag. The design card is not a description of the service
(its status is design-assumption) and does not count either way; nothing here names a service.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.navigation.claims import claims
from graph.store.knowledge import KnowledgeGraph

HISTORICAL = "historical"
NOT_A_DESCRIPTION = "design-assumption"


def _cited(value: Any) -> Iterator[str]:
    """The document files of every citation anywhere in a service document (a list of sources, nested)."""
    if isinstance(value, dict):
        if "document" in value and "quote" in value:
            yield str(value["document"])
        for item in value.values():
            yield from _cited(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cited(item)


def currency(kg: KnowledgeGraph, service: dict[str, Any]) -> dict[str, Any]:
    """{historical_only, historical_sources} of a service document: True when every source describing it
    is historical (False when any is not, or none is cited); the historical ones with their date."""
    statuses = claims(kg).sources
    described = {doc for doc in _cited(service) if (statuses.get(doc) or {}).get("status") != NOT_A_DESCRIPTION}
    historical = sorted(doc for doc in described if (statuses.get(doc) or {}).get("status") == HISTORICAL)
    return {
        "historical_only": bool(described) and len(historical) == len(described),
        "historical_sources": [{"document": doc, "date": statuses[doc].get("date")} for doc in historical],
    }


def historical_services(kg: KnowledgeGraph) -> frozenset[str]:
    """The ids of the services whose documents say `historical_only` (made once per build)."""
    from graph.navigation.services import get_service  # services imports this module

    def make() -> frozenset[str]:
        stored = kg.stored_historical()  # the build's list: reading every stored document took 0.5 s at 6,400
        if stored is not None:
            return stored
        return frozenset(row["id"] for row in kg.services if get_service(kg, row["id"]).get("historical_only"))

    found: frozenset[str] = kg.memo("historical-services", make)
    return found
