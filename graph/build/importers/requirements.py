"""Named rules that read machine-evaluable bounds from requirement sentences (Finnish and Swedish).

Each rule reads one kind of bound: a minimum pregnancy week, a child's age limit, residence in a
municipality, a referral needed or not. A sentence no rule reads stays text (the criterion unknown).
The rules prefer silence to a guess: a negated or hedged sentence ("myös muille kuin …", "ei ikärajaa")
is left unread. tests/fixtures/ptv/requirement-sentences.json measures them (precision and recall).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

NUMBERS = {"yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4,
           "viisi": 5, "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9,
           "kymmenen": 10, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7}  # fmt: skip
_NUM = r"(\d{1,2}|" + "|".join(NUMBERS) + r")"
_HEDGES = re.compile(r"\b(muille kuin|myös muut|ei ikärajaa|ikärajaa ei|även andra än|ingen åldersgräns)\b", re.I)


@dataclass(frozen=True)
class Bound:
    """One bound a rule read: the criterion kind, the property and its value, and the rule's name."""

    kind: str  # stage, residence, access
    prop: str  # minPregnancyWeek, childAgeUnderMonths, residenceMunicipality, accessRoute
    value: int | str
    rule: str


def _n(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text.lower()]


_WEEK = [
    re.compile(r"(?:aikaisintaan|alkaen|vasta) raskausviiko(?:lla|sta) " + r"(\d{1,2})", re.I),
    re.compile(r"raskausviiko(?:lla|sta) (\d{1,2}) (?:alkaen|lähtien|eteenpäin)", re.I),
    re.compile(r"raskauden (\d{1,2})\. viikosta (?:alkaen|lähtien)", re.I),
    re.compile(r"(?:från(?: och med)?|tidigast(?: i)?) graviditetsvecka (\d{1,2})", re.I),
    re.compile(r"från vecka (\d{1,2}) (?:av|i) graviditeten", re.I),
]
_CHILD_FI = r"(?:lasten|lapsien|lapsille|lapset|lapsiperhei\w*|vauvojen|vauvoille|vauvat|vauvaperhei\w*)"
_AGE = [
    (re.compile(r"alle " + _NUM + r"[ -]?vuotiai(?:den|lle|ta|t)\b[^.]{0,40}?" + _CHILD_FI, re.I), 12),
    (re.compile(r"alle " + _NUM + r"[ -]?kuukauden ikäi(?:sten|sille|set)\b[^.]{0,40}?" + _CHILD_FI, re.I), 1),
    (re.compile(r"alle (?:vuoden|yhden vuoden) ikäi(?:sten|sille|set)\b[^.]{0,40}?" + _CHILD_FI, re.I), 0),
    (re.compile(r"(?:lapsi|vauva) on (?:hoidon alkaessa )?alle " + _NUM + r"[ -]?vuotias", re.I), 12),
    (re.compile(r"joissa on alle " + _NUM + r"[ -]?vuotia(?:s|ita) lap(?:si|sia)", re.I), 12),
    (re.compile(r"\bbarn (?:som är )?under " + _NUM + r" år", re.I), 12),
    (re.compile(r"\bunder " + _NUM + r"[ -]?åriga barn", re.I), 12),
    (re.compile(r"\bbarn under (?:ett år|1 år)", re.I), 0),
]
_LÄHETE = r"lähet(?:e|teen|että)\b"  # a referral (lähete), as the object of a verb
_REFERRAL_NEEDED = [
    re.compile(r"\b(?:tarvitaan|vaaditaan|edellytetään|tarvitset|edellyttää) (?:\w+ ){0,3}" + _LÄHETE, re.I),
    re.compile(r"\blähete (?:tarvitaan|vaaditaan|on (?:välttämätön|pakollinen|tarpeen|edellytys))\b", re.I),
    re.compile(r"\b(?:vain|ainoastaan) (?:\w+ )?lähetteellä\b", re.I),
    re.compile(r"\b(?:kräver|krävs|behövs|behöver|förutsätter) (?:en )?remiss\b|\bremiss (?:krävs|behövs)\b", re.I),
    re.compile(r"\b(?:endast|bara) (?:med|på) remiss\b", re.I),
]
_REFERRAL_NOT_NEEDED = [
    re.compile(r"\bilman lähetettä\b|\blähetettä ei (?:tarvita|vaadita|tarvitse)\b|\bei tarvita lähetettä\b", re.I),
    re.compile(r"\bei (?:vaadi|edellytä) lähetettä\b|\bet tarvitse (?:\w+ )?lähetettä\b", re.I),
    re.compile(r"\blähete ei ole (?:tarpeen|tarpeellinen|välttämätön|pakollinen)\b", re.I),
    re.compile(r"\bitse tai (?:\w+ ){0,2}lähetteellä\b", re.I),  # "voi hakeutua itse tai lähetteellä"
    re.compile(r"\butan remiss\b|\bremiss (?:behövs|krävs) (?:inte|ej)\b|\bingen remiss\b", re.I),
    re.compile(r"\bbehöver (?:inte|ej) (?:någon |en )?remiss\b", re.I),
]
# "Palveluun ohjataan lääkärin lähetteellä.": read unless an alternative is named ("myös", "tai")
_PASSIVE_REFERRAL = re.compile(r"\b\w+(?:taan|tään) (?:\w+ ){0,2}lähetteellä\b", re.I)
# a referral needed only in some cases ("Lähete tarvitaan, jos …", "Vid behov krävs remiss.") is left unread
_CONDITIONAL = re.compile(r"\b(?:jos|mikäli|tarvittaessa|om|ifall|vid behov)\b", re.I)
_ALTERNATIVE = re.compile(r"\b(?:myös|tai|också|även|eller)\b", re.I)


