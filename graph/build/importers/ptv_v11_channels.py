"""PTV v11 channel records and service–channel connections -> channels with hours, contacts and places.

A connection (`serviceChannels[n]` of a service record) may carry what holds for that service in that
channel only: `serviceHours` ("List of connection related service hours"), `contactDetails` ("Contact
details for connection"), `serviceChargeType` and `description` (Description, ChargeTypeAdditionalInfo),
as the v11 model documents them (V11VmOpenApiServiceServiceChannel in PTV's Open API). Such a connection
becomes a channel of its own for that service: the channel record's facts, then the connection's, each
cited to its own record and field path. The connection's hours replace the channel's own for that service
(they are the hours of that service there); its phone numbers and web pages are added to the channel's.
Also the localized-text helpers both v11 modules use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.coordinates import parse_point
from graph.build.importers.hours import slots
from graph.build.importers.model import Catalogue, Cite, Record, Resource

PP, DCT, CV = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"]
SCHEMA, XSD, ID = vocab.PREFIXES["schema"], vocab.PREFIXES["xsd"], vocab.ID
CHANNEL_TYPES = {"Phone": "phone", "WebPage": "web-page", "EChannel": "web-page", "ServiceLocation": "service-location"}
CHARGES = {"FreeOfCharge": "NoCharge", "Free": "NoCharge", "Chargeable": "Fee", "Charged": "Fee"}
CHARGE_LABELS = {
    "NoCharge": ("Maksuton", "Avgiftsfri", "Free of charge"),
    "Fee": ("Maksullinen", "Avgiftsbelagd", "Fee"),
}


def texts(items: list[dict[str, Any]] | None, path: str, types: set[str] | None = None) -> list[tuple[str, str, str]]:
    """(value, language, path of the value) of a PTV localized list, in the interface languages."""
    out = []
    for n, item in enumerate(items or []):
        value, lang = item.get("value"), item.get("language")
        if value and lang in vocab.LANGS and (types is None or item.get("type") in types) and len(value) >= 3:
            out.append((str(value), str(lang), f"{path}[{n}].value"))
    return out


def one_per_language(res: Resource, prop: str, found: list[tuple[str, str, str]], key: str) -> None:
    seen = set()
    for value, lang, path in found:
        if lang not in seen:
            seen.add(lang)
            res.add(prop, (value, lang), Cite(key, path, value))


def record_key(cat: Catalogue, kind: str, rec: dict[str, Any], title: str) -> str:
    rid = str(rec["id"])
    return cat.record(Record(f"ptv-{kind}-{rid}", f"ptv/{kind}-{rid}.json", title, rec.get("modified"), f"ptv-{kind}"))


def cost(cat: Catalogue, charge: Any, infos: list[tuple[str, str, str]], cite: Cite, ident: str) -> str | None:
    """A pp:NoCharge or pp:Fee for a PTV charge type, described by its charge information (else a label)."""
    kind = CHARGES.get(str(charge))
    if kind is None:
        return None
    res = cat.resource(ID + "cost/" + ident, PP + kind, identifier=ident)
    if infos:
        one_per_language(res, DCT + "description", infos, cite.record)
    else:
        for label, lang in zip(CHARGE_LABELS[kind], vocab.LANGS):
            res.add(DCT + "description", (label, lang), cite)
    return res.iri


@dataclass(frozen=True)
class Connection:
    """One `serviceChannels[n]` of a service record: the service's own facts in that channel, if any."""

    key: str  # the service record
    path: str  # serviceChannels[n]
    service: str  # the service record's id
    link: dict[str, Any]

    def has_own(self) -> bool:
        contact = self.link.get("contactDetails") or {}
        return bool(
            self.link.get("serviceHours")
            or contact.get("phoneNumbers")
            or contact.get("webPages")
            or self.link.get("serviceChargeType")
            or texts(self.link.get("description"), "description")
        )


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


def _contacts(cat: Catalogue, res: Resource, holder: dict[str, Any], key: str, prefix: str) -> None:
    """Phone numbers and web pages of a channel record (prefix "") or of a connection's contactDetails."""
    for n, phone in enumerate(holder.get("phoneNumbers") or []):
        if (
            (number := _telephone(phone))
            and len(str(phone.get("number"))) >= 3
            and not res.has(SCHEMA + "telephone", ox.Literal(number))
        ):
            res.add(
                SCHEMA + "telephone",
                ox.Literal(number),
                Cite(key, f"{prefix}phoneNumbers[{n}].number", str(phone["number"])),
            )
    for n, page in enumerate(holder.get("webPages") or []):
        try:
            url = ox.NamedNode(str(page.get("url"))).value
        except ValueError:
            cat.skipped.append(f"{key}: {prefix}webPages[{n}].url is not an IRI")
            continue
        if not res.has(SCHEMA + "url", url):
            res.add(SCHEMA + "url", url, Cite(key, f"{prefix}webPages[{n}].url", str(page["url"])))


