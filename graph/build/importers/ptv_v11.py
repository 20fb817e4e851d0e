"""PTV Open API v11 records -> the catalogue model (services, channels, organisations, places, criteria).

The module that knows v11's service fields (ptv_v11_channels knows its channel fields). v12 would be one
more module beside them that fills the same `Catalogue`. Every fact cites the record's id, the JSON path of the field and a verbatim quote of it.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.context import Context
from graph.build.importers.criteria import add_requirements
from graph.build.importers.model import Catalogue, Cite, Resource
from graph.build.importers.ptv_v11_channels import Connection, channel, cost, one_per_language, record_key, texts
from graph.build.importers.sources import Records

PP, DCT, CV = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"]
SKOS, XSD = vocab.PREFIXES["skos"], vocab.PREFIXES["xsd"]
FOAF = vocab.PREFIXES["foaf"]
ID = vocab.ID
PUBLIC = {"Municipality", "State", "RegionalOrganization", "Region", "SotePublic", "WellbeingServiceCounty"}
PUBLISHED = "Published"
NATIONWIDE = ("Nationwide", "NationwideExceptAland")


def municipality(cat: Catalogue, ctx: Context, code: str, cite: Cite) -> str | None:
    """The IRI of a municipality code (described once for the folder, in its municipalities.ttl); None if
    the code is not one of Finland's."""
    if code not in ctx.municipalities:
        cat.skipped.append(f"{cite.record}: municipality code {code!r} is not one of Finland's 309")
        return None
    return vocab.MUNICIPALITY + code


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
        linked = {v for p, v, _ in svc.facts if p == DCT + "spatial"}  # once, not a scan per municipality
        for code in sorted(ctx.municipalities.keys() - leave_out):
            iri = vocab.MUNICIPALITY + code
            if iri not in linked:
                svc.add(DCT + "spatial", iri, cite)
                cite = None


def _cost(svc: Resource, cat: Catalogue, rec: dict[str, Any], key: str, rid: str) -> None:
    charge = rec.get("serviceChargeType")
    cite = Cite(key, "serviceChargeType", str(charge))
    infos = texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"ChargeTypeAdditionalInfo"})
    made = cost(cat, charge, infos, cite, "ptv-" + rid)
    if made:
        svc.add(CV + "hasCost", made, cite)


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
            okey = record_key(cat, "organization", full, str(org.get("name") or oid))
            one_per_language(
                res, DCT + "title", texts(full.get("organizationNames"), "organizationNames", {"Name"}), okey
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


def service(cat: Catalogue, ctx: Context, records: Records, rec: dict[str, Any]) -> str:
    """One v11 service record (published) into the catalogue; returns the service's IRI."""
    rid = str(rec["id"])
    names = texts(rec.get("serviceNames"), "serviceNames", {"Name"})
    key = record_key(cat, "service", rec, names[0][0] if names else rid)
    svc = cat.resource(vocab.SERVICE + "ptv-" + rid, PP + "Service", identifier="ptv-" + rid)
    one_per_language(svc, DCT + "title", names, key)
    descriptions = texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"Description"})
    one_per_language(
        svc,
        DCT + "description",
        descriptions or texts(rec.get("serviceDescriptions"), "serviceDescriptions", {"Summary"}),
        key,
    )
    one_per_language(
        svc, PP + "alternativeName", texts(rec.get("serviceNames"), "serviceNames", {"AlternativeName"}), key
    )
    for kind, prop in (("Summary", "summary"), ("UserInstruction", "userInstruction")):
        one_per_language(svc, PP + prop, texts(rec.get("serviceDescriptions"), "serviceDescriptions", {kind}), key)
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
    _cost(svc, cat, rec, key, rid)
    _area(cat, ctx, svc, rec, key)
    _organization(cat, records, svc, rec, key, names[0][1] if names else "fi")
    for n, link in enumerate(rec.get("serviceChannels") or []):
        cid = str((link.get("serviceChannel") or {}).get("id") or "")
        conn = Connection(key, f"serviceChannels[{n}]", rid, link)
        made = channel(cat, records.channels[cid], conn) if cid in records.channels else None
        if made is None:
            cat.skipped.append(f"{key}: channel {cid} is not among the saved records (or of a type not imported)")
            continue
        cite = Cite(key, f"serviceChannels[{n}].serviceChannel.id", cid)
        svc.add(CV + "hasChannel", made[0], cite)
        if made[1]:
            svc.add(PP + "location", made[1], cite)
    add_requirements(cat, ctx, svc, rid, key, texts(rec.get("requirements"), "requirements"), municipality)
    return svc.iri
