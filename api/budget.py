"""A per-client query-time budget for /sparql, in the manner of the Wikidata Query Service.

Each client (by remote address) may spend `seconds` of query time in any sliding `window`
seconds; past that, queries are refused with 429 and a Retry-After that says when enough of the
spent time has left the window. The tally is kept per server process.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque

from graph.errors import RateLimited

MAX_CLIENTS = 100_000  # beyond this many tracked clients, the idle ones are forgotten


class QueryBudget:
    """Seconds of query time each client may spend per window (0 seconds: no budget)."""

    def __init__(self, seconds: float, window: float) -> None:
        self.seconds, self.window = seconds, window
        self._spent: dict[str, deque[tuple[float, float]]] = {}
        self._lock = threading.Lock()

    def _live(self, client: str, now: float) -> deque[tuple[float, float]]:
        entries = self._spent.setdefault(client, deque())
        while entries and entries[0][0] <= now - self.window:
            entries.popleft()
        return entries

    def check(self, client: str) -> None:
        """RateLimited if `client` has spent its budget in the current window."""
        if self.seconds <= 0:
            return
        now = time.monotonic()
        with self._lock:
            entries = self._live(client, now)
            spent = sum(duration for _, duration in entries)
            if spent < self.seconds:
                return
            # the time at which enough spent time has left the window to be under the budget again
            excess, free_at = spent - self.seconds, now
            for ended, duration in entries:
                excess -= duration
                free_at = ended + self.window
                if excess < 0:
                    break
        retry = max(1, math.ceil(free_at - now))
        raise RateLimited(
            f"this client has used its {self.seconds:g} s of query time per {self.window:g} s; retry in {retry} s",
            retry_after=retry,
        )

    def charge(self, client: str, duration: float) -> None:
        """Add the time a query of `client` took."""
        if self.seconds <= 0:
            return
        now = time.monotonic()
        with self._lock:
            if len(self._spent) >= MAX_CLIENTS:
                for key in [k for k, v in self._spent.items() if not v or v[-1][0] <= now - self.window]:
                    del self._spent[key]
            self._live(client, now).append((now, duration))
