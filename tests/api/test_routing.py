"""Lazily compiled URL builders build the same URLs as Werkzeug's eagerly compiled ones."""

from __future__ import annotations

from werkzeug.routing import Map, Rule

from api.routing import LazyBuilderRule


def _values(rule: Rule) -> dict[str, str]:
    return {name: f"v{n}" for n, name in enumerate(sorted(rule.arguments))}


def test_every_rule_of_the_app_builds_the_url_werkzeug_builds(app):
    rules = list(app.url_map.iter_rules())
    assert all(isinstance(rule, LazyBuilderRule) for rule in rules if rule.endpoint != "static")  # Flask's own
    eager = Map([Rule(rule.rule, endpoint=rule.endpoint, methods=rule.methods) for rule in rules])
    lazy, plain = app.url_map.bind("localhost"), eager.bind("localhost")
    for rule in rules:
        for extra in ({}, {"lang": "sv", "q": "äiti & vauva"}):
            values = _values(rule) | extra
            assert lazy.build(rule.endpoint, values) == plain.build(rule.endpoint, values), rule.rule


def test_a_builder_is_compiled_at_its_first_use_only(monkeypatch):
    compiled = []
    original = Rule._compile_builder
    monkeypatch.setattr(
        Rule, "_compile_builder", lambda self, unknown=True: compiled.append(unknown) or original(self, unknown)
    )
    urls = Map([LazyBuilderRule("/api/v1/services/<service_id>", endpoint="service")]).bind("localhost")
    assert compiled == []
    assert urls.build("service", {"service_id": "perhetyo", "lang": "fi"}) == "/api/v1/services/perhetyo?lang=fi"
    assert urls.build("service", {"service_id": "a b"}, append_unknown=False) == "/api/v1/services/a%20b"
    assert compiled == [True, False]
