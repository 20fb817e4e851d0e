"""Open Referral HSDS 3.0 JSON -> the catalogue model: services, organizations, phones, web addresses,
locations, languages, costs and eligibility text, so a directory from another country can be searched
and screened. HSDS texts carry no language: the import is told it (`--lang`, default en)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.context import load_context
from graph.build.importers.criteria import add_requirements
from graph.build.importers.model import Catalogue, Cite, Record, Resource
from graph.build.importers.municipalities import linked, write_municipalities
from graph.build.importers.output import REMOVED_STATUSES, ImportReport, remove_service, save_record, write_report
from graph.build.importers.ptv_v11 import municipality
from graph.build.importers.sources import json_documents
from graph.errors import InvalidParameter

PP, DCT, CV, SCHEMA = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"], vocab.PREFIXES["schema"]
FOAF, ID = vocab.PREFIXES["foaf"], vocab.ID


def _is_service(doc: Any) -> bool:
    return isinstance(doc, dict) and {"id", "name", "status"} <= set(doc) and "location_type" not in doc


def _services(document: Any) -> list[dict[str, Any]]:
    """The services of an HSDS document: one service, a Page of them, or none (other objects)."""
    if isinstance(document, dict) and "contents" in document and "total_items" in document:
        return [s for s in document["contents"] if _is_service(s)]
    return [document] if _is_service(document) else []


def _text(res: Resource, prop: str, doc: dict[str, Any], field_name: str, key: str, lang: str, at: str = "") -> bool:
    value = doc.get(field_name)
    if isinstance(value, str) and len(value) >= 3:
        res.add(prop, (value, lang), Cite(key, f"{at}{field_name}", value))
        return True
    return False


def _channel(
    cat: Catalogue, svc: Resource, sid: str, kind: str, n: int, key: str, at: str, title: str, lang: str
) -> Resource:
    res = cat.resource(f"{ID}channel/hsds-{sid}-{kind}-{n}", CV + "Channel", identifier=f"hsds-{sid}-{kind}-{n}")
    res.add(DCT + "type", vocab.CONCEPT + kind, Cite(key, at, title))
    res.add(DCT + "title", (title, lang), Cite(key, at, title))
    svc.add(CV + "hasChannel", res.iri, Cite(key, at, title))
    return res


def service(cat: Catalogue, doc: dict[str, Any], lang: str) -> str | None:
    """One HSDS service (full or list form) into the catalogue; None when it lacks a description."""
    sid = str(doc["id"])
    key = cat.record(
        Record(
            f"hsds-service-{sid}",
            f"hsds/service-{sid}.json",
            str(doc["name"]),
            doc.get("last_modified"),
            "hsds-service",
        )
    )
    if not isinstance(doc.get("description"), str) or len(doc["description"]) < 3:
        cat.skipped.append(f"{key}: no description; not imported")
        return None
    svc = cat.resource(vocab.SERVICE + sid, PP + "Service", identifier=sid)
    _text(svc, DCT + "title", doc, "name", key, lang)
    _text(svc, DCT + "description", doc, "description", key, lang)
    if doc.get("last_modified"):
        stamp = str(doc["last_modified"])
        svc.add(
            DCT + "modified",
            ox.Literal(stamp, datatype=ox.NamedNode(vocab.PREFIXES["xsd"] + "dateTime")),
            Cite(key, "last_modified", stamp),
        )
    org = doc.get("organization") or {}
    if org.get("id") and isinstance(org.get("name"), str):
        res = cat.resource(f"{ID}organisation/{org['id']}", FOAF + "Organization", identifier=str(org["id"]))
        _text(res, DCT + "title", org, "name", key, lang, "organization.")
        if isinstance(org.get("description"), str) and len(org["description"]) >= 3:
            res.add(
                DCT + "description",
                ox.Literal(org["description"]),
                Cite(key, "organization.description", org["description"]),
            )
        svc.add(PP + "providedBy", res.iri, Cite(key, "organization.id", str(org["id"])))
    for n, phone in enumerate(doc.get("phones") or []):
        number = str(phone.get("number") or "").strip('"').strip()
        if 5 <= len(number) <= 20 and all(c.isdigit() or c == " " for c in number.lstrip("+")):
            ch = _channel(cat, svc, sid, "phone", n, key, f"phones[{n}].number", str(phone["number"]), lang)
            ch.add(SCHEMA + "telephone", ox.Literal(number), Cite(key, f"phones[{n}].number", str(phone["number"])))
    if isinstance(doc.get("url"), str) and doc["url"]:
        ch = _channel(cat, svc, sid, "web-page", 0, key, "url", doc["url"], lang)
        ch.add(SCHEMA + "url", ox.NamedNode(doc["url"]).value, Cite(key, "url", doc["url"]))
    for n, code in enumerate(lg.get("code") for lg in doc.get("languages") or []):
        if code in vocab.LANGUAGE_CODES:
            svc.add(
                DCT + "language",
                vocab.LANGUAGE + vocab.LANGUAGE_CODES[code],
                Cite(key, f"languages[{n}].code", code)
                if len(code) >= 3
                else Cite(
                    key, f"languages[{n}]", json.dumps(doc["languages"][n], ensure_ascii=False, separators=(",", ":"))
                ),
            )
    for n, sal in enumerate(doc.get("service_at_locations") or []):
        loc = sal.get("location") or {}
        if not loc.get("id") or not isinstance(loc.get("name"), str):
            continue
        place = cat.resource(f"{ID}place/{loc['id']}", PP + "Place", identifier=str(loc["id"]))
        _text(place, DCT + "title", loc, "name", key, lang, f"service_at_locations[{n}].location.")
        if isinstance(loc.get("latitude"), (int, float)) and isinstance(loc.get("longitude"), (int, float)):
            place.add(
                SCHEMA + "latitude",
                float(loc["latitude"]),
                Cite(key, f"service_at_locations[{n}].location.latitude", str(loc["latitude"])),
            )
            place.add(
                SCHEMA + "longitude",
                float(loc["longitude"]),
                Cite(key, f"service_at_locations[{n}].location.longitude", str(loc["longitude"])),
            )
        svc.add(PP + "location", place.iri, Cite(key, f"service_at_locations[{n}].location.id", str(loc["id"])))
    for n, area in enumerate(doc.get("service_areas") or []):
        code = str(area.get("extent") or "")
        if code.isdigit() and len(code) == 3:
            iri = municipality(cat, load_context(), code, Cite(key, f"service_areas[{n}].extent", code))
            if iri:
                svc.add(DCT + "spatial", iri, Cite(key, f"service_areas[{n}].extent", code))
    _cost(cat, svc, doc, key, sid, lang)
    if isinstance(doc.get("eligibility_description"), str):
        add_requirements(
            cat,
            load_context(),
            svc,
            sid,
            key,
            [(doc["eligibility_description"], lang, "eligibility_description")],
            municipality,
        )
    for name in ("minimum_age", "maximum_age", "schedules", "attributes"):
        if doc.get(name) not in (None, []):
            cat.skipped.append(f"{key}: {name} kept in the record only (no perhepolku mapping)")
    return svc.iri


def _cost(cat: Catalogue, svc: Resource, doc: dict[str, Any], key: str, sid: str, lang: str) -> None:
    for n, option in enumerate(doc.get("cost_options") or []):
        amount = option.get("amount")
        if not isinstance(amount, (int, float)):
            continue
        text = " ".join(str(option.get(f) or "") for f in ("option", "amount_description")).strip()
        cite = Cite(key, f"cost_options[{n}]", json.dumps(option, ensure_ascii=False, separators=(",", ":")))
        cost = cat.resource(
            f"{ID}cost/hsds-{sid}-{n}", PP + ("NoCharge" if amount == 0 else "Fee"), identifier=f"hsds-{sid}-{n}"
        )
        cost.add(DCT + "description", (f"{text} {amount} {option.get('currency') or ''}".strip(), lang), cite)
        svc.add(CV + "hasCost", cost.iri, cite)


def import_hsds(sources: list[Path], out: Path, lang: str = "en") -> dict[str, Any]:
    """Import every HSDS service of the files and folders into `out` (one Turtle file per service)."""
    if lang not in vocab.LANGS:
        raise InvalidParameter("lang must be fi, sv or en", field="lang")
    report, codes = ImportReport(), set[str]()
    out.mkdir(parents=True, exist_ok=True)
    for document in json_documents(sources):
        for doc in _services(document):
            sid = str(doc.get("id"))
            if doc.get("status") in REMOVED_STATUSES:
                if remove_service(out, f"hsds-service-{sid}.ttl", f"hsds/service-{sid}.json"):
                    report.removed.append(sid)
                continue
            cat = Catalogue()
            if service(cat, doc, lang) is None:
                report.skipped += cat.skipped
                continue
            (out / f"hsds-service-{sid}.ttl").write_bytes(cat.turtle())
            save_record(out, f"hsds/service-{sid}.json", doc)
            codes |= linked(cat)
            report.imported.append(sid)
            report.skipped += cat.skipped
    write_municipalities(out, load_context(), codes)
    write_report(out, report)
    return report.dump()
