"""The SPARQL inspector that refuses updates and SERVICE before a query runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import QueryError, QueryRefused
from graph.store.sparql import inspect, strip_lexemes


@pytest.mark.parametrize(
    "query, form",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("PREFIX ex: <http://ex/SELECT> ASK { ?s ?p ?o }", "ASK"),
        ("# SELECT in a comment\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <urn:x>", "DESCRIBE"),
        ('SELECT * WHERE { ?s ?p "SERVICE" }', "SELECT"),
        ("SELECT * WHERE { ?s <urn:service> ?o }", "SELECT"),
        ("SELECT ?service WHERE { ?service ?p ?o }", "SELECT"),
        ("PREFIX service: <urn:x#> SELECT * WHERE { ?s service:p ?o }", "SELECT"),
        ("SELECT * WHERE { ?s ?p '''multi\nline SERVICE''' }", "SELECT"),
    ],
)
def test_allowed(query, form):
    assert inspect(query).form == form


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?a ?b ?c } }",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://x/>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "INSERT { ?s ?p ?o } WHERE { SELECT * WHERE { ?s ?p ?o } }",
    ],
)
def test_refused(query):
    with pytest.raises(QueryRefused):
        inspect(query)


@pytest.mark.parametrize("query", ["", "hello", "PREFIX ex: <urn:x>", "SELECT\x00"])
def test_not_a_query(query):
    with pytest.raises(QueryError):
        inspect(query)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_inspect_only_raises_query_errors(text):
    try:
        inspect(text)
    except QueryError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\"'\\\n<>\x00", blacklist_categories=("Cs",)), max_size=60))
def test_service_inside_a_string_is_never_refused(text):
    assert inspect(f'SELECT * WHERE {{ ?s ?p "SERVICE {text}" }}').form == "SELECT"


@given(st.text(max_size=200))
def test_strip_lexemes_never_grows_keywords(text):
    assert strip_lexemes(text).upper().count("SERVICE") <= text.upper().count("SERVICE")
