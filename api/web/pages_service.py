"""The service page: everything the graph knows about one service, grouped as a family or a nurse reads it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import orjson
from flask.typing import ResponseReturnValue

from api.resources import resources
from api.web import bp
from api.web.chrome import layout_html
from api.web.fragments import kept_page
from api.web.i18n import page_lang, pick
from api.web.names import Translated, _l
from api.web.present import open_now, schema_org
from api.web.service_view import service_html
from graph.navigation import get_service

HELSINKI = ZoneInfo("Europe/Helsinki")
# the groups of the page: (heading, the service's parts shown under it), in the order a family asks
GROUPS = [
    ("for", _l("Who it is for"), ["target_groups", "life_events", "situations"]),
    ("access", _l("How to get in"), ["access_routes", "anonymous"]),
    ("cost", _l("Cost"), ["cost"]),
    ("languages", _l("Languages"), ["languages"]),
    ("place", _l("Where"), ["provider", "places", "area", "locality_count"]),
    ("about", _l("What the service does"), ["service_level", "work_forms", "service_classes"]),
    ("related", _l("Part of a larger service"), ["part_of", "parts"]),
]
PART_NAMES = Translated(
    {
        "target_groups": _l("Target groups"),
        "life_events": _l("Life events"),
        "situations": _l("Situations it helps with"),
        "access_routes": _l("Ways in"),
        "anonymous": _l("Can be used anonymously"),
        "cost": _l("Cost"),
        "languages": _l("Languages"),
        "provider": _l("Provider"),
        "places": _l("Places"),
        "area": _l("Area"),
        "locality_count": _l("Number of localities"),
        "service_level": _l("Service level"),
        "work_forms": _l("Ways of working"),
        "service_classes": _l("Service classes"),
        "part_of": _l("Part of"),
        "parts": _l("Parts"),
    }
)


@bp.get("/services/<service_id>")
def service(service_id: str) -> ResponseReturnValue:
    lang = page_lang()
    kg = resources().kg
    item = get_service(kg, service_id)
    now = datetime.now(HELSINKI)
    open_states = {channel["id"]: open_now(channel["hours"], now) for channel in item["channels"]}
    state = tuple(open_states.values())  # the only part of the page that changes within a build

    def render() -> str:
        service_ids = kg.memo("web-service-ids", lambda: {row["id"] for row in kg.services})
        jsonld = orjson.dumps(schema_org(item, lang)).decode().replace("<", "\\u003c")  # no "</script>" in it
        return layout_html(
            pick(item["labels"], lang)[0],
            f'<script type="application/ld+json">{jsonld}</script>',
            f"\n{service_html(item, open_states, GROUPS, PART_NAMES, service_ids)}\n",
        )

    return kept_page(state, render)
