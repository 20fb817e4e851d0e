"""Synthetic search corpora built from the seed graph's own documents, for scale benchmarks.

Each generated document takes a real service document as its template and recombines sentences
and concept labels of the seed vocabulary (inflected forms and compounds included), with random
filter values, so the Finnish analysis is exercised as on real text. Deterministic for a seed.
"""

from __future__ import annotations

import random
from typing import Any

from graph.vocab import LANGS

MUNICIPALITIES = [f"{n:03d}" for n in range(5, 999, 3)][:309]


def generate(templates: list[dict[str, Any]], size: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pools = {
        lang: [t for doc in templates for kind in ("text", "quote") for t in doc["texts"][lang][kind]] for lang in LANGS
    }
    docs = []
    for n in range(size):
        base = templates[n % len(templates)]
        texts: dict[str, dict[str, list[str]]] = {}
        sentences = []
        for lang, pool in pools.items():
            body = rng.sample(pool, k=min(len(pool), 6)) + base["texts"][lang]["text"][:2]
            texts[lang] = {kind: list(base["texts"][lang].get(kind, [])) for kind in base["texts"][lang]}
            texts[lang]["title"] = [f"{base['labels'][lang]} {n}"]
            texts[lang]["text"] = body
            sentences += [{"text": t, "lang": lang, "kind": "description", "translated": lang != "fi"} for t in body]
        facets = {name: list(values) for name, values in base["facets"].items()}
        facets["municipality"] = [rng.choice(MUNICIPALITIES)]
        docs.append(
            {
                "id": f"{base['id']}-{n}",
                "labels": {k: f"{v} {n}" for k, v in base["labels"].items()},
                "texts": texts,
                "sentences": sentences,
                "neighbours": [],
                "exclusions": base["exclusions"],
                "facets": facets,
                "direct": base["direct"],
            }
        )
    return docs
