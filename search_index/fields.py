"""The search index's fields, weights and ranking constants, declared in one place (engine-neutral).

docs/search.md explains the ranking model these constants parameterise.
"""

from __future__ import annotations

# Filter and facet fields: concept ids or codes, several per document.
FACETS = ("target_group", "situation", "work_form", "service_level", "municipality", "language")
FLAGS = ("free", "anonymous", "self_referral")
CONCEPT_FACETS = ("target_group", "situation", "work_form", "service_level")
CONCEPT_SOURCES = (*CONCEPT_FACETS, "service_class")  # the concepts a document has (service classes are no filter)
MATCH_FIELDS = ("concepts", "excludes")  # concept ids a document has, situations it excludes (and above)

# BM25F: a term's frequency in each field is multiplied by the field's weight *before* saturation,
# so a word in the title and in three sentences is one strong match, not four added scores.
# Exclusion quotes are in no field: what a service excludes never lifts it.
TEXT_FIELDS = {"title": 3.0, "text": 1.5, "quote": 1.0, "label": 0.6, "name": 0.4, "condition": 0.3}
K1 = 1.2
B = 0.5  # length normalisation; documents shorter than average are treated as average (no bonus)
PART_FACTOR = 0.35  # a Finnish compound part (vauva in vauvaperhetyö) counts less than the whole word
LINK_FACTOR = 0.6  # a related form (masentunut ~ masennus) counts less than the form itself
FIX_FACTOR = 0.8  # a spelling correction or a split compound
OTHER_LANGUAGE_FACTOR = 0.3  # the texts of the other two languages still count, a little

# Concepts: a matched concept scores by its rarity among services, by how much of its label the
# query covers, and by how central it is to the service.
CONCEPT_WEIGHT = {"situation": 3.3, "work-form": 1.8, "service-class": 1.0, "service-level": 0.8, "target-group": 0.75}
PATHWAY_WEIGHT = 2.2  # a service a referral link leads to from the service the query asks after (after:<id>)
NEAR_STRENGTH = 0.05  # a pathway neighbour of a service the query names by its title (near:<id>), as a concept
ROUTE_STRENGTH = 0.5  # the way into a service a query asks how to reach (route:<id>): after the service itself
ANCHOR_FACTOR = 0.5  # the service asked after: the person has been there and asks what comes next
MAIN_FACTOR = 1.0  # a situation or work form the service's own title or description names
DIRECT_FACTOR = 0.7  # one the service addresses
INFERRED_FACTOR = 0.5  # a narrower one the service addresses (postpartum depression for depression)
BROADER_FACTOR = 0.3  # the query names a narrower concept than the service's
MIN_COVERAGE = 0.67  # share (by rarity) of a label's words a query must hold to name the concept

COORDINATION_POWER = 1.0  # score × share of the query units matched (1.5 and 2 were tried: dev 0.853, 0.845)
ATTRIBUTE_BOOST = 2.0  # × (1 + boost × share of the query's attributes the service has)
BASIC_LEVEL_PRIOR = 1.4  # stepped care: a universal or early-support service before a therapeutic one
ELSEWHERE_FACTOR = 0.3  # the query names a municipality and the service is known to be only in others
EXCLUDED_FACTOR = 0.15  # a service that excludes the situation the query names sinks
RERANK_WINDOW = 200  # the engine's best this many are scored by the model (all of them at seed scale)
