"""From search documents to what both engines index: weighted term frequencies, payloads and statistics.

Runs once per build, engine-neutral. Term frequencies are namespaced by language ("fi:", "sv:",
"en:", and "fp:" for Finnish compound parts) and weighted by field (fields.TEXT_FIELDS) before any
scoring. Terms of the titles of a service's pathway neighbours are left out of its own texts
(not its title): "…after which the family may move to housing practice" is about housing practice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from graph.vocab import LANGS
from search_index.analysis import analyse
from search_index.fields import CONCEPT_SOURCES, FACETS, FLAGS, TEXT_FIELDS
from search_index.pathways import NEAR, anchor_table, link_keys
from search_index.snippets import sentences
from search_index.synonyms import ConceptMatcher

NAMESPACES = (*LANGS, "fp")
TITLED_SCHEMES = ("situation", "work-form")
Analysed = list[tuple[str, int, int, bool]]


class Analyses:
    """`analyse` with each text's terms kept for one prepare run: catalogues repeat their texts (a service
    type's description, its titles as a neighbour's, its snippet sentences), and analysing a text is
    tokenising it and looking up every word. Callers only read the lists."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, str, bool], Analysed] = {}

    def __call__(self, text: str, lang: str, *, query: bool = False) -> Analysed:
        key = (text, lang, query)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = analyse(text, lang, query=query)
        return found


def _title_terms(doc: dict[str, Any], analyse: Analyses) -> set[str]:
    return {f"{lang}:{t}" for lang in LANGS for title in doc["texts"][lang]["title"] for t, *_ in analyse(title, lang)}


def _title_words(doc: dict[str, Any], analyse: Analyses) -> dict[str, list[list[str]]]:
    """Per language, the terms of each word of the service's title (what names it as a pathway anchor)."""
    out: dict[str, list[list[str]]] = {}
    for lang in LANGS:
        words: dict[int, set[str]] = {}
        for title in doc["texts"][lang]["title"][:1]:
            for term, start, _, part in analyse(title, lang, query=True):
                if not part:
                    words.setdefault(start, set()).add(term)
        out[lang] = [sorted(w) for w in words.values()]
    return out


def _statuses(
    doc: dict[str, Any], label_words: dict[str, list[tuple[str, set[str]]]], named: set[str]
) -> dict[str, str]:
    """Every concept of the service: main (its title or description names it), direct, or inferred (above one)."""
    out: dict[str, str] = {}
    values = {v for name in CONCEPT_SOURCES for v in doc["facets"].get(name, [])}
    for value in sorted(values):
        if value not in doc["direct"]:
            out[value] = "inferred"
            continue
        out[value] = "direct"
        for _lang, words in label_words.get(value, []):
            if words and len(words & named) * 2 >= len(words):
                out[value] = "main"
    return out


def _titled(doc: dict[str, Any], matcher: ConceptMatcher, analyse: Analyses) -> set[str]:
    """Situations and work forms a service's own title is about, in any language.

    A search reading, not a fact of the graph: a title that names a concept in full, with the concept's
    words at least half of the title's ("Round-the-clock mother-and-baby home period": supported
    housing), ranks for that concept as a service whose description names it does (status "titled").
    """
    out: set[str] = set()
    for lang in LANGS:
        for title in doc["texts"][lang]["title"]:
            whole: dict[str, dict[str, set[int]]] = {lang: {}}
            for term, start, _, part in analyse(title, lang, query=True):
                if not part:
                    whole[lang].setdefault(term, set()).add(start)
            words = {p for positions in whole[lang].values() for p in positions}
            for cid, hit in matcher.match(whole).items():
                full = hit.coverage >= 1.0 - 1e-9 and 2 * len(hit.words) >= len(words)
                if full and hit.scheme in TITLED_SCHEMES:
                    out.add(cid)
    return out


