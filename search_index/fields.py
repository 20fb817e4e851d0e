"""The search index's fields and boosts, declared in one place (engine-neutral; whoosh_engine maps them)."""

from __future__ import annotations

from graph.vocab import LANGS

# Filter and facet fields: concept ids or codes, several per document.
FACETS = ("target_group", "situation", "work_form", "service_level", "municipality", "language")
FLAGS = ("free", "anonymous", "self_referral")

# Text fields per language: (field suffix, boost). Titles weigh most; compound parts least, so whole-word
# matches rank first; concept ids reached through label synonyms sit in between.
TEXT_FIELDS = {"title": 3.0, "text": 1.0}
PART_BOOST = 0.3
# A query naming a situation or a work form is precise; a target group ("vauvaperheet") is broad.
CONCEPT_BOOST = {"situation": 8.0, "work-form": 6.0, "service-level": 3.0, "target-group": 2.0}
BROADER_CONCEPT_FACTOR = 0.4  # a concept above the one the query names still helps, less
OTHER_LANGUAGE_FACTOR = 0.3  # fields of the other two languages still count, a little


def weighted_fields(lang: str) -> list[tuple[str, float]]:
    """(field, boost) pairs searched for a query in `lang`."""
    out = []
    for other in LANGS:
        factor = 1.0 if other == lang else OTHER_LANGUAGE_FACTOR
        for name, boost in TEXT_FIELDS.items():
            out.append((f"{other}_{name}", boost * factor))
            if other == "fi":
                out.append((f"fi_{name}_parts", boost * PART_BOOST * factor))
    return out
