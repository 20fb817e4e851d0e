"""The SPARQL editor page built in Python, every value escaped: the form, a query's answer or its problem,
and the named queries as examples.

A first visit of the editor in a language rendered two templates around an 80 kB list of examples (half
the page's time); what is shown is the same: the query, the answer as api.web.pages_sparql made it, and
the examples as api.web.pages_sparql.examples_html joined them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from api.web.chrome import layout_html, section_path
from api.web.i18n import page_lang
from api.web.names import _l, escaped, gettext, ngettext

TITLE = _l("SPARQL query editor")
INTRO = _l(
    "Ask the knowledge graph directly. The endpoint is read-only; programs send their queries to the same address"
    " by the SPARQL 1.1 Protocol."
)
QUERY = _l("Query")
RUN = _l("Run the query")
ANSWER = _l("Answer")
EXAMPLES = _l("Named queries as examples")
EXAMPLES_HINT = _l("Each opens in the editor with its example parameters and runs; the JSON API serves them by name.")
YES, NO = _l("yes"), _l("no")
FIRST_SHOWN = _l("the first %(num)d are shown")


def _answer_html(answer: Mapping[str, Any], max_rows: int) -> str:
    """The answer's section: a yes/no, a graph's Turtle text, or a table of the first `max_rows` rows."""
    if answer["kind"] == "boolean":
        body = f"\n  <p><strong>{escaped(YES if answer['value'] else NO)}</strong></p>\n  "
    elif answer["kind"] == "graph":
        body = f'\n  <pre class="document">{escape(answer["text"])}</pre>\n  '
    else:
        total = answer["total"]
        rows = str(escape(ngettext("%(num)d row", "%(num)d rows", total)))
        if total > max_rows:
            rows += f" — {escape(gettext(FIRST_SHOWN, num=max_rows))}"  # str + str: each part escaped once
        head = "".join(f'<th scope="col">?{escape(v)}</th>' for v in answer["head"])
        body = (
            f'\n  <p>{rows}</p>\n  <div class="diagram">\n  <table>\n    <thead><tr>{head}</tr></thead>\n'
            f"    <tbody>\n    {answer['body']}\n    </tbody>\n  </table>\n  </div>\n  "
        )
    title = escaped(ANSWER)
    return f'\n<section aria-labelledby="answer-title">\n  <h2 id="answer-title">{title}</h2>\n  {body}\n</section>\n'


def editor_html(query: str, answer: Mapping[str, Any] | None, problem: str | None, examples: str, max_rows: int) -> str:
    """The whole editor page: `query` in the form, then `problem` or `answer`, then the examples (list items)."""
    lang = page_lang()
    title = escaped(TITLE)
    problem_html = f'<p class="problem" lang="en" role="alert">{escape(problem)}</p>' if problem else ""
    main = "".join(
        [
            f"\n<h1>{title}</h1>\n<p>{escaped(INTRO)}</p>\n",
            f'<form method="get" action="{section_path("sparql.sparql")}" class="sparql">\n',
            '  <input type="hidden" name="format" value="html">\n',
            f'  <input type="hidden" name="lang" value="{escape(lang)}">\n',
            f'  <label for="query">{escaped(QUERY)}</label>\n',
            f'  <textarea id="query" name="query" class="sparql" spellcheck="false">{escape(query)}</textarea>\n',
            f'  <p><button type="submit">{escaped(RUN)}</button></p>\n</form>\n{problem_html}\n',
            _answer_html(answer, max_rows) if answer else "",
            '\n<section aria-labelledby="examples-title">\n',
            f'  <h2 id="examples-title">{escaped(EXAMPLES)}</h2>\n  <p>{escaped(EXAMPLES_HINT)}</p>\n',
            f'  <ul class="examples">\n{examples}  </ul>\n</section>\n',
        ]
    )
    return str(layout_html(gettext(TITLE), "", main))
