"""The engine-neutral query plan: how a query is read, once, for both engines.

1. Attribute words (free, anonymous, without referral, a service language, a municipality, in any
   of the three languages) are read as attributes (search_index.synonyms, schemes
   search-attribute, language, municipality) and taken out of the text query.
2. Every other word gets its terms per language: Voikko lemmas and compound parts, related forms
   (search_index.vocabulary), a spelling correction when the index does not know it, or a split
   into two index words.
3. Concepts are matched on those terms with a coverage score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.vocab import LANGS
from search_index.analysis import analyse, fold, inner_parts, restore_diacritics, tokens, voikko
from search_index.fields import BROADER_FACTOR, FIX_FACTOR, LINK_FACTOR, PART_FACTOR
from search_index.pathways import PathwayReader, read_anchors
from search_index.slips import Known, Suggest, correction, known_in, repaired, stems, swedish_parts
from search_index.synonyms import EXACT_SCHEMES, ConceptMatcher
from search_index.vocabulary import related, split

ATTRIBUTE_FACETS = {"language": "language", "municipality": "municipality"}
KNOWN_SLIP_FROM = 8  # letters from which a word Voikko knows but the index lacks is also tried for a slip


@dataclass
class Word:
    position: int
    text: str
    terms: dict[str, dict[str, float]] = field(default_factory=dict)  # namespace -> term -> factor
    new_parts: frozenset[str] = frozenset()  # the parts a Finnish compound the index does not know whole says


@dataclass
class QueryPlan:
    words: list[Word] = field(default_factory=list)
    concepts: dict[str, tuple[float, frozenset[int]]] = field(default_factory=dict)  # id -> (strength, words)
    matched: list[str] = field(default_factory=list)  # concepts the query names itself (not their broader)
    attributes: dict[str, list[str]] = field(default_factory=dict)  # flag or facet -> values
    corrections: dict[str, str] = field(default_factory=dict)
    splits: dict[str, list[str]] = field(default_factory=dict)
    anchors: dict[str, list[str]] = field(default_factory=dict)  # relation -> services asked after (or beside)

    @property
    def empty(self) -> bool:
        return not self.words and not self.concepts and not self.attributes

    def terms(self, namespace: str) -> set[str]:
        return {t for w in self.words for t in w.terms.get(namespace, {})}


def _query_terms(words: list[Word]) -> tuple[dict[str, dict[str, set[int]]], dict[str, dict[str, set[int]]]]:
    """(whole terms, compound-part terms) per language, with the positions of the words giving them."""
    whole: dict[str, dict[str, set[int]]] = {lang: {} for lang in LANGS}
    parts: dict[str, dict[str, set[int]]] = {lang: {} for lang in LANGS}
    for word in words:
        for ns, terms in word.terms.items():
            if ns == "fp":
                continue
            for term, factor in terms.items():
                # the parts of a compound nobody wrote (isävauvaryhmä, imetysongelmat) are what it says
                target = parts if factor == PART_FACTOR and term not in word.new_parts else whole
                target[ns].setdefault(term, set()).add(word.position)
    return whole, parts


def _word_terms(
    word: Word,
    per_lang: dict[str, list[tuple[str, int, int, bool]]],
    known: Known,
    suggest: Suggest,
    plan: QueryPlan,
    lang: str,
) -> None:
    surface = word.text.lower()
    voikko_knows = bool(voikko(surface)[0] or restore_diacritics(surface))
    for lg in LANGS:
        for term, start, _, part in per_lang[lg]:
            if start != word.position:
                continue
            bucket = word.terms.setdefault(lg, {})
            bucket[term] = max(bucket.get(term, 0.0), PART_FACTOR if part else 1.0)
            if lg == "fi" and voikko_knows and not part:
                word.terms.setdefault("fp", {})[term] = PART_FACTOR
            if not part:
                for other in related(term, lg):
                    bucket.setdefault(other, LINK_FACTOR)
    indexed = any(known(ns, t) for ns, terms in word.terms.items() for t, f in terms.items() if f > PART_FACTOR)
    if voikko_knows and not indexed:
        lemmas = voikko(surface)[0] or restore_diacritics(surface)
        inner = inner_parts(surface).union(*(inner_parts(lemma) for lemma in lemmas))
        word.new_parts = frozenset(
            t for t, f in word.terms.get("fi", {}).items() if f == PART_FACTOR and t not in inner
        )
    if lang == "sv" and indexed and not voikko_knows:
        swedish_parts(word.terms, surface, known)
    typed = fold(surface)
    if indexed and lang != "fi" and len(surface) >= 5 and not known_in(word.terms, lang, known):
        # a word the index has only in another language (möter) may be a slip in the query's own (mother)
        found = correction(stems(word.terms, lang, typed), lang, True, suggest)
        if found:
            plan.corrections[typed] = found
            word.terms.setdefault(lang, {})[found] = FIX_FACTOR
    if len(surface) < 5 or indexed or (voikko_knows and len(surface) < KNOWN_SLIP_FROM):
        return

    def corrected(own: bool) -> bool:
        for lg in (lang, *[x for x in LANGS if x != lang]):
            if own and voikko_knows and lg != "fi":
                continue  # a Finnish word's Swedish or English stem (kotiä of kotiäiti) is no form of it
            found = correction(stems(word.terms, lg, typed) if own else [typed], lg, voikko_knows, suggest)
            if found:
                plan.corrections[typed] = found
                word.terms.setdefault(lg, {})[found] = FIX_FACTOR
                if lg == "sv" and not voikko_knows:
                    swedish_parts(word.terms, found, known)
                return True
        return False

    # as typed; then an unknown Finnish word one slip from a word Voikko knows; then through its stems
    if corrected(False):
        return
    variant = None if voikko_knows else repaired(word.terms, surface, known)
    if variant:
        plan.corrections[typed] = variant
        return
    if corrected(True) or voikko_knows:
        return
    for lg in (lang, *[x for x in LANGS if x != lang]):

        def piece(text: str, lg: str = lg) -> list[str]:
            terms = [t for t, _, _, p in analyse(text, lg, query=True) if not p and known(lg, t)]
            return terms or (suggest(lg, text, 1) if len(text) >= 5 else [])

        parts = split(surface, lg, piece)
        if parts:
            plan.splits[typed] = parts
            for term in parts:
                word.terms.setdefault(lg, {})[term] = FIX_FACTOR
            return


def _joined(words: list[Word], text: str, known: Known) -> None:
    """Two adjacent words typed apart that the index knows as one ("post partum", "perhe työ") also give it."""
    for first, second in zip(words, words[1:], strict=False):
        if text[first.position + len(first.text) : second.position].strip():
            continue  # something other than spaces between them
        joined = first.text + second.text
        for lg in LANGS:
            for term, _, _, part in analyse(joined, lg, query=True):
                if not part and known(lg, term):
                    for word in (first, second):
                        word.terms.setdefault(lg, {}).setdefault(term, FIX_FACTOR)


def _add_attribute(plan: QueryPlan, matcher: ConceptMatcher, scheme: str, concept: str) -> None:
    name = ATTRIBUTE_FACETS.get(scheme) or matcher.notation.get(concept, concept)
    value = matcher.notation.get(concept, "true") if name in ATTRIBUTE_FACETS else "true"
    if value not in plan.attributes.setdefault(name, []):
        plan.attributes[name].append(value)


def _corrected_attributes(plan: QueryPlan, matcher: ConceptMatcher, typed: frozenset[str]) -> None:
    """Attribute words read only once corrected (utan remis, Helsini) are attributes, not text."""
    fixed = {w.position for w in plan.words if fold(w.text) in plan.corrections or fold(w.text) in plan.splits}
    if not fixed:
        return
    consumed: set[int] = set()
    for hit in matcher.match(*_query_terms(plan.words), typed).values():
        if hit.scheme in EXACT_SCHEMES and hit.words & fixed:
            _add_attribute(plan, matcher, hit.scheme, hit.concept)
            consumed |= hit.words
    plan.words = [w for w in plan.words if w.position not in consumed]


def plan_query(
    text: str,
    lang: str,
    matcher: ConceptMatcher,
    known: Known,
    suggest: Suggest,
    pathways: PathwayReader | None = None,
) -> QueryPlan:
    """Attributes, content words with their terms, the concepts the words name, and pathway anchors."""
    per_lang = {lg: analyse(text, lg, query=True) for lg in LANGS}
    typed = frozenset(fold(t) for t, _, _ in tokens(text))
    # a stop word of the query's language (what, när, mistä) is no content in any language
    content = {start for _, start, _, _ in per_lang[lang]}
    per_lang = {lg: [t for t in terms if t[1] in content] for lg, terms in per_lang.items()}
    starts = sorted(content)
    ends = {s: e for terms in per_lang.values() for _, s, e, _ in terms}
    words = []
    for start in starts:
        word = Word(start, text[start : ends[start]])
        for lg in LANGS:
            for term, s, _, part in per_lang[lg]:
                if s == start and not part:
                    word.terms.setdefault(lg, {})[term] = 1.0
        words.append(word)
    plan = QueryPlan()
    consumed: set[int] = set()
    for hit in matcher.match(*_query_terms(words), typed).values():
        if hit.scheme in EXACT_SCHEMES:
            _add_attribute(plan, matcher, hit.scheme, hit.concept)
            consumed |= hit.words
    relations = pathways.relations(text) if pathways else []
    consumed |= {w.position for w in words for _, _, start, end in relations if start <= w.position < end}
    plan.words = [Word(w.position, w.text) for w in words if w.position not in consumed]
    for word in plan.words:
        _word_terms(word, per_lang, known, suggest, plan, lang)
    _joined(plan.words, text, known)
    plan.words = [w for w in plan.words if w.terms]
    _corrected_attributes(plan, matcher, typed)
    hits = {
        cid: h for cid, h in matcher.match(*_query_terms(plan.words), typed).items() if h.scheme not in EXACT_SCHEMES
    }
    plan.matched = sorted(hits)
    plan.concepts = {cid: (h.coverage, h.words) for cid, h in hits.items()}
    for cid, hit in hits.items():
        for above in matcher.broader.get(cid, []):
            strength = hit.coverage * BROADER_FACTOR
            if above not in plan.concepts or plan.concepts[above][0] < strength:
                plan.concepts[above] = (strength, hit.words)
    if pathways:
        read_anchors(plan, relations, hits, pathways)
    return plan


def did_you_mean(text: str, corrections: dict[str, str]) -> str | None:
    """The query with its corrected words, or None when nothing was corrected."""
    return " ".join(corrections.get(fold(w), w) for w in text.split()) if corrections else None


def interpreted(plan: QueryPlan) -> dict[str, object] | None:
    """How the query was read: its attributes, the concepts it names, split words; None when plain."""
    out: dict[str, object] = {}
    for name, values in plan.attributes.items():
        out[name] = True if values == ["true"] else values
    if plan.matched:
        out["concepts"] = plan.matched
    if plan.splits:
        out["split"] = {word: " ".join(parts) for word, parts in plan.splits.items()}
    for relation, services in plan.anchors.items():
        out[relation] = services
    return out or None
