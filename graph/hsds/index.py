"""What the HSDS API looks up, read from the build once: services with their filters, organisations,
places, taxonomies and terms, each under its HSDS id."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from graph import vocab
from graph.errors import NotFound
from graph.hsds.ids import hsds_id
from graph.paths import QUERIES_DIR
from graph.store.catalog import Catalog
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph, labels
from graph.store.precomputed import PrecomputedRows, write_rows

QUERIES = Catalog(QUERIES_DIR / "hsds")
SCHEME = vocab.ID + "scheme/"
INDEX_FILE = "hsds-index-built"  # precomputed/{INDEX_FILE}.json: the index as build_index made it
INDEX_VERSION = 1  # of the stored index's fields: a build with another is read as one without (the queries run)


@dataclass
class ServiceEntry:
    """One service as the filters see it."""

    iri: str
    slug: str
    uuid: str
    provider: str | None = None
    modified: str | None = None
    places: list[str] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)
    text: str = ""
    extra: dict[str, dict[str, str]] = field(default_factory=dict)  # catalogue texts by property and language


@dataclass
class HsdsIndex:
    """Every HSDS resource of one build under its id."""

    services: dict[str, ServiceEntry]
    by_slug: dict[str, str]
    organizations: dict[str, dict[str, Any]]
    org_of_iri: dict[str, str]
    places: dict[str, dict[str, Any]]
    place_of_iri: dict[str, str]
    terms: dict[str, dict[str, Any]]
    term_of_iri: dict[str, str]
    taxonomies: dict[str, dict[str, Any]]
    slug_iri: dict[str, str]

    def service(self, uuid: str) -> ServiceEntry:
        if uuid not in self.services:
            raise NotFound(f"no service with id {uuid[:80]!r}; GET /hsds/services lists them", field="id")
        return self.services[uuid]

    def lookup(self, table: str, uuid: str) -> dict[str, Any]:
        """The entry of `table` (organizations, taxonomies, terms) under `uuid`; NotFound names the list route."""
        found: dict[str, Any] | None = getattr(self, table).get(uuid)
        if found is None:
            route = {"terms": "taxonomy_terms"}.get(table, table)
            raise NotFound(
                f"no resource with id {uuid[:80]!r} in /hsds/{route}; GET /hsds/{route} lists them", field="id"
            )
        return found


def _select(kg: KnowledgeGraph, name: str) -> list[dict[str, Any]]:
    return kg.store.select(QUERIES.get(name))


def build_index(kg: KnowledgeGraph) -> HsdsIndex:
    """Read the HSDS tables of a build (four queries) into lookups."""
    taxonomies = {
        hsds_id(SCHEME + scheme): {"iri": SCHEME + scheme, "id": scheme}
        for scheme in sorted({c["scheme"] for c in kg.concepts.values()})
    }
    terms: dict[str, dict[str, Any]] = {}
    term_of_iri: dict[str, str] = {}
    for concept in kg.concepts.values():
        uuid = hsds_id(concept["iri"])
        terms[uuid] = {**concept, "taxonomy_id": hsds_id(SCHEME + concept["scheme"])}
        term_of_iri[concept["iri"]] = uuid
    orgs = {}
    for row in _select(kg, "hsds-organizations"):
        orgs[hsds_id(row["organization"], row["id"])] = {
            "iri": row["organization"],
            "labels": labels(row),
            "description": row.get("description"),
            "url": row.get("url"),
            "public": bool(row.get("public")),
        }
    places: dict[str, dict[str, Any]] = {}
    for row in _select(kg, "hsds-places"):
        places.setdefault(hsds_id(row["place"], row["id"]), {**row, "iri": row["place"], "labels": labels(row)})
    services: dict[str, ServiceEntry] = {}
    for row in _select(kg, "hsds-index"):
        entry = services.setdefault(row["service"], ServiceEntry(row["service"], row["id"], ""))
        entry.provider = entry.provider or row.get("provider")
        entry.modified = max(filter(None, (entry.modified, row.get("modified"))), default=None)
        if row.get("place") and row["place"] not in entry.places:
            entry.places.append(row["place"])
        if row.get("term") in term_of_iri:
            entry.terms.add(term_of_iri[row["term"]])
    for row in _select(kg, "hsds-texts"):
        found = services.get(row["service"])
        if found is None:
            continue
        name = row["property"].rsplit("#", 1)[-1]
        if name in ("alternativeName", "summary", "userInstruction"):
            found.extra.setdefault(name, {})[row.get("lang") or "fi"] = str(row["text"])
        else:
            found.text += " " + str(row["text"]).casefold()
    by_uuid = {}
    for entry in sorted(services.values(), key=lambda e: e.slug):
        entry.uuid = hsds_id(entry.iri, entry.slug)
        by_uuid[entry.uuid] = entry
    return HsdsIndex(
        services=by_uuid,
        by_slug={e.slug: e.uuid for e in by_uuid.values()},
        organizations=orgs,
        org_of_iri={o["iri"]: uuid for uuid, o in orgs.items()},
        places=places,
        place_of_iri={p["iri"]: uuid for uuid, p in places.items()},
        terms=terms,
        term_of_iri=term_of_iri,
        taxonomies=taxonomies,
        slug_iri={slug: c["iri"] for slug, c in kg.concepts.items()},
    )


def hsds_index(kg: KnowledgeGraph) -> HsdsIndex:
    """The index of the loaded build as the build stored it (store_hsds_index), else made from the four queries;
    made on first use and kept with it."""

    def make() -> HsdsIndex:
        stored = kg.stored_value(INDEX_FILE)
        if not isinstance(stored, dict) or stored.get("version") != INDEX_VERSION:
            return build_index(kg)
        return _loaded(stored)

    index: HsdsIndex = kg.memo("hsds-index", make)
    return index


def _dumped(index: HsdsIndex) -> dict[str, Any]:
    out = asdict(index)
    for entry in out["services"].values():
        entry["terms"] = sorted(entry["terms"])
    return {"version": INDEX_VERSION, **out}


def _loaded(data: dict[str, Any]) -> HsdsIndex:
    services = {uuid: ServiceEntry(**{**e, "terms": set(e["terms"])}) for uuid, e in data["services"].items()}
    fields = {k: v for k, v in data.items() if k != "version"}
    return HsdsIndex(**{**fields, "services": services})


def store_hsds_index(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step (after the precomputed rows): the HSDS index, stored whole. At 6,400 services the four queries
    took seconds at a server's first HSDS request, and their rows and the store's caches 57 MB of it for good."""
    started = time.perf_counter()
    kg = KnowledgeGraph(store, precomputed=PrecomputedRows(build_dir))
    write_rows(build_dir, INDEX_FILE, _dumped(build_index(kg)))
    seconds = round(time.perf_counter() - started, 2)
    progress(f"stored the HSDS index in {seconds} s")
    return {"hsds_index_seconds": seconds}