def stage(sentence: str, demonyms: dict[str, str]) -> Iterator[Bound]:
    for pattern in _WEEK:
        if m := pattern.search(sentence):
            week = int(m.group(1))
            if 1 <= week <= 42:
                yield Bound("stage", "minPregnancyWeek", week, "pregnancy-week-from")
            break
    for pattern, unit in _AGE:
        if m := pattern.search(sentence):
            months = 12 if unit == 0 else _n(m.group(1)) * unit
            if 1 <= months <= 240:
                yield Bound("stage", "childAgeUnderMonths", months, "child-age-under")
            break


def residence(sentence: str, demonyms: dict[str, str]) -> Iterator[Bound]:
    for word in re.findall(r"\b(\w+l[aä]i(?:sille|siä|sia|set|sten))\b", sentence.lower()):
        stem = re.sub(r"l[aä]i(?:sille|siä|sia|set|sten)$", "", word)
        if stem in demonyms:
            yield Bound("residence", "residenceMunicipality", demonyms[stem], "residence-demonym")
    m = re.search(r"\b(?:för|till) (?:invånare i|dem som bor i|de som bor i|boende i) ([A-ZÅÄÖ][\wåäö-]+)", sentence)
    if m and m.group(1).lower() in demonyms:
        yield Bound("residence", "residenceMunicipality", demonyms[m.group(1).lower()], "residence-sv-invanare")


def access(sentence: str, demonyms: dict[str, str]) -> Iterator[Bound]:
    """A referral needed (`referral-needed`) or not (`referral-not-needed`); a conditional one is not read, nor
    a passive "…taan lähetteellä" beside an alternative ("myös", "tai": the referral is one way in)."""
    if any(p.search(sentence) for p in _REFERRAL_NOT_NEEDED):
        yield Bound("access", "accessRoute", "self-referral", "referral-not-needed")
    elif _CONDITIONAL.search(sentence):
        return
    elif any(p.search(sentence) for p in _REFERRAL_NEEDED) or (
        _PASSIVE_REFERRAL.search(sentence) and not _ALTERNATIVE.search(sentence)
    ):
        yield Bound("access", "accessRoute", "professional-referral", "referral-needed")


RULES: list[Callable[[str, dict[str, str]], Iterator[Bound]]] = [stage, residence, access]


def demonym_table(names: dict[str, str]) -> dict[str, str]:
    """Municipality code by the stem of its inhabitants' name (helsinki -> 091) and by Swedish name."""
    table = {}
    for name, code in names.items():
        table[name.lower()] = code
    return table


def sentences(text: str) -> list[str]:
    """The sentences of a requirement text (split at ., ! or ? followed by space and a capital, and at lines)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])|\n+", text)
    return [p.strip(" -•*\t") for p in parts if len(p.strip(" -•*\t")) >= 3]


def read(sentence: str, demonyms: dict[str, str]) -> list[Bound]:
    """Every bound the rules read in one sentence; none for a hedged one."""
    if _HEDGES.search(sentence):
        return []
    return [bound for rule in RULES for bound in rule(sentence, demonyms)]
