"""The rows of the speed issue as HTTP paths, taken from the build being measured (seed or generated).

Every endpoint a client calls most, each named query with its example parameters (a service,
concept or IRI the generated graph lacks is replaced by one of its own), and the HSDS and web
routes when the server has them (probed, since other work adds them).
"""

from __future__ import annotations

import http.client
from typing import Any
from urllib.parse import quote, urlencode

from graph.hsds.ids import hsds_id

FLOOR = "/health"  # reads the manifest: HTTP, routing and JSON, almost nothing else

SEARCHES = [
    ("search (fi: vauva ei nuku)", "vauva ei nuku", "fi"),
    ("search (sv: förlossningsdepression)", "förlossningsdepression", "sv"),
    ("search (en: home visits)", "home visits", "en"),
]
# web pages beside the JSON endpoint each shows (api/web/, when it exists)
PAGES = {
    "page: search": ("/?{search}", "search (fi: vauva ei nuku)"),
    "page: service": ("/services/{service}", "service detail"),
    "page: screening": ("/screening?{eligibility}", "eligibility"),
    "page: pathways": ("/pathways?service={start}", "pathway"),
    "page: gaps": ("/gaps", "gap report"),
}


def case(kg: Any) -> dict[str, Any]:
    """A service with a pathway, a family, a situation and a municipality of this build."""
    edges = kg.select_once("pathway-edges")
    start = edges[0]["from"] if edges else kg.services[0]["id"]
    detail = "terapeuttinen-vauvaperhetyo" if "terapeuttinen-vauvaperhetyo" in kg.service_ids else start
    situation = next(c for c, v in kg.concepts.items() if v["scheme"] == "situation")
    home = kg.select_once("municipalities")[0]["code"]
    family = {"municipality": home, "child_age_months": 4, "situation": situation, "language": "fi"}
    if "terapeuttinen-vauvaperhetyo" in kg.service_ids:  # the seed graph: the nurse's example family
        family = {"pregnancy_week": 24, "situation": "anxiety", "municipality": "Helsinki", "language": "sv"}
    return {"start": start, "detail": detail, "family": family, "home": home}


def example_params(kg: Any, query: Any, where: dict[str, Any]) -> dict[str, str]:
    """The example parameters of a named query's header, valid in this build."""
    params: dict[str, str] = {}
    for p in query.params:
        if not p.example:
            continue
        value = p.example
        if p.type == "service" and value not in kg.service_ids:
            value = where["start"]
        elif p.type == "municipality" and value not in kg.municipalities:
            value = where["home"]
        elif p.type == "iri" and "/id/service/" in value and value.rsplit("/", 1)[-1] not in kg.service_ids:
            value = value.rsplit("/", 1)[0] + "/" + where["start"]
        params[p.name] = value
    return params


def endpoints(kg: Any) -> dict[str, str]:
    """Name -> path of every row measured, the floor first."""
    where = case(kg)
    rows = {"floor (/health)": FLOOR}
    rows["service detail"] = f"/api/v1/services/{where['detail']}"
    rows["services list"] = "/api/v1/services"
    rows["concepts"] = "/api/v1/concepts"
    for name, q, lang in SEARCHES:
        rows[name] = "/api/v1/search?" + urlencode({"q": q, "lang": lang})
    rows["suggest"] = "/api/v1/suggest?" + urlencode({"q": "vau"})
    rows["eligibility"] = "/api/v1/eligibility?" + urlencode(where["family"])
    rows["pathway"] = f"/api/v1/services/{where['start']}/pathway"
    rows["pathways"] = "/api/v1/pathways"
    rows["gap report"] = "/api/v1/gaps"
    for query in kg.catalog:
        params = example_params(kg, query, where)
        rows[f"query {query.name}"] = f"/api/v1/queries/{query.name}" + ("?" + urlencode(params) if params else "")
    return rows


def optional_endpoints(kg: Any, port: int) -> dict[str, str]:
    """The HSDS service and the web pages, each only if this server answers it with 200."""
    where = case(kg)
    values = {
        "search": urlencode({"q": "vauva ei nuku"}),
        "service": where["detail"],
        "eligibility": urlencode(where["family"]),
        "start": quote(where["start"]),
    }
    found = {}
    detail = next(s["service"] for s in kg.services if s["id"] == where["detail"])
    candidates = {"HSDS service": f"/hsds/services/{hsds_id(detail)}"}  # HSDS names a service by its UUID
    candidates.update({name: path.format(**values) for name, (path, _) in PAGES.items()})
    for name, path in candidates.items():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            conn.request("GET", path, headers={"Accept": "text/html" if name.startswith("page") else "*/*"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                found[name] = path
        except OSError:
            pass
        finally:
            conn.close()
    return found
