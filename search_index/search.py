"""Search and suggest, the domain functions behind GET /api/v1/search, /api/v1/suggest and `perhepolku search`.

End to end: the query is sanitised (search_index.sanitize) and read once (search_index.plan):
attribute words become boosts, the other words are analysed per language (search_index.analysis:
Voikko lemmas and compound parts for Finnish, Snowball for Swedish and English, folding), linked to
related forms, corrected or split against the index's own words, and matched to concepts with a
coverage score (search_index.synonyms). The engine matches (search_index.protocol); the shared
ranking model (search_index.ranking) orders the matches and search_index.snippets cuts sentences.
Filters are exact conditions; facet counts are over all hits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from graph.errors import InvalidParameter
from graph.parsing import municipality_key, parse_bool, parse_lang
from graph.store.municipalities import official
from search_index.fields import FACETS, FLAGS
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
) -> dict[str, Any]:
    """Services for a query in relevance order, with snippets, facets and a did-you-mean.

    `concepts` (the graph's concepts by id) lets concept filters be checked against their scheme.
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
    result = index.search(text, lang, facet_filters, flags, limit, offset)
    return {"query": text, "lang": lang, **result}


def suggest(index: SearchIndex, q: str | None, *, lang: str = "fi", limit: int = 10) -> dict[str, Any]:
    """Completions of service and concept labels for a search box."""
    lang = parse_lang("lang", lang)
    text = clean_query(q)
    return {"query": text, "items": index.suggest(text, lang, limit) if text else []}
