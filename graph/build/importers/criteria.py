"""Requirement texts -> criteria: bounds the named rules read become criteria whose quote is the sentence
and whose reading (pp:Reading, interpreted) names the rule; sentences no rule reads stay text in an
assessed criterion (the service judges it; the screening reports it and never decides on it)."""

from __future__ import annotations

from collections.abc import Callable

from graph import vocab
from graph.build.importers.context import Context
from graph.build.importers.model import Catalogue, Cite, Resource
from graph.build.importers.requirements import read, sentences

PP, DCT, CV = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["cv"]
REQ = vocab.ID + "requirement/ptv-"
Municipality = Callable[[Catalogue, Context, str, Cite], str | None]


def _criterion(cat: Catalogue, svc: Resource, iri: str, kind: str, ident: str, sentence_cite: Cite) -> Resource:
    res = cat.resource(iri, PP + kind, identifier=ident)
    if not svc.has(CV + "holdsRequirement", iri):
        svc.add(CV + "holdsRequirement", iri, sentence_cite)
    return res


def add_requirements(
    cat: Catalogue,
    ctx: Context,
    svc: Resource,
    rid: str,
    key: str,
    texts: list[tuple[str, str, str]],
    municipality: Municipality,
) -> None:
    """Read each requirement sentence; one criterion per kind per service, each bound cited and read."""
    unread: dict[str, list[tuple[str, str]]] = {}
    described: set[tuple[str, str]] = set()
    for text, lang, path in texts:
        for sentence in sentences(text):
            cite = Cite(key, path, sentence)
            bounds = read(sentence, ctx.demonyms)
            if not bounds:
                unread.setdefault(lang, []).append((sentence, path))
            for bound in bounds:
                kind = {"stage": "FamilyStageCriterion", "residence": "ResidenceCriterion"}.get(bound.kind)
                if kind is None:  # access: the route the sentence names
                    value: str | int = vocab.CONCEPT + str(bound.value)
                    if not svc.has(PP + "accessRoute", value):
                        svc.add(PP + "accessRoute", value, cite)
                    subject, prop = svc.iri, PP + "accessRoute"
                else:
                    subject = f"{REQ}{rid}-{bound.kind}"
                    res = _criterion(cat, svc, subject, kind, f"ptv-{rid}-{bound.kind}", cite)
                    if (subject, lang) not in described:
                        described.add((subject, lang))
                        res.add(DCT + "description", (sentence, lang), cite)
                        res.add(DCT + "title", (sentence, lang), cite)
                    prop = PP + bound.prop
                    if bound.prop == "residenceMunicipality":
                        value = municipality(cat, ctx, str(bound.value), cite) or ""
                        if not value:
                            continue
                    else:
                        value = int(bound.value)
                        flag = "acceptsExpecting" if bound.prop == "minPregnancyWeek" else "acceptsFamiliesWithChild"
                        if not res.has(PP + flag):
                            res.add(PP + flag, True, cite)
                    if not res.has(prop):
                        res.add(prop, value, cite)
                cat.readings.append({"iri": f"{subject}/reading-{len(cat.readings)}", "subject": subject,
                                     "predicate": prop, "object": value, "record": key, "rule": bound.rule,
                                     "reading": f"rule {bound.rule} read {bound.prop} = {bound.value} in: {sentence}"})  # fmt: skip
    for lang, items in unread.items():
        iri = f"{REQ}{rid}-text-{lang}"
        res = _criterion(
            cat, svc, iri, "AssessedCriterion", f"ptv-{rid}-text-{lang}", Cite(key, items[0][1], items[0][0])
        )
        res.add(DCT + "description", (" ".join(s for s, _ in items), lang), Cite(key, items[0][1], items[0][0]))
        res.add(DCT + "title", (items[0][0], lang), Cite(key, items[0][1], items[0][0]))
        for sentence, path in items[1:]:
            res.cites.append(Cite(key, path, sentence))
