"""The OpenAPI document is precise enough for generators: every array says what it holds, every named query
is its own operation with its parameters declared as the query header types them."""

from __future__ import annotations

from typing import Any


def arrays_without_items(node: Any, where: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        types = node.get("type")
        if (types == "array" or (isinstance(types, list) and "array" in types)) and "items" not in node:
            found.append(where)
        for key, value in node.items():
            found += arrays_without_items(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += arrays_without_items(value, f"{where}/{i}")
    return found


def test_every_array_has_items(client):
    assert arrays_without_items(client.get("/openapi.json").get_json()) == []


def test_each_named_query_is_an_operation_with_its_parameters(client, kg):
    paths = client.get("/openapi.json").get_json()["paths"]
    for query in kg.catalog:
        operation = paths[f"/api/v1/queries/{query.name}"]["get"]
        declared = {p["name"]: p for p in operation["parameters"]}
        assert set(declared) == {p.name for p in query.params} | {"format"}, query.name
        for param in query.params:
            assert declared[param.name]["required"] == param.required
        assert operation["operationId"] == "query_" + query.name.replace("-", "_")
    concept_enum = paths["/api/v1/queries/services-by-situation"]["get"]["parameters"][0]["schema"]["enum"]
    assert "anxiety" in concept_enum and all(kg.concepts[c]["scheme"] == "situation" for c in concept_enum)


def test_concept_parameters_list_the_build_ids(client, kg):
    paths = client.get("/openapi.json").get_json()["paths"]
    schemes = next(p for p in paths["/api/v1/concepts"]["get"]["parameters"] if p["name"] == "scheme")
    assert schemes["schema"]["enum"] == sorted(kg.schemes)
    situation = next(p for p in paths["/api/v1/eligibility"]["get"]["parameters"] if p["name"] == "situation")
    assert "anxiety" in situation["schema"]["items"]["enum"]
