"""The second reading held to the graph: every statement has exactly one reading, and docs/claims.md is current."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from graph import vocab
from graph.navigation import claims, claims_markdown

ROOT = Path(__file__).resolve().parents[2]
PP = vocab.PP
# the classes the build infers that the reading covers (the others are alignments: cpsv, schema.org, superclasses)
DEFINED = [
    "AnonymousService",
    "FreeService",
    "GovernmentService",
    "HomeVisitService",
    "LowThresholdService",
    "SelfReferralService",
    "ServiceWithExclusions",
]
STATEMENTS = f"""
PREFIX pp: <{PP}>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?s ?p ?o WHERE {{
  {{ GRAPH <{vocab.GRAPH_CURATED}> {{ ?s ?p ?o }}
     FILTER (isIRI(?s) && !isBlank(?o) && !STRSTARTS(STR(?s), "{vocab.SOURCE}"))
     FILTER (?p NOT IN (dct:identifier, prov:qualifiedDerivation))
     FILTER (!(?p = <{vocab.PREFIXES["rdf"]}type> && ?o = pp:Service)) }}
  UNION
  {{ GRAPH <{vocab.GRAPH_INFERRED}> {{ ?s ?p ?o }}
     FILTER (?p = pp:leadsTo || (?p = <{vocab.PREFIXES["rdf"]}type> && ?o IN ({", ".join("pp:" + c for c in DEFINED)}))) }}
}}"""


def _key(s, p, o):
    return (str(s), str(p), None if o is None else str(o))


def test_every_statement_has_exactly_one_reading(kg):
    statements = {_key(r["s"], r["p"], r["o"]) for r in kg.store.select(STATEMENTS)}
    table = claims(kg)
    read = Counter(_key(r.subject, r.property, r.value) for r in table.readings if r.value is not None)
    blank = {(r.subject, r.property) for r in table.readings if r.value is None}  # opening hours: blank nodes
    assert len(statements) > 400
    assert not [k for k, n in read.items() if n > 1], "a statement read twice"
    unread = sorted(k for k in statements - set(read) if (k[0], k[1]) not in blank)
    assert not unread, f"{len(unread)} statements without a reading, e.g. {unread[:3]}"
    gone = sorted(set(read) - statements)
    assert not gone, f"{len(gone)} readings of statements the graph no longer has, e.g. {gone[:3]}"


def test_interpreted_readings_write_the_reading_down(kg):
    table = claims(kg)
    interpreted = [r for r in table.readings if r.status == "interpreted"]
    assert len(interpreted) > 100 and all(r.text for r in interpreted)
    assert {r.status for r in table.readings} == {"stated", "interpreted"}


def test_docs_claims_md_is_generated_from_the_graph(kg):
    assert (ROOT / "docs" / "claims.md").read_text(encoding="utf-8") == claims_markdown(kg), (
        "docs/claims.md is stale: run `perhepolku claims --out docs/claims.md`"
    )


def test_sources_carry_kind_and_status(kg):
    sources = claims(kg).sources
    assert sources["004_2757dcba9bd89fd9.txt"]["status"] == "historical"
    assert sources["004_2757dcba9bd89fd9.txt"]["date"] == "2008"
    assert sources["design-card"]["status"] == "design-assumption"
    assert {s["status"] for name, s in sources.items() if name.startswith(("000", "001", "002", "003"))} == {"undated"}
