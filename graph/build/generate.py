"""A synthetic, Finland-wide graph in perhepolku's own ontology, for scale tests and benchmarks.

`perhepolku generate --services N --seed S --out DIR` writes Turtle and the source texts it
quotes: services modelled on the seed services (their Finnish sentences, inflections and
compounds included) spread over 309 synthetic municipalities, each with a provider, a place, a
phone channel with hours, eligibility bounds, exclusions, concepts and a referral pathway of 3-6
steps per municipality. Every statement cites a sentence of DIR/sources/, so the data passes the
same quote check and SHACL shapes as the curated graph. Deterministic for a given seed. The
municipalities are synthetic (Kunta 001 …): the real code list is not among the project's sources.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

MUNICIPALITIES = 309
PREFIXES = """@prefix pp: <https://w3id.org/perhepolku/ontology#> .
@prefix c: <https://w3id.org/perhepolku/id/concept/> .
@prefix g: <https://w3id.org/perhepolku/id/generated/> .
@prefix s: <https://w3id.org/perhepolku/id/service/> .
@prefix src: <https://w3id.org/perhepolku/source/generated/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


@dataclass(frozen=True)
class Template:
    """A kind of service, with sentences taken from the seed documents."""

    key: str
    titles: tuple[str, str, str]
    description: str
    audience: str
    level: str
    situations: tuple[str, ...]
    work_forms: tuple[str, ...]
    route: str
    stage: tuple[int | None, int | None]  # (minimum pregnancy week, child age under months)
    excluded: tuple[str, ...] = ()


TEMPLATES = (
    Template(
        "neuvola",
        ("Neuvola", "Rådgivningen", "Child health clinic"),
        "Voit olla yhteydessä esimerkiksi oman neuvolasi terveyshoitajaan.",
        "lapsiperheiden tukemista",
        "universal",
        ("parenting-concern",),
        ("counselling",),
        "self-referral",
        (None, None),
    ),
    Template(
        "perhetyo",
        ("Perhetyö", "Familjearbete", "Family work"),
        "Perhetyö on maksutonta, kokonaisvaltaista, suunnitelmallista ja pitkäjänteistä lapsiperheiden tukemista.",
        "lapsiperheiden tukemista",
        "early-support",
        ("parenting-concern", "everyday-struggles", "relationship-strain"),
        ("counselling", "home-visit"),
        "self-referral",
        (None, None),
    ),
    Template(
        "vauvaperhetyo",
        ("Terapeuttinen vauvaperhetyö", "Terapeutiskt arbete med babyfamiljer", "Therapeutic baby-family work"),
        "Terapeuttisessa vauvaperhetyössä tuetaan ja hoidetaan lasta odottavia tai hoidon alkaessa alle yksivuotiaiden lasten perheitä.",
        "lasta odottaville ja alle vuoden ikäisten lasten perheille",
        "therapeutic",
        ("interaction-concern", "anxiety", "depression", "crying-baby", "sleep-problems"),
        ("home-visit", "family-meeting", "psychotherapeutic-work"),
        "via-phone-service",
        (20, 12),
        ("substance-use-acute", "psychosis", "family-violence-acute"),
    ),
    Template(
        "paivaryhma",
        ("Hoidollinen päiväryhmä", "Vårdande dagsgrupp", "Therapeutic day group"),
        "Hoidolliseen päiväryhmään voi tulla tukea tarvitseva vauvaa odottava perhe tai tuen tarpeessa oleva äiti yhdessä lapsensa kanssa.",
        "vauvaa odottaville ja vauvaperheille",
        "therapeutic",
        ("depression", "everyday-struggles", "baby-development-concern"),
        ("group", "peer-support"),
        "professional-referral",
        (1, 24),
    ),
    Template(
        "paihde",
        (
            "Päihteitä käyttävän perheen avopalvelut",
            "Öppenvård för familjer som använder rusmedel",
            "Outpatient services for families who use substances",
        ),
        "Avopalveluissamme varhaisen vuorovaikutuksen hoito yhdistyy päihteettömän vauvaperhe-elämän tukeen.",
        "päihdeongelmaisille raskaana oleville naisille ja alle kolmevuotiaiden lasten perheille",
        "therapeutic",
        ("substance-use",),
        ("family-meeting",),
        "professional-referral",
        (1, 36),
    ),
    Template(
        "jalkituki",
        ("Jälkituki", "Eftervård", "Aftercare"),
        "Tukijakson aikana perhe asuu omassa kodissaan jälkituen kannattelemana.",
        "vauva- ja pikkulapsiperheille",
        "aftercare",
        ("child-placed",),
        ("key-worker",),
        "professional-referral",
        (None, 36),
    ),
)
PATHWAY = ("neuvola", "perhetyo", "vauvaperhetyo", "paivaryhma", "jalkituki", "paihde")


def lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def derivation(doc: str, quote: str, prop: str | None = None) -> str:
    supports = f" ; pp:supports {prop}" if prop else ""
    return f"[ prov:entity src:{doc}{supports} ; pp:quote {lit(quote)} ]"


def _municipality(out: list[str], texts: dict[str, list[str]], code: str) -> None:
    line = f"Kunta {code} (kuntanumero {code})."
    texts["municipalities"].append(line)
    out.append(
        f"g:m{code} a pp:Municipality ; dct:identifier {lit(code)} ; skos:notation {lit(code)} ;\n"
        f"  skos:prefLabel {lit('Kunta ' + code, 'fi')}, {lit('Kommun ' + code, 'sv')}, {lit('Municipality ' + code, 'en')} ;\n"
        f"  prov:qualifiedDerivation {derivation('municipalities', line)} ."
    )


def _service(
    out: list[str], trans: list[str], texts: list[str], doc: str, code: str, n: int, t: Template, rng: random.Random
) -> str:
    sid, label = f"{t.key}-{code}-{n}", f"{t.titles[0]} {code}-{n}"
    lines = {
        k: f"{label}: {v}"
        for k, v in (
            ("intro", t.description),
            ("audience", f"Palvelu on tarkoitettu {t.audience}."),
            ("needs", "Tyypillisiä syitä hakeutua ovat " + ", ".join(t.situations) + "."),
            ("forms", "Työmuotoja ovat " + ", ".join(t.work_forms) + "."),
            (
                "phone",
                f"Palvelua haetaan puhelimitse puh. 0{rng.randint(100, 999)} {rng.randint(1000, 9999)} ma-pe klo 9-12.",
            ),
            ("cost", "Palvelu on asiakkaalle maksutonta."),
            ("place", f"Toimipiste on Perhekeskus {code}."),
            ("excl", "Akuutti tilanne on työskentelyn este: " + ", ".join(t.excluded) + "."),
        )
    }
    texts.extend(lines.values())

    def d(key: str, prop: str | None = None) -> str:
        return derivation(doc, lines[key], prop)

    props = [
        ("dct:title", "intro"),
        ("dct:description", "intro"),
        ("pp:providedBy", "intro"),
        ("cv:hasCompetentAuthority", "intro"),
        ("dct:spatial", "audience"),
        ("pp:location", "place"),
        ("dct:audience", "audience"),
        ("cv:isGroupedBy", "audience"),
        ("pp:serviceLevel", "forms"),
        ("pp:workForm", "forms"),
        ("pp:addressesSituation", "needs"),
        ("cv:hasChannel", "phone"),
        ("pp:accessRoute", "phone"),
        ("dct:language", "phone"),
        ("cv:hasCost", "cost"),
        ("cv:holdsRequirement", "audience"),
    ]
    reqs = [f"g:{sid}-stage", f"g:{sid}-residence"] + [f"g:{sid}-excl-{x}" for x in t.excluded]
    out.append(
        f"s:{sid} a pp:Service ; dct:identifier {lit(sid)} ;\n  dct:title {lit(label, 'fi')} ; dct:description {lit(t.description, 'fi')} ;\n"
        f"  pp:providedBy g:org{code} ; cv:hasCompetentAuthority g:org{code} ; dct:spatial g:m{code} ; pp:location g:place{code} ; dct:audience <http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR1.2> ;\n"
        f"  cv:isGroupedBy <http://uri.suomi.fi/codelist/ptv/ptvelti/code/KE1> ; pp:serviceLevel c:{t.level} ;\n"
        f"  pp:workForm {', '.join('c:' + w for w in t.work_forms)} ; pp:addressesSituation {', '.join('c:' + s for s in t.situations)} ;\n"
        f"  cv:hasChannel g:{sid}-phone ; pp:accessRoute c:{t.route} ; dct:language lang:FIN ; cv:hasCost g:{sid}-cost ;\n"
        f"  cv:holdsRequirement {', '.join(reqs)} ;\n"
        f"  prov:qualifiedDerivation " + ",\n    ".join(d(key, prop) for prop, key in props) + " ."
    )
    out.append(
        f"g:{sid}-phone a cv:Channel ; dct:identifier {lit(sid + '-phone')} ; dct:type c:phone ;\n"
        f"  dct:title {lit('Puhelin ' + label, 'fi')} ; schema:telephone {lit(lines['phone'].split('puh. ')[1][:9])} ;\n"
        f"  schema:hoursAvailable [ a schema:OpeningHoursSpecification ; schema:dayOfWeek schema:Monday, schema:Tuesday, "
        f'schema:Wednesday, schema:Thursday, schema:Friday ; schema:opens "09:00:00"^^xsd:time ; '
        f'schema:closes "12:00:00"^^xsd:time ] ;\n  prov:qualifiedDerivation {d("phone")} .'
    )
    out.append(
        f"g:{sid}-cost a pp:NoCharge ; dct:identifier {lit(sid + '-cost')} ; dct:description {lit('Palvelu on asiakkaalle maksutonta.', 'fi')} ;\n"
        f"  prov:qualifiedDerivation {d('cost')} ."
    )
    week, months = t.stage
    bounds = (f" pp:minPregnancyWeek {week} ;" if week else "") + (
        f" pp:childAgeUnderMonths {months} ;" if months else ""
    )
    out.append(
        f"g:{sid}-stage a pp:FamilyStageCriterion ; dct:identifier {lit(sid + '-stage')} ; dct:title {lit('Perhevaihe ' + label, 'fi')} ;\n"
        f"  dct:description {lit(t.audience, 'fi')} ; pp:acceptsExpecting true ; pp:acceptsFamiliesWithChild true ;{bounds}\n"
        f"  prov:qualifiedDerivation {d('audience')} ."
    )
    out.append(
        f"g:{sid}-residence a pp:ResidenceCriterion ; dct:identifier {lit(sid + '-residence')} ; dct:title {lit('Asuinkunta ' + label, 'fi')} ;\n"
        f"  dct:description {lit('Kunta ' + code, 'fi')} ; pp:residenceMunicipality g:m{code} ;\n"
        f"  prov:qualifiedDerivation {d('audience')} ."
    )
    for x in t.excluded:
        out.append(
            f"g:{sid}-excl-{x} a pp:Exclusion ; dct:identifier {lit(sid + '-excl-' + x)} ; dct:title {lit('Este ' + x, 'fi')} ;\n"
            f"  dct:description {lit(x, 'fi')} ; pp:excludedSituation c:{x} ;\n  prov:qualifiedDerivation {d('excl')} ."
        )
    for item, lang_index in ((f"s:{sid}", 0), (f"g:{sid}-phone", None)):
        if lang_index is None:
            trans.append(f"{item} dct:title {lit('Telefon ' + label, 'sv')}, {lit('Phone ' + label, 'en')} .")
        else:
            trans.append(
                f"{item} dct:title {lit(t.titles[1] + ' ' + code + '-' + str(n), 'sv')}, "
                f"{lit(t.titles[2] + ' ' + code + '-' + str(n), 'en')} ;\n"
                f"  dct:description {lit(t.titles[1], 'sv')}, {lit(t.titles[2], 'en')} ."
            )
    trans.append(f"g:{sid}-cost dct:description {lit('Avgiftsfri.', 'sv')}, {lit('Free of charge.', 'en')} .")
    for req in reqs:
        trans.append(
            f"{req} dct:title {lit('Villkor ' + label, 'sv')}, {lit('Criterion ' + label, 'en')} ;\n"
            f"  dct:description {lit('Villkor', 'sv')}, {lit('Criterion', 'en')} ."
        )
    return sid


