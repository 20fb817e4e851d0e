"""`perhepolku export hsds-csv DIR`: the HSDS 3.0 tabular form, one CSV per table of the specification's
data package (its columns, in its order) and the data package itself beside them."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph import vocab
from graph.hsds import directory, documents
from graph.hsds.ids import hsds_id
from graph.hsds.index import hsds_index
from graph.store.knowledge import KnowledgeGraph

DATAPACKAGE = Path(__file__).resolve().parents[1] / "data" / "hsds" / "datapackage.json"
UNKNOWN = hsds_id(vocab.ID + "organisation/not-named")
UNKNOWN_NAMES = {
    "fi": "Järjestäjää ei mainita lähteissä",
    "sv": "Anordnaren nämns inte i källorna",
    "en": "Provider not named in the sources",
}


def _cell(value: Any) -> str:
    if value is None or isinstance(value, (list, dict)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rows(kg: KnowledgeGraph, lang: str) -> dict[str, list[dict[str, Any]]]:
    index = hsds_index(kg)
    tables: dict[str, dict[str, dict[str, Any]]] = {}

    def put(table: str, *docs: dict[str, Any]) -> None:
        for doc in docs:
            tables.setdefault(table, {}).setdefault(doc["id"], doc)

    for entry in directory.matching(index, directory.Filters()):
        svc = documents.service_full(kg, index, entry, lang)
        if "organization_id" not in svc:  # the table requires one: a row that says the sources name none
            svc["organization_id"] = UNKNOWN
            put("organization", {"id": UNKNOWN, "name": UNKNOWN_NAMES[lang], "description": UNKNOWN_NAMES[lang]})
        put("service", svc)
        put("phone", *svc["phones"])
        put("schedule", *svc["schedules"])
        put("service_area", *svc["service_areas"])
        put("language", *svc["languages"])
        put("cost_option", *svc["cost_options"])
        put("attribute", *svc["attributes"])
        for sal in svc["service_at_locations"]:
            put("service_at_location", sal)
            put("location", sal["location"])
            put("address", *sal["location"].get("addresses", []))
    put("organization", *(documents.organization(index, u, lang) for u in sorted(index.organizations)))
    put("taxonomy", *(documents.taxonomy(index, u) for u in sorted(index.taxonomies)))
    put("taxonomy_term", *(documents.taxonomy_term(index, u, lang) for u in sorted(index.terms)))
    return {name: list(docs.values()) for name, docs in tables.items()}


def _resources() -> Iterator[dict[str, Any]]:
    yield from json.loads(DATAPACKAGE.read_text(encoding="utf-8"))["resources"]


def export_csv(kg: KnowledgeGraph, folder: Path, lang: str = "fi") -> dict[str, int]:
    """Write every table (empty ones with their header) and datapackage.json; return rows per table."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = _rows(kg, lang)
    counts = {}
    for resource in _resources():
        fields = [f["name"] for f in resource["schema"]["fields"]]
        with (folder / resource["path"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(fields)
            for doc in rows.get(resource["name"], []):
                writer.writerow([_cell(doc.get(name)) for name in fields])
        counts[resource["name"]] = len(rows.get(resource["name"], []))
    shutil.copyfile(DATAPACKAGE, folder / "datapackage.json")
    return counts
