"""Stored answers sent as the build wrote them: by the server from their file where it can send files itself
(gunicorn, with os.sendfile: the kernel copies from the page cache), else in pieces from the mapped file.

Under gunicorn a 53 MB stored answer took 38–82 ms to reach curl, most of it Python copying 1 MB pieces out of
the mapping and writing them; sent from the file, 12–35 ms: the kernel's copy (docs/benchmarks.md). Werkzeug's
development server has a file wrapper too, but it reads 8 KB at a time in Python, so it keeps the pieces.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flask import Response, request


def _sends_files(wrapper: Any) -> bool:
    """Whether the server's `wsgi.file_wrapper` is one it sends from the file descriptor (gunicorn's)."""
    return str(getattr(wrapper, "__module__", "")).startswith("gunicorn.")


def stored_response(
    length: int, pieces: Iterable[bytes], mimetype: str, headers: Mapping[str, str] | None = None
) -> Response:
    """A response of a stored answer's `length` bytes: from its file (pieces that say where they lie, a server
    that sends files), else its pieces."""
    sent = {**(headers or {}), "Content-Length": str(length)}
    wrapper = request.environ.get("wsgi.file_wrapper")
    path, offset = getattr(pieces, "path", None), getattr(pieces, "offset", None)
    if isinstance(path, Path) and isinstance(offset, int) and wrapper is not None and _sends_files(wrapper):
        handle = path.open("rb")  # closed by the server with the wrapper, after the last byte
        handle.seek(offset)  # gunicorn sends Content-Length bytes from here
        return Response(wrapper(handle), mimetype=mimetype, headers=sent, direct_passthrough=True)
    return Response(pieces, mimetype=mimetype, headers=sent)
