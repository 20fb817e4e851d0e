"""Answers by place: a named query whose parameter is only compared for equality with each row's place (a
family's municipality against the area a service is for) gives, for every value, the rows it gives for a
value that is no place, but for the rows whose place is the value: their status is the `by-place:` line's
second word instead of its first. So the build stores the answer for a value that is no place, and the
server writes the asked value over it and the status of that value's rows (graph.store.derived).

`eligibility-area` lists every service for a municipality: 6,400 rows at 6,400 services, 0.7–1 s live
in the on-disk store, and 309 municipalities of 2.2 MB each if stored apiece. The build checks the line
against the live query for the places with the most and the fewest rows; tests/graph/test_placed.py holds
every official municipality's answer on the seed and generated builds equal to the live query.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from graph.errors import ArtefactError
from graph.store.catalog import Catalog, NamedQuery
from graph.store.derived import ELSEWHERE, at_place
from graph.store.graphstore import GraphStore
from graph.store.precomputed import PRECOMPUTED_DIR, answer_key, placed_file, write_answers

NOWHERE = "urn:perhepolku:no-place"  # the value no row's place is: every row as it is for any other value
JSON = ox.QueryResultsFormat.JSON


def placed_queries(catalog: Catalog) -> list[NamedQuery]:
    """SELECT queries with a `# by-place:` line whose one parameter it names."""
    return [q for q in catalog if q.form == "SELECT" and q.by_place and [p.name for p in q.params] == [q.by_place[0]]]


def _run(store: GraphStore, query: NamedQuery, value: str | None) -> bytes:
    bound = {query.by_place[0]: ox.NamedNode(value)} if query.by_place and value else {}
    return bytes(store.run(query.text, bound).serialize(format=JSON) or b"")


def placed_answers(store: GraphStore, query: NamedQuery) -> tuple[dict[str, bytes], dict[str, str]]:
    """The query's answer unbound and for NOWHERE, and its spec; ArtefactError where the line does not hold."""
    assert query.by_place is not None
    param, place, status, other, same = query.by_place
    unbound, nowhere = _run(store, query, None), _run(store, query, NOWHERE)
    spec = {"param": param, "place": place, "status": status, "other": other, "same": same, "nowhere": NOWHERE}
    rows = json.loads(nowhere)["results"]["bindings"]
    places = Counter(r[place]["value"] for r in rows if place in r and r[place]["type"] == "uri")
    ranked = places.most_common()
    for value in {ranked[0][0], ranked[-1][0]} if ranked else ():  # where it changes the most rows, and the fewest
        if json.loads(at_place(nowhere, spec, value)) != json.loads(_run(store, query, value)):
            raise ArtefactError(f"{query.name}: its by-place line does not hold for {value}")
    return {answer_key({}): unbound, ELSEWHERE: nowhere}, spec


def store_placed(build_dir: Path, catalog: Catalog, store: GraphStore, seconds: dict[str, float]) -> None:
    """Precompute part: every by-place query's two answers and its spec (placed_file)."""
    for query in placed_queries(catalog):
        begun = time.perf_counter()
        answers, spec = placed_answers(store, query)
        write_answers(build_dir, query.name, answers)
        placed_file(build_dir / PRECOMPUTED_DIR, query.name).write_text(json.dumps(spec), encoding="utf-8")
        seconds[query.name] = round(time.perf_counter() - begun, 2)
