"""Stop words: function words, question words and the filler of everyday questions (voiko, saada,
apua; när, har, hjälp; my, was, help) are not content in any field, typed with or without ä/ö/å;
nor is the verb of where a family lives (asuu), which the place it names says."""

from __future__ import annotations


def _words(text: str) -> set[str]:
    words = set(text.split())
    return words | {w.translate(str.maketrans("äöå", "aoa")) for w in words}


STOP_WORDS = {
    "fi": _words(
        """ja tai on ei se ne että kun joka jotka myös sekä voi ovat oli olla mm eli kuin niin jos sen sitä hän
        he me te minä mä mää sä sinä mun mulla mulle multa mut meidän meillä meille meitä meil teidän heidän
        hänen siitä sille siihen tämä tää tämän tätä nyt vain vaan vielä jo aina koko ihan tosi tosiaan aika
        kauheen kauhean todella niinku siis vaikka jotain jotakin joku jonkun mitään mikään kaikki mitä mikä
        mistä missä mihin miten millainen millaista milloin miksi kuka kenelle keneen kenen voiko voinko
        voisiko saako saanko saisiko onko olisiko olenko onkohan mistähän missähän mitähän kanssa kautta
        jälkeen ennen aikana kiitos hei moi apua apu avun tarvitaan tarvitsen tarvitsisin haluaisin haluan
        pitäisi pitää voisin pystyy pääsee päästä olisi ole en et emme ette eivät enää yhtään paljon vähän
        takia vuoksi asti lähtien muka oon oot ollaan ollu ollut ajan aikaa kunnolla jatkuvasti usein melkein hirveesti hirveän kovasti
        aivan ku mitenkä teen tehdä tehdään tekis jotenkin semmonen sellainen tällainen vähän niinkuin
        asun asut asuu asumme asutte asuvat asutaan"""
    ),
    "sv": _words(
        """och eller att det som en ett är för med på av i till den inte när har efter jag vi du ni de han hon
        min mitt mina vår vårt våra er var vad vem hur varför vilken vilket vilka kan kunna får få finns fanns
        man någon något några hjälp hjälpa behöver behov vill skulle ska om från hos under mycket lite så
        bara också redan nu här där hej tack mig oss dig sen
        väldigt jätte hela tiden alltid ofta riktigt kom kommer göra gör inget ingen längre
        mellan medan sedan genom över eftersom då sin sitt sina dem denna detta dessa bli blir blev vara varit
        ha hade haft någonting"""
    ),
    "en": _words(
        """and or the a an of for to in on with is are not by at my was were from i we you me our us your he
        she they it its this that there here where what which who how when why can could do does did get got
        any some need needs want help am be been have has had would should will just really very so about
        into after before please hi thanks
        all time always keep keeps lot lots constantly totally anymore
        during while since until through throughout having being getting also still even something anything
        someone anyone their them his her him if than then because as out our ours"""
    ),
}
# Finnish base forms that are never content (what "voiko", "saisinko", "tarvitsisin" reduce to)
STOP_LEMMAS = {
    "olla",
    "voida",
    "saada",
    "tarvita",
    "haluta",
    "pitää",
    "päästä",
    "pystyä",
    "mikä",
    "kuka",
    "joku",
    "tehdä",
}
