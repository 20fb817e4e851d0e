"""/sparql is liberal in what it accepts, as Fuseki and Oxigraph are: unknown parameters are ignored,
format aliases map by the query form, Accept is matched without media-type parameters, generic Accept
gets a default, every negotiated answer says Vary: Accept; plus the request limits and the query budget."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

PP = "https://w3id.org/perhepolku/ontology#"
SELECT = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{PP}Service> }}"
ASK = f"ASK {{ ?s a <{PP}Service> }}"
CONSTRUCT = f"CONSTRUCT {{ ?a <{PP}leadsTo> ?b }} WHERE {{ ?a <{PP}leadsTo> ?b }}"
FORM = "application/x-www-form-urlencoded"


def get(client, query: str, headers: dict[str, str] | None = None, **params: str):
    return client.get("/sparql?" + urlencode({"query": query, **params}), headers=headers or {})


@pytest.mark.parametrize(
    "params",
    [
        {"output": "json", "results": "json"},  # SPARQLWrapper
        {"callback": "cb", "timeout": "10000"},
        {"tabTitle": "Query 1", "contentTypeConstruct": "text/turtle", "outputFormat": "table"},  # YASGUI
    ],
)
def test_unknown_parameters_are_ignored(client, params):
    response = get(client, SELECT, **params)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = urlencode({"query": SELECT, **params})
    assert client.post("/sparql", data=body, content_type=FORM).status_code == 200


@pytest.mark.parametrize(
    "query, fmt, media",
    [
        (SELECT, "json", "application/sparql-results+json"),
        (SELECT, "xml", "application/sparql-results+xml"),
        (ASK, "xml", "application/sparql-results+xml"),
        (SELECT, "csv", "text/csv"),
        (SELECT, "tsv", "text/tab-separated-values"),
        (CONSTRUCT, "json", "application/ld+json"),
        (CONSTRUCT, "json-ld", "application/ld+json"),
        (CONSTRUCT, "jsonld", "application/ld+json"),
        (CONSTRUCT, "xml", "application/rdf+xml"),
        (CONSTRUCT, "rdf+xml", "application/rdf+xml"),
        (CONSTRUCT, "n3", "text/turtle"),
        (CONSTRUCT, "ttl", "text/turtle"),
        (CONSTRUCT, "turtle", "text/turtle"),
        (CONSTRUCT, "text/turtle", "text/turtle"),
        (CONSTRUCT, "csv", "text/turtle"),  # means nothing for a graph: ignored, the default answers
        (SELECT, "n3", "application/sparql-results+json"),
    ],
)
def test_format_aliases_map_by_query_form(client, query, fmt, media):
    response = get(client, query, format=fmt)
    assert response.status_code == 200 and response.mimetype == media
    assert get(client, query, output=fmt).mimetype == media


@pytest.mark.parametrize(
    "query, accept, media",
    [
        (SELECT, "application/sparql-results+json;charset=utf-8", "application/sparql-results+json"),
        (SELECT, "application/json", "application/sparql-results+json"),
        (ASK, "application/json", "application/sparql-results+json"),
        (SELECT, "application/xml", "application/sparql-results+xml"),
        (SELECT, "text/csv; charset=utf-8", "text/csv"),
        (CONSTRUCT, "text/turtle;charset=utf-8", "text/turtle"),
        (CONSTRUCT, "application/json", "application/ld+json"),
        (CONSTRUCT, "application/xml", "application/rdf+xml"),
        (CONSTRUCT, "text/plain", "application/n-triples"),
        (CONSTRUCT, "application/sparql-results+json", "application/ld+json"),  # rdflib's SPARQLStore
        (CONSTRUCT, "application/sparql-results+xml", "application/rdf+xml"),
        (CONSTRUCT, "text/rdf+n3, */*;q=0.1", "text/turtle"),
        (CONSTRUCT, "*/*", "text/turtle"),
        (SELECT, "*/*", "application/sparql-results+json"),
        (SELECT, "text/*", "text/csv"),
        (SELECT, "text/html", "application/sparql-results+json"),
        (CONSTRUCT, "text/turtle;q=0.5, application/rdf+xml", "application/rdf+xml"),
        (
            SELECT,
            "application/sparql-results+xml;q=0.9, application/sparql-results+json",
            "application/sparql-results+json",
        ),
    ],
)
def test_accept_is_matched_as_clients_expect(client, query, accept, media):
    response = get(client, query, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media
    assert "Accept" in response.headers["Vary"]


def test_a_specific_accept_that_nothing_fits_is_406(client):
    assert get(client, SELECT, headers={"Accept": "image/png"}).status_code == 406
    assert get(client, CONSTRUCT, headers={"Accept": "text/csv"}).status_code == 406
    assert get(client, CONSTRUCT, headers={"Accept": "text/turtle;q=0"}).status_code == 406


def test_vary_accept_on_every_negotiated_answer(client):
    assert "Accept" in client.get("/sparql").headers["Vary"]  # the service description
    named = client.get("/api/v1/queries/pathway-downstream?service=neuvola")
    assert named.status_code == 200 and "Accept" in named.headers["Vary"]
    assert "Accept" in client.get("/api/v1/queries/pathway-downstream?service=neuvola&format=csv").headers["Vary"]


def test_named_queries_take_the_same_aliases(client):
    response = client.get("/api/v1/queries/pathway-downstream?service=neuvola", headers={"Accept": "application/json"})
    assert response.mimetype == "application/sparql-results+json"
    graph = client.get("/api/v1/queries/pathway-graph", headers={"Accept": "application/json;charset=utf-8"})
    assert graph.status_code == 200 and graph.mimetype == "application/ld+json"


def test_a_query_of_about_a_megabyte_by_post(client, app):
    ids = " ".join(f'"id-{i:07d}"' for i in range(app.config["MAX_QUERY_LENGTH"] // 13 - 100))
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?id {{ {ids} }} }}"
    assert 900_000 < len(query) <= app.config["MAX_QUERY_LENGTH"]
    form = client.post("/sparql", data=urlencode({"query": query}), content_type=FORM)
    assert form.status_code == 200, form.get_data(as_text=True)[:300]
    assert int(form.get_json()["results"]["bindings"][0]["n"]["value"]) == len(ids.split())
    direct = client.post("/sparql", data=query.encode(), content_type="application/sparql-query")
    assert direct.status_code == 200


def test_preflight_allows_the_headers_it_asks_for(client):
    asked = "X-Requested-With, Authorization, Content-Type, Accept"
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": asked,
        },
    )
    assert preflight.status_code in (200, 204)
    allowed = {h.strip().lower() for h in preflight.headers["Access-Control-Allow-Headers"].split(",")}
    assert allowed >= {"x-requested-with", "authorization", "content-type", "accept"}
    plain = client.options("/api/v1/search", headers={"Origin": "https://x.example"})
    default = {h.strip().lower() for h in plain.headers["Access-Control-Allow-Headers"].split(",")}
    assert default >= {"x-requested-with", "authorization", "content-type", "accept"}
    bad = client.options("/sparql", headers={"Access-Control-Request-Headers": "x-a, <script>"})
    assert "script" not in bad.headers["Access-Control-Allow-Headers"]  # not a header list: the allow-list


@pytest.fixture()
def budget_client(build_dir):
    from api import create_app

    app = create_app(
        {
            "BUILD_DIR": str(build_dir),
            "QUERY_BUDGET": 1e-9,
            "QUERY_BUDGET_WINDOW": 3600.0,
            "SPARQL_WORKERS": 1,
            "LOG_REQUESTS": False,
        }
    )
    yield app.test_client()
    app.extensions["perhepolku"].current.sandbox.close()


def test_a_spent_query_budget_is_429_with_retry_after(budget_client):
    first = get(budget_client, SELECT)
    assert first.status_code == 200
    spent = get(budget_client, SELECT)
    assert spent.status_code == 429 and spent.mimetype == "application/problem+json"
    assert 1 <= int(spent.headers["Retry-After"]) <= 3600
    other = budget_client.get("/sparql?" + urlencode({"query": SELECT}), environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200  # the budget is per client
    assert budget_client.get("/api/v1/services").status_code == 200  # and only for /sparql


def test_budget_refills_as_time_leaves_the_window():
    from api.budget import QueryBudget
    from graph.errors import RateLimited

    budget = QueryBudget(seconds=1.0, window=60.0)
    budget.charge("a", 0.6)
    budget.check("a")
    budget.charge("a", 0.6)
    with pytest.raises(RateLimited) as refused:
        budget.check("a")
    assert 1 <= refused.value.retry_after <= 60
    budget._spent["a"] = type(budget._spent["a"])([(t - 61, d) for t, d in budget._spent["a"]])
    budget.check("a")  # both charges have left the window
    QueryBudget(seconds=0, window=60).check("a")  # 0: no budget
