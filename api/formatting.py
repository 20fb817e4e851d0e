"""Text renderings of reports for the command line: table, CSV, JSON and Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

COLUMNS = ("kind", "title", "services", "situations", "sources")


def _cells(item: dict[str, Any]) -> list[str]:
    return [
        item["kind"],
        item["title"],
        " ".join(item["services"]),
        " ".join(item["situations"]),
        " | ".join(f"{s['document']}: {s['quote']}" for s in item["sources"]),
    ]


def format_gaps(report: dict[str, Any], fmt: str) -> str:
    """The gap report as `table`, `csv`, `json` or `markdown`."""
    items = report["items"]
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS + ("detail",))
        for item in items:
            writer.writerow(_cells(item) + [item["detail"]])
        return out.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for item in items:
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(item)) + " |")
        return "\n".join(lines) + "\n"
    width = max((len(i["kind"]) for i in items), default=4)
    lines = [f"{item['kind']:<{width}}  {item['title']}" for item in items]
    lines.append(f"{len(items)} gaps: " + ", ".join(f"{k} {v}" for k, v in report["counts"].items()))
    return "\n".join(lines) + "\n"