def _hours(cat: Catalogue, res: Resource, key: str, path: str, hours: list[dict[str, Any]]) -> None:
    for k, hour in enumerate(hours):
        for m, slot in enumerate(slots(hour)):
            iri = f"{res.iri}/hours-{k}-{m}"
            spec = cat.resource(iri, SCHEMA + "OpeningHoursSpecification")
            at = f"{path}[{k}]"
            cite = (
                Cite(key, f"{at}.openingHour[{slot['index']}].from", slot["quote"])
                if slot["index"] is not None
                else Cite(key, f"{at}.{slot['flag']}", "true")
            )
            for day in slot["days"]:
                spec.add(SCHEMA + "dayOfWeek", SCHEMA + day)
            spec.add(SCHEMA + "opens", ox.Literal(slot["opens"], datatype=ox.NamedNode(XSD + "time")), cite)
            spec.add(SCHEMA + "closes", ox.Literal(slot["closes"], datatype=ox.NamedNode(XSD + "time")))
            for name, prop in (("valid_from", "validFrom"), ("valid_to", "validThrough")):
                if slot[name]:
                    spec.add(SCHEMA + prop, ox.Literal(str(slot[name])))
            res.add(SCHEMA + "hoursAvailable", iri, cite)


def _connection(cat: Catalogue, res: Resource, conn: Connection) -> None:
    link, at = conn.link, conn.path
    _contacts(cat, res, link.get("contactDetails") or {}, conn.key, f"{at}.contactDetails.")
    one_per_language(
        res, DCT + "description", texts(link.get("description"), f"{at}.description", {"Description"}), conn.key
    )
    infos = texts(link.get("description"), f"{at}.description", {"ChargeTypeAdditionalInfo"})
    made = cost(
        cat,
        link.get("serviceChargeType"),
        infos,
        Cite(conn.key, f"{at}.serviceChargeType", str(link.get("serviceChargeType"))),
        res.iri.rsplit("/", 1)[-1],
    )
    if made:
        res.add(CV + "hasCost", made, Cite(conn.key, f"{at}.serviceChargeType", str(link["serviceChargeType"])))


def channel(cat: Catalogue, ch: dict[str, Any], conn: Connection | None = None) -> tuple[str, str | None] | None:
    """A channel record as a cv:Channel (and a pp:Place for a service location); (channel IRI, place IRI).
    With a connection that has facts of its own, the channel of that service there (see the module's doc)."""
    cid, kind = str(ch["id"]), CHANNEL_TYPES.get(str(ch.get("serviceChannelType")))
    if kind is None:
        return None
    names = texts(ch.get("serviceChannelNames"), "serviceChannelNames")
    key = record_key(cat, "channel", ch, names[0][0] if names else cid)
    own = conn if conn is not None and conn.has_own() else None
    # the channel of one service there: the channel's id, a dot, the service's id without dashes (80 characters)
    ident = f"ptv-{cid}" + (f".{own.service.replace('-', '')}" if own else "")
    res = cat.resource(ID + "channel/" + ident, CV + "Channel", identifier=ident)
    res.add(DCT + "type", vocab.CONCEPT + kind, Cite(key, "serviceChannelType", str(ch["serviceChannelType"])))
    one_per_language(res, DCT + "title", names, key)
    _contacts(cat, res, ch, key, "")
    for code in ch.get("languages") or []:
        if code in vocab.LANGUAGE_CODES:
            quote = json.dumps(ch["languages"], ensure_ascii=False, separators=(",", ":"))
            res.add(DCT + "language", vocab.LANGUAGE + vocab.LANGUAGE_CODES[code], Cite(key, "languages", quote))
    if own and own.link.get("serviceHours"):
        _hours(cat, res, own.key, f"{own.path}.serviceHours", own.link["serviceHours"])
    else:
        _hours(cat, res, key, "serviceHours", ch.get("serviceHours") or [])
    if own:
        _connection(cat, res, own)
    place = _place(cat, ch, key, names) if kind == "service-location" else None
    return res.iri, place


def _place(cat: Catalogue, ch: dict[str, Any], key: str, names: list[tuple[str, str, str]]) -> str:
    cid = str(ch["id"])
    place = cat.resource(ID + "place/ptv-" + cid, PP + "Place", identifier="ptv-" + cid)
    one_per_language(place, DCT + "title", names, key)
    for n, address in enumerate(ch.get("addresses") or []):
        street = address.get("streetAddress") or {}
        path = f"addresses[{n}].streetAddress"
        streets = texts(street.get("street"), f"{path}.street")
        if not streets:
            continue
        text = f"{streets[0][0]} {street.get('streetNumber') or ''}".strip()
        addr = cat.resource(place.iri + "/address", SCHEMA + "PostalAddress")
        addr.add(SCHEMA + "streetAddress", ox.Literal(text), Cite(key, streets[0][2], streets[0][0]))
        if street.get("postalCode"):
            code = str(street["postalCode"])
            addr.add(SCHEMA + "postalCode", ox.Literal(code), Cite(key, f"{path}.postalCode", code))
        offices = texts(street.get("postOffice"), f"{path}.postOffice")
        if offices:
            addr.add(SCHEMA + "addressLocality", ox.Literal(offices[0][0]), Cite(key, offices[0][2], offices[0][0]))
        place.add(SCHEMA + "address", addr.iri, Cite(key, streets[0][2], streets[0][0]))
        point = parse_point(street.get("latitude"), street.get("longitude"))
        if point:
            place.add(SCHEMA + "latitude", point[0], Cite(key, f"{path}.latitude", str(street["latitude"])))
            place.add(SCHEMA + "longitude", point[1], Cite(key, f"{path}.longitude", str(street["longitude"])))
        break
    return place.iri
