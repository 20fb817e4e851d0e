"""The gap explorer: gaps by kind with counts, filters, each gap's evidence, CSV and JSON of what is shown.

The page shows PAGE_SIZE gaps from `offset`; its download links give every gap the filters match (the
links say so), and a download asked with `offset` or `limit` gives that page. Texts are in the page's
language (api/web/gaptexts.py); the CSV and JSON keep the ids beside them.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from api.args import int_arg
from api.resources import resources
from api.web import bp
from api.web.fragments import cached_page, kept
from api.web.gaps_view import gaps_form_html
from api.web.gaptexts import gap_text
from api.web.i18n import page_lang
from api.web.listing import coverage_html, gaps_section_html
from api.web.names import GAP_KINDS
from graph.errors import InvalidParameter
from graph.navigation import coverage_matrix, gap_report
from graph.parsing import parse_lang
from graph.store import KnowledgeGraph
from graph.vocab import LANGS

PAGE_SIZE = 50
CSV_COLUMNS = ("kind", "kind_name", "title", "detail", "services", "situations", "sources")


def _report(kg: KnowledgeGraph, municipality: str | None, language: str | None) -> dict[str, Any]:
    """The gap report for one filter, made once per build (it does not change until the next build)."""
    # validates, and one entry per municipality however it is named; the domain function gets the value
    # as given, as from the JSON API (a generated graph's municipalities are not three-digit codes)
    where = kg.municipality_iri(municipality) if municipality is not None else None
    if language is not None and parse_lang("language", language) == "fi":
        raise InvalidParameter("language gaps are reported for sv and en", field="language")
    report: dict[str, Any] = kg.memo(f"web-gaps:{where}:{language}", lambda: gap_report(kg, municipality, language))
    return report


def _labels(row: dict[str, Any]) -> dict[str, Any]:
    return {code: row.get(code) for code in LANGS}


def _csv(items: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for gap in items:
        sources = " | ".join(f"{s['document']}: {s['quote']}" for s in gap["sources"])
        text = gap_text(gap)
        row = [gap["kind"], GAP_KINDS.get(gap["kind"], gap["kind"]), text["title"], text["detail"]]
        writer.writerow(row + [" ".join(gap["services"]), " ".join(gap["situations"]), sources])
    return out.getvalue()


@bp.get("/gaps")
@cached_page
def gaps() -> ResponseReturnValue:
    lang = page_lang()
    kg = resources().kg
    municipality = request.args.get("municipality") or None
    language = request.args.get("language") or None
    kinds = [k for k in request.args.getlist("kind") if k]
    report = _report(kg, municipality, language)
    unknown = sorted(set(kinds) - set(GAP_KINDS))
    if unknown:
        raise InvalidParameter(f"unknown gap kind {unknown[0]!r}", field="kind")
    shown = [g for g in report["items"] if not kinds or g["kind"] in kinds]
    fmt = request.args.get("format", "html")
    if fmt not in ("html", "csv", "json"):
        raise InvalidParameter("format must be html, csv or json", field="format")
    offset = int_arg("offset", 0, 0, 1_000_000)
    total = len(shown)
    if offset and offset >= total:
        raise InvalidParameter(
            f"offset {offset} is past the last of the {total} gaps these filters match", field="offset"
        )
    if fmt != "html":  # every matching gap, or the page `offset` and `limit` ask for
        shown = shown[offset : offset + int_arg("limit", max(total, 1), 1, 1_000_000)]
    if fmt == "csv":
        headers = {"Content-Disposition": f'attachment; filename="perhepolku-gaps-{lang}.csv"'}
        return Response(_csv(shown), mimetype="text/csv", headers=headers)
    if fmt == "json":
        coverage = coverage_matrix(kg, municipality)
        items = [{**gap, "text": gap_text(gap)} for gap in shown]
        filters = {**report["filters"], "kind": kinds or None}
        return jsonify(
            {**report, "filters": filters, "total": total, "offset": offset, "items": items, "coverage": coverage}
        )
    names = kg.memo("web-service-names", lambda: {row["id"]: _labels(row) for row in kg.services})
    body = kept(
        "gaps",
        (municipality, language, ",".join(kinds), offset),
        lambda: gaps_section_html(shown[offset : offset + PAGE_SIZE], total, offset, PAGE_SIZE, names),
    )
    # a part of its own: it changes with the municipality alone
    matrix = kept("coverage", municipality, lambda: coverage_html(coverage_matrix(kg, municipality)))
    form = gaps_form_html(report["counts"], kinds, municipality or "", language or "", total)
    return render_template("gaps.html", form=form, body=body, matrix=matrix)
