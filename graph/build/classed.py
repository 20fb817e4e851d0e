"""Answers stored per class: a named query whose numeric parameters are only compared (`?p < x`) with the
values of a few properties and a few numbers gives the same rows for every value between two of those
thresholds, so the build stores one answer per class and the server writes the asked value into it.

`eligibility-stage` has 43 × 242 calls (pregnancy week 1–42, a child's age 0–240 months, each or
neither); its thresholds in a generated graph of 6,400 services make a few dozen classes. The query's
`# classes:` header line (graph.store.catalog) names the comparisons; tests/graph/test_classed.py holds
every stored class equal to the live query at every threshold, either side of it and at the bounds.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from graph import vocab
from graph.errors import ArtefactError
from graph.parsing import CHILD_MONTHS, PREGNANCY_WEEKS
from graph.store.catalog import Catalog, NamedQuery
from graph.store.derived import echo
from graph.store.graphstore import GraphStore
from graph.store.knowledge import KnowledgeGraph
from graph.store.precomputed import PRECOMPUTED_DIR, answer_key, class_file, write_answers

BOUNDS = {"week": PREGNANCY_WEEKS, "months": CHILD_MONTHS}  # parameter type -> the values it takes
MAX_CALLS = 200  # more combinations of classes than this, and the query runs live instead (none stored)


def classed_queries(catalog: Catalog) -> list[NamedQuery]:
    """SELECT queries with a `# classes:` line covering each of their parameters, all optional."""
    return [
        q
        for q in catalog
        if q.form == "SELECT"
        and q.classes
        and {p.name for p in q.params} == {name for name, _ in q.classes}
        and all(not p.required and p.type in BOUNDS for p in q.params)
    ]


def representatives(store: GraphStore, query: NamedQuery) -> dict[str, list[int]]:
    """Per parameter, the least value of each class: its lower bound and every threshold above it."""
    kinds = {p.name: p.type for p in query.params}
    out = {}
    for name, bounds in query.classes:
        low, high = BOUNDS[kinds[name]]
        thresholds = {int(b) for b in bounds if b.isdigit()}
        for prop in (b for b in bounds if b.startswith("pp:")):
            node = ox.NamedNode(vocab.PP + prop[3:])
            for quad in store.store.quads_for_pattern(None, node, None, None):
                if isinstance(quad.object, ox.Literal) and (value := _number(quad.object.value)) is not None:
                    thresholds.add(math.ceil(value))  # an integer v < t iff v < ceil(t)
        out[name] = sorted({low} | {t for t in thresholds if low < t <= high})
    return out


def _number(text: str) -> Decimal | None:
    """A literal's value as an exact number, None for one that is not a finite number (SHACL would say)."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def calls(reps: dict[str, list[int]]) -> int:
    """How many answers the classes make: each parameter unbound or one of its classes."""
    return math.prod(len(values) + 1 for values in reps.values())


def classed_answers(
    kg: KnowledgeGraph, store: GraphStore, query: NamedQuery, reps: dict[str, list[int]] | None = None
) -> tuple[dict[str, bytes], dict[str, list[int]]]:
    """The answer of every combination of classes (each parameter unbound or one representative)."""
    reps = reps or representatives(store, query)
    names = list(reps)
    answers: dict[str, bytes] = {}
    for values in itertools.product(*([None, *reps[n]] for n in names)):
        call = {n: str(v) for n, v in zip(names, values, strict=True) if v is not None}
        bound = kg.bind(query.name, call)
        answer = bytes(store.run(query.text, bound).serialize(format=ox.QueryResultsFormat.JSON) or b"")
        parsed = json.loads(answer)
        rows = len(parsed["results"]["bindings"])
        for name, value in call.items():  # the server writes the asked value over the representative
            if answer.count(echo(name, int(value))) != rows:
                raise ArtefactError(f"{query.name}: ?{name} is not projected in every row as its classes need")
        # and writes several in one pass: they must be side by side in every row, in the projection's order
        projected = [v for v in parsed["head"]["vars"] if v in call]
        if len(call) > 1 and answer.count(b",".join(echo(n, int(call[n])) for n in projected)) != rows:
            raise ArtefactError(f"{query.name}: project its classed parameters side by side")
        answers[answer_key(bound)] = answer
    return answers, reps


def store_classed(build_dir: Path, kg: KnowledgeGraph, store: GraphStore, seconds: dict[str, float]) -> None:
    """Precompute part: every classed query's answers and its representatives (class_file)."""
    for query in classed_queries(kg.catalog):
        begun = time.perf_counter()
        reps = representatives(store, query)
        if calls(reps) > MAX_CALLS:  # nearly every call its own class: live but unbound
            unbound = bytes(store.run(query.text).serialize(format=ox.QueryResultsFormat.JSON) or b"")
            write_answers(build_dir, query.name, {answer_key({}): unbound})
        else:
            answers, reps = classed_answers(kg, store, query, reps)
            write_answers(build_dir, query.name, answers)
            class_file(build_dir / PRECOMPUTED_DIR, query.name).write_text(json.dumps(reps), encoding="utf-8")
        seconds[query.name] = round(time.perf_counter() - begun, 2)
