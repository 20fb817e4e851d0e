"""Search and suggest, the domain functions behind GET /api/v1/search, /api/v1/suggest and `perhepolku search`.

End to end: the query is sanitised (search_index.sanitize) and read once (search_index.plan):
attribute words become boosts, the other words are analysed per language (search_index.analysis:
Voikko lemmas and compound parts for Finnish, Snowball for Swedish and English, folding), linked to
related forms, corrected or split against the index's own words, and matched to concepts with a
coverage score (search_index.synonyms). The engine matches (search_index.protocol); the shared
ranking model (search_index.ranking) orders the matches and search_index.snippets cuts sentences.
Filters are exact conditions; attribute words are soft filters; facet counts are over all hits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from graph.errors import InvalidParameter
from graph.parsing import municipality_key, parse_bool, parse_lang
from graph.store.municipalities import official
from search_index.fields import FACETS, FLAGS
from search_index.plan import QueryPlan, interpreted
from search_index.protocol import SearchIndex
from search_index.sanitize import clean_query

_VALUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,79}$")


def _municipality(index: SearchIndex, value: str) -> str:
    """A municipality filter value as its code: a code or a name, the index's own or an official one.

    A real municipality without services is a valid filter with no hits; anything else is a 400.
    """
    if f"municipality:{value}" in index.names:
        return value
    key = municipality_key(value)
    for name, labels in index.names.items():
        if name.startswith("municipality:") and key in {municipality_key(v) for v in labels.values() if v}:
            return str(name).split(":", 1)[1]
    code = official().code(value) if len(value) <= 64 else None
    if code is None:
        raise InvalidParameter(
            f"municipality: {value[:60]!r} is not a Finnish municipality name or three-digit code", field="municipality"
        )
    return code


def parse_filters(
    index: SearchIndex, raw: Mapping[str, list[str]], concepts: Mapping[str, Mapping[str, Any]] | None = None
) -> tuple[dict[str, list[str]], dict[str, bool]]:
    """Facet filters (known concept ids or codes, repeatable) and true/false flags.

    With `concepts` (id -> entry with its "scheme"), a concept filter must name a concept of the
    facet's own scheme: work_form=anxiety (a situation) is a 400, not a filter that matches nothing.
    """
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = [v.strip() for item in raw.get(name, []) for v in item.split(",") if v.strip()]
        if name == "municipality" and values:
            filters[name] = [_municipality(index, value) for value in values]
            continue
        for value in values:
            known = f"{name}:{value}" in index.names or value in index.names
            if not _VALUE.match(value) or not known:
                raise InvalidParameter(f"{name}: unknown value {value[:60]!r}", field=name)
            scheme = name.replace("_", "-")
            if concepts and value in concepts and concepts[value]["scheme"] != scheme:
                raise InvalidParameter(
                    f"{name}: {value!r} is a concept of scheme {concepts[value]['scheme']!r}, not {scheme!r}",
                    field=name,
                )
        if values:
            filters[name] = values
    flags = {}
    for name in FLAGS:
        values = raw.get(name, [])
        if len(values) > 1:
            raise InvalidParameter(f"{name} takes one value", field=name)
        if values and values[0] != "":
            flags[name] = parse_bool(name, values[0])
    return filters, flags


def search(
    index: SearchIndex,
    q: str | None,
    *,
    lang: str = "fi",
    filters: Mapping[str, list[str]] | None = None,
    limit: int = 10,
    offset: int = 0,
    concepts: Mapping[str, Mapping[str, Any]] | None = None,
    soft: bool = True,
) -> dict[str, Any]:
    """Services for a query in relevance order, with snippets, facets and a did-you-mean.

    `concepts` (the graph's concepts by id) lets concept filters be checked against their scheme.
    With `soft`, the query's attribute words filter where any service meets them (`_soft_filters`).
    """
    lang = parse_lang("lang", lang)
    text = clean_query(q)
    facet_filters, flags = parse_filters(index, filters or {}, concepts)
    if "municipality" in facet_filters:
        # real municipalities without services match nothing (the engines read an empty filter as none)
        indexed = [code for code in facet_filters["municipality"] if f"municipality:{code}" in index.names]
        if not indexed:
            result = index.search(text, lang, {**facet_filters, "municipality": []}, flags, 1, 0)
            empty = {"total": 0, "items": [], "facets": {name: [] for name in result.get("facets", {})}}
            return {"query": text, "lang": lang, **result, **empty}
        facet_filters["municipality"] = indexed
    plan = index.plan(text, lang) if text else None  # read once: every engine call below is handed it
    read = interpreted(plan) if plan is not None else None
    if soft and read:
        result = _soft_filters(index, plan, text, lang, facet_filters, flags, read, limit, offset)
    else:
        result = index.search(text, lang, facet_filters, flags, limit, offset, plan=plan)
    if result.get("interpreted"):
        result["interpreted_labels"] = _value_labels(index, result["interpreted"], lang)
    return {"query": text, "lang": lang, **result}


def _value_labels(index: SearchIndex, read: Mapping[str, Any], lang: str) -> dict[str, dict[str, str]]:
    """The languages and municipalities the query named, labelled in `lang` as their facets are.

    A municipality where the index has no service is named from the official list (fi/sv).
    """
    out: dict[str, dict[str, str]] = {}
    for name in ("language", "municipality"):
        for value in read.get(name) or []:
            labels = index.names.get(f"{name}:{value}") or index.names.get(value)
            if name == "municipality":
                labels = labels or official().names.get(value)
            labels = labels or {}
            out.setdefault(name, {})[value] = str(labels.get(lang) or labels.get("fi") or value)
    return out


SOFT = (*FLAGS, "language")


def _soft_filters(
    index: SearchIndex,
    plan: QueryPlan | None,
    text: str,
    lang: str,
    facet_filters: dict[str, list[str]],
    flags: dict[str, bool],
    read: dict[str, Any],
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """The answer with the attribute words of the query applied as filters where any service meets them.

    Each attribute the words name (free, anonymous, without referral, a language) and no explicit
    filter sets is applied in turn if the services meeting it and those applied before are not
    none (a count, no search); one that no such service meets is reported in
    `attribute_filters.unmet` and the answer keeps the services without it. A lone attribute word
    and one among others answer alike. A municipality is then applied by area (`_by_area`).
    """
    chosen, chosen_flags = dict(facet_filters), dict(flags)
    applied: dict[str, Any] = {}
    unmet: list[str] = []
    for name in [n for n in SOFT if n in read and n not in facet_filters and n not in flags]:
        if name in FLAGS:
            trial, trial_flags = chosen, {**chosen_flags, name: True}
        else:
            trial, trial_flags = (
                {**chosen, name: [str(v) for v in read[name] if f"{name}:{v}" in index.names or v in index.names]},
                chosen_flags,
            )
        met = name in FLAGS or bool(trial[name])  # an empty value list would be read as no filter
        if met and index.count(text, lang, trial, trial_flags, plan=plan):
            chosen, chosen_flags = trial, trial_flags
            applied[name] = True if name in FLAGS else trial[name]
        else:
            unmet.append(name)
    result = None
    if "municipality" in read and "municipality" not in facet_filters:
        codes = [str(v) for v in read["municipality"]]
        result = _by_area(index, plan, text, lang, chosen, chosen_flags, codes, limit, offset)
        if result is None:
            unmet.append("municipality")
        else:
            applied["municipality"] = codes
    if result is None:
        result = index.search(text, lang, chosen, chosen_flags, limit, offset, plan=plan)
    result = {**result, "interpreted": read}
    if not applied and not unmet:
        return result
    return {**result, "attribute_filters": {"applied": applied, "unmet": unmet}}


def _by_area(
    index: SearchIndex,
    plan: QueryPlan | None,
    text: str,
    lang: str,
    filters: dict[str, list[str]],
    flags: dict[str, bool],
    codes: list[str],
    limit: int,
    offset: int,
) -> dict[str, Any] | None:
    """The matches without those known to be only in other municipalities; None when that leaves nothing.

    Those known to be there and those whose area is unknown stay in the model's order, which lifts
    the services known there (an attribute the query names) and does not put one that matches only
    the place word before the service sought: strict "known there first" put Terapeuttinen
    vauvaperhetyö (Helsinki) above Perhevalmennus (area unknown) for *perhevalmenus helsinki*.
    The matches are the engine's best `RERANK_WINDOW` (all of them on the seed graph): a service is
    known elsewhere when it is among the engine's best with the other municipalities as a filter
    and not among those with the named ones (two windows: ids only, neither ranked nor shown). The
    facets are those of all matches.
    """
    municipalities = [n.split(":", 1)[1] for n in index.names if n.startswith("municipality:")]
    others = [code for code in municipalities if code not in codes]
    here_codes = [code for code in codes if f"municipality:{code}" in index.names]
    elsewhere = index.window(text, lang, {**filters, "municipality": others}, flags, plan=plan) if others else set()
    here = index.window(text, lang, {**filters, "municipality": here_codes}, flags, plan=plan) if here_codes else set()
    answer = index.search(
        text, lang, filters, flags, limit, offset, plan=plan, keep=lambda i: i in here or i not in elsewhere
    )
    return answer if answer["total"] else None


def suggest(index: SearchIndex, q: str | None, *, lang: str = "fi", limit: int = 10) -> dict[str, Any]:
    """Completions of service and concept labels for a search box."""
    lang = parse_lang("lang", lang)
    text = clean_query(q)
    return {"query": text, "items": index.suggest(text, lang, limit) if text else []}
