"""HSDS 3.0 documents of the perhepolku profile, each built field by field from the domain answers.

Nothing is passed through: every HSDS field is named here, so a new field in a domain answer (a
citation's title, say) never leaks into a document the HSDS schemas check with additionalProperties false.
"""

from __future__ import annotations

from typing import Any

from graph.hsds.ids import as_uri, hsds_id, joint_id, pick
from graph.hsds.index import HsdsIndex, ServiceEntry
from graph.navigation import get_service
from graph.store.knowledge import KnowledgeGraph

DAYS = {"Monday": "MO", "Tuesday": "TU", "Wednesday": "WE", "Thursday": "TH", "Friday": "FR", "Saturday": "SA"}
DAYS["Sunday"] = "SU"
TERM_PARTS = (
    "target_groups",
    "life_events",
    "service_classes",
    "service_level",
    "work_forms",
    "situations",
    "access_routes",
)


def _put(doc: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Set the fields that have a value (HSDS leaves unknown fields out rather than null)."""
    doc.update({k: v for k, v in fields.items() if v is not None and v != ""})
    return doc


def cited(text: str | None, sources: list[dict[str, Any]]) -> str | None:
    """A text followed by the verbatim source quotes that back it, each naming its document."""
    quotes = [f'"{s["quote"]}" [{s["document"]}]' for s in sources if s.get("quote")]
    parts = [t for t in [text, *quotes] if t]
    return "\n".join(parts) or None


def taxonomy_term(index: HsdsIndex, uuid: str, lang: str) -> dict[str, Any]:
    term = index.terms[uuid]
    name = pick(term["labels"], lang) or term["id"]
    parent = next((index.term_of_iri.get(i["iri"]) for i in index.terms.values() if i["id"] in term["broader"]), None)
    doc = {"id": uuid, "code": term["id"], "name": name, "description": name}
    return _put(
        doc,
        parent_id=parent,
        taxonomy=term["scheme"],
        taxonomy_id=term["taxonomy_id"],
        term_uri=as_uri(term["iri"]),
        language=lang,
    )


def taxonomy(index: HsdsIndex, uuid: str) -> dict[str, Any]:
    scheme = index.taxonomies[uuid]
    return {
        "id": uuid,
        "name": scheme["id"],
        "description": f"perhepolku concept scheme {scheme['id']}",
        "uri": as_uri(scheme["iri"]),
    }


def organization(index: HsdsIndex, uuid: str, lang: str) -> dict[str, Any]:
    org = index.organizations[uuid]
    name = pick(org["labels"], lang) or ""
    # HSDS requires a description; where the graph has none the name stands in (it states nothing new)
    doc = {"id": uuid, "name": name, "description": org.get("description") or name}
    return _put(doc, website=as_uri(org["url"]) if org.get("url") else None, uri=as_uri(org["iri"]))


def location(index: HsdsIndex, uuid: str, lang: str, organization_id: str | None = None) -> dict[str, Any]:
    place = index.places[uuid]
    doc = _put({"id": uuid, "location_type": "physical"}, name=pick(place["labels"], lang))
    _put(doc, organization_id=organization_id, latitude=place.get("latitude"), longitude=place.get("longitude"))
    return doc


def addresses(index: HsdsIndex, uuid: str) -> list[dict[str, Any]]:
    place = index.places[uuid]
    if not place.get("street"):
        return []
    return [
        {
            "id": joint_id(place["iri"], "address"),
            "location_id": uuid,
            "address_1": place["street"],
            "city": place.get("locality") or "",
            "state_province": "",
            "postal_code": place.get("postalCode") or "",
            "country": "FI",
            "address_type": "physical",
        }
    ]


def service_brief(index: HsdsIndex, entry: ServiceEntry, svc: dict[str, Any], lang: str) -> dict[str, Any]:
    """The one-to-one fields of a service (the list form), with its organisation."""
    org_id = index.org_of_iri.get(entry.provider or "")
    web = next((c["url"] for c in svc["channels"] if c.get("url")), None)
    reqs = svc["eligibility"] + svc["exclusions"]
    months = [r["childAgeUnderMonths"] for r in svc["eligibility"] if r.get("childAgeUnderMonths")]
    cost = svc["cost"]["items"]
    doc: dict[str, Any] = {"id": entry.uuid, "name": pick(svc["labels"], lang) or entry.slug, "status": "active"}
    _put(
        doc,
        organization_id=org_id,
        description=pick(svc.get("descriptions", {}), lang),
        url=as_uri(web) if web else None,
        alternate_name=pick(entry.extra.get("alternativeName", {}), lang),
        application_process=pick(entry.extra.get("userInstruction", {}), lang)
        or "; ".join(filter(None, (pick(i["labels"], lang) for i in svc["access_routes"]["items"]))),
        fees_description=cited(
            "; ".join(filter(None, (pick(i["labels"], lang) for i in cost))), svc["cost"]["sources"]
        ),
        eligibility_description="\n".join(filter(None, (cited(pick(r["labels"], lang), r["sources"]) for r in reqs))),
        maximum_age=round(max(months) / 12, 2) if months else None,
        last_modified=entry.modified,
    )
    if org_id:
        doc["organization"] = organization(index, org_id, lang)
    return doc


def _attributes(index: HsdsIndex, entry: ServiceEntry, svc: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    links: list[tuple[str, str]] = [(i["iri"], part) for part in TERM_PARTS for i in svc[part]["items"]]
    for req in svc["eligibility"] + svc["exclusions"]:
        kind = "excluded" if req["type"] == "Exclusion" else "required"
        links += [(index.slug_iri.get(s, ""), kind) for s in req.get("situations", [])]
    out, seen = [], set()
    for iri, value in links:
        term = index.term_of_iri.get(iri)
        if term and (term, value) not in seen:
            seen.add((term, value))
            out.append(
                {
                    "id": joint_id(entry.iri, iri, value),
                    "link_id": entry.uuid,
                    "link_type": value,
                    "link_entity": "service",
                    "taxonomy_term_id": term,
                    "value": value,
                    "taxonomy_term": taxonomy_term(index, term, lang),
                }
            )
    return out


def _channels(entry: ServiceEntry, svc: dict[str, Any], lang: str) -> tuple[list[Any], list[Any]]:
    phones, schedules = [], []
    for ch in svc["channels"]:
        name = pick(ch["labels"], lang)
        if ch.get("telephone"):
            phone = _put(
                {
                    "id": joint_id(entry.iri, ch["id"]),
                    "service_id": entry.uuid,
                    "number": ch["telephone"],
                    "type": "voice",
                },
                description=name,
            )
            if ch.get("language"):
                phone["languages"] = [{"id": joint_id(entry.iri, ch["id"], ch["language"]), "code": ch["language"]}]
            phones.append(phone)
        for slot in ch["hours"]:
            schedules.append(
                _put(
                    {
                        "id": joint_id(entry.iri, ch["id"], slot["day"], slot["opens"]),
                        "service_id": entry.uuid,
                        "freq": "WEEKLY",
                        "wkst": "MO",
                        "byday": DAYS[slot["day"]],
                        "opens_at": slot["opens"] + ":00",
                        "closes_at": slot["closes"] + ":00",
                    },
                    description=name,
                    notes=slot.get("note"),
                )
            )
    return phones, schedules


def service_full(kg: KnowledgeGraph, index: HsdsIndex, entry: ServiceEntry, lang: str) -> dict[str, Any]:
    """The fully nested HSDS service: GET /hsds/services/{id}."""
    svc = get_service(kg, entry.slug)
    doc = service_brief(index, entry, svc, lang)
    phones, schedules = _channels(entry, svc, lang)
    doc["phones"], doc["schedules"] = phones, schedules
    doc["service_areas"] = [
        {
            "id": joint_id(entry.iri, i["iri"]),
            "service_id": entry.uuid,
            "name": pick(i["labels"], lang) or i["id"],
            "extent": i["id"],
            "extent_type": "text",
            "uri": as_uri(i["iri"]),
        }
        for i in svc["area"]["items"]
    ]
    doc["service_at_locations"] = [
        service_at_location(index, entry, index.place_of_iri[p], lang) for p in entry.places if p in index.place_of_iri
    ]
    doc["languages"] = [
        _put(
            {"id": joint_id(entry.iri, i["iri"]), "service_id": entry.uuid, "code": i["id"]},
            name=pick(i["labels"], lang),
        )
        for i in svc["languages"]["items"]
    ]
    doc["cost_options"] = [
        _put(
            {"id": hsds_id(i["iri"]), "service_id": entry.uuid},
            option=pick(i["labels"], lang),
            amount=0 if i.get("kind") == "free" else None,
            currency="EUR" if i.get("kind") == "free" else None,
        )
        for i in svc["cost"]["items"]
    ]
    doc["attributes"] = _attributes(index, entry, svc, lang)
    doc.update(funding=[], required_documents=[], contacts=[], metadata=[])
    return doc


def service_at_location(index: HsdsIndex, entry: ServiceEntry, place: str, lang: str) -> dict[str, Any]:
    org = index.org_of_iri.get(entry.provider or "")
    loc = location(index, place, lang, org)
    if addresses(index, place):
        loc["addresses"] = addresses(index, place)
    return {
        "id": joint_id(entry.iri, index.places[place]["iri"]),
        "service_id": entry.uuid,
        "location_id": place,
        "location": loc,
    }
