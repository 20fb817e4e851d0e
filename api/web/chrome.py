"""What every page has around its content, built in Python: the stylesheet links, the main navigation, the
language switch, the footer.

Each is a function of the build's URL root and the page's language (and the navigation of the page's
endpoint), so a first visit of a page in a language used to render three small templates with a dozen
`url_for` calls; the addresses are now made once a build, every text is a catalogue message, escaped.
"""

from __future__ import annotations

from pathlib import Path

from flask import request, send_from_directory, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from api.resources import resources
from api.web import bp
from api.web.i18n import NATIVE, page_lang, urls_with
from api.web.names import _l, escaped, gettext

# the main navigation: (endpoint, msgid), in the order of the site
SECTIONS = (
    ("web.search", _l("Search")),
    ("web.screening", _l("Screening")),
    ("web.pathways", _l("Pathways")),
    ("web.gaps", _l("Service gaps")),
    ("sparql.sparql", _l("SPARQL")),
)
CURRENT = ' aria-current="page"'
STATIC = Path(__file__).parent / "static"
CURRENT_LANG = ' aria-current="true"'


def _paths() -> dict[str, str]:
    """The addresses the chrome links to, as url_for gives them under this request's root, made once a build."""
    root = request.script_root

    def make() -> dict[str, str]:
        paths = {endpoint: url_for(endpoint) for endpoint, _ in SECTIONS}
        paths["style"] = url_for("web.static", filename="style.css")
        paths["print"] = url_for("web.static", filename="print.css")
        paths["icon"] = url_for("web.static", filename="favicon.svg")
        paths["openapi"] = url_for("core.openapi")
        return {name: str(escape(path)) for name, path in paths.items()}

    found: dict[str, str] = resources().kg.memo(f"web-chrome-paths:{root}", make)
    return found


def section_path(endpoint: str) -> str:
    """The address of a main section (an endpoint of SECTIONS) under this request's root, escaped."""
    return _paths()[endpoint]


def head_html() -> Markup:
    """The stylesheets, for the screen and for print."""
    paths = _paths()
    return Markup(
        f'<link rel="stylesheet" href="{paths["style"]}">\n'
        f'<link rel="stylesheet" media="print" href="{paths["print"]}">\n'
        f'<link rel="icon" type="image/svg+xml" href="{paths["icon"]}">'
    )


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """The icon where browsers look for it without a page (the pages name it in their head)."""
    return send_from_directory(STATIC, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


def nav_html(current: str | None) -> Markup:
    """The brand link and the main navigation in the page's language, the current section marked."""
    paths, lang = _paths(), page_lang()
    main = escaped("Main")
    items = "".join(
        f'      <li><a href="{paths[endpoint]}?lang={lang}"{CURRENT if endpoint == current else ""}>'
        f"{escaped(msgid)}</a></li>\n"
        for endpoint, msgid in SECTIONS
    )
    return Markup(
        f'  <a class="brand" href="{paths["web.search"]}?lang={lang}">Perhepolku</a>\n'
        f'  <nav aria-label="{main}">\n    <ul>\n{items}    </ul>\n  </nav>'
    )


def langs_html(fragment: str = "") -> Markup:
    """The language switch: this page (its URL as it is, but `lang`, then `fragment`) in each language, the
    page's own marked."""
    lang = page_lang()
    hrefs = urls_with("lang", NATIVE)
    items = "".join(
        f'      <li><a href="{escape(href)}{escape(fragment)}" lang="{code}" hreflang="{code}"'
        f"{CURRENT_LANG if code == lang else ''}>{escape(name)}</a></li>\n"
        for href, (code, name) in zip(hrefs, NATIVE.items())
    )
    label = escaped("Language")
    return Markup(f'  <nav aria-label="{label}" class="langs">\n    <ul>\n{items}    </ul>\n  </nav>')


def footer_html() -> Markup:
    """The footer: where the facts come from, and the JSON API."""
    text = escape(
        gettext("Every fact comes from a source document; where the sources are silent, the page says unknown.")
    )
    api = escaped("JSON API")
    return Markup(f'<footer class="site">\n  <p>{text}\n  <a href="{_paths()["openapi"]}">{api}</a></p>\n</footer>')


def layout_html(title: str, head: str, main: str, scripts: str = "", lang_fragment: str = "") -> Markup:
    """A whole page around its parts: the document head, skip link, header, `main`, footer and scripts.

    Every page's layout: base.html hands it its blocks (already escaped, as Markup), and the pages built in
    Python (the service page) call it with theirs, so a first visit renders no template for the layout.
    `title` is escaped here unless it is Markup; `head`, `main` and `scripts` are markup as they are.
    """
    lang = page_lang()
    skip = escaped("Skip to content")
    return Markup(
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} – Perhepolku</title>\n{head_html()}\n{head}\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{skip}</a>\n<header class="site">\n{nav_html(request.endpoint)}\n'
        f'{langs_html(lang_fragment)}\n</header>\n<main id="main" tabindex="-1">\n{main}\n</main>\n'
        f"{footer_html()}\n{scripts}\n</body>\n</html>"
    )
