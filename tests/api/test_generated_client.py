"""A client generated from the served OpenAPI document by openapi-python-client calls the API: search,
eligibility (its reasons and sources typed), services, a pathway, gaps and a parameterised named query."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
GENERATOR = Path(sys.executable).parent / "openapi-python-client"


@pytest.fixture(scope="module")
def generated(app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    spec = app.test_client().get("/openapi.json").get_json()
    (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (folder / "config.yml").write_text("post_hooks: []\n", encoding="utf-8")
    done = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            "spec.json",
            "--output-path",
            "perhepolku_client",
            "--meta",
            "none",
            "--config",
            "config.yml",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("perhepolku_client")
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == "perhepolku_client" or m.startswith("perhepolku_client.")]:
            del sys.modules[name]


@pytest.fixture()
def api(generated, live_server):
    with generated.Client(base_url=live_server, raise_on_unexpected_status=True, timeout=60) as api_client:
        yield api_client


def test_the_generator_drops_no_json_operation(client, tmp_path):
    spec = client.get("/openapi.json").get_json()
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (tmp_path / "config.yml").write_text("post_hooks: []\n", encoding="utf-8")
    done = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            "spec.json",
            "--output-path",
            "out",
            "--meta",
            "none",
            "--config",
            "config.yml",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    warned = [line.split(" within")[0] for line in done.stdout.splitlines() if line.startswith("WARNING parsing")]
    # only what the generator cannot do at all: a gzip download and a body in application/sparql-query
    assert set(warned) <= {"WARNING parsing GET /dumps/perhepolku.nq.gz", "WARNING parsing POST /sparql"}, warned


def test_search(generated, api):
    from perhepolku_client.api.default import get_api_v1_search

    result = get_api_v1_search.sync(client=api, q="vauva")
    assert result.total > 0 and all(item.id and item.labels.fi for item in result.items)


def test_eligibility_with_typed_reasons_and_sources(generated, api):
    from perhepolku_client.api.default import get_api_v1_eligibility
    from perhepolku_client.models import Eligibility, GetApiV1EligibilitySituationItem

    answer = get_api_v1_eligibility.sync(
        client=api, pregnancy_week=24, situation=[GetApiV1EligibilitySituationItem("anxiety")], municipality="Helsinki"
    )
    assert isinstance(answer, Eligibility)
    eligible = {item.id: item for item in answer.eligible}
    assert "terapeuttinen-vauvaperhetyo" in eligible
    quotes = [s.quote for reason in eligible["terapeuttinen-vauvaperhetyo"].reasons for s in reason.sources]
    assert any("raskausviikolla 20" in quote for quote in quotes)
    assert answer.totals.eligible >= len(answer.eligible)


def test_services_pathway_and_gaps(generated, api):
    from perhepolku_client.api.default import get_api_v1_gaps, get_api_v1_services, get_api_v1_services_id_pathway

    services = get_api_v1_services.sync(client=api, limit=5)
    assert services.total == 21 and len(services.items) == 5
    pathway = get_api_v1_services_id_pathway.sync(client=api, id="neuvola")
    assert "perhetyo" in {step.id for step in pathway.downstream}
    gaps = get_api_v1_gaps.sync(client=api)
    assert gaps.items and all(item.kind for item in gaps.items)


def test_a_parameterised_named_query(generated, api):
    from perhepolku_client.api.named_queries import query_pathway_downstream, query_services_by_situation
    from perhepolku_client.models import (
        QueryPathwayDownstreamService,
        QueryServicesBySituationSituation,
        SparqlResults,
    )

    rows = query_pathway_downstream.sync(client=api, service=QueryPathwayDownstreamService("neuvola"))
    assert isinstance(rows, SparqlResults)
    downstream = {b.additional_properties["next"].value for b in rows.results.bindings}
    assert "https://w3id.org/perhepolku/id/service/perhetyo" in downstream
    by_situation = query_services_by_situation.sync(client=api, situation=QueryServicesBySituationSituation("anxiety"))
    assert by_situation.results.bindings
