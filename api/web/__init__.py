"""The web interface: server-rendered pages over the same domain functions the JSON API calls.

Each page module adds its routes to `bp`; a page parses its URL, calls one domain function and renders
a Jinja template. Texts go through the gettext catalogues in translations/ (fi, sv, en); state lives in
the URL, so every view can be shared; every asset is served from static/ by the app itself. Bad input
on a page gets a page that says what is wrong, with the status the JSON API would give.
"""

from __future__ import annotations

import re

from flask import Blueprint, Flask, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from api.web.i18n import page_lang
from api.web.names import PARAMETER_NAMES, _l, gettext, use_lang
from graph.errors import NotFound, PerhepolkuError
from graph.vocab import LANGS

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static", static_url_path="/assets")


# what a page says for each status, in the page's language (the API's own English detail is kept below it)
MESSAGES = {
    400: _l("A value in the address cannot be used. Check the value named below and try again."),
    404: _l("There is no page at this address, or the service or document it names does not exist."),
    429: _l("Too many requests in a short time. Wait a moment and try again."),
    503: _l("The service is busy or the answer took too long. Try again in a moment."),
}
OTHER = _l("The request could not be answered. Try again later.")
API_HINT = re.compile(r";?\s*(?:GET|POST) /\S+ lists them")  # a program's hint, not a reader's


def _error_page(status: int, detail: str, field: str | None) -> ResponseReturnValue:
    title = gettext("Not found") if status == 404 else gettext("The request could not be answered")
    message = gettext(MESSAGES.get(status, OTHER))
    name = PARAMETER_NAMES.get(field, field) if field else None
    value = request.args.get(field) if field else None
    technical = API_HINT.sub("", detail).strip()
    return render_template(
        "error.html", title=title, message=message, detail=technical, field=name, value=value
    ), status


@bp.errorhandler(PerhepolkuError)
def domain_error(exc: PerhepolkuError) -> ResponseReturnValue:
    return _error_page(404 if isinstance(exc, NotFound) else exc.status, exc.detail, exc.field)


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException) -> ResponseReturnValue:
    return _error_page(exc.code or 500, "", None)  # werkzeug's English description says nothing more


NOT_PAGES = ("/api/", "/hsds", "/id/", "/sparql", "/openapi", "/.well-known", "/health")  # the API's own addresses


def page_not_found(exc: HTTPException) -> ResponseReturnValue:
    """An address no route serves: a browser gets the Not found page (in the asked language), a program the API's
    problem document, as before."""
    from api.negotiation import prefers_html
    from api.problems import problem

    if request.blueprint == bp.name:  # a page's own 404 (an asset): its error page, as the blueprint's handler gives
        return http_error(exc)
    if request.path.startswith(NOT_PAGES) or not prefers_html():
        return problem(404, exc.name, exc.description or exc.name)
    lang = request.args.get("lang", "fi")
    use_lang(lang if lang in LANGS else "fi")
    return _error_page(404, "", None)


@bp.before_request
def choose_language() -> None:
    """Read `lang` before the view runs, so even an error page is in the asked language (or says why not)."""
    page_lang()


def init_app(app: Flask) -> None:
    """Register the pages, their error pages and the language machinery on `app`."""
    from api.web import (
        chrome,
        facts,
        fragments,
        i18n,
        listing,
        notices,
        pages_gaps,
        pages_pathways,
        pages_screening,
        pages_search,
        pages_service,
        pages_source,
        quotes,
    )

    for module in (pages_search, pages_service, pages_source, pages_screening, pages_pathways, pages_gaps):
        assert module.bp is bp  # each module attached its routes to the one blueprint

    i18n.init_app(app)
    app.register_error_handler(404, page_not_found)
    app.jinja_env.globals.update(
        part=fragments.part,
        sources_html=quotes.sources_html,
        unknown_html=fragments.unknown_html,
        service_href=fragments.service_href,
        parts_html=facts.parts_html,
        criteria_html=facts.criteria_html,
        links_html=facts.links_html,
        checkboxes_html=listing.checkboxes_html,
        options_html=listing.options_html,
        pager=listing.pager_html,
        head_html=chrome.head_html,
        nav_html=chrome.nav_html,
        langs_html=chrome.langs_html,
        footer_html=chrome.footer_html,
        layout_html=chrome.layout_html,
        historical_notice_html=notices.historical_notice_html,
        channel_unknown_html=notices.channel_unknown_html,
        historical_badge=notices.historical_badge,
    )
    app.register_blueprint(bp)