def prepare(docs: list[dict[str, Any]], labels: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(payload per document, index statistics: documents, average lengths, document frequencies)."""
    analyse = Analyses()
    label_words: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for entry in labels:
        words = {f"{entry['lang']}:{t}" for t, _, _, part in analyse(entry["label"], entry["lang"]) if not part}
        label_words[entry["id"]].append((entry["lang"], words))
    titles = {doc["id"]: _title_terms(doc, analyse) for doc in docs}
    matcher = ConceptMatcher(labels)
    links = [(doc["id"], to, kind) for doc in docs for to, kind in doc.get("links", [])]
    near = {(doc["id"], peer) for doc in docs for peer in doc["neighbours"]}  # either way: a part names its whole
    links += sorted((a, b, NEAR) for a, b in near | {(b, a) for a, b in near})
    follows, relations = link_keys(links)  # service -> "after:<anchor>"… keys; anchor -> relations
    df: dict[str, Counter[str]] = {ns: Counter() for ns in NAMESPACES}
    concept_df: Counter[str] = Counter()
    lengths: dict[str, float] = dict.fromkeys(LANGS, 0.0)
    payloads = []
    for doc in docs:
        own = titles[doc["id"]]
        foreign = set().union(*(titles.get(n, set()) for n in doc["neighbours"])) - own
        tf: dict[str, dict[str, float]] = {ns: defaultdict(float) for ns in NAMESPACES}
        length = dict.fromkeys(LANGS, 0.0)
        named: set[str] = set()
        for lang in LANGS:
            for kind, weight in TEXT_FIELDS.items():
                for text in doc["texts"][lang][kind]:
                    for term, _, _, part in analyse(text, lang):
                        key = f"{lang}:{term}"
                        if kind != "title" and key in foreign:
                            continue
                        if kind in ("title", "text") and not part:
                            named.add(key)
                        tf["fp" if part else lang][term] += weight
                        if not part:
                            length[lang] += weight
        for ns in NAMESPACES:
            df[ns].update(tf[ns].keys())
        for lang in LANGS:
            lengths[lang] += length[lang]
        concepts = _statuses(doc, label_words, named)
        for cid in sorted(_titled(doc, matcher, analyse) - set(concepts)):
            concepts[cid] = "titled"
        concepts.update(dict.fromkeys(sorted(follows.get(doc["id"], ())), "main"))
        concept_df.update(concepts.keys())
        payloads.append(
            {
                "id": doc["id"],
                "labels": doc["labels"],
                "tf": {ns: {t: round(w, 3) for t, w in sorted(tf[ns].items())} for ns in NAMESPACES},
                "len": length,
                "concepts": concepts,
                "exclusions": doc["exclusions"],
                "sentences": [_analysed(entry, analyse) for entry in sentences(doc["sentences"])],
                "facets": {name: sorted(set(doc["facets"].get(name, []))) for name in FACETS},
                "flags": sorted(name for name in FLAGS if "true" in doc["facets"].get(name, [])),
                "basic_level": "true" in doc["facets"].get("basic_level", []),
            }
        )
    count = max(len(docs), 1)
    stats = {
        "documents": len(docs),
        "average_length": {lang: max(lengths[lang] / count, 1.0) for lang in LANGS},
        "df": {ns: dict(df[ns]) for ns in NAMESPACES},
        "concept_df": dict(concept_df),
        "pathways": anchor_table(
            payloads,
            relations,
            {d["id"]: _title_words(d, analyse) for d in docs if d["id"] in relations},
            matcher.scheme,
        ),
    }
    return payloads, stats


def _analysed(entry: dict[str, Any], analyse: Analyses) -> dict[str, Any]:
    """A snippet sentence with its terms and their character spans, analysed once at build."""
    terms = [[term, start, end] for term, start, end, _ in analyse(entry["text"], entry["lang"])]
    return dict(entry, terms=terms)


def engine_terms(payload: dict[str, Any]) -> list[str]:
    """The namespaced terms an engine indexes for a payload, repeated by weight (at most five times)."""
    out: list[str] = []
    for ns, terms in payload["tf"].items():
        for term, weight in terms.items():
            out += [f"{ns}:{term}"] * max(1, min(5, round(weight)))
    return out


def excluded_situations(payload: dict[str, Any], broader: dict[str, list[str]]) -> list[str]:
    """The situations a service excludes, and every concept above them."""
    return sorted({c for e in payload["exclusions"] for c in [e["situation"], *broader.get(e["situation"], [])]})
