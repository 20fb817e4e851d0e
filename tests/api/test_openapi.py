"""Schemathesis over the served /openapi.json: for every operation, generated requests (valid and
invalid) get no server error and a response that conforms to the documented schema and media type.

(schemathesis' pytest plugin does not run on pytest 9, so the operations are driven here directly.)
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

CHECKS = (not_a_server_error, response_schema_conformance, content_type_conformance)
OPERATIONS = [
    "GET /health",
    "GET /api/v1/services",
    "GET /api/v1/services/{id}",
    "GET /api/v1/concepts",
    "GET /sparql",
    "POST /sparql",
    "GET /api/v1/queries",
    "GET /api/v1/queries/{name}",
    "GET /api/v1/search",
    "GET /api/v1/suggest",
    "GET /api/v1/eligibility",
    "POST /api/v1/eligibility",
    "GET /api/v1/services/{id}/pathway",
    "GET /api/v1/pathways",
    "GET /api/v1/gaps",
]


def test_every_operation_is_fuzzed(api_schema):
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels - {"GET /openapi.json"} == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation(api_schema, label):
    operation = api_schema.find_operation_by_label(label)

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call()
        case.validate_response(response, checks=CHECKS)

    run()
