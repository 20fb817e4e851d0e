"""Word-form links and compound splitting: the words a person types that the analysers do not connect.

Voikko gives the base form of an inflected word but not its derivational family: *masentunut*
(depressed) and *masennus* (depression) are different base forms. FAMILIES links the forms of the
domain's everyday words (general Finnish, Swedish and English morphology, not the judged
queries); a linked form counts less than the form typed (fields.LINK_FACTOR). `split` reads an
unknown word as two words of the index (Swedish compounds, misspelt Finnish compounds).
"""

from __future__ import annotations

from collections.abc import Callable

from search_index.analysis import fold

_FAMILIES = {
    "fi": """
        masennus masentunut masentaa masentua masentuneisuus masennusoire
        sijoitus sijoittaa sijoitettu sijoittaminen
        synnytys syntymä synnyttää syntyä synnytyksenjälkeinen
        raskaus raskaana raskausaika raskaudenaikainen
        ahdistus ahdistuneisuus ahdistunut ahdistaa ahdistava
        itku itkuinen itkeä itkuisuus
        uni nukkua nukkuminen univaikeus uniongelma
        syöminen syödä ruokailu syömisvaikeus
        väsymys väsynyt väsyttää uupumus uupunut uupua
        jaksaminen jaksaa
        huoli huolestunut huolestuneisuus huolestuttaa huolettaa
        pelko pelätä pelottaa
        riita riidellä riitely riitaantua
        juominen juoda juoppo
        päihde päihteetön päihdeongelma päihteidenkäyttö
        vanhemmuus vanhempi
        vuorovaikutus vuorovaikuttaa
        väkivalta väkivaltainen
        eroaminen erota ero
        yksinäisyys yksinäinen
        isä isyys
        äiti äitiys
        odottaa odottava odotus
        asuminen asua asunto
        kotikäynti kotikäynnit
        psykiatria psykiatrinen psykiatri
        psykoosi psykoottinen
        neuvonta neuvoa
        """,
    "sv": """
        depression deprimerad nedstämd nedstämdhet
        graviditet gravid
        förlossning föda födsel
        ångest ängslig
        oro orolig
        missbruk missbrukare
        gråta gråt gråtande
        sova sömn sömnproblem
        pappa far pappor
        mamma mor mödrar
        """,
    "en": """
        depression depressed
        pregnancy pregnant
        anxiety anxious
        drink drinking drunk
        cry crying
        sleep sleeping sleepless
        father dad fathers dads
        mother mum mom mothers
        birth giving
        """,
}


def _families() -> dict[str, dict[str, frozenset[str]]]:
    from search_index.analysis import finnish_terms, stemmed_terms

    out: dict[str, dict[str, frozenset[str]]] = {}
    for lang, text in _FAMILIES.items():
        table: dict[str, frozenset[str]] = {}
        for line in text.strip().splitlines():
            words = line.split()
            terms: set[str] = set()
            for word in words:
                terms |= set(finnish_terms(word)[0]) if lang == "fi" else set(stemmed_terms(word, lang))
                terms.add(fold(word))
            for term in terms:
                table[term] = table.get(term, frozenset()) | frozenset(terms)
        out[lang] = table
    return out


_TABLE: dict[str, dict[str, frozenset[str]]] = {}


def related(term: str, lang: str) -> frozenset[str]:
    """Other forms of the same family as `term` (folded), empty when it has none."""
    if not _TABLE:
        _TABLE.update(_families())
    return _TABLE.get(lang, {}).get(term, frozenset()) - {term}


def split(word: str, lang: str, known: Callable[[str], list[str]]) -> list[str] | None:
    """Two index words that `word` is made of (with a Swedish linking s), or None.

    `known(piece)` gives the index terms a piece stands for (its terms or a close correction);
    the split with the longest first part wins.
    """
    word = fold(word)
    for cut in range(len(word) - 3, 2, -1):
        head, tail = word[:cut], word[cut:]
        heads = known(head) or (known(head[:-1]) if lang == "sv" and head.endswith("s") and len(head) > 4 else [])
        if not heads:
            continue
        tails = known(tail)
        if tails:
            return [heads[0], tails[0]]
    return None
