"""The pages on a generated graph: its municipalities are not three-digit codes, and every page stays small."""

from __future__ import annotations

import pytest

BROWSER = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory):
    from api import create_app
    from api.build_steps import steps
    from graph.build import generate
    from graph.build.pipeline import build

    root = tmp_path_factory.mktemp("generated-web")
    generate(24, 7, root / "data")
    folder = build(root / "data", instance=root / "instance", steps=steps("whoosh"), reasoner="rules")
    app = create_app({"BUILD_DIR": str(folder), "TESTING": True, "LOG_REQUESTS": False})
    yield app.test_client(), app.extensions["perhepolku"].current.kg
    app.extensions["perhepolku"].current.close()


def test_a_municipality_filter_pages_as_the_json_api_does(generated_client):
    client, kg = generated_client
    home = kg.select_once("municipalities")[0]["code"]
    for page, endpoint in [
        (f"/gaps?municipality={home}", f"/api/v1/gaps?municipality={home}"),
        (f"/pathways?municipality={home}", f"/api/v1/pathways?municipality={home}"),
    ]:
        assert client.get(endpoint).status_code == 200
        assert client.get(page, headers=BROWSER).status_code == 200, page


def test_every_page_of_the_bench_answers_and_stays_under_a_megabyte(generated_client):
    from bench.pages import cases

    client, kg = generated_client
    for name, urls in cases(kg):
        for page, endpoints in urls[:3]:
            response = client.get(page, headers=BROWSER)
            assert response.status_code == 200 and len(response.data) < 1_000_000, (name, page)
            assert all(client.get(e).status_code == 200 for e in endpoints), (name, endpoints)
