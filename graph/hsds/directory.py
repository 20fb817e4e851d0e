"""The HSDS 3.0 API as domain functions: the root, paged and filtered lists, and single resources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.errors import NotFound
from graph.hsds import documents
from graph.hsds.ids import OPENAPI_URL, PROFILE, VERSION
from graph.hsds.index import HsdsIndex, ServiceEntry, hsds_index
from graph.navigation import get_service
from graph.store.knowledge import KnowledgeGraph


@dataclass(frozen=True)
class Filters:
    """The list parameters; every one given must hold (they combine with AND)."""

    page: int = 1
    per_page: int = 50
    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: datetime | None = None
    lang: str = "fi"


def root(openapi_url: str = OPENAPI_URL) -> dict[str, Any]:
    """GET /hsds/: the HSDS version, the perhepolku profile's URI and the OpenAPI document of this API."""
    return {"version": VERSION, "profile": PROFILE, "openapi_url": openapi_url}


def page(items: list[Any], filters: Filters, render: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """The HSDS `Page` envelope around one page of `items`, rendering only that page."""
    total = len(items)
    pages = max(1, -(-total // filters.per_page))
    start = (filters.page - 1) * filters.per_page
    contents = [render(item) for item in items[start : start + filters.per_page]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": filters.page,
        "size": len(contents),
        "first_page": filters.page == 1,
        "last_page": filters.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _modified_after(entry: ServiceEntry, after: datetime) -> bool:
    if not entry.modified:
        return False
    when = datetime.fromisoformat(entry.modified.replace("Z", "+00:00"))
    if (when.tzinfo is None) != (after.tzinfo is None):
        when, after = when.replace(tzinfo=None), after.replace(tzinfo=None)
    return when >= after


def matching(index: HsdsIndex, f: Filters) -> Iterator[ServiceEntry]:
    """The services every given filter admits, ordered by their perhepolku id."""
    words = (f.search or "").casefold().split()
    scheme_terms = {t for t, term in index.terms.items() if term["taxonomy_id"] == f.taxonomy_id}
    for entry in index.services.values():
        if words and not all(w in entry.text for w in words):
            continue
        if f.taxonomy_term_id and f.taxonomy_term_id not in entry.terms:
            continue
        if f.taxonomy_id and not entry.terms & scheme_terms:
            continue
        if f.organization_id and index.org_of_iri.get(entry.provider or "") != f.organization_id:
            continue
        if f.modified_after and not _modified_after(entry, f.modified_after):
            continue
        yield entry


def list_services(kg: KnowledgeGraph, f: Filters) -> dict[str, Any]:
    """GET /hsds/services: a page of services in the list form (one-to-one fields and the organisation)."""
    index = hsds_index(kg)
    return page(
        list(matching(index, f)),
        f,
        lambda e: documents.service_brief(index, e, get_service(kg, e.slug), f.lang),
    )


def stream_services(kg: KnowledgeGraph, f: Filters) -> Iterator[dict[str, Any]]:
    """Every matching service in the list form, unpaged (format=ndjson)."""
    index = hsds_index(kg)
    for entry in matching(index, f):
        yield documents.service_brief(index, entry, get_service(kg, entry.slug), f.lang)


def service(kg: KnowledgeGraph, uuid: str, lang: str = "fi") -> dict[str, Any]:
    """GET /hsds/services/{id}: the fully nested service."""
    index = hsds_index(kg)
    return documents.service_full(kg, index, index.service(uuid), lang)


def list_organizations(kg: KnowledgeGraph, f: Filters) -> dict[str, Any]:
    index = hsds_index(kg)
    return page(sorted(index.organizations), f, lambda u: documents.organization(index, u, f.lang))


def organization(kg: KnowledgeGraph, uuid: str, lang: str = "fi") -> dict[str, Any]:
    index = hsds_index(kg)
    index.lookup("organizations", uuid)
    return documents.organization(index, uuid, lang)


def _service_at_locations(index: HsdsIndex, f: Filters) -> list[tuple[ServiceEntry, str]]:
    return [(e, index.place_of_iri[p]) for e in matching(index, f) for p in e.places if p in index.place_of_iri]


def list_service_at_locations(kg: KnowledgeGraph, f: Filters) -> dict[str, Any]:
    index = hsds_index(kg)
    return page(_service_at_locations(index, f), f, lambda p: documents.service_at_location(index, p[0], p[1], f.lang))


def service_at_location(kg: KnowledgeGraph, uuid: str, lang: str = "fi") -> dict[str, Any]:
    index = hsds_index(kg)
    for entry, place in _service_at_locations(index, Filters()):
        doc = documents.service_at_location(index, entry, place, lang)
        if doc["id"] == uuid:
            return doc
    raise NotFound(f"no service at location with id {uuid[:80]!r}; GET /hsds/service_at_locations lists them")


def list_taxonomies(kg: KnowledgeGraph, f: Filters) -> dict[str, Any]:
    index = hsds_index(kg)
    return page(sorted(index.taxonomies), f, lambda u: documents.taxonomy(index, u))


def taxonomy(kg: KnowledgeGraph, uuid: str) -> dict[str, Any]:
    index = hsds_index(kg)
    index.lookup("taxonomies", uuid)
    return documents.taxonomy(index, uuid)


def list_taxonomy_terms(kg: KnowledgeGraph, f: Filters) -> dict[str, Any]:
    index = hsds_index(kg)
    terms = [t for t in sorted(index.terms) if not f.taxonomy_id or index.terms[t]["taxonomy_id"] == f.taxonomy_id]
    return page(terms, f, lambda u: documents.taxonomy_term(index, u, f.lang))


def taxonomy_term(kg: KnowledgeGraph, uuid: str, lang: str = "fi") -> dict[str, Any]:
    index = hsds_index(kg)
    index.lookup("terms", uuid)
    return documents.taxonomy_term(index, uuid, lang)
