"""Named-query answers computed once by the build: the parameterless calls, and every value of a query's one
required parameter when its domain is the build's own (services, concepts, languages, municipalities).

At 6,400 services several queries take seconds in Oxigraph (the exclusion gap 39 s, the requirement rows
17 s), and a bound parameter helps only where the query is written from it outwards (LATERAL, as the
per-service queries are): Oxigraph evaluates the rest of a pattern before it joins the binding. So the
build runs each query once, without its parameter, and
splits the solutions by that parameter's column: the answer for each value is the rows the bound query
gives (the same query; tests/graph/test_precompute.py holds every stored answer equal to the live query
for every value). Answers are SPARQL JSON; the server sends them as stored or converts them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.classed import classed_queries, store_classed
from graph.build.placed import placed_queries, store_placed
from graph.store.catalog import Catalog, NamedQuery
from graph.store.endpoint import EXPORT_CAPS
from graph.store.graphstore import GraphStore, stored_rows
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PRECOMPUTED_DIR, answer_key, write_answers, write_graphs, write_rows
from graph.store.sparql import GRAPH_TYPES, distinct

# parameterless queries a server itself needs at start, for the screening, the gap report and pathways
PRECOMPUTED = (
    "concepts",
    "services",
    "municipalities",
    "requirements",
    "screening-facts",
    "service-channels",
    "pathway-edges",
    "graph-sizes",
    "gap-excluded-no-alternative",
    "gap-language",
    "situation-coverage",
    "gap-dead-ends",
    "gap-missing-data",
)
JSON = ox.QueryResultsFormat.JSON
GROUPED_TYPES = ("service", "concept", "language", "municipality")  # parameter types with the build's domain
# not split by their parameter: run without it, exclusion-alternatives lists every alternative of every
# exclusion (about 500,000 rows at 6,400 services; bound, it is evaluated from its service outwards and
# answers in milliseconds to a few hundred), and the pathway queries join every pair of the closure
# (bound, they answer in milliseconds since their rewrites)
NOT_GROUPED = ("exclusion-alternatives", "pathway-downstream", "pathway-upstream")
# optional parameters whose unbound form is every value's answer together ("without it: the channels of
# every service"), so the unbound run is split exactly like a required parameter's
SPLIT_OPTIONAL = ("service-channels",)
SMALL_TYPES = ("language", "scheme", "boolean")  # optional parameters of these are run for each of their values
# the formats every parameterless graph query's answer is stored in; one whose N-Triples are at most
# SMALL_GRAPH bytes is stored in every graph format, a larger one is converted from its N-Triples on request
GRAPH_FORMATS = ("application/n-triples", "text/turtle")
SMALL_GRAPH = 8 << 20


def stored_queries(catalog: Catalog) -> list[NamedQuery]:
    """Every SELECT named query that takes no required parameter: the build stores its parameterless answer."""
    return [q for q in catalog if q.form == "SELECT" and not any(p.required for p in q.params)]


def grouped_queries(catalog: Catalog) -> list[NamedQuery]:
    """SELECT queries with exactly one parameter, required (or in SPLIT_OPTIONAL), of a type whose every
    value the build knows."""
    return [
        q
        for q in catalog
        if q.form == "SELECT"
        and len(q.params) == 1
        and (q.params[0].required or q.name in SPLIT_OPTIONAL)
        and q.params[0].type in GROUPED_TYPES
        and q.name not in NOT_GROUPED
    ]


def per_value_queries(catalog: Catalog) -> list[NamedQuery]:
    """SELECT queries whose parameters are all optional and of small domains: the build runs every
    combination of their values bound (a query may treat a parameter unbound differently, so its rows
    cannot be split by it)."""
    return [
        q
        for q in catalog
        if q.form == "SELECT" and q.params and all(not p.required and p.type in SMALL_TYPES for p in q.params)
    ]


def graph_queries(catalog: Catalog) -> list[NamedQuery]:
    """CONSTRUCT and DESCRIBE queries without parameters: the build stores their graphs (GRAPH_FORMATS)."""
    return [q for q in catalog if q.form in ("CONSTRUCT", "DESCRIBE") and not q.params]


def combinations(kg: KnowledgeGraph, query: NamedQuery) -> list[dict[str, str]]:
    """Every call of a per-value query but the one without parameters: each parameter unbound or one of
    its values, in every combination."""
    calls: list[dict[str, str | None]] = [{}]
    for param in query.params:
        calls = [{**call, param.name: value} for call in calls for value in (None, *_values(kg, param.type))]
    return [{k: v for k, v in call.items() if v is not None} for call in calls[1:]]


def _values(kg: KnowledgeGraph, kind: str) -> list[str]:
    if kind == "boolean":
        return ["true", "false"]
    return list(vocab.LANGS) if kind == "language" else sorted(kg.schemes)


def domain(kg: KnowledgeGraph, query: NamedQuery) -> list[str]:
    """Every raw value the query's one parameter accepts in this build."""
    param = query.params[0]
    if param.type == "service":
        return sorted(kg.service_ids)
    if param.type in SMALL_TYPES:
        return _values(kg, param.type)
    if param.type == "municipality":
        return sorted(key for key in kg.municipalities if key.isdigit() and len(key) == 3)  # by code
    scheme = param.name.replace("_", "-")
    return sorted(c for c, v in kg.concepts.items() if scheme not in kg.schemes or v["scheme"] == scheme)


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def sparql_json(variables: list[str], solutions: Iterable[ox.QuerySolution]) -> bytes:
    """SELECT solutions as SPARQL 1.1 Query Results JSON."""
    # a solution iterated gives its values in the variables' order (None where unbound), faster than by name
    bindings = [{v: _term(t) for v, t in zip(variables, s, strict=True) if t is not None} for s in solutions]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _grouped(kg: KnowledgeGraph, store: GraphStore, query: NamedQuery) -> dict[str, bytes]:
    """The query's answer for every value of its parameter, from one run without it."""
    name = query.params[0].name
    result = store.run(query.text)
    variables = [v.value for v in result.variables]
    if name not in variables:
        return {}
    by_value: dict[str, list[ox.QuerySolution]] = {}
    every = list(result)
    for solution in every:
        by_value.setdefault(str(solution[name]), []).append(solution)
    answers = {} if query.params[0].required else {answer_key({}): sparql_json(variables, every)}
    for value in domain(kg, query):
        bound = kg.bind(query.name, {name: value})
        answers[answer_key(bound)] = sparql_json(variables, by_value.get(str(bound[name]), []))
    return answers


