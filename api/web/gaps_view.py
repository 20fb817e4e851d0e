"""The gap explorer's filters and downloads built in Python, every value escaped.

A first visit of a gap filter rendered the form as template code: a gettext call per label, a loop per
language and kind of gap, url_for and url_with calls. What is shown is the request's filters and the
report's counts as they are; tests/api/web/test_kept.py holds the form equal to the template it replaced.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from markupsafe import Markup, escape

from api.web.chrome import section_path
from api.web.i18n import NATIVE, page_lang, url_with
from api.web.listing import gap_kinds_html
from api.web.names import _l, escaped, ngettext

# the words it shows (msgids, marked for extraction: a call inside an f-string is not found)
MUNICIPALITY = _l("Municipality")
HINT = _l("A name or a three-digit code; narrows the stage windows to services there")
LANGUAGE = _l("Language")
BOTH = _l("Swedish and English")
KIND = _l("Kind")
APPLY = _l("Apply filters")


def gaps_form_html(
    counts: Mapping[str, int], kinds: Collection[str], municipality: str, language: str, total: int
) -> Markup:
    """The filters (municipality, language, kinds of gap with their counts) and the downloads of the `total`
    gaps the filters match."""
    options = "".join(
        f'<option value="{code}" lang="{code}"{" selected" if code == language else ""}>{escape(NATIVE[code])}</option>'
        for code in ("sv", "en")
    )
    download = escape(
        ngettext(
            "Download the %(num)d gap these filters match:", "Download all %(num)d gaps these filters match:", total
        )
    )
    csv = escape(url_with(format="csv", offset=None))
    json = escape(url_with(format="json", offset=None))
    return Markup(
        f'<form method="get" action="{section_path("web.gaps")}" class="filters">\n'
        f'  <input type="hidden" name="lang" value="{page_lang()}">\n'
        f'  <p><label for="municipality">{escaped(MUNICIPALITY)}</label>\n'
        f'     <input id="municipality" name="municipality" type="text" value="{escape(municipality)}"'
        f' aria-describedby="m-hint">\n     <span id="m-hint" class="hint">{escaped(HINT)}</span></p>\n'
        f'  <p><label for="language">{escaped(LANGUAGE)}</label>\n    <select id="language" name="language">\n'
        f'      <option value="">{escaped(BOTH)}</option>\n      {options}\n    </select></p>\n'
        f"  <fieldset><legend>{escaped(KIND)}</legend>\n    {gap_kinds_html(counts, kinds)}\n  </fieldset>\n"
        f'  <button type="submit">{escaped(APPLY)}</button>\n</form>\n'
        f'<p class="downloads">{download}\n  <a href="{csv}" download>CSV</a> ·\n'
        f'  <a href="{json}">JSON</a></p>'
    )
