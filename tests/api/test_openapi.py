"""Schemathesis over the served /openapi.json with all its checks: for every operation (each named query its
own), generated valid requests are accepted and answered as documented, generated invalid ones rejected.

(schemathesis' pytest plugin does not run on pytest 9, so the operations are driven here directly.) Three
string kinds JSON Schema cannot spell carry a `format`, and the strategies below generate them: a SPARQL
query, an http(s)/urn IRI, a municipality (name or code).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import CHECKS
from schemathesis.generation import GenerationMode

SERVICE = "https://w3id.org/perhepolku/id/service/"
QUERIES = st.builds(
    lambda form, n, var: form.format(v=var, n=n),
    st.sampled_from(
        [
            "SELECT ?{v} WHERE {{ ?{v} ?p ?o }} LIMIT {n}",
            "ASK {{ ?{v} a <https://w3id.org/perhepolku/ontology#Service> }}",
            "CONSTRUCT {{ ?{v} ?p ?o }} WHERE {{ ?{v} ?p ?o }} LIMIT {n}",
            "DESCRIBE <" + SERVICE + "baby-blues>",
            "SELECT (COUNT(*) AS ?{v}) FROM <https://w3id.org/perhepolku/graph/ontology> WHERE {{ ?s ?p ?o }}",
        ]
    ),
    st.integers(0, 50),
    st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True),
)
IRIS = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9._~-]{0,20}", fullmatch=True),
) | st.sampled_from([SERVICE + "baby-blues", "https://w3id.org/perhepolku/graph/curated", "urn:x:none"])
MUNICIPALITIES = st.sampled_from(["Helsinki", "091", "Helsingfors", "Espoo", "Inari", "Pedersöre", "049", "Koski Tl"])
schemathesis.openapi.format("sparql-query", QUERIES)
schemathesis.openapi.format("iri", IRIS)
schemathesis.openapi.format("municipality", MUNICIPALITIES)
schemathesis.openapi.format(
    "hsds-datetime",
    st.datetimes().map(lambda d: d.isoformat(timespec="seconds")) | st.dates().map(lambda d: d.isoformat()),
)
CHECKS_ALL = CHECKS.get_all()
OPERATIONS = [
    "GET /health",
    "GET /api/v1/services",
    "GET /api/v1/services/{id}",
    "GET /api/v1/concepts",
    "GET /sparql",
    "POST /sparql",
    "GET /api/v1/queries",
    "GET /api/v1/search",
    "GET /api/v1/suggest",
    "GET /api/v1/eligibility",
    "POST /api/v1/eligibility",
    "GET /api/v1/services/{id}/pathway",
    "GET /api/v1/pathways",
    "GET /api/v1/gaps",
    "GET /id/{kind}/{local}",
    "GET /.well-known/void",
    "GET /api/v1/dataset",
    "GET /api/v1/export/cpsv-ap",
    "GET /dumps/perhepolku.nq.gz",
    "GET /api/v1/sources",
    "GET /api/v1/sources/{id}",
    "GET /hsds/",
    "GET /hsds/services",
    "GET /hsds/services/{id}",
    "GET /hsds/organizations",
    "GET /hsds/organizations/{id}",
    "GET /hsds/service_at_locations",
    "GET /hsds/service_at_locations/{id}",
    "GET /hsds/taxonomies",
    "GET /hsds/taxonomies/{id}",
    "GET /hsds/taxonomy_terms",
    "GET /hsds/taxonomy_terms/{id}",
]


@pytest.fixture(scope="module")
def budgetless_schema(build_dir):
    from api import create_app

    app = create_app({"BUILD_DIR": str(build_dir), "TESTING": True, "LOG_REQUESTS": False, "QUERY_BUDGET": 0})
    yield schemathesis.openapi.from_wsgi("/openapi.json", app)
    app.extensions["perhepolku"].current.sandbox.close()


def named_query_operations() -> list[str]:
    from graph.store.catalog import Catalog

    return [f"GET /api/v1/queries/{query.name}" for query in Catalog()]


def test_every_operation_is_fuzzed(budgetless_schema):
    labels = {result.ok().label for result in budgetless_schema.get_all_operations()}
    assert labels - {"GET /openapi.json"} == set(OPERATIONS + named_query_operations())


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
@pytest.mark.parametrize("label", OPERATIONS + named_query_operations())
def test_operation(budgetless_schema, label, mode):
    operation = budgetless_schema.find_operation_by_label(label)
    if mode is GenerationMode.NEGATIVE and not (
        len(operation.query) or len(operation.path_parameters) or len(operation.body)
    ):
        pytest.skip("nothing in this operation can be invalid")

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        case.validate_response(case.call(), checks=CHECKS_ALL)

    run()
