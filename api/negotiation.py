"""Content negotiation by Accept header, or by a `format` parameter for browsers."""

from __future__ import annotations

from flask import request

from graph.errors import InvalidParameter, NotAcceptable
from graph.store import FORMAT_PARAM


def choose(candidates: list[str]) -> str:
    """The media type to answer in: `format` wins, then the best Accept match; 406 if nothing fits."""
    fmt = request.args.get("format")
    if not fmt and request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
        fmt = request.form.get("format")
    if fmt:
        media = FORMAT_PARAM.get(fmt.lower(), fmt.lower())
        if media not in candidates:
            raise InvalidParameter(
                f"format {fmt[:40]!r} is not available here; one of: "
                f"{', '.join(n for n, m in FORMAT_PARAM.items() if m in candidates)}",
                field="format",
            )
        return media
    if not request.accept_mimetypes:
        return candidates[0]
    best = request.accept_mimetypes.best_match(candidates)
    if best is None:
        raise NotAcceptable(
            f"cannot answer in {request.headers.get('Accept', '')[:120]!r}; available: {', '.join(candidates)}"
        )
    return best
