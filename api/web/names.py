"""Interface texts: each language's catalogue, read once a process, and translated names of fixed values.

Flask-Babel looks its catalogue up again on every call; a page makes hundreds, so the pages use
`gettext`/`ngettext` here, which read the compiled catalogue of a language once (the files ship with
the code and never change while it runs) and only look the request's language up. The names of
the API's fixed values (facets, flags, weekdays, link kinds, verdicts, gap kinds) are msgids marked
with `_l` for extraction and translated when a page reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from markupsafe import Markup, escape

TRANSLATIONS = Path(__file__).parent / "translations"
_CATALOGUES: dict[str, NullTranslations] = {}
_MARKUP: dict[tuple[str, str], Markup] = {}
_MSGIDS: dict[str, set[Any]] = {}
_ESCAPED: dict[tuple[str, str], str] = {}
# the request's page language, read without flask.g's proxy (a page makes a hundred lookups); set by
# use_lang and emptied when the request ends (forget_lang), so it never outlives its request
_LANG: ContextVar[str | None] = ContextVar("perhepolku_web_lang", default=None)
# what a page's parts share within one request (found once, not through flask.g's proxy each time); emptied
# with the language
_SCOPE: ContextVar[dict[str, Any] | None] = ContextVar("perhepolku_web_scope", default=None)


def use_lang(lang: str) -> None:
    """Make `lang` the language of this request's page and texts."""
    _LANG.set(lang)


def chosen_lang() -> str | None:
    """The language use_lang chose for this request, or None before it chose one."""
    return _LANG.get()


def forget_lang(_exc: BaseException | None = None) -> None:
    """At the end of a request: the next one chooses its own language and finds its own shared parts."""
    _LANG.set(None)
    _SCOPE.set(None)


def per_request(key: str, make: Callable[[], Any]) -> Any:
    """What `make` gives, made once a request under `key` and forgotten when the request ends."""
    scope = _SCOPE.get()
    if scope is None:
        scope = {}
        _SCOPE.set(scope)
    found = scope.get(key)
    if found is None:
        found = scope[key] = make()
    return found


def catalogue(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (fi, sv, en), read on first use."""
    found = _CATALOGUES.get(lang)
    if found is None:
        found = _CATALOGUES[lang] = Translations.load(str(TRANSLATIONS), [lang])
    return found


def _catalogue() -> NullTranslations:
    return catalogue(chosen_lang() or "fi")


def gettext(message: str, **variables: Any) -> str:
    text: str = _catalogue().gettext(message)
    return text % variables if variables else text


def esc(value: Any) -> str:
    """`str(markupsafe.escape(value))` for a page built in Python, without making a Markup of each value (a
    service page escapes about sixty): a plain str is replaced as markupsafe does, anything else escaped by it."""
    if type(value) is not str:
        return str(escape(value))
    if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return value


def escaped(message: str) -> str:
    """`gettext(message)` escaped for HTML, kept per language: a page shows the same few words dozens of times,
    and the catalogues never change while the process runs (only literal msgids are passed)."""
    lang = chosen_lang() or "fi"
    found = _ESCAPED.get((lang, message))
    if found is None:
        found = _ESCAPED[(lang, message)] = str(escape(catalogue(lang).gettext(message)))
    return found


def template_gettext(message: str, **variables: Any) -> Markup:
    """`_()`/`gettext()` in a template: what Jinja's newstyle gettext gives (the translation as markup, the
    variables escaped into it), with a text without variables kept per language, as it never changes."""
    lang = chosen_lang() or "fi"
    if variables:
        return Markup(catalogue(lang).gettext(message)) % variables
    found = _MARKUP.get((lang, message))
    if found is None:
        found = Markup(catalogue(lang).gettext(message)) % {}
        if message in _MSGIDS.setdefault(lang, set(getattr(catalogue(lang), "_catalog", ()))):  # the catalogue's own
            _MARKUP[(lang, message)] = found
    return found


def template_ngettext(singular: str, plural: str, num: int, **variables: Any) -> Markup:
    """`ngettext()` in a template, as Jinja's newstyle one (`num` among the variables)."""
    return Markup(_catalogue().ngettext(singular, plural, num)) % {"num": num, **variables}


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    text: str = _catalogue().ngettext(singular, plural, num)
    return text % {"num": num, **variables}


def _l(message: str) -> str:
    """Marks a msgid for extraction; it is translated where it is shown."""
    return message


