"""The gap report for planners: where families fall between the services, composed of gap-* named queries.

Kinds: excluded_no_alternative, uncovered_window, no_service_in_language, dead_end, unnamed_next_step,
missing_data. A window is reported only where it is certain no service covers it: a service whose
sources give no bound counts as covering. Each gap keeps an English `title` and `detail` (the API's
own text) and, in `about`, the parts they are made of (the situation, service, channel and municipality
with their labels in every language, the open windows, the missing items), for texts in any language.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from graph.navigation.coverage import coverage_rows
from graph.navigation.criteria import LANG_NAMES, StageBounds, stage_status
from graph.navigation.gapparts import channel_names, municipality, named, service_names
from graph.navigation.sources import citations
from graph.parsing import parse_lang
from graph.store.knowledge import KnowledgeGraph, labels

WEEKS = range(1, 43)
MONTHS = range(0, 36)  # the first three years with a child


def _ranges(values: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for v in sorted(values):
        if out and v == out[-1][1] + 1:
            out[-1] = (out[-1][0], v)
        else:
            out.append((v, v))
    return out


def _text(ranges: list[tuple[int, int]], unit: str) -> str:
    return ", ".join(f"{unit} {a}" if a == b else f"{unit} {a}–{b}" for a, b in ranges)


def gap(
    kind: str,
    title: str,
    detail: str,
    services: Iterable[Any] = (),
    situations: Iterable[Any] = (),
    source_list: Iterable[Any] = (),
    about: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "title": title,
        "detail": detail,
        "services": list(services),
        "situations": list(situations),
        "sources": list(source_list),
        "about": about or {},
    }


def excluded_without_alternative(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    rows = kg.select_once("gap-excluded-no-alternative")
    grouped: OrderedDict[tuple[str, str], list[dict[str, Any]]] = OrderedDict()
    for row in rows:
        grouped.setdefault((row["serviceId"], row["situationId"]), []).append(row)
    names = service_names(kg)
    return [
        gap(
            "excluded_no_alternative",
            f"{group[0]['en']}: excluded from {service}, no alternative",
            f"'{group[0]['fi']}' bars a family from {service} and no other service in the graph addresses it.",
            [service],
            [situation],
            citations(kg, group),
            {"situation": named(situation, {situation: labels(group[0])}), "service": named(service, names)},
        )
        for (service, situation), group in grouped.items()
    ]


@lru_cache(maxsize=4096)
def _covered(bounds: StageBounds) -> tuple[frozenset[int], frozenset[int]]:
    """The weeks and child ages the screening's stage rule does not fail for these bounds."""
    return (
        frozenset(w for w in WEEKS if stage_status(bounds, w, None).status != "failed"),
        frozenset(m for m in MONTHS if stage_status(bounds, None, m).status != "failed"),
    )


def uncovered_windows(kg: KnowledgeGraph, municipality: str | None = None) -> list[dict[str, Any]]:
    """Situations with a pregnancy week or child age no service covers (per build and municipality, kept)."""
    code = kg.municipality_iri(municipality).rsplit("/", 1)[-1] if municipality else None
    found: list[dict[str, Any]] = kg.memo(f"uncovered-windows:{code}", lambda: _uncovered(kg, code))
    return list(found)


