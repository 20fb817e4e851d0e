"""Voikko's two backends: the transducer's outputs read alike, and both give the same analyses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from search_index import morphology
from search_index.analysis import tokens

SOURCES = Path(__file__).resolve().parents[2] / "graph" / "data" / "sources"


@pytest.mark.parametrize(
    ("fst", "base", "parts"),
    [
        (  # a compound of three nouns
            "[Ln][Xp]vauva[X]vauv[Sn][Ny]a[Bh][Bc][Ln][Xp]perhe[X]perhe[Sn][Ny][Bh][Bc][Ln][Xp]työ[X]työ[Sn][Ny]",
            "vauvaperhetyö",
            ("vauva", "perhe", "työ"),
        ),
        (  # a derived modifier (masentaa + -us) in the partitive plural: the surface up to the last base
            "[Lt][Xp]masentaa[X]masenn[Ln][Xj]us[X]u[Sn][Ny]s[Bh][Bc][Ln][Xp]oire[X]oire[Sp][Nm]ita",
            "masennusoire",
            ("masennus", "oire"),
        ),
        (  # a genitive modifier and a derived head (tehdä + -jä)
            "[Ln][Xp]työ[X]työ[Sg][Ny]n[Bh][Bc][Lt][Xp]tehdä[X]teki[Ln][Xj]jä[X][Sn][Ny]jä",
            "työntekijä",
            ("työ", "tekijä"),
        ),
        (  # a prefix without a base form of its own
            "[Lp]ensi[Bh][Bc][Ln][Xp]koti[X]kot[Sn][Ny]i[Bh][Bc][Ln][Xp]jakso[X]jakso[Sn][Ny]",
            "ensikotijakso",
            ("ensi", "koti", "jakso"),
        ),
        ("[Lep][Xp]Helsinki[X]helsing[Sg][Ny]in", "helsinki", ()),  # one part: no parts
        ("[Ln][Xp]perhe[X]perhe[Sg][Ny]en", "perhe", ()),
    ],
)
def test_a_transducer_output_is_read_into_its_base_form_and_parts(fst: str, base: str, parts: tuple[str, ...]):
    assert morphology.read(fst) == morphology.Reading(base, parts)


@pytest.mark.parametrize(
    ("fst", "ok"),
    [
        ("[Ln][Xp]koko[X]koko[Sn][Ny][Bh][Bc][Lt][Xp]ontua[X]ontu[Ll][Rv]v[Xj]a[X][Sn][Nm]at", False),  # o|o
        ("[Ln][Xp]vauva[X]vauv[Sn][Ny]a[Bh][Bc][Ln][Xp]ansa[X]ans[Sn][Ny]a", False),  # a|a
        ("[Lt][Xp]kokoontua[X]kokoontu[Ll][Rv]v[Xj]a[X][Sn][Nm]at", True),
        ("[Ln][Xp]koti[X]kot[Sn][Ny]i[Bh][Bc][Ln][Xp]käynti[X]käynt[Sp][Nm]ejä", True),
        ("[Ln][Xp]päihde[X]päihde[Sn][Ny][Bh][Bc][Ln][Xp]ongelma[X]ongelm[Sn][Ny]a", True),  # e|o
    ],
)
def test_a_reading_libvoikko_rejects_is_not_valid(fst: str, ok: bool):
    assert morphology.valid(fst) is ok


def test_the_backend_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch):
    def missing() -> None:
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(morphology, "_libvoikko", missing)
    monkeypatch.setattr(morphology, "_pyvoikko", lambda: lambda word: [])
    assert morphology._open("auto")[0] == "pyvoikko"  # the fallback
    assert morphology._open("pyvoikko")[0] == "pyvoikko"
    with pytest.raises(RuntimeError, match="libvoikko does not open"):
        morphology._open("libvoikko")
    with pytest.raises(ValueError, match="auto, libvoikko or pyvoikko"):
        morphology._open("hfst")


def _libvoikko_or_skip() -> morphology.Outputs:
    try:
        return morphology._libvoikko()
    except (ImportError, OSError):
        pytest.skip("libvoikko is not installed (apt-get install libvoikko1 voikko-fi)")


def test_both_backends_read_the_seed_documents_alike():
    """Every word of the seed documents (and a word only pyvoikko's bare transducer reads as a compound):
    the same outputs, so the same terms, from libvoikko and from pyvoikko."""
    native, bare = _libvoikko_or_skip(), morphology._pyvoikko()
    words = {w for path in SOURCES.glob("*.txt") for w, _, _ in tokens(path.read_text(encoding="utf-8"))}
    words = {w for w in words if re.fullmatch(r"\w+", w)} | {"kokoontuvat", "vauvaansa"}
    assert len(words) > 800
    differ = [w for w in sorted(words) if sorted(native(w)) != sorted(bare(w))]
    assert differ == []
    assert [morphology.read(o).parts for o in bare("kokoontuvat")] == [(), ()]
