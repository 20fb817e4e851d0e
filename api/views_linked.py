"""Linked Data: the IRIs the graph mints (https://w3id.org/perhepolku/id/…) resolve here with content
negotiation; the dataset's VoID/DCAT description; the CPSV-AP export; the whole graph of the served build as a dump."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, redirect, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from api.args import only_args
from api.negotiation import FORMAT_KEYS, choose, prefers_html
from api.openapi import register
from api.openapi_linked import PATHS
from api.resources import resources
from api.stored import stored_response
from graph import vocab
from graph.errors import NotFound
from graph.store import DUMP_PATH, dataset_description, describe_resource, dump_file, export_profile

bp = Blueprint("linked", __name__)
register(PATHS)
_KIND = re.compile(r"^[a-z][a-z-]{0,39}$")
_LOCAL = re.compile(r"^[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$")
# the HTML page of a resource kind, where the web interface has one: a browser is sent there (303)
WEB_PAGES = {"service": "/services/{id}", "concept": "/concepts/{id}"}


@bp.after_request
def vary(response: Response) -> Response:
    response.vary.add("Accept")
    return response


def _web_page(kind: str, local: str) -> str | None:
    """The web interface's page for the resource, if the app has that route."""
    template = WEB_PAGES.get(kind)
    if template is None:
        return None
    path = template.format(id=local)
    try:
        endpoint, _ = current_app.url_map.bind("localhost").match(path, method="GET")
    except (HTTPException, RequestRedirect):
        return None
    return path if endpoint != request.endpoint else None


@bp.get("/id/<kind>/<path:local>")
def resource(kind: str, local: str) -> Response:
    only_args(*FORMAT_KEYS)
    if not _KIND.match(kind) or len(local) > 200 or not _LOCAL.match(local):
        raise NotFound(f"no resource /id/{kind[:40]}/{local[:80]}", field="id")
    media = None
    if prefers_html():  # the hook for the web interface: its page if it has one, else readable Turtle
        page = _web_page(kind, local)
        if page:
            return redirect(page, code=303)  # type: ignore[return-value]
        media = "text/turtle"
    media = media or choose("graph")
    body = describe_resource(resources().kg, f"{vocab.ID}{kind}/{local}", media)
    return Response(body, mimetype=media)


@bp.get("/.well-known/void")
@bp.get("/api/v1/dataset")
def dataset() -> Response:
    only_args(*FORMAT_KEYS)
    media = choose("graph")
    res = resources()
    return Response(dataset_description(res.kg, res.build_dir, request.host_url, media), mimetype=media)


@bp.get("/api/v1/export/cpsv-ap")
def export_cpsv_ap() -> Response:
    only_args(*FORMAT_KEYS)
    media = choose("graph")
    length, pieces = export_profile(resources().kg, "cpsv-ap", media)
    return stored_response(length, pieces, media, {"Content-Disposition": 'inline; filename="perhepolku-cpsv-ap"'})


def _chunks(path: Path, compress: bool) -> Iterator[bytes]:
    """The file in 1 MiB chunks (gzip-compressed on the fly for a build without a dump); closed when done."""
    with path.open("rb") as source:
        while chunk := source.read(1 << 20):
            yield gzip.compress(chunk, mtime=0) if compress else chunk


@bp.get(DUMP_PATH)
def dump() -> Response:
    only_args()
    res = resources()
    name = f"perhepolku-{res.build_id}.nq.gz"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "ETag": f'"{res.build_id}"'}
    path = dump_file(res.build_dir)
    if path is None:
        return Response(_chunks(res.build_dir / "graph.nq", True), mimetype="application/gzip", headers=headers)
    headers["Content-Length"] = str(path.stat().st_size)
    return Response(_chunks(path, False), mimetype="application/gzip", headers=headers)
