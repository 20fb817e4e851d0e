"""Pathway questions ("tukea ensikodin jälkeen", "how to apply for…") answered by the graph's referral links.

The words of the ask are the hidden labels of the link kinds (next-step, continuation, alongside,
intake). The service asked about, the anchor, is named by the words beside them (before a Finnish
postposition, after a Swedish or English preposition; anywhere for the way in) through a work form
it is about or half its title's words. Each service holds concept keys for the links around it
(`after:<anchor>`, `alongside:<anchor>`, `route:<anchor>` on the way in, a weak `near:<service>` on
every neighbour), so the engine matches them and the ranking model scores them as concepts; the
anchor of an after/alongside question is demoted (fields.ANCHOR_FACTOR). docs/search.md explains it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from search_index.analysis import fold, tokens
from search_index.fields import FIX_FACTOR, NEAR_STRENGTH, ROUTE_STRENGTH
from search_index.speller import distance

if TYPE_CHECKING:
    from search_index.plan import QueryPlan, Word
    from search_index.synonyms import ConceptHit

RELATIONS = {"next-step": "after", "continuation": "after", "alongside": "alongside"}  # link kind -> relation
ROUTES = ("intake", "referral")  # links into a service: how one gets there ("miten pääsee", "how to apply for")
ROUTE = "route"
PHRASE_KINDS = {**RELATIONS, "intake": ROUTE}  # the link kinds whose hidden labels are pathway phrases
POSTPOSITION_LANGS = ("fi",)  # the anchor is named before the word ("ensikodin jälkeen"), else after it
NEAR = "near"  # a service named by its title lifts its pathway neighbours a little (fields.NEAR_STRENGTH)
SIDE_WORDS = 3  # content words on the relation's side that may name the anchor
SLIP_FROM = 6  # letters from which a one-word pathway phrase is also read one edit off (not after, efter)
ANCHOR_STATUSES = ("main", "titled")  # a concept that names a service as an anchor is what it is about
ANCHOR_SCHEMES = ("work-form",)  # what a service is (a mother and baby home), not a need or a group it serves


def relation_phrases(labels: list[dict[str, Any]]) -> list[tuple[tuple[str, ...], str, str]]:
    """(folded words, relation, language) of every label of a link kind search reads, longest first."""
    out = {
        (tuple(fold(w) for w, _, _ in tokens(e["label"])), PHRASE_KINDS[e["id"]], e["lang"])
        for e in labels
        if e["scheme"] == "link-kind" and e["id"] in PHRASE_KINDS and e.get("kind") == "hidden"
    }
    return sorted(out, key=lambda p: (-len(p[0]), p))


def find_relations(text: str, phrases: list[tuple[tuple[str, ...], str, str]]) -> list[tuple[str, str, int, int]]:
    """(relation, language, start, end) of each pathway phrase in the query, by character offsets."""
    words = [(fold(w), s, e) for w, s, e in tokens(text)]
    found: list[tuple[str, str, int, int]] = []
    taken: set[int] = set()
    for phrase, relation, lang in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(w for w, _, _ in words[i : i + n]) == phrase and not taken & set(range(i, i + n)):
                taken |= set(range(i, i + n))
                found.append((relation, lang, words[i][1], words[i + n - 1][2]))
    # a pathway word of six letters or more typed a letter off (jälkee, spoken, for jälkeen; rinnala)
    for phrase, relation, lang in phrases:
        if len(phrase) == 1 and len(phrase[0]) >= SLIP_FROM:
            for i, (word, start, end) in enumerate(words):
                near = abs(len(word) - len(phrase[0])) <= 1 and word[:1] == phrase[0][:1] and word != phrase[0]
                if i not in taken and near and distance(word, phrase[0]) == 1:
                    taken.add(i)
                    found.append((relation, lang, start, end))
    return sorted(found, key=lambda f: f[2])


def side(positions: list[int], lang: str, start: int, end: int, relation: str = "after") -> list[int]:
    """The content words that may name the anchor of a relation word at [start, end)."""
    if relation == ROUTE:  # "miten pääsee X:ään", "how to apply for X", "X, miten haetaan": anywhere
        return positions
    if lang in POSTPOSITION_LANGS:
        return [p for p in positions if p < start][-SIDE_WORDS:]
    return [p for p in positions if p >= end][:SIDE_WORDS]


def named_anchors(
    pathways: PathwayReader,
    relation: str,
    concepts: set[str],
    terms: dict[str, set[str]],
) -> list[str]:
    """Anchors with `relation` links that the side's concepts or title words name.

    `terms` are the side words' terms per namespace; a title is named when half its words are there.
    """
    candidates = {a for c in concepts for a in pathways.by_concept.get(c, ())}
    candidates |= {a for ns, ts in terms.items() for t in ts for a in pathways.by_term.get((ns, t), ())}
    out = []
    for anchor_id in sorted(candidates):
        entry = pathways.anchors[anchor_id]
        if relation not in entry["relations"]:
            continue
        if relation != NEAR and concepts & set(entry["concepts"]):
            out.append(anchor_id)
            continue
        for lang, words in entry["titles"].items():
            held = terms.get(lang, set()) | (terms.get("fp", set()) if lang == "fi" else set())
            if words and 2 * sum(1 for w in words if held & set(w)) >= len(words):
                out.append(anchor_id)
                break
    return out


def link_keys(links: list[tuple[str, str, str]]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(concept keys per service, relations per anchor) from (service, to, kind) links.

    after/alongside/near: the service a link leads to holds "after:<from>"; route: the service a link
    comes from holds "route:<to>" (the phone service through which the therapy is applied for).
    """
    keys: dict[str, set[str]] = {}
    relations: dict[str, set[str]] = {}
    for source, target, kind in links:
        if kind in RELATIONS or kind == NEAR:
            relation = RELATIONS.get(kind, NEAR)
            keys.setdefault(target, set()).add(f"{relation}:{source}")
            relations.setdefault(source, set()).add(relation)
        if kind in ROUTES:
            keys.setdefault(source, set()).add(f"{ROUTE}:{target}")
            relations.setdefault(target, set()).add(ROUTE)
    return keys, relations


