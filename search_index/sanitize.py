"""The search-query sanitiser: what a user typed, reduced to words the engine can take safely."""

from __future__ import annotations

import unicodedata

from graph.errors import InvalidParameter

MAX_QUERY_CHARS = 500
MAX_WORDS = 12


def clean_query(raw: str | None, *, field: str = "q") -> str:
    """Normalise (NFC), drop control characters and query syntax, collapse spaces, cap the words.

    Whoosh query syntax never reaches the engine: queries are built from the words, so characters
    like * ? ~ : ( ) " are spaces here. An over-long query is a 400, not a truncation.
    """
    if raw is None:
        return ""
    if len(raw) > MAX_QUERY_CHARS:
        raise InvalidParameter(f"{field} is longer than {MAX_QUERY_CHARS} characters", field=field)
    text = unicodedata.normalize("NFC", raw)
    kept: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] in "LN" or ch in "-'" or (category.startswith("M") and kept and _attaches(kept[-1])):
            kept.append(ch)
        else:
            kept.append(" ")
    words = [w.strip("-'") for w in "".join(kept).split()]
    words = [w for w in words if w]
    return " ".join(words[:MAX_WORDS])


def _attaches(previous: str) -> bool:
    """A combining mark is kept only on a letter, digit or another kept mark, never on a space."""
    return unicodedata.category(previous)[0] in "LNM"
