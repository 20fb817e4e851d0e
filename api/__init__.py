"""perhepolku HTTP API: the Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from api import config as config_module
from api import problems


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app: load configuration, open the built graph (and index) once, register the views."""
    from api import (
        cors,
        guard,
        requestlog,
        views_core,
        views_hsds,
        views_linked,
        views_navigation,
        views_search,
        views_sources,
        views_sparql,
        web,
    )
    from api.budget import QueryBudget
    from api.jsonprovider import FastJSONProvider
    from api.resources import ResourceHolder
    from api.routing import LazyBuilderRule

    app = Flask(__name__)
    app.url_rule_class = LazyBuilderRule  # builders compiled at their first url_for: a faster cold start
    app.config.update(config_module.load(config))
    app.json = FastJSONProvider(app)  # Flask's JSON, UTF-8 and in key order, written by orjson
    app.extensions["perhepolku"] = ResourceHolder(app.config)
    if app.config["PROXY_FIX"]:  # behind n proxies: the client's address, scheme and host come from X-Forwarded-*
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n)  # type: ignore[method-assign]
    app.extensions["perhepolku_budget"] = QueryBudget(app.config["QUERY_BUDGET"], app.config["QUERY_BUDGET_WINDOW"])
    problems.init_app(app)
    requestlog.init_app(app)
    guard.init_app(app)
    for module in (views_core, views_sparql, views_linked, views_search, views_navigation, views_sources, views_hsds):
        app.register_blueprint(module.bp)

    web.init_app(app)
    cors.init_app(app)

    return app