def anchor_table(
    payloads: list[dict[str, Any]],
    relations: dict[str, set[str]],
    titles: dict[str, dict[str, list[list[str]]]],
    scheme: dict[str, str],
) -> dict[str, dict[str, Any]]:
    """Per service a pathway question may name: its relations, the concepts it is about, its title words."""
    return {
        p["id"]: {
            "relations": sorted(relations[p["id"]]),
            "concepts": sorted(
                c for c, s in p["concepts"].items() if s in ANCHOR_STATUSES and scheme.get(c) in ANCHOR_SCHEMES
            ),
            "titles": titles.get(p["id"], {}),
        }
        for p in payloads
        if p["id"] in relations
    }


class PathwayReader:
    """The pathway phrases of the labels and the anchor table of the index, compiled once at open."""

    def __init__(self, labels: list[dict[str, Any]], anchors: dict[str, dict[str, Any]]) -> None:
        self.phrases = relation_phrases(labels)
        self.anchors = anchors
        self.by_concept: dict[str, list[str]] = {}
        self.by_term: dict[tuple[str, str], list[str]] = {}
        for anchor_id, entry in anchors.items():
            for concept in entry["concepts"]:
                self.by_concept.setdefault(concept, []).append(anchor_id)
            for lang, words in entry["titles"].items():
                for term in {t for word in words for t in word}:
                    self.by_term.setdefault((lang, term), []).append(anchor_id)
                    if lang == "fi":
                        self.by_term.setdefault(("fp", term), []).append(anchor_id)

    def relations(self, text: str) -> list[tuple[str, str, int, int]]:
        return find_relations(text, self.phrases) if self.anchors else []


def read_anchors(
    plan: QueryPlan, relations: list[tuple[str, str, int, int]], hits: dict[str, ConceptHit], pathways: PathwayReader
) -> None:
    """The services a pathway phrase points at, and the concept keys of the services their links lead to."""
    positions = [w.position for w in plan.words]
    for relation, lang, start, end in relations:
        near = set(side(positions, lang, start, end, relation))
        if not near:
            continue
        concepts = {cid for cid, hit in hits.items() if hit.words <= near}
        terms = _strong_terms(plan.words, near)
        for anchor in named_anchors(pathways, relation, concepts, terms):
            if relation == ROUTE:  # the way in meets only the words that named the service, not the whole ask
                named = _naming(plan.words, near, pathways, anchor)
                named |= {p for cid in concepts & set(pathways.anchors[anchor]["concepts"]) for p in hits[cid].words}
                plan.concepts[f"{relation}:{anchor}"] = (ROUTE_STRENGTH, frozenset(named))
            else:
                plan.concepts[f"{relation}:{anchor}"] = (1.0, frozenset(near))
            if anchor not in plan.anchors.setdefault(relation, []):
                plan.anchors[relation].append(anchor)
    asked = {a for relation, anchors in plan.anchors.items() if relation != ROUTE for a in anchors}
    for anchor in named_anchors(pathways, NEAR, set(), _strong_terms(plan.words, set(positions))):
        if anchor not in asked:
            # it meets only the words that named the service, as the way in does
            plan.concepts[f"{NEAR}:{anchor}"] = (NEAR_STRENGTH, _naming(plan.words, set(positions), pathways, anchor))


def _naming(words: list[Word], positions: set[int], pathways: PathwayReader, anchor: str) -> frozenset[int]:
    """The positions of the words whose terms are in the anchor's title."""
    held = {(lang, t) for lang, title in pathways.anchors[anchor]["titles"].items() for w in title for t in w}
    held |= {("fp", t) for lang, t in list(held) if lang == "fi"}
    strong = {w.position: _strong_terms([w], {w.position}) for w in words if w.position in positions}
    return frozenset(p for p, terms in strong.items() if any((ns, t) in held for ns, ts in terms.items() for t in ts))


def _strong_terms(words: list[Word], positions: set[int]) -> dict[str, set[str]]:
    """The terms of the words at `positions` typed, corrected or split (not related forms or parts)."""
    terms: dict[str, set[str]] = {}
    for word in words:
        if word.position in positions:
            for ns, ts in word.terms.items():
                terms.setdefault(ns, set()).update(t for t, f in ts.items() if f >= FIX_FACTOR)
    return terms
