"""The SearchIndex protocol (what api/ and search() use) and the engine adapter an index is built on.

An engine adapter only matches: it returns the documents a query's terms, concepts and
attributes reach, the engine's own best `window` of them with their stored payloads, and facet
counts over every match. Everything a person sees (ranking, snippets, did-you-mean, the
interpretation of the query) is computed from the payloads by search_index.common, once for
both engines, so Whoosh and tantivy give the same answers on the same documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from search_index.plan import QueryPlan
    from search_index.window import Window


class SearchIndex(Protocol):
    """An opened search index of one build."""

    @property
    def names(self) -> Mapping[str, Mapping[str, Any]]:
        """Labels of facet values: concept ids, and municipality codes as municipality:<code>."""
        ...

    def plan(self, text: str, lang: str) -> QueryPlan:
        """How a (non-empty) query is read: made once per search and handed to the calls below."""
        ...

    def search(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        limit: int,
        offset: int,
        *,
        plan: QueryPlan | None = None,
        keep: Callable[[str], bool] | None = None,
    ) -> dict[str, Any]:
        """Ranked hits with snippets, facet counts, did_you_mean and interpreted.

        With `keep`, only the ranked hits of the window whose id it keeps, and their number as the total.
        """
        ...

    def count(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        *,
        plan: QueryPlan | None = None,
    ) -> int:
        """The total `search` reports, without ranking, hits or facets."""
        ...

    def window(
        self,
        text: str,
        lang: str,
        filters: dict[str, list[str]],
        flags: dict[str, bool],
        *,
        plan: QueryPlan | None = None,
    ) -> set[str]:
        """The ids of the matches `search` ranks (the engine's best window), unranked."""
        ...

    def suggest(self, prefix: str, lang: str, limit: int) -> list[dict[str, str]]:
        """Completions of service titles and concept labels."""
        ...

    def close(self) -> None:
        """Release the engine's readers."""
        ...


@dataclass
class MatchRequest:
    """What a document must hold to match (any of it), and the exact filters it must pass."""

    terms: list[str] = field(default_factory=list)  # namespaced terms, "fi:masennus", "fp:vauva"
    concepts: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # situations a matching service may exclude
    attributes: dict[str, list[str]] = field(default_factory=dict)  # facet or flag -> values ("true")
    filters: dict[str, list[str]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    everything: bool = False  # no text: every document passing the filters


@dataclass
class Matched:
    """How many documents match, the engine's best window of them, facet counts over every match."""

    total: int
    window: Window
    facets: dict[str, Counter[str]]

    @property
    def payloads(self) -> list[dict[str, Any]]:
        """The window's payloads, in the engine's order."""
        return [self.window.payload(at) for at in range(len(self.window))]


class Engine(Protocol):
    """An engine adapter over one index folder."""

    def match(self, request: MatchRequest, window: int) -> Matched:
        """How many documents match, the best `window` of them as the ranking model reads them, facet counts."""
        ...

    def count(self, request: MatchRequest) -> int:
        """How many documents match (the total of `match`), without hits or facets."""
        ...

    def window(self, request: MatchRequest, size: int) -> list[str]:
        """The ids of the documents `match` returns for `size`, in the engine's order, without payloads or facets."""
        ...

    def complete(self, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The payloads of a page of hits with what a hit shows (labels, sentences) added."""
        ...

    def raw(self, request: MatchRequest) -> Any:
        """The engine's match alone (ten best, no payloads or facets): the floor search is measured against."""
        ...

    def close(self) -> None: ...
