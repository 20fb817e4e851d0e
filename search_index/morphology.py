"""Voikko's readings of a Finnish word: the native libvoikko when it is installed, else pyvoikko.

Both run the voikko-fi transducer and both give its raw output (libvoikko's FSTOUTPUT, pyvoikko's
lookup), which is read here, the same way for both, into the base form and the base forms of the
compound's parts. libvoikko drops the readings that break Finnish compounding (a boundary between
two equal vowels without a hyphen: koko|ontuva for kokoontuva, vauva|ansa for vauvaansa); pyvoikko's
bare transducer keeps them, so `valid` drops them here. libvoikko (Debian `libvoikko1` and
`voikko-fi`) loads in milliseconds and holds a few MB; pyvoikko's transducer takes about a second
and 220 MB (docs/search.md, "The Voikko backend"). PERHEPOLKU_VOIKKO picks one: `auto` (the
default: libvoikko if it opens), `libvoikko` or `pyvoikko`.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from typing import Any, NamedTuple

ENV = "PERHEPOLKU_VOIKKO"
BACKENDS = ("libvoikko", "pyvoikko")
_PIECE = re.compile(r"\[[^\]]*\]|[^\[]+")
_VOWELS = "aeiouyäöå"
Outputs = Callable[[str], list[str]]  # a backend: a word's transducer outputs


class Reading(NamedTuple):
    base: str  # the base form, as Voikko's BASEFORM (lower case, without '=')
    parts: tuple[str, ...]  # the compound's parts' base forms in order; () for a word of one part


def base_form(fst: str) -> str:
    """The base form in a transducer output: the surface up to the last [Xp]/[Xj] base, then that base.

    Text in [Xp] or [Xj] ... [X] is a base form, in [Xr]/[Xs] ... [X] a note; the rest is the surface
    (masenn + u + s + oire + ita with the bases masentaa, us, oire: masennus + oire).
    """
    surface, latest, start, mode = "", "", -1, ""
    for piece in _PIECE.findall(fst):
        if piece[0] == "[":
            if piece in ("[Xp]", "[Xj]"):
                mode, latest, start = "p", "", len(surface)
            elif piece in ("[Xr]", "[Xs]"):
                mode = "r"
            elif piece == "[X]":
                mode = ""
        elif mode == "p":
            latest += piece
        elif not mode:
            surface += piece
    base = surface[:start] + latest if start >= 0 else surface.removesuffix("-")
    return base.replace("=", "").lower()


def valid(fst: str) -> bool:
    """False for a compound reading libvoikko rejects (its isValidAnalysis, for words without hyphens):
    a boundary between two equal vowels or after a digit without a hyphen (koko|ontuva), a part that
    needs a hyphen ([Icu]) joined without one, a proper noun ([Le..]) ending in a common noun ([Ln..])
    without [Ica]."""
    last, mode, boundary, needs_hyphen, missing, proper, common = "", "", False, False, False, False, False
    for piece in _PIECE.findall(fst.replace("-[Bh]", "[Bh-]")):
        if piece[0] == "[":
            if piece[1] == "X":
                mode = "" if piece == "[X]" else "x"
            elif piece in ("[Bh]", "[Bh-]"):
                if missing:
                    return False
                missing = needs_hyphen and piece == "[Bh]"
                boundary = piece == "[Bh]"
            elif piece == "[Icu]":
                needs_hyphen = True
            elif piece == "[Ica]":
                missing = common = False
            elif piece.startswith("[Le"):
                proper, common = True, False
            elif piece.startswith("[Ln"):
                common = True
            elif piece == "[Dg]":
                proper = False
        elif not mode:
            if boundary and last and (last.isdigit() or (last == piece[0].lower() and last in _VOWELS)):
                return False
            boundary = False
            last = piece[-1].lower()
    return not missing and not (proper and common)


def read(fst: str) -> Reading:
    """The base form and the compound parts of one transducer output."""
    pieces = [p for p in fst.split("[Bc]") if "[L" in p]
    parts = tuple(b for b in map(base_form, pieces) if b) if len(pieces) > 1 else ()
    return Reading(base_form(fst), parts)


def _libvoikko() -> Outputs:
    import libvoikko

    try:
        handle = libvoikko.Voikko("fi")  # OSError without libvoikko.so.1
    except libvoikko.VoikkoException as error:  # no Finnish dictionary (voikko-fi)
        raise OSError(str(error)) from error
    lock = threading.Lock()  # a libvoikko handle is not thread safe

    def outputs(word: str) -> list[str]:
        with lock:
            found: list[dict[str, Any]] = handle.analyze(word)
        # an analysis without FSTOUTPUT is libvoikko's name reading of a compound ending in an
        # institution (Terveyskeskus beside terveyskeskus): the same base form in lower case
        return [a["FSTOUTPUT"] for a in found if "FSTOUTPUT" in a]

    return outputs


def _pyvoikko() -> Outputs:
    import pyvoikko  # loads the transducer (about a second and 220 MB)

    fst, unknown = pyvoikko.VOIKKO_FST, pyvoikko.TokenizationException

    def outputs(word: str) -> list[str]:
        try:
            return [out for out, _weight in fst.lookup(word) if valid(out)]
        except unknown:  # a character the transducer does not know
            return []

    return outputs


_lock = threading.Lock()
_loaded: tuple[str, Outputs] | None = None


def _open(wanted: str) -> tuple[str, Outputs]:
    if wanted in ("auto", "libvoikko"):
        try:
            return "libvoikko", _libvoikko()
        except (ImportError, OSError) as error:  # no wrapper, no native library or no dictionary: pyvoikko
            if wanted == "libvoikko":
                raise RuntimeError(f"{ENV}=libvoikko but libvoikko does not open: {error}") from error
    if wanted not in ("auto", "pyvoikko"):
        raise ValueError(f"{ENV} must be auto, libvoikko or pyvoikko, not {wanted!r}")
    return "pyvoikko", _pyvoikko()


def _backend() -> tuple[str, Outputs]:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _open(os.environ.get(ENV, "auto").strip().lower() or "auto")
    return _loaded


def backend() -> str:
    """The name of the backend in use (opening it on first call)."""
    return _backend()[0]


def outputs(word: str) -> list[str]:
    """The transducer's outputs for a word that the backend accepts, sorted (the backends' orders differ)."""
    return sorted(_backend()[1](word))


def readings(word: str) -> list[Reading]:
    """Every reading of a word; [] when Voikko does not know it."""
    return [read(out) for out in outputs(word)]
