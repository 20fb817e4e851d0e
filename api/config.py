"""Configuration: defaults, then PERHEPOLKU_* environment variables, then a mapping passed to create_app."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    "INSTANCE": "instance",  # build output folder (builds/ and the current link)
    "SEARCH_ENGINE": "auto",  # index engine a build uses: auto (by size), whoosh or tantivy
    "SPARQL_ENDPOINT": "",  # a remote SPARQL endpoint holding the build's graph; "": the embedded store
    "BUILD_DIR": None,  # a specific build folder to serve; None: instance/current
    "QUERY_TIMEOUT": 5.0,  # seconds a /sparql query may run
    "MAX_RESULTS": 100_000,  # distinct triples a /sparql CONSTRUCT or DESCRIBE may return
    "MAX_RESULT_BYTES": 10_000_000,  # serialised size a /sparql answer may reach
    "MAX_CONTENT_LENGTH": 64 * 1024,  # request body cap in bytes (Flask answers 413 above it)
    "MAX_QUERY_LENGTH": 1_000_000,  # characters of SPARQL text (a /sparql POST body may be 3 bytes a character)
    "QUERY_BUDGET": 60.0,  # seconds of /sparql query time a client may spend per window (0: no budget)
    "QUERY_BUDGET_WINDOW": 60.0,  # the sliding window of the budget, in seconds
    "CORS_ORIGIN": "*",
    "SPARQL_WORKERS": 2,  # processes that run client SPARQL (killed on timeout)
    "RELOAD_INTERVAL": 2.0,  # seconds between checks for a new build in instance/current (0: never)
    "LOG_REQUESTS": True,  # one JSON line per request on the perhepolku.access logger
    "FREEZE_GC": True,  # keep a served build's objects out of the collector's full passes (api/heap.py)
    "PROXY_FIX": 0,  # reverse proxies in front that set X-Forwarded-For/-Proto/-Host/-Port/-Prefix (0: trust none)
}
_TYPES = {k: type(v) for k, v in DEFAULTS.items() if v is not None}


def _bool(raw: str) -> bool:
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


def load(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, overridden by the environment (PERHEPOLKU_<KEY>), overridden by `overrides`."""
    config = dict(DEFAULTS)
    for key in DEFAULTS:
        raw = os.environ.get(f"PERHEPOLKU_{key}")
        if raw is not None and raw != "":
            cast = _TYPES.get(key, str)
            try:
                config[key] = _bool(raw) if cast is bool else cast(raw)
            except ValueError as exc:
                raise SystemExit(f"PERHEPOLKU_{key}={raw!r} is not a valid {cast.__name__}") from exc
    config.update(overrides or {})
    return config
