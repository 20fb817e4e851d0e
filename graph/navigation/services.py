"""Services: the list and the full description of one service, every part with its sources."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from graph import vocab
from graph.navigation.claims import claims
from graph.navigation.currency import currency
from graph.navigation.sources import citations
from graph.store.knowledge import KnowledgeGraph, labels

PP, DCT, CV = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"]
# property IRI -> name of the part in the API
PARTS = OrderedDict(
    [
        (PP + "providedBy", "provider"),
        (PP + "location", "places"),
        (DCT + "spatial", "area"),
        (DCT + "language", "languages"),
        (CV + "hasCost", "cost"),
        (PP + "anonymityAllowed", "anonymous"),
        (PP + "localityCount", "locality_count"),
        (DCT + "audience", "target_groups"),
        (CV + "isGroupedBy", "life_events"),
        (CV + "thematicArea", "service_classes"),
        (PP + "serviceLevel", "service_level"),
        (PP + "workForm", "work_forms"),
        (PP + "addressesSituation", "situations"),
        (PP + "accessRoute", "access_routes"),
        (DCT + "hasPart", "parts"),
        (PP + "partOf", "part_of"),
    ]
)
KINDS = {
    CV + "PublicOrganisation": "public",
    PP + "NonGovernmentalOrganisation": "ngo",
    PP + "NoCharge": "free",
    PP + "Fee": "fee",
}
# what a channel of each type is reached by: named in `unknown` when the sources do not give it
REACHED_BY = {"phone": "telephone", "chat-channel": "url", "web-page": "url"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def summary(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "iri": row["service"], "labels": labels(row)}


def list_services(kg: KnowledgeGraph, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of service summaries, ordered by id."""
    return {
        "total": len(kg.services),
        "limit": limit,
        "offset": offset,
        "items": [summary(row) for row in kg.services[offset : offset + limit]],
    }


