"""`perhepolku import ptv`: saved PTV Open API responses -> Turtle in the perhepolku ontology, incrementally.

The API version is chosen here (v11 now; v12 would be one more mapping module beside `ptv_v11`).
There is no network fetch mode: the import reads files and folders of saved responses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.build.importers import ptv_v11
from graph.build.importers.context import Context, load_context
from graph.build.importers.model import Catalogue
from graph.build.importers.municipalities import linked, write_municipalities
from graph.build.importers.output import (
    REMOVED_STATUSES,
    ImportReport,
    modified_at,
    remove_service,
    save_record,
    write_report,
    write_service,
)
from graph.build.importers.sources import Records, read_records
from graph.errors import InvalidParameter

VERSIONS = {"v11": ptv_v11}


def _save_used(out: Path, records: Records, cat: Catalogue) -> None:
    for record in cat.records.values():
        kind, rid = record.kind.removeprefix("ptv-"), record.key.split("-", 2)[2]
        source = {"service": records.services, "channel": records.channels, "organization": records.organizations}
        save_record(out, record.file, source[kind][rid])


def _filler(mapping: Any, ctx: Context, records: Records, rec: dict[str, Any]) -> Callable[[Catalogue], str]:
    return lambda cat: str(mapping.service(cat, ctx, records, rec))


def import_ptv(
    sources: list[Path], out: Path, *, since: datetime | None = None, version: str = "v11"
) -> dict[str, Any]:
    """Import every published service of the saved responses into `out`; archived or withdrawn ones are
    removed from it; with `since`, records modified before it are left as they are."""
    if version not in VERSIONS:
        raise InvalidParameter(f"PTV API version must be one of {', '.join(VERSIONS)}", field="version")
    mapping = VERSIONS[version]
    records, ctx, report = read_records(sources), load_context(), ImportReport()
    out.mkdir(parents=True, exist_ok=True)
    cutoff = since.replace(tzinfo=None) if since else None
    report.listed_only = len(records.listed_only)
    codes: set[str] = set()
    for rid, rec in sorted(records.services.items()):
        when = modified_at(rec.get("modified"))
        if cutoff and when and when < cutoff:
            report.unchanged += 1
            continue
        status = str(rec.get("publishingStatus") or "Published")
        if status in REMOVED_STATUSES:
            if remove_service(out, f"ptv-service-{rid}.ttl", f"ptv/service-{rid}.json"):
                report.removed.append(rid)
            continue
        if status != mapping.PUBLISHED:
            report.not_published += 1
            continue
        cat = write_service(out, f"ptv-service-{rid}.ttl", _filler(mapping, ctx, records, rec))
        _save_used(out, records, cat)
        codes |= linked(cat)
        report.imported.append(rid)
        report.skipped += cat.skipped
    write_municipalities(out, ctx, codes)
    write_report(out, report)
    return report.dump()