def generate(services: int, seed: int, out: Path) -> dict[str, int]:
    """Write DIR/*.ttl and DIR/sources/*; return counts."""
    rng = random.Random(seed)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    data, trans, links = [PREFIXES], [PREFIXES], 0
    texts: dict[str, list[str]] = {"municipalities": []}
    by_key = {t.key: t for t in TEMPLATES}
    codes = [f"{i:03d}" for i in range(1, MUNICIPALITIES + 1)]
    for code in codes:
        _municipality(data, texts, code)
    made = 0
    round_no = 0
    while made < services:
        for code in codes:
            if made >= services:
                break
            doc = f"m{code}"
            lines = texts.setdefault(doc, [f"Perhepalvelut, kunta {code}."])
            if round_no == 0:
                org_line, place_line = lines[0], f"Perhekeskus {code}, kunta {code}."
                lines.append(place_line)
                data.append(
                    f"g:org{code} a cv:PublicOrganisation ; dct:identifier {lit('org' + code)} ;\n"
                    f"  dct:title {lit('Perhepalvelut ' + code, 'fi')} ; skos:prefLabel {lit('Perhepalvelut ' + code, 'fi')} ;\n"
                    f"  dct:spatial g:m{code} ; prov:qualifiedDerivation {derivation(doc, org_line)} ."
                )
                data.append(
                    f"g:place{code} a pp:Place ; dct:identifier {lit('place' + code)} ;\n"
                    f"  dct:title {lit('Perhekeskus ' + code, 'fi')} ; prov:qualifiedDerivation {derivation(doc, place_line)} ."
                )
                trans.append(
                    f"g:org{code} dct:title {lit('Familjetjänster ' + code, 'sv')}, {lit('Family services ' + code, 'en')} ."
                )
                trans.append(
                    f"g:place{code} dct:title {lit('Familjecenter ' + code, 'sv')}, {lit('Family centre ' + code, 'en')} ."
                )
            depth = min(rng.randint(3, 6), services - made)
            chain = [
                _service(data, trans, lines, doc, code, round_no * 10 + i, by_key[key], rng)
                for i, key in enumerate(PATHWAY[:depth])
            ]
            made += len(chain)
            for a, b in zip(chain, chain[1:]):
                line = f"{a}: seuraava vaihe on {b}."
                lines.append(line)
                data.append(
                    f"g:link-{a}--{b} a pp:ReferralLink ; dct:identifier {lit('link-' + a + '--' + b)} ;\n"
                    f"  pp:fromService s:{a} ; pp:toService s:{b} ; pp:linkKind c:next-step ;\n"
                    f"  prov:qualifiedDerivation {derivation(doc, line)} ."
                )
                links += 1
        round_no += 1
    sources = [PREFIXES] + [
        f"src:{doc} a pp:SourceDocument ; pp:sourceFile {lit(doc + '.txt')} ; "
        f"dct:title {lit('Generated ' + doc, 'en')} ."
        for doc in texts
    ]
    for doc, lines in texts.items():
        (out / "sources" / f"{doc}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "generated.ttl").write_text("\n\n".join(data) + "\n", encoding="utf-8")
    (out / "sources.ttl").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (out / "generated-translations.ttl").write_text("\n\n".join(trans) + "\n", encoding="utf-8")
    return {"services": made, "municipalities": MUNICIPALITIES, "links": links}
