"""The Whoosh engine adapter (the design card's engine): pre-analysed terms in, matches and facets out."""

from __future__ import annotations

import json
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.fields import ID, KEYWORD, STORED, Schema

from search_index.common import SharedIndex
from search_index.fields import FACETS, FLAGS, MATCH_FIELDS
from search_index.prepare import engine_terms, excluded_situations
from search_index.protocol import Matched, MatchRequest
from search_index.snippets import compact
from search_index.window import PayloadWindow

ENGINE = "whoosh"


def schema() -> Schema:
    fields: dict[str, Any] = {"id": ID(stored=True, unique=True), "payload": STORED()}
    fields["terms"] = KEYWORD(scorable=True)
    for name in MATCH_FIELDS + FACETS + FLAGS:
        fields[name] = KEYWORD(commas=True)
    return Schema(**fields)


def build(folder: Path, rows: list[dict[str, Any]]) -> None:
    """Write the engine's part of an index folder: one Whoosh document per prepared row."""
    (folder / ENGINE).mkdir(parents=True)
    ix = whoosh_index.create_in(str(folder / ENGINE), schema())
    writer = ix.writer(limitmb=256)
    for row in rows:
        fields: dict[str, Any] = {"id": row["id"], "payload": json.dumps(row["payload"], ensure_ascii=False)}
        fields["terms"] = " ".join(row["terms"])
        for name, values in row["keywords"].items():
            fields[name] = ",".join(values)
        writer.add_document(**fields)
    writer.commit(optimize=True)


class WhooshEngine:
    """Matching and facet counting over an opened Whoosh index; a searcher per thread."""

    def __init__(self, folder: Path) -> None:
        self.ix = whoosh_index.open_dir(str(folder / ENGINE))
        self._local = threading.local()
        self._searchers: list[Any] = []
        self._lock = threading.Lock()
        # payloads per document number, read once (Whoosh serves up to a few thousand documents): counting
        # facets from their value arrays beats Whoosh's per-search facet set-up, and no hit is decoded twice
        self.payloads = {num: json.loads(stored["payload"]) for num, stored in self.searcher.iter_docs()}
        for payload in self.payloads.values():
            payload["sentences"] = compact(payload["sentences"])
        labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        self.postings = postings(self.payloads, {e["id"]: e.get("broader", []) for e in labels})
        self.every = frozenset(self.payloads)

    @property
    def searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.ix.searcher()
            with self._lock:
                self._searchers.append(searcher)
        return searcher

    def _query(self, request: MatchRequest) -> tuple[Q.Query, Q.Query | None]:
        if request.everything:
            query: Q.Query = Q.Every()
        else:
            clauses: list[Q.Query] = [Q.Term("terms", t) for t in request.terms]
            clauses += [Q.Term("concepts", c) for c in request.concepts]
            clauses += [Q.Term("excludes", c) for c in request.excluded]
            clauses += [Q.Term(name, v) for name, values in request.attributes.items() for v in values]
            query = Q.Or(clauses) if clauses else Q.NullQuery
        conditions: list[Q.Query] = [Q.Or([Q.Term(n, v) for v in vs]) for n, vs in request.filters.items() if vs]
        conditions += [Q.Term(n, "true") if on else Q.Not(Q.Term(n, "true")) for n, on in request.flags.items()]
        return query, (Q.And(conditions) if conditions else None)

    def matching(self, request: MatchRequest) -> set[int]:
        """The document numbers the request matches, from the postings held in memory (no Whoosh query)."""
        get = self.postings.get
        if request.everything:
            found = set(self.every)
        else:
            keys = [f"terms:{t}" for t in request.terms] + [f"concepts:{c}" for c in request.concepts]
            keys += [f"excludes:{c}" for c in request.excluded]
            keys += [f"{name}:{v}" for name, values in request.attributes.items() for v in values]
            found = set().union(*(get(key, ()) for key in keys))
        for name, values in request.filters.items():
            if values:
                found &= set().union(*(get(f"{name}:{v}", ()) for v in values))
        for name, wanted in request.flags.items():
            holding = get(f"{name}:true", frozenset())
            found = found & holding if wanted else found - holding
        return found

    def _best(self, request: MatchRequest, found: set[int], window: int) -> list[int]:
        """The documents ranking reads: every match, or Whoosh's own best `window` when there are more."""
        if len(found) <= window:
            # every match is ranked by the shared model: the engine's own order is not needed
            return sorted(found)
        query, condition = self._query(request)
        return [hit.docnum for hit in self.searcher.search(query, filter=condition, limit=window)]

    def match(self, request: MatchRequest, window: int) -> Matched:
        found = self.matching(request)
        counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        for num in found:
            for name, values in self.payloads[num]["facets"].items():
                counts[name].update(values)
        best = [self.payloads[num] for num in self._best(request, found, window)]
        return Matched(len(found), PayloadWindow(best), counts)

    def count(self, request: MatchRequest) -> int:
        return len(self.matching(request))

    def window(self, request: MatchRequest, size: int) -> list[str]:
        """The ids of the documents `match` would return, no facets."""
        return [self.payloads[num]["id"] for num in self._best(request, self.matching(request), size)]

    def complete(self, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Whoosh's payloads are whole already (read once at open)."""
        return payloads

    def raw(self, request: MatchRequest) -> Any:
        """The match alone, as `match` finds it (the postings), without payloads or facets."""
        return self.matching(request)

    def close(self) -> None:
        with self._lock:
            searchers, self._searchers = self._searchers, []
        for searcher in searchers:
            searcher.close()


def postings(payloads: dict[int, dict[str, Any]], broader: dict[str, list[str]]) -> dict[str, frozenset[int]]:
    """field:value -> the document numbers holding it: the same keys the index was written with (indexer.write_index)."""
    found: dict[str, set[int]] = {}
    for num, payload in payloads.items():
        keys = {f"terms:{t}" for t in engine_terms(payload)}
        keys |= {f"concepts:{c}" for c in payload["concepts"]}
        keys |= {f"excludes:{c}" for c in excluded_situations(payload, broader)}
        keys |= {f"{name}:{v}" for name in FACETS for v in payload["facets"].get(name, [])}
        keys |= {f"{name}:true" for name in FLAGS if name in payload["flags"]}
        for key in keys:
            found.setdefault(key, set()).add(num)
    return {key: frozenset(nums) for key, nums in found.items()}


def open_index(folder: Path) -> SharedIndex:
    return SharedIndex(folder, WhooshEngine(folder), ENGINE)
