"""Concepts of the SKOS schemes, as the API lists them."""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidParameter
from graph.store.knowledge import KnowledgeGraph


def list_concepts(kg: KnowledgeGraph, scheme: str | None = None) -> dict[str, Any]:
    """Every concept (optionally of one scheme) with id, scheme, fi/sv/en labels and broader ids."""
    if scheme is not None and scheme not in kg.schemes:
        raise InvalidParameter(
            f"unknown scheme {scheme[:40]!r}; one of {', '.join(sorted(kg.schemes))}", field="scheme"
        )
    items = [
        {"id": c["id"], "scheme": c["scheme"], "iri": c["iri"], "labels": c["labels"], "broader": c["broader"]}
        for c in kg.concepts.values()
        if scheme is None or c["scheme"] == scheme
    ]
    return {"total": len(items), "schemes": sorted(kg.schemes), "items": items}
