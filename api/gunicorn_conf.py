"""gunicorn settings for perhepolku: `gunicorn -c python:api.gunicorn_conf 'api:create_app()'` (`make serve-prod`).

gunicorn 27 refuses a request target with bytes above 0x7F (RFC 9112 §3.2 wants them
percent-encoded) and answers 400 before the application runs. curl, browsers' address bars
and people typing `?q=jälkeinen` send those bytes raw; nginx and Werkzeug's development server
take them. So that raw and percent-encoded UTF-8 get the same answer on both servers, the
target check here refuses what gunicorn refuses except bytes 0x80-0xFF (controls, space and DEL
stay refused); the application then reads the bytes as UTF-8 (api/guard.py refuses invalid UTF-8
with a 400 naming the query string). The pure-Python parser is the one this applies to.
gunicorn's path decoding assumes an ASCII target (it would encode raw bytes a second time), so
`pre_request` percent-encodes them first: the path then decodes exactly like its escaped spelling.
"""

from __future__ import annotations

import re
from typing import Any

from gunicorn.http import message

http_parser = "python"
message.RFC9112_TARGET_INVALID = re.compile(r"[^\x21-\x7e\x80-\xff]")


_RAW = re.compile(r"[\x80-\xff]")


def pre_request(worker: Any, req: Any) -> None:
    """Percent-encode raw bytes in the path (a Latin-1 string here) before gunicorn builds PATH_INFO."""
    req.path = _RAW.sub(lambda m: f"%{ord(m.group()):02X}", req.path)
    worker.log.debug("%s %s", req.method, req.path)
