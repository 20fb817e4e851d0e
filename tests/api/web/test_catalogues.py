"""The interface texts: every text of the pages is in the fi, sv and en catalogues, translated, none stale.

The catalogues are committed as .po (edited by translators) and .mo (what Flask-Babel reads); the .mo
must be the compiled .po. To refresh after changing texts: extract with api/web/babel.cfg, update each
.po, compile (see docs/web.md).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[3] / "api" / "web"
LANGS = ("fi", "sv", "en")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None, "escaped": None}
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def extracted() -> set[str | tuple[str, str]]:
    """The msgids the code and templates use, as pybabel extract finds them with babel.cfg."""
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(WEB), method_map, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _key(value):
    return value if isinstance(value, str) else tuple(value)


def catalogue(lang: str):
    with (WEB / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_has_every_text_and_no_stale_one(lang):
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalogue(lang) if m.id}
    used = extracted()
    assert len(used) > 100
    assert used - ids == set(), "texts missing from the catalogue"
    assert ids - used == set(), "stale texts in the catalogue"


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_translated_with_the_same_placeholders(lang):
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(strings) and not message.fuzzy, message.id
        wanted = set(_PLACEHOLDER.findall(ids[-1]))
        assert all(set(_PLACEHOLDER.findall(s)) == wanted for s in strings), message.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalogue_is_the_po_file(lang):
    folder = WEB / "translations" / lang / "LC_MESSAGES"
    compiled = read_mo(io.BytesIO((folder / "messages.mo").read_bytes()))

    def flat(messages):
        return {_key(m.id): _key(m.string) for m in messages if m.id}

    as_po, as_mo = flat(catalogue(lang)), flat(compiled)
    assert as_mo == as_po


def test_finnish_and_swedish_differ_from_the_english_texts():
    fi, sv = catalogue("fi"), catalogue("sv")
    same = [m.id for m in fi if m.id and isinstance(m.id, str) and m.string == m.id and sv.get(m.id).string == m.id]
    assert same == ["SPARQL"]