class Translated:
    """A fixed mapping of values to msgids that answers in the page's language."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def __getitem__(self, key: str) -> str:
        return gettext(self.names[key])

    def __contains__(self, key: object) -> bool:
        return key in self.names

    def get(self, key: str, default: Any = None) -> Any:
        return gettext(self.names[key]) if key in self.names else default

    def html(self, key: str) -> str:
        """The name of `key` in the page's language, escaped for HTML."""
        return escaped(self.names[key])

    def items(self) -> Iterator[tuple[str, str]]:
        return ((key, gettext(name)) for key, name in self.names.items())

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)


FACET_NAMES = Translated(
    {
        "target_group": _l("Target group"),
        "situation": _l("Situation"),
        "work_form": _l("Way of working"),
        "service_level": _l("Service level"),
        "municipality": _l("Municipality"),
        "language": _l("Language"),
    }
)
FLAG_NAMES = Translated(
    {
        "free": _l("Free of charge"),
        "anonymous": _l("Anonymous"),
        "self_referral": _l("Without a referral"),
    }
)
WEEKDAYS = Translated(
    {
        "Monday": _l("Monday"),
        "Tuesday": _l("Tuesday"),
        "Wednesday": _l("Wednesday"),
        "Thursday": _l("Thursday"),
        "Friday": _l("Friday"),
        "Saturday": _l("Saturday"),
        "Sunday": _l("Sunday"),
    }
)
LINK_KINDS = Translated(
    {
        "next-step": _l("next step"),
        "escalation": _l("escalation"),
        "alongside": _l("alongside"),
        "continuation": _l("continuation"),
        "intake": _l("intake"),
        "referral": _l("referral"),
    }
)
GROUPS = Translated(
    {
        "eligible": _l("Eligible"),
        "likely": _l("Likely eligible"),
        "unknown": _l("Not known"),
        "ineligible": _l("Not eligible"),
    }
)
STATUSES = Translated(
    {
        "met": _l("met"),
        "failed": _l("not met"),
        "unknown": _l("unknown"),
        "missing": _l("not asked"),
        "assessed": _l("assessed by the service"),
    }
)
GAP_KINDS = Translated(
    {
        "excluded_no_alternative": _l("Excluded, no alternative"),
        "uncovered_window": _l("Stage not covered"),
        "no_service_in_language": _l("No service in a language"),
        "dead_end": _l("Pathway ends"),
        "unnamed_next_step": _l("Next step not named"),
        "missing_data": _l("Missing data"),
    }
)
STAGE_NAMES = Translated(
    {
        "pregnancy-early": _l("Pregnancy, weeks 1–19"),
        "pregnancy-late": _l("Pregnancy, weeks 20–42"),
        "baby": _l("Child 0–11 months"),
        "toddler": _l("Child 12–35 months"),
    }
)
FIELD_NAMES = Translated(
    {
        "previous_service": _l("Service the family has used before"),
        "current_service": _l("Service the family uses now"),
    }
)
SOURCE_KINDS = Translated(
    {
        "web-page": _l("web page"),
        "brochure": _l("brochure"),
        "letter": _l("letter"),
        "design-card": _l("design card"),
        "catalogue-record": _l("catalogue record"),
    }
)
SOURCE_STATUSES = Translated(
    {
        "undated": _l("undated"),
        "current": _l("current"),
        "historical": _l("historical"),
        "design-assumption": _l("design assumption"),
    }
)
LANGUAGE_NAMES = Translated({"fi": _l("Finnish"), "sv": _l("Swedish"), "en": _l("English")})
PARAMETER_NAMES = Translated(
    {
        "lang": _l("language of the page (lang)"),
        "id": _l("the address's service or document"),
        "quote": _l("quote"),
        "offset": _l("page of the list (offset)"),
        "municipality": _l("Municipality"),
        "service": _l("service"),
        "kind": _l("kind"),
        "format": _l("format"),
        "query": _l("Query"),
        "limit": _l("number of results (limit)"),
    }
)
NAMES = {
    "facet_names": FACET_NAMES,
    "flag_names": FLAG_NAMES,
    "weekdays": WEEKDAYS,
    "link_kinds": LINK_KINDS,
    "group_names": GROUPS,
    "status_names": STATUSES,
    "gap_kinds": GAP_KINDS,
    "stage_names": STAGE_NAMES,
    "field_names": FIELD_NAMES,
    "source_kinds": SOURCE_KINDS,
    "source_statuses": SOURCE_STATUSES,
    "language_names": LANGUAGE_NAMES,
}
