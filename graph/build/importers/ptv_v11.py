"""PTV Open API v11 records -> the catalogue model (services, channels, organisations, places, criteria).

The one module that knows v11's field names. v12 would be one more module beside it that fills the same
`Catalogue`. Every fact cites the record's id, the JSON path of the field and a verbatim quote of it.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.context import Context
from graph.build.importers.coordinates import parse_point
from graph.build.importers.criteria import add_requirements
from graph.build.importers.hours import slots
from graph.build.importers.model import Catalogue, Cite, Record, Resource
from graph.build.importers.sources import Records

PP, DCT, CV = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"]
SCHEMA, SKOS, XSD = vocab.PREFIXES["schema"], vocab.PREFIXES["skos"], vocab.PREFIXES["xsd"]
FOAF = vocab.PREFIXES["foaf"]
ID = vocab.ID
CHANNEL_TYPES = {"Phone": "phone", "WebPage": "web-page", "EChannel": "web-page", "ServiceLocation": "service-location"}
PUBLIC = {"Municipality", "State", "RegionalOrganization", "Region", "SotePublic", "WellbeingServiceCounty"}
PUBLISHED = "Published"
NATIONWIDE = ("Nationwide", "NationwideExceptAland")


def _texts(items: list[dict[str, Any]] | None, path: str, types: set[str] | None = None) -> list[tuple[str, str, str]]:
    """(value, language, path of the value) of a PTV localized list, in the interface languages."""
    out = []
    for n, item in enumerate(items or []):
        value, lang = item.get("value"), item.get("language")
        if value and lang in vocab.LANGS and (types is None or item.get("type") in types) and len(value) >= 3:
            out.append((str(value), str(lang), f"{path}[{n}].value"))
    return out


def _one_per_language(res: Resource, prop: str, texts: list[tuple[str, str, str]], key: str) -> None:
    seen = set()
    for value, lang, path in texts:
        if lang not in seen:
            seen.add(lang)
            res.add(prop, (value, lang), Cite(key, path, value))


def _record(cat: Catalogue, kind: str, rec: dict[str, Any], title: str) -> str:
    rid = str(rec["id"])
    return cat.record(Record(f"ptv-{kind}-{rid}", f"ptv/{kind}-{rid}.json", title, rec.get("modified"), f"ptv-{kind}"))


def municipality(cat: Catalogue, ctx: Context, code: str, cite: Cite) -> str | None:
    """The municipality of a code, with its official names (ontology/municipalities.ttl); None if unknown."""
    if code not in ctx.municipalities:
        cat.skipped.append(f"{cite.record}: municipality code {code!r} is not one of Finland's 309")
        return None
    iri = vocab.MUNICIPALITY + code
    res = cat.resource(iri, PP + "Municipality", identifier=code)
    if not res.has(SKOS + "notation"):
        res.add(SKOS + "notation", ox.Literal(code))
        for lang, label in ctx.municipalities[code].items():
            res.add(SKOS + "prefLabel", (label, lang))
    if cite not in res.cites:
        res.cites.append(cite)
    return iri


def _area(cat: Catalogue, ctx: Context, svc: Resource, rec: dict[str, Any], key: str) -> None:
    for n, area in enumerate(rec.get("areas") or []):
        codes = [(area.get("code"), f"areas[{n}].code")] if area.get("type") == "Municipality" else []
        codes += [
            (m.get("code"), f"areas[{n}].municipalities[{k}].code")
            for k, m in enumerate(area.get("municipalities") or [])
        ]
        for code, path in codes:
            if code:
                iri = municipality(cat, ctx, str(code), Cite(key, path, str(code)))
                if iri:
                    svc.add(DCT + "spatial", iri, Cite(key, path, str(code)))
    if rec.get("areaType") in NATIONWIDE:
        # every municipality of Finland (or all but Åland's 16): one citation of areaType supports them all
        cite: Cite | None = Cite(key, "areaType", str(rec["areaType"]))
        leave_out = ctx.aland if rec["areaType"] == "NationwideExceptAland" else frozenset()
        for code in sorted(ctx.municipalities.keys() - leave_out):
            iri = municipality(cat, ctx, code, Cite(key, "areaType", str(rec["areaType"])))
            if iri and not svc.has(DCT + "spatial", iri):
                svc.add(DCT + "spatial", iri, cite)
                cite = None


def _cost(cat: Catalogue, svc: Resource, rec: dict[str, Any], key: str, rid: str) -> None:
    charge = rec.get("serviceChargeType")
    kind = {"FreeOfCharge": "NoCharge", "Free": "NoCharge", "Chargeable": "Fee", "Charged": "Fee"}.get(str(charge))
    if kind is None:
        return
    cite = Cite(key, "serviceChargeType", str(charge))
    cost = cat.resource(ID + "cost/ptv-" + rid, PP + kind, identifier="ptv-" + rid)
    infos = _texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"ChargeTypeAdditionalInfo"})
    if infos:
        _one_per_language(cost, DCT + "description", infos, key)
    else:
        labels = {
            "NoCharge": ("Maksuton", "Avgiftsfri", "Free of charge"),
            "Fee": ("Maksullinen", "Avgiftsbelagd", "Fee"),
        }
        for label, lang in zip(labels[kind], vocab.LANGS):
            cost.add(DCT + "description", (label, lang), cite)
    svc.add(CV + "hasCost", cost.iri, cite)


def _concepts(cat: Catalogue, ctx: Context, svc: Resource, rec: dict[str, Any], key: str) -> None:
    for field_name, prop in (("targetGroups", DCT + "audience"), ("lifeEvents", CV + "isGroupedBy"),
                             ("serviceClasses", CV + "thematicArea")):  # fmt: skip
        for n, concept in enumerate(rec.get(field_name) or []):
            uri = str(concept.get("uri") or "")
            if uri in ctx.concepts:
                svc.add(prop, uri, Cite(key, f"{field_name}[{n}].uri", uri))
            elif uri:
                cat.skipped.append(f"{key}: {field_name} {uri} is not a concept of the ontology")


def _organization(cat: Catalogue, records: Records, svc: Resource, rec: dict[str, Any], key: str, lang: str) -> None:
    links = sorted(enumerate(rec.get("organizations") or []), key=lambda e: e[1].get("roleType") != "Responsible")
    for n, link in links[:1]:
        org = link.get("organization") or {}
        oid = str(org.get("id") or "")
        if not oid:
            continue
        iri = ID + "organisation/ptv-" + oid
        full = records.organizations.get(oid)
        kind = (PP + "NonGovernmentalOrganisation" if full.get("organizationType") == "Organization" else
                CV + "PublicOrganisation" if full.get("organizationType") in PUBLIC else FOAF + "Organization") if full else FOAF + "Organization"  # fmt: skip
        res = cat.resource(iri, kind, identifier="ptv-" + oid)
        if full:
            okey = _record(cat, "organization", full, str(org.get("name") or oid))
            _one_per_language(
                res, DCT + "title", _texts(full.get("organizationNames"), "organizationNames", {"Name"}), okey
            )
        elif org.get("name") and not res.has(DCT + "title"):
            res.add(
                DCT + "title",
                (str(org["name"]), lang),
                Cite(key, f"organizations[{n}].organization.name", str(org["name"])),
            )
        svc.add(PP + "providedBy", iri, Cite(key, f"organizations[{n}].organization.id", oid))
        if kind == CV + "PublicOrganisation" and link.get("roleType") == "Responsible":
            svc.add(CV + "hasCompetentAuthority", iri, Cite(key, f"organizations[{n}].roleType", "Responsible"))


def _telephone(phone: dict[str, Any]) -> str | None:
    number = " ".join(str(phone.get("number") or "").replace("-", " ").split())
    prefix = str(phone.get("prefixNumber") or "").strip()
    if prefix and not number.startswith("0") and not number.startswith("+"):
        number = f"{prefix} {number}"
    return (
        number
        if number and all(c.isdigit() or c == " " for c in number.lstrip("+")) and 5 <= len(number) <= 20
        else None
    )


def channel(cat: Catalogue, ch: dict[str, Any]) -> tuple[str, str | None] | None:
    """A channel record as a cv:Channel (and a pp:Place for a service location); (channel IRI, place IRI)."""
    cid, kind = str(ch["id"]), CHANNEL_TYPES.get(str(ch.get("serviceChannelType")))
    if kind is None:
        return None
    names = _texts(ch.get("serviceChannelNames"), "serviceChannelNames")
    key = _record(cat, "channel", ch, names[0][0] if names else cid)
    res = cat.resource(ID + "channel/ptv-" + cid, CV + "Channel", identifier="ptv-" + cid)
    res.add(DCT + "type", vocab.CONCEPT + kind, Cite(key, "serviceChannelType", str(ch["serviceChannelType"])))
    _one_per_language(res, DCT + "title", names, key)
    for n, phone in enumerate(ch.get("phoneNumbers") or []):
        if (number := _telephone(phone)) and len(str(phone.get("number"))) >= 3:
            res.add(
                SCHEMA + "telephone", ox.Literal(number), Cite(key, f"phoneNumbers[{n}].number", str(phone["number"]))
            )
    for n, page in enumerate(ch.get("webPages") or []):
        try:
            res.add(
                SCHEMA + "url",
                ox.NamedNode(str(page.get("url"))).value,
                Cite(key, f"webPages[{n}].url", str(page["url"])),
            )
        except ValueError:
            cat.skipped.append(f"{key}: webPages[{n}].url is not an IRI")
    for code in ch.get("languages") or []:
        if code in vocab.LANGUAGE_CODES:
            res.add(
                DCT + "language",
                vocab.LANGUAGE + vocab.LANGUAGE_CODES[code],
                Cite(key, "languages", json.dumps(ch["languages"], ensure_ascii=False, separators=(",", ":"))),
            )
    for k, hour in enumerate(ch.get("serviceHours") or []):
        for m, slot in enumerate(slots(hour)):
            _hours(cat, res, key, f"serviceHours[{k}]", slot, f"{res.iri}/hours-{k}-{m}")
    place = _place(cat, ch, key, names) if kind == "service-location" else None
    return res.iri, place


def _hours(cat: Catalogue, channel_res: Resource, key: str, path: str, slot: dict[str, Any], iri: str) -> None:
    spec = cat.resource(iri, SCHEMA + "OpeningHoursSpecification")
    if slot["index"] is not None:
        cite = Cite(key, f"{path}.openingHour[{slot['index']}].from", slot["quote"])
    else:
        cite = Cite(key, f"{path}.{slot['flag']}", "true")
    for day in slot["days"]:
        spec.add(SCHEMA + "dayOfWeek", SCHEMA + day)
    spec.add(SCHEMA + "opens", ox.Literal(slot["opens"], datatype=ox.NamedNode(XSD + "time")), cite)
    spec.add(SCHEMA + "closes", ox.Literal(slot["closes"], datatype=ox.NamedNode(XSD + "time")))
    for name, prop in (("valid_from", "validFrom"), ("valid_to", "validThrough")):
        if slot[name]:
            spec.add(SCHEMA + prop, ox.Literal(str(slot[name])))
    channel_res.add(SCHEMA + "hoursAvailable", iri, cite)


def _place(cat: Catalogue, ch: dict[str, Any], key: str, names: list[tuple[str, str, str]]) -> str:
    cid = str(ch["id"])
    place = cat.resource(ID + "place/ptv-" + cid, PP + "Place", identifier="ptv-" + cid)
    _one_per_language(place, DCT + "title", names, key)
    for n, address in enumerate(ch.get("addresses") or []):
        street = address.get("streetAddress") or {}
        path = f"addresses[{n}].streetAddress"
        streets = _texts(street.get("street"), f"{path}.street")
        if not streets:
            continue
        text = f"{streets[0][0]} {street.get('streetNumber') or ''}".strip()
        addr = cat.resource(place.iri + "/address", SCHEMA + "PostalAddress")
        addr.add(SCHEMA + "streetAddress", ox.Literal(text), Cite(key, streets[0][2], streets[0][0]))
        if street.get("postalCode"):
            addr.add(
                SCHEMA + "postalCode",
                ox.Literal(str(street["postalCode"])),
                Cite(key, f"{path}.postalCode", str(street["postalCode"])),
            )
        offices = _texts(street.get("postOffice"), f"{path}.postOffice")
        if offices:
            addr.add(SCHEMA + "addressLocality", ox.Literal(offices[0][0]), Cite(key, offices[0][2], offices[0][0]))
        place.add(SCHEMA + "address", addr.iri, Cite(key, streets[0][2], streets[0][0]))
        point = parse_point(street.get("latitude"), street.get("longitude"))
        if point:
            place.add(SCHEMA + "latitude", point[0], Cite(key, f"{path}.latitude", str(street["latitude"])))
            place.add(SCHEMA + "longitude", point[1], Cite(key, f"{path}.longitude", str(street["longitude"])))
        break
    return place.iri


def service(cat: Catalogue, ctx: Context, records: Records, rec: dict[str, Any]) -> str:
    """One v11 service record (published) into the catalogue; returns the service's IRI."""
    rid = str(rec["id"])
    names = _texts(rec.get("serviceNames"), "serviceNames", {"Name"})
    key = _record(cat, "service", rec, names[0][0] if names else rid)
    svc = cat.resource(vocab.SERVICE + "ptv-" + rid, PP + "Service", identifier="ptv-" + rid)
    _one_per_language(svc, DCT + "title", names, key)
    descriptions = _texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"Description"})
    _one_per_language(
        svc,
        DCT + "description",
        descriptions or _texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"Summary"}),
        key,
    )
    _one_per_language(
        svc, PP + "alternativeName", _texts(rec.get("serviceNames"), "serviceNames", {"AlternativeName"}), key
    )
    for kind, prop in (("Summary", "summary"), ("UserInstruction", "userInstruction")):
        _one_per_language(svc, PP + prop, _texts(rec.get("serviceDescriptions"), "serviceDescriptions", {kind}), key)
    if rec.get("modified"):
        svc.add(
            DCT + "modified",
            ox.Literal(str(rec["modified"]), datatype=ox.NamedNode(XSD + "dateTime")),
            Cite(key, "modified", str(rec["modified"])),
        )
    for code in rec.get("languages") or []:
        if code in vocab.LANGUAGE_CODES:
            quote = json.dumps(rec["languages"], ensure_ascii=False, separators=(",", ":"))
            svc.add(DCT + "language", vocab.LANGUAGE + vocab.LANGUAGE_CODES[code], Cite(key, "languages", quote))
    _concepts(cat, ctx, svc, rec, key)
    _cost(cat, svc, rec, key, rid)
    _area(cat, ctx, svc, rec, key)
    _organization(cat, records, svc, rec, key, names[0][1] if names else "fi")
    for n, link in enumerate(rec.get("serviceChannels") or []):
        cid = str((link.get("serviceChannel") or {}).get("id") or "")
        made = channel(cat, records.channels[cid]) if cid in records.channels else None
        if made is None:
            cat.skipped.append(f"{key}: channel {cid} is not among the saved records (or of a type not imported)")
            continue
        cite = Cite(key, f"serviceChannels[{n}].serviceChannel.id", cid)
        svc.add(CV + "hasChannel", made[0], cite)
        if made[1]:
            svc.add(PP + "location", made[1], cite)
    add_requirements(cat, ctx, svc, rid, key, _texts(rec.get("requirements"), "requirements"), municipality)
    return svc.iri
