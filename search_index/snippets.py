"""Snippets people can read: the best whole sentence(s) of a service's descriptions and source
quotes, with the query's words marked, in the query's language where a translation exists."""

from __future__ import annotations

import html
import re
from typing import Any

from search_index.plan import QueryPlan

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
MAX_SENTENCES = 2


def sentences(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A service's sentences, descriptions cut at sentence ends (at build, by search_index.prepare)."""
    out = []
    for entry in entries:
        for piece in _SENTENCE_END.split(entry["text"].strip()):
            if piece:
                out.append(dict(entry, text=piece))
    return out


def compact(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sentences with their analysed terms in one string each (";term start end" a term, then ";"), as engines hold them.

    A list of [term, start, end] per term was most of a hit's display part and of its decoding
    (0.2 ms a hit at 10,000 documents): one string with nothing JSON escapes decodes at once, and
    a query's term is found in it with `str.find`.
    """
    out = []
    for entry in entries:
        terms = entry["terms"]
        if any(";" in term or term != "".join(term.split()) or not term for term, _, _ in terms):
            raise ValueError(f"a sentence term holds white space or a semicolon: {entry['text'][:60]!r}")
        out.append(dict(entry, terms="".join(f";{term} {start} {end}" for term, start, end in terms) + ";"))
    return out


def _wanted(plan: QueryPlan, lang: str) -> list[tuple[str, set[int]]]:
    """The terms of a sentence in `lang` that meet the query, as the needles of a compact line, with the
    positions of the words they meet."""
    wanted: dict[str, set[int]] = {}
    for word in plan.words:
        for ns in (lang, "fp") if lang == "fi" else (lang,):
            for term in word.terms.get(ns, {}):
                wanted.setdefault(term, set()).add(word.position)
    return [(f";{term} ", positions) for term, positions in wanted.items()]


Wanted = tuple[list[tuple[str, set[int]]], tuple[str, ...]]  # the needles with their word positions, and alone


class Needles:
    """The query's terms as the needles of compact sentence lines, per sentence language: made once a search."""

    def __init__(self, plan: QueryPlan) -> None:
        self.plan = plan
        self._by_lang: dict[str, Wanted] = {}

    def __call__(self, lang: str) -> Wanted:
        found = self._by_lang.get(lang)
        if found is None:
            wanted = _wanted(self.plan, lang)
            found = self._by_lang[lang] = (wanted, tuple(needle for needle, _ in wanted))
        return found


def _matches(entry: dict[str, Any], needles: Wanted) -> tuple[set[int], list[tuple[int, int]]]:
    """(query words met, character spans to mark) of one sentence, from its terms analysed at build."""
    met: set[int] = set()
    spans: set[tuple[int, int]] = set()
    wanted, alone = needles
    line: str = entry["terms"]
    if not any(map(line.__contains__, alone)):  # most of a hit's sentences meet no query word
        return met, []
    find = line.find
    for needle, positions in wanted:
        at = find(needle)
        if at < 0:
            continue
        met |= positions
        while at >= 0:
            start = at + len(needle)
            space = find(" ", start)
            end = find(";", space)
            spans.add((int(line[start:space]), int(line[space + 1 : end])))
            at = find(needle, end)
    return met, sorted(spans)


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        at = end
    return "".join(out) + html.escape(text[at:])


def snippet(payload: dict[str, Any], needles: Needles | None, lang: str) -> dict[str, Any]:
    """{snippet, snippet_lang, snippet_translated}: the sentences that meet most query words (`needles`, the
    query's terms made once for a page of hits; None without a query)."""
    pool = payload["sentences"]
    if not pool:
        return {"snippet": "", "snippet_lang": None, "snippet_translated": False}
    scored = []
    for order, entry in enumerate(pool):
        met, spans = _matches(entry, needles(entry["lang"])) if needles else (set(), [])
        rank = (len(met), entry["lang"] == lang, entry["kind"] == "description", -order)
        scored.append((rank, met, spans, entry))
    scored.sort(key=lambda item: item[0], reverse=True)
    _, best_met, spans, best = scored[0]
    if best["kind"] == "description" and best["lang"] != lang:
        # the same description in the query's language, when the editors translated it
        own = [item for item in scored if item[3]["kind"] == "description" and item[3]["lang"] == lang]
        if own:
            _, best_met, spans, best = own[0]
    if not best_met:
        # nothing matched word for word (a concept did): the description in the query's language
        fallback = [i for i in scored if i[3]["kind"] == "description" and i[3]["lang"] == lang] or [
            i for i in scored if i[3]["kind"] == "description"
        ]
        if fallback:
            _, best_met, spans, best = fallback[0]
    chosen = [(best, spans)]
    for _, met, more_spans, entry in scored[1:]:
        if len(chosen) >= MAX_SENTENCES:
            break
        if entry["lang"] == best["lang"] and met - best_met:
            chosen.append((entry, more_spans))
            best_met = best_met | met
    text = " ".join(_mark(entry["text"], marks) for entry, marks in chosen)
    return {"snippet": text, "snippet_lang": best["lang"], "snippet_translated": bool(best["translated"])}