def _uncovered(kg: KnowledgeGraph, code: str | None) -> list[dict[str, Any]]:
    out = []
    for situation, names, covers in coverage_rows(kg):
        weeks: set[int] = set()
        months: set[int] = set()
        # a service counts (as cover and as evidence) in the municipality if it is there or names no area
        there = {service for service, area, _ in covers if not code or area in (None, code)}
        for service, _, bounds in covers:
            if service not in there:
                continue
            if bounds is None:
                weeks.update(WEEKS)
                months.update(MONTHS)
                continue
            # the screening's own stage rule: a week or an age is covered unless the criterion fails it
            # (a group the source names without a bound counts as covering, as in the screening: unknown)
            covered_weeks, covered_months = _covered(bounds)
            weeks.update(covered_weeks)
            months.update(covered_months)
        open_weeks, open_months = (
            _ranges([w for w in WEEKS if w not in weeks]),
            _ranges([m for m in MONTHS if m not in months]),
        )
        if open_weeks or open_months:
            windows = "; ".join(
                filter(None, [_text(open_weeks, "pregnancy week"), _text(open_months, "child age (months)")])
            )
            place = municipality(kg, code) if code else None
            out.append(
                gap(
                    "uncovered_window",
                    f"{names['en']}: no service in {windows}",
                    f"No service that addresses '{names['fi']}' covers {windows}"
                    + (f" in {place['labels'].get('en') or place['labels'].get('fi') or code}" if place else "")
                    + ".",
                    sorted(there),
                    [situation],
                    about={
                        "situation": named(situation, {situation: names}),
                        "pregnancy_weeks": [list(r) for r in open_weeks],
                        "child_age_months": [list(r) for r in open_months],
                        "municipality": place,
                    },
                )
            )
    return out


def language_gaps(kg: KnowledgeGraph, language: str | None = None) -> list[dict[str, Any]]:
    code = parse_lang("language", language) if language else None
    # the build ran gap-language for every language; narrowing to one is the query's own filter
    rows = [row for row in kg.select_once("gap-language") if code is None or row["lang"] == code]
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_lang[row["lang"]].append(row)
    return [
        gap(
            "no_service_in_language",
            f"{row['en']}: no service known to be available in {LANG_NAMES[lang]['en']}",
            f"No service that addresses '{row['fi']}' is known to be available in {LANG_NAMES[lang]['en']} "
            "(most sources do not list languages).",
            [],
            [row["situationId"]],
            about={"situation": named(row["situationId"], {row["situationId"]: labels(row)}), "language": lang},
        )
        for lang, group in sorted(by_lang.items())
        for row in group
    ]


def dead_ends(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    out = []
    names = service_names(kg)
    for row in kg.select_once("gap-dead-ends"):
        src = citations(kg, [row])
        about = {"service": named(row["serviceId"], names), "step": {"fi": row["step"]}}
        if row["hasNext"]:
            out.append(
                gap(
                    "unnamed_next_step",
                    f"{row['serviceId']}: refers families on to unnamed services",
                    f"The text says families move on to '{row['step']}' without naming them.",
                    [row["serviceId"]],
                    source_list=src,
                    about=about,
                )
            )
        else:
            out.append(
                gap(
                    "dead_end",
                    f"{row['serviceId']}: pathway ends here",
                    f"The text implies a next step ('{row['step']}') but no service follows in the graph.",
                    [row["serviceId"]],
                    source_list=src,
                    about=about,
                )
            )
    return out


def missing_data(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    by_service: OrderedDict[str, list[str]] = OrderedDict()
    parts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    channel_labels = channel_names(kg)
    for row in kg.select_once("gap-missing-data"):
        item = row["missing"] + (f" ({row['channelId']})" if row.get("channelId") else "")
        by_service.setdefault(row["serviceId"], []).append(item)
        channel = named(row["channelId"], channel_labels) if row.get("channelId") else None
        parts[row["serviceId"]].append({"item": row["missing"], "channel": channel})
    names = service_names(kg)
    return [
        gap(
            "missing_data",
            f"{names[sid]['en'] or sid}: missing {', '.join(items)}",
            f"The sources do not give: {', '.join(items)}.",
            [sid],
            about={"service": named(sid, names), "missing": parts[sid]},
        )
        for sid, items in by_service.items()
    ]


def gap_report(kg: KnowledgeGraph, municipality: str | None = None, language: str | None = None) -> dict[str, Any]:
    """Every gap kind; `municipality` narrows windows to services there, `language` narrows language gaps."""
    gaps = (
        excluded_without_alternative(kg)
        + uncovered_windows(kg, municipality)
        + language_gaps(kg, language)
        + dead_ends(kg)
        + missing_data(kg)
    )
    counts: dict[str, int] = defaultdict(int)
    for g in gaps:
        counts[g["kind"]] += 1
    return {"filters": {"municipality": municipality, "language": language}, "counts": dict(counts), "items": gaps}