def _texts(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    names = {
        DCT + "title": "labels",
        DCT + "description": "descriptions",
        PP + "scheduleNote": "schedule",
        PP + "unnamedNextStep": "unnamed_next_step",
    }
    all_rows = kg.select("service", {"service": service_id})
    for prop, name in names.items():
        rows = [r for r in all_rows if r["property"] == prop]
        if name != "labels" and not rows:
            continue
        texts = {lang: next((r["text"] for r in rows if r["lang"] == lang), None) for lang in vocab.LANGS}
        out[name] = texts
        out[name + "_sources" if name != "labels" else "label_sources"] = citations(kg, rows)
        if name == "labels":
            out["translated"] = sorted({r["lang"] for r in rows if r.get("translated")})
    return out


def _parts(kg: KnowledgeGraph, service_id: str, iri: str) -> dict[str, Any]:
    """Each part of a service with its items, its cited sources and whether the reading found it stated."""
    cited = claims(kg)
    rows = kg.select("service-facts", {"service": service_id})
    parts: dict[str, Any] = {name: {"known": False, "items": [], "sources": []} for name in PARTS.values()}
    for prop, name in PARTS.items():
        prop_rows = [r for r in rows if r["property"] == prop]
        items: OrderedDict[Any, dict[str, Any]] = OrderedDict()
        for r in prop_rows:
            value = r["value"]
            if isinstance(value, (bool, int)):
                items.setdefault(value, {"value": value})
                continue
            item = items.setdefault(
                value, {"id": r.get("id", value.rsplit("/", 1)[-1]), "iri": value, "labels": labels(r)}
            )
            if r.get("kind") in KINDS:
                item["kind"] = KINDS[r["kind"]]
        parts[name] = {
            "known": bool(items),
            "items": list(items.values()),
            "sources": cited.cite(citations(kg, prop_rows)),
            **cited.claim_of(iri, {prop}),
        }
    return parts


def _channel_rows(kg: KnowledgeGraph) -> dict[str, list[dict[str, Any]]]:
    """The rows of service-channels.rq for every service (one per-build query), by service id."""
    ids = {row["service"]: row["id"] for row in kg.services}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in kg.rows("service-channels"):  # kept here, grouped (kg.memo), not twice
        grouped.setdefault(ids.get(row["service"], ""), []).append(row)
    return grouped


def channels(kg: KnowledgeGraph, service_id: str) -> list[dict[str, Any]]:
    """The service's channels with their hours and sources: as its stored document has them, else from the rows
    of service-channels.rq (the build, making the documents)."""
    stored = kg.stored_channels(service_id)
    if stored is not None:
        return stored
    channels: OrderedDict[str, dict[str, Any]] = OrderedDict()
    rows = kg.memo("channel-rows", lambda: _channel_rows(kg)).get(service_id, [])
    for r in rows:
        ch = channels.setdefault(
            r["id"],
            {
                "id": r["id"],
                "type": r["type"],
                "labels": labels(r),
                "telephone": r.get("telephone"),
                "url": r.get("url"),
                "language": r.get("language"),
                "via_service": r.get("via"),
                "hours": [],
                "sources": [],
            },
        )
        if r.get("day"):
            slot = {"day": r["day"].rsplit("/", 1)[-1], "opens": r["opens"][:5], "closes": r["closes"][:5]}
            if slot not in ch["hours"]:
                ch["hours"].append(slot)
    for ch in channels.values():
        ch["hours"].sort(key=lambda s: WEEKDAYS.index(s["day"]))
        ch["hours_known"] = bool(ch["hours"])
        ch["unknown"] = [name for name in (REACHED_BY.get(ch["type"]),) if name and not ch[name]]
        ch["sources"] = citations(kg, (r for r in rows if r["id"] == ch["id"]))
    return list(channels.values())


def group_requirements(kg: KnowledgeGraph, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of service-requirements.rq / requirements.rq as one dict per criterion, with its sources."""
    out: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
    keys = (
        "acceptsExpecting",
        "minPregnancyWeek",
        "acceptsFamiliesWithChild",
        "childAgeUnderMonths",
        "municipality",
        "clientshipRequired",
    )
    rows_of: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        key = (r.get("serviceId", ""), r["id"])
        rows_of.setdefault(key, []).append(r)
        req = out.setdefault(
            key,
            {
                "id": r["id"],
                "iri": r.get("requirement"),
                "type": r["kind"].rsplit("#", 1)[-1],
                "holder": r["holder"],
                "labels": labels(r),
                "situations": [],
                "previous": [],
                "current": [],
                "sources": [],
            },
        )
        for name in keys:
            if name in r:
                req[name] = r[name]
        for column, listed in (("situation", "situations"), ("previous", "previous"), ("current", "current")):
            if r.get(column) and r[column] not in req[listed]:
                req[listed].append(r[column])
    for (service_id, req_id), req in out.items():
        req["sources"] = citations(kg, rows_of[(service_id, req_id)])
        if service_id:
            req["service"] = service_id
    return list(out.values())


def requirements(kg: KnowledgeGraph, service_id: str) -> list[dict[str, Any]]:
    """Criteria and exclusions of a service (and of a service it is part of), with bounds and sources."""
    return group_requirements(kg, kg.select("service-requirements", {"service": service_id}))


def links(kg: KnowledgeGraph, service_id: str) -> dict[str, list[dict[str, Any]]]:
    rows = kg.select("service-links", {"service": service_id})
    out: dict[str, OrderedDict[str, dict[str, Any]]] = {"downstream": OrderedDict(), "upstream": OrderedDict()}
    for r in rows:
        out[r["direction"]].setdefault(
            r["link"], {"id": r["other"], "labels": labels(r), "kind": r["kind"], "sources": []}
        )
    cited = claims(kg)
    for items in out.values():
        for link_iri, item in items.items():
            item["sources"] = cited.cite(citations(kg, (r for r in rows if r["link"] == link_iri)))
    return {d: list(items.values()) for d, items in out.items()}


def get_service(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    """Everything the graph says about one service; NotFound for an unknown id.

    A build stores every service's answer of this function (graph.navigation.documents), so a loaded
    build answers from it; the queries below run for a graph without stored documents.
    """
    kg.require_service(service_id)
    stored = kg.document(service_id)
    if stored is not None:
        return stored
    row = next(r for r in kg.services if r["id"] == service_id)
    reqs = requirements(kg, service_id)
    cited = claims(kg)
    for req in reqs:
        req.update(cited.claim_of(req.get("iri") or ""), sources=cited.cite(req["sources"]))
    service = {
        "id": service_id,
        "iri": row["service"],
        **_texts(kg, service_id),
        **_parts(kg, service_id, row["service"]),
    }
    service["channels"] = channels(kg, service_id)
    service["eligibility"] = [r for r in reqs if r["type"] != "Exclusion"]
    service["exclusions"] = [r for r in reqs if r["type"] == "Exclusion"]
    service["links"] = links(kg, service_id)
    service.update(currency(kg, service))
    return service
