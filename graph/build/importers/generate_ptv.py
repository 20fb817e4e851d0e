"""`perhepolku generate --format ptv`: synthetic PTV Open API v11 records at national scale.

Services modelled on the seed services (their Finnish sentences), spread over Finland's 309
municipalities, each with a phone channel (with hours) and a service location (street address and
TM35FIN coordinates), an organisation per municipality, and requirement sentences the rules read.
Saved as GUID pages (`itemList`) of 1,000 records, as a county would save its PTV responses.
Deterministic for a given seed. The records are synthetic: they describe no real service.
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path
from typing import Any

from graph.build.importers.context import load_context

KR, KE = "http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/", "http://uri.suomi.fi/codelist/ptv/ptvelti/code/"
P = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/"
TEMPLATES = [
    ("Terapeuttinen vauvaperhetyö", "Terapeuttisessa vauvaperhetyössä tuetaan ja hoidetaan lasta odottavia perheitä.",
     "Palveluun voi hakeutua aikaisintaan raskausviikolla {week}. Palvelu on tarkoitettu alle {years}-vuotiaiden lasten perheille.", "P5.7"),
    ("Perhetyö", "Perhetyö on lapsiperheille annettavaa kotiin vietävää tukea arjen sujumiseksi.",
     "Perhetyöhön tarvitaan lähete neuvolasta tai lastensuojelusta.", "P3.5"),
    ("Perhevalmennus", "Perhevalmennuksessa perheet tapaavat ennen vauvan syntymää kolme kertaa.",
     "Perhevalmennukseen voi osallistua raskausviikolla {week} alkaen.", "P3.2"),
    ("Vauvaperheiden vertaisryhmä", "Vertaisryhmässä vanhemmat jakavat kokemuksiaan vauva-arjesta.",
     "Ryhmään voi tulla ilman lähetettä. Ryhmä kokoontuu torstaisin.", "P4.12"),
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _channels(rng: random.Random, code: str, name: str, modified: str) -> list[dict[str, Any]]:
    phone = {"id": _id(rng), "serviceChannelType": "Phone", "serviceChannelNames": [
        {"language": "fi", "type": "Name", "value": f"{name}: puhelinpalvelu"}], "serviceChannelDescriptions": [],
        "phoneNumbers": [{"type": "Phone", "prefixNumber": "+358", "number": f"0{rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                          "isFinnishServiceNumber": False, "language": "fi"}],
        "languages": ["fi"], "webPages": [], "publishingStatus": "Published", "modified": modified,
        "serviceHours": [{"serviceHourType": "DaysOfTheWeek", "isClosed": False, "isAlwaysOpen": False,
                          "openingHour": [{"dayFrom": d, "dayTo": None, "from": "09:00", "to": "15:00"} for d in DAYS]}]}  # fmt: skip
    place = {"id": _id(rng), "serviceChannelType": "ServiceLocation", "serviceChannelNames": [
        {"language": "fi", "type": "Name", "value": f"Perhekeskus {name}"}], "serviceChannelDescriptions": [],
        "addresses": [{"type": "Location", "subType": "Single", "streetAddress": {
            "street": [{"language": "fi", "value": "Keskuskatu"}], "streetNumber": str(rng.randint(1, 99)),
            "postalCode": f"{rng.randint(0, 99):02d}{rng.randint(100, 999)}", "postOffice": [{"language": "fi", "value": name.upper()}],
            "municipality": {"code": code}, "latitude": str(rng.randint(6_650_000, 7_700_000)), "longitude": str(rng.randint(100_000, 700_000))}}],
        "phoneNumbers": [], "languages": ["fi"], "webPages": [], "serviceHours": [], "publishingStatus": "Published", "modified": modified}  # fmt: skip
    return [phone, place]


def generate_ptv(services: int, seed: int, out: Path) -> dict[str, int]:
    """Write OUT/services-NNN.json and OUT/channels-NNN.json (GUID pages); return counts."""
    rng = random.Random(seed)
    muns = load_context().municipalities
    codes = sorted(muns)
    out.mkdir(parents=True, exist_ok=True)
    records: list[dict[str, Any]] = []
    channels: list[dict[str, Any]] = []
    orgs = {code: _id(rng) for code in codes}
    for n in range(services):
        code = codes[n % len(codes)]
        name, description, requirement, service_class = TEMPLATES[n % len(TEMPLATES)]
        place_name = muns[code]["fi"]
        modified = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T08:00:00Z"
        links = _channels(rng, code, place_name, modified)
        channels += links
        records.append({
            "id": _id(rng), "type": "Service", "serviceChargeType": rng.choice(["FreeOfCharge", "Chargeable"]),
            "serviceNames": [{"language": "fi", "type": "Name", "value": f"{name}, {place_name}"}],
            "serviceDescriptions": [{"language": "fi", "type": "Description", "value": description}],
            "areaType": "LimitedType", "areas": [{"type": "Municipality", "code": code, "municipalities": []}],
            "languages": ["fi"], "serviceClasses": [{"uri": P + service_class}], "targetGroups": [{"uri": KR + "KR1.2"}],
            "lifeEvents": [{"uri": KE + "KE1"}], "ontologyTerms": [],
            "requirements": [{"language": "fi", "value": requirement.format(week=rng.choice([12, 20, 24]), years=rng.choice([1, 2, 3]))}],
            "serviceChannels": [{"serviceChannel": {"id": c["id"]}} for c in links],
            "organizations": [{"organization": {"id": orgs[code], "name": f"{place_name}: perhepalvelut"}, "roleType": "Responsible"}],
            "publishingStatus": "Published", "modified": modified,
        })  # fmt: skip
    for kind, items in (("services", records), ("channels", channels)):
        for page, start in enumerate(range(0, len(items), 1000), start=1):
            chunk = items[start : start + 1000]
            body = {"pageNumber": page, "pageSize": 1000, "pageCount": -(-len(items) // 1000), "itemList": chunk}
            (out / f"{kind}-{page:03d}.json").write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return {"services": len(records), "channels": len(channels), "municipalities": len(codes)}
