"""Parts of pages that do not change within a build, rendered once per build and language and kept with it.

A gap list for a filter, the pathway tables, the example catalogue of the SPARQL editor: each is a
function of the build, the page language and a few URL values, so it is rendered on first use and
kept in the build's resources (`kg.memo`), where the next build starts empty. Keys for URL-dependent
parts are bounded by an LRU, so no request grows it past MAX_PARTS parts or MAX_BYTES of text. A
whole page is kept the same way under its full URL. What every page repeats many times (a fact's
quotes, a link to a service) is built in Python rather than by a template, which a first visit of a
new URL would pay for at each occurrence.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from functools import wraps
from threading import Lock
from typing import Any
from urllib.parse import quote

from flask import render_template, request
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from api.resources import resources
from api.web.i18n import label, page_lang, pick
from api.web.names import chosen_lang, escaped, per_request
from graph.vocab import LANGS

MAX_PARTS = 2048  # rendered parts and pages kept per build for URL-dependent keys (filters, offsets)
MAX_BYTES = 32 * 1024 * 1024  # and at most this much text, whatever their number


class Parts:
    """A bounded, thread-safe map of rendered parts for one build."""

    def __init__(self) -> None:
        self._items: OrderedDict[Hashable, Markup] = OrderedDict()
        self._size = 0
        self._lock = Lock()

    def get(self, key: Hashable, make: Callable[[], Markup]) -> Markup:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # rendered outside the lock; two requests may both render the same part once
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self._size += len(value)
            while len(self._items) > MAX_PARTS or self._size > MAX_BYTES:
                self._size -= len(self._items.popitem(last=False)[1])
        return value

    def peek(self, key: Hashable) -> Markup | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


def _parts() -> Parts:
    parts: Parts = resources().kg.memo("web-parts", Parts)
    return parts


def clear() -> None:
    """Forget every rendered part of the current build (the benchmark's first-render figures use it)."""
    _parts().clear()


def cached_page(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    """Keep a page view's HTML per build under its full URL: a page is a function of the build and its URL.

    Only rendered pages (a str) are kept; downloads and errors pass through.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        key = ("page", request.script_root, request.full_path)  # behind a proxy's prefix, links differ
        found = _parts().peek(key)
        if found is not None:
            return found
        page = view(*args, **kwargs)
        if isinstance(page, str):
            _parts().get(key, lambda: Markup(page))
        return page

    return wrapper


def kept_page(state: Hashable, make: Callable[[], str]) -> Markup:
    """This URL's page in the given state (such as which channels are open now), rendered once per build."""
    return _parts().get(("page", request.script_root, request.full_path, state), lambda: Markup(make()))


def part(template: str, key: Hashable, **context: Any) -> Markup:
    """`template` rendered with `context`, kept per build under (template, language, key)."""
    return kept(template, key, lambda: Markup(render_template(template, **context)))


def kept(name: str, key: Hashable, make: Callable[[], Markup]) -> Markup:
    """The part `name` that `make` builds, kept per build under (name, language, key)."""
    return _parts().get((name, request.script_root, page_lang(), key), make)


def service_href(service_id: str) -> str:
    """The service page's URL in the page's language (what url_for gives, without its cost in long lists)."""
    return f"{request.script_root}/services/{quote(service_id, safe='')}?lang={page_lang()}"


def _anchors() -> dict[str, tuple[dict[str, Any], Markup, Markup]]:
    """Every service's labels and its links in the page's language (full label, plain name), made once a build
    and found once a request."""
    found: dict[str, tuple[dict[str, Any], Markup, Markup]] = per_request(f"anchors:{page_lang()}", _build_anchors)
    return found


def _build_anchors() -> dict[str, tuple[dict[str, Any], Markup, Markup]]:
    kg, lang, root = resources().kg, page_lang(), request.script_root

    def make() -> dict[str, tuple[dict[str, Any], Markup, Markup]]:
        out = {}
        for row in kg.services:
            labels = {code: row.get(code) for code in LANGS}
            href = escape(f"{root}/services/{quote(row['id'], safe='')}?lang={lang}")
            full = Markup(f'<a href="{href}">{label(labels, row["id"])}</a>')
            out[row["id"]] = (labels, full, Markup(f'<a href="{href}">{escape(pick(labels, lang)[0])}</a>'))
        return out

    anchors: dict[str, tuple[dict[str, Any], Markup, Markup]] = kg.memo(f"web-anchors:{root}:{lang}", make)
    return anchors


def service_link(service_id: str, labels: Mapping[str, Any] | None) -> Markup:
    """A link to a service page named in the page's language (the fallback marked)."""
    return service_links()(service_id, labels)


def service_links() -> Callable[[str, Mapping[str, Any] | None], Markup]:
    """`service_link` with the build's links looked up once, for a list that links many services."""
    anchors = _anchors()

    def link(service_id: str, labels: Mapping[str, Any] | None) -> Markup:
        found = anchors.get(service_id)
        if found is not None and found[0] == labels:
            return found[1]
        return Markup(f'<a href="{escape(service_href(service_id))}">{label(labels, service_id)}</a>')

    return link


def service_name_link(service_id: str) -> Markup:
    """A link to a service page named by the service's label in the page's language (a plain name, for tables)."""
    return service_name_links()(service_id)


def service_name_links() -> Callable[[str], Markup]:
    """`service_name_link` with the build's links looked up once, for a table that links many services."""
    anchors = _anchors()

    def link(service_id: str) -> Markup:
        found = anchors.get(service_id)
        return found[2] if found is not None else escape(service_id)

    return link


def unknown_html() -> Markup:
    """What a page shows for a fact the sources leave unknown (made once a request: a page shows it often)."""

    def make() -> Markup:
        text = escaped("Unknown: the sources do not say")
        return Markup(f'<span class="unknown">{text}</span>')

    found: Markup = per_request(f"unknown:{chosen_lang()}", make)
    return found
