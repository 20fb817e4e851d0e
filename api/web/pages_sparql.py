"""The SPARQL editor for browsers: `/sparql` asked for HTML gets a query form with the named queries as examples.

Protocol clients are not affected: a request with a query is answered as the protocol says unless
it asks for `format=html` (what the editor's form sends), and only a browser's Accept without a
query gets the editor instead of the service description. The example catalogue is made once per build.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any
from urllib.parse import urlencode

from flask import current_app, request
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from api.resources import resources
from api.web.fragments import cached_page
from api.web.i18n import page_lang
from api.web.quotes import URL_SAFE
from api.web.sparql_view import editor_html
from graph.errors import PerhepolkuError
from graph.store import KnowledgeGraph, inspect
from graph.store.sparql import strip_lexemes

MAX_ROWS = 500  # rows shown in the page; the protocol endpoint gives them all
SELECT_MEDIA = "application/sparql-results+json"
GRAPH_MEDIA = "text/turtle"
VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\ufffd]+)")
DEFAULT_QUERY = """PREFIX pp: <https://w3id.org/perhepolku/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?service ?title WHERE {
  ?service a pp:Service ; dct:title ?title .
  FILTER (lang(?title) = "fi")
} ORDER BY ?title LIMIT 25
"""


def catalogue(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """The named queries as editor examples, each with its example parameters bound and its link's query string.

    Made once per build: encoding the texts of the queries for their links is most of the editor's work.
    """

    def make() -> list[dict[str, Any]]:
        out = []
        for query in kg.catalog:
            params = {p.name: p.example for p in query.params if p.example}
            try:
                text = query.bound_text(kg.bind(query.name, params)) if params else query.text
            except PerhepolkuError:  # an example naming a service this build lacks (a generated graph)
                text = query.text
            encoded = urlencode({"query": text, "format": "html"}, safe=URL_SAFE)  # once a build, not per link
            out.append({"name": query.name, "title": query.title, "description": query.description, "text": text})
            out[-1]["query_string"] = escape(encoded)  # escaped once: the texts are most of the page
        return out

    examples: list[dict[str, Any]] = kg.memo("web-sparql-catalogue", make)
    return examples


def examples_html(kg: KnowledgeGraph, lang: str) -> Markup:
    """The editor's examples as list items linking to the editor in `lang`.

    An item is the same in every language but for its link's `lang`, so the text around that value is
    made once a build (every value escaped) and only joined per language.
    """
    root = request.script_root

    def make() -> list[tuple[str, str]]:
        editor = escape(f"{root}/sparql")
        return [
            (
                f'    <li><a lang="en" href="{editor}?{q["query_string"]}&amp;lang=',
                f'">{escape(q["title"])}</a> <span lang="en" class="hint">({escape(q["name"])}) '
                f"{escape(q['description'])}</span></li>\n",
            )
            for q in catalogue(kg)
        ]

    halves: list[tuple[str, str]] = kg.memo(f"web-sparql-examples:{root}", make)
    code = escape(lang)
    return Markup("".join(f"{before}{code}{after}" for before, after in halves))


def _run(query: str) -> dict[str, Any]:
    """The query's answer as the page shows it: a table, a yes/no, or Turtle text (budgeted like the protocol)."""
    kind = inspect(query).kind
    media = SELECT_MEDIA if kind == "results" else GRAPH_MEDIA
    budget = current_app.extensions["perhepolku_budget"]
    client = request.remote_addr or "unknown"
    budget.check(client)
    started = time.monotonic()
    try:
        body = resources().sandbox.execute(query, media)
    finally:
        budget.charge(client, time.monotonic() - started)
    if kind != "results":
        return {"kind": "graph", "text": body.decode("utf-8")}
    data = json.loads(body)
    if "boolean" in data:
        return {"kind": "boolean", "value": data["boolean"]}
    rows, head = data["results"]["bindings"], query_order(query, data["head"]["vars"])
    return {"kind": "table", "head": head, "body": table_body(head, rows[:MAX_ROWS]), "total": len(rows)}


def query_order(query: str, names: list[str]) -> list[str]:
    """The answer's variables in the order the query first names them (Oxigraph sorts `SELECT *`'s)."""
    bare = strip_lexemes(query)
    first: dict[str, int] = {}
    for found in VARIABLE.finditer(bare):
        first.setdefault(found.group(1), found.start())
    return sorted(names, key=lambda name: first.get(name, len(bare)))  # a stable sort: the unnamed keep their place


def table_body(head: list[str], rows: list[dict[str, dict[str, str]]]) -> Markup:
    """The rows of a SELECT answer as table rows, every value escaped (built in Python: up to MAX_ROWS rows
    of cells, which a template loop would make the slowest part of the page)."""
    out = []
    for row in rows:
        cells = []
        for name in head:
            cell = row.get(name)
            if not cell:
                cells.append("<td></td>")
                continue
            lang, value = cell.get("xml:lang"), escape(cell["value"])
            text = f'<a href="{value}">{value}</a>' if cell.get("type") == "uri" else value
            cells.append(f'<td lang="{escape(lang)}">{text}</td>' if lang else f"<td>{text}</td>")
        out.append(f"    <tr>{''.join(cells)}</tr>\n")
    return Markup("".join(out))


def editor(query: str | None) -> ResponseReturnValue:
    """The editor page; with a query, its answer under the form (a bad query: its message, status 400)."""
    page_lang()
    if query is None:
        return cached_page(_page)(None)  # the empty editor changes only with the build and the language
    return _page(query)


def _page(query: str | None) -> ResponseReturnValue:
    answer, problem = None, None
    if query is not None:
        try:
            answer = _run(query)
        except PerhepolkuError as exc:  # the protocol's own refusals and syntax errors, shown in the page
            problem = exc
    page = editor_html(
        query if query is not None else DEFAULT_QUERY,
        answer,
        problem.detail if problem else None,
        examples_html(resources().kg, page_lang()),
        MAX_ROWS,
    )
    return (page, problem.status) if problem else page
