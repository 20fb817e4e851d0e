"""URL rules whose builders (used by url_for) are compiled at their first use, not when a view is registered.

Werkzeug compiles two Python functions per rule as it is added (about 0.3 s for the API's rules on a
loaded two-core machine, a quarter of a cold start); most rules are never built into a URL. The
matching side is untouched; a builder, once compiled, is Werkzeug's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.routing import Rule

Builder = Callable[..., tuple[str, str]]


class LazyBuilderRule(Rule):
    """A Rule that compiles each URL builder the first time it builds a URL."""

    def _compile_builder(self, append_unknown: bool = True) -> Builder:
        compiled: list[Builder] = []

        def build(rule: Rule, /, **values: Any) -> tuple[str, str]:
            if not compiled:
                compiled.append(Rule._compile_builder(rule, append_unknown).__get__(rule, None))
            return compiled[0](**values)

        return build
