"""The municipalities an import folder's services link to, described once for the folder.

A service file holds only its links (`dct:spatial`, a residence criterion) and their citations; the
municipalities themselves (code, Finnish and Swedish names) are in the folder's `municipalities.ttl`, each
citing Finland's municipality list (ontology/municipalities.ttl), which the import saves as a reference
record under `sources/reference/` so the quote check reads it like any other record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from graph import vocab
from graph.build.importers.context import Context
from graph.build.importers.model import Catalogue, Cite, Record
from graph.build.importers.output import save_record

FILE = "municipalities.ttl"
RECORD = Record("reference-municipalities", "reference/municipalities.json",
                "Finland's municipalities (Statistics Finland's classification, ontology/municipalities.ttl)",
                kind="reference")  # fmt: skip
PP, DCT, SKOS = vocab.PP, vocab.PREFIXES["dct"], vocab.PREFIXES["skos"]
LINKS = {DCT + "spatial", PP + "residenceMunicipality"}


def linked(cat: Catalogue) -> set[str]:
    """The codes of the municipalities the catalogue's resources link to."""
    return {
        value.removeprefix(vocab.MUNICIPALITY)
        for res in cat.resources.values()
        for predicate, value, _ in res.facts
        if predicate in LINKS and isinstance(value, str) and value.startswith(vocab.MUNICIPALITY)
    }


def _described(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    notation = ox.NamedNode(SKOS + "notation")
    return {
        str(getattr(q.object, "value", ""))
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        if q.predicate == notation
    }


def write_municipalities(out: Path, ctx: Context, codes: set[str]) -> int:
    """Describe in `out/municipalities.ttl` every municipality of `codes` and those it already describes
    (a re-import keeps the others' links); returns how many it describes."""
    path = out / FILE
    codes = {code for code in codes | _described(path) if code in ctx.municipalities}
    if not codes:
        return 0
    names = {code: ctx.municipalities[code] for code in sorted(ctx.municipalities)}
    save_record(out, RECORD.file, names)
    cat = Catalogue()
    cat.record(RECORD)
    for code in sorted(codes):
        res = cat.resource(vocab.MUNICIPALITY + code, PP + "Municipality", identifier=code)
        res.add(SKOS + "notation", ox.Literal(code))
        for lang, label in sorted(names[code].items()):
            res.add(SKOS + "prefLabel", (label, lang))
        quote = json.dumps(names[code], ensure_ascii=False, separators=(",", ":"))
        res.cites.append(Cite(RECORD.key, code, quote))
    path.write_bytes(cat.turtle())
    return len(codes)
