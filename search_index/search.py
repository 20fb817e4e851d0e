"""Search and suggest, the domain functions behind GET /api/v1/search, /api/v1/suggest and `perhepolku search`.

End to end: the query is sanitised (search_index.sanitize), analysed per language
(search_index.analysis: Voikko lemmas and compound parts for Finnish, Snowball for Swedish and
English, folding), expanded with the concepts whose labels it contains (search_index.synonyms),
corrected for typos against the index's own words, and run as a weighted OR over the fields
declared in search_index.fields, with filters as exact conditions and facet counts over all hits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from graph.errors import InvalidParameter
from graph.parsing import parse_bool, parse_lang
from search_index.fields import FACETS, FLAGS
from search_index.sanitize import clean_query

_VALUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,79}$")


def parse_filters(index: Any, raw: Mapping[str, list[str]]) -> tuple[dict[str, list[str]], dict[str, bool]]:
    """Facet filters (known concept ids or codes, repeatable) and true/false flags."""
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = [v.strip() for item in raw.get(name, []) for v in item.split(",") if v.strip()]
        for value in values:
            known = f"{name}:{value}" in index.names or value in index.names
            if not _VALUE.match(value) or not known:
                raise InvalidParameter(f"{name}: unknown value {value[:60]!r}", field=name)
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
    index: Any,
    q: str | None,
    *,
    lang: str = "fi",
    filters: Mapping[str, list[str]] | None = None,
    limit: int = 10,
    offset: int = 0,
) -> dict[str, Any]:
    """Services for a query in relevance order, with snippets, facets and a did-you-mean."""
    lang = parse_lang("lang", lang)
    text = clean_query(q)
    facet_filters, flags = parse_filters(index, filters or {})
    result = index.search(text, lang, facet_filters, flags, limit, offset)
    return {"query": text, "lang": lang, **result}


def suggest(index: Any, q: str | None, *, lang: str = "fi", limit: int = 10) -> dict[str, Any]:
    """Completions of service and concept labels for a search box."""
    lang = parse_lang("lang", lang)
    text = clean_query(q)
    return {"query": text, "items": index.suggest(text, lang, limit) if text else []}