def _answer(store: GraphStore, query: NamedQuery) -> bytes:
    return bytes(store.run(query.text).serialize(format=JSON) or b"")


def graph_answers(store: GraphStore, query: NamedQuery) -> dict[str, bytes]:
    """A parameterless graph query's distinct triples in each stored format (media type -> bytes), in the
    order of their N-Triples lines: Oxigraph's order varies between builds of the same graph, and a build's
    stored files are compared byte for byte."""
    triples = sorted(distinct(store.run(query.text), EXPORT_CAPS["max_triples"]), key=str)
    answers = {media: _graph(triples, media) for media in GRAPH_FORMATS}
    if len(answers["application/n-triples"]) <= SMALL_GRAPH:
        answers.update({media: _graph(triples, media) for media in GRAPH_TYPES if media not in answers})
    return answers


def _graph(triples: list[ox.Triple], media: str) -> bytes:
    return bytes(ox.serialize(triples, format=GRAPH_TYPES[media][1]) or b"")


def precompute(build_dir: Path, store: GraphStore, progress: Callable[[str], None]) -> dict[str, Any]:
    """Build step: the stored and grouped answers, and the rows of the PRECOMPUTED queries. Returns the
    step's seconds and each query's, slowest first."""
    started = time.perf_counter()
    (build_dir / PRECOMPUTED_DIR).mkdir(exist_ok=True)
    catalog = Catalog()
    kg = KnowledgeGraph(store, catalog)
    seconds: dict[str, float] = {}
    with_values = {q.name for q in per_value_queries(catalog) + grouped_queries(catalog) + classed_queries(catalog)} | {
        q.name for q in placed_queries(catalog)
    }
    for query in stored_queries(catalog):
        if query.name in with_values:
            continue  # below, with its values
        begun = time.perf_counter()
        answer = _answer(store, query)
        write_answers(build_dir, query.name, {answer_key({}): answer})
        if query.name in PRECOMPUTED:
            write_rows(build_dir, query.name, stored_rows(answer))
        seconds[query.name] = round(time.perf_counter() - begun, 2)
    for query in grouped_queries(catalog):
        begun = time.perf_counter()
        answers = _grouped(kg, store, query)
        write_answers(build_dir, query.name, answers)
        if query.name in PRECOMPUTED:
            write_rows(build_dir, query.name, stored_rows(answers[answer_key({})]))
        seconds[query.name] = round(time.perf_counter() - begun, 2)
    for query in per_value_queries(catalog):
        begun = time.perf_counter()
        answers = {}
        for call in combinations(kg, query):
            bound = kg.bind(query.name, call)
            answers[answer_key(bound)] = bytes(store.run(query.text, bound).serialize(format=JSON) or b"")
        unbound = _answer(store, query)
        write_answers(build_dir, query.name, {answer_key({}): unbound, **answers})
        if query.name in PRECOMPUTED:
            write_rows(build_dir, query.name, stored_rows(unbound))
        seconds[query.name] = round(time.perf_counter() - begun, 2)
    store_classed(build_dir, kg, store, seconds)
    store_placed(build_dir, catalog, store, seconds)
    for query in graph_queries(catalog):
        begun = time.perf_counter()
        write_graphs(build_dir, query.name, graph_answers(store, query))
        seconds[query.name] = round(time.perf_counter() - begun, 2)
    progress(f"precomputed {len(seconds)} queries")
    slowest = dict(sorted(seconds.items(), key=lambda item: -item[1]))
    return {"precompute_seconds": round(time.perf_counter() - started, 2), "precompute_queries": slowest}
