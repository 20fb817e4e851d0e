"""Long lists of the pages built in Python, every value escaped: the gaps shown, the coverage rows, form choices.

A gap list shows 50 gaps with their services and quotes, the coverage matrix a dozen situations by five
stages with up to six services a cell; as template loops, a link and a text call each, they were most
of a first visit's rendering. What is shown is the domain answer as it is (graph.navigation.gap_report,
coverage_matrix); tests/api/web/test_kept.py holds each function equal to the template it replaced.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from api.web.fragments import service_links, service_name_links
from api.web.gaptexts import gap_html
from api.web.i18n import label
from api.web.names import GAP_KINDS, gettext
from api.web.quotes import sources_html

SHOWN_PER_CELL = 6  # services named in a coverage cell; the rest are counted
# services named in a gap; the rest are counted (a stage window uncovered nationally names thousands: 1 MB a page)
SERVICES_PER_GAP = 20


def gaps_html(shown: Iterable[Mapping[str, Any]], service_names: Mapping[str, Any]) -> Markup:
    """The gaps as list items: kind, title, detail, the services named (linked) and the evidence's quotes."""
    services_text = escape(gettext("Services:"))
    service_link = service_links()
    out = []
    for gap in shown:
        services = ""
        if gap["services"]:
            named = gap["services"][:SERVICES_PER_GAP]
            links = ", ".join(str(service_link(sid, service_names.get(sid))) for sid in named)
            more = len(gap["services"]) - len(named)
            if more > 0:  # the CSV and JSON downloads list them all
                counted = escape(gettext("and %(num)d more", num=more))
                links += f" {counted}"
            services = f"<p>{services_text} {links}</p>"
        title, detail = gap_html(gap)
        out.append(
            f'\n    <li>\n      <h3><span class="kind">{escape(GAP_KINDS.get(gap["kind"], gap["kind"]))}:</span> '
            f"<span>{title}</span></h3>\n      <p>{detail}</p>\n"
            f"      {services}\n      {sources_html(gap['sources'])}\n    </li>"
        )
    return Markup("".join(out))


def coverage_rows_html(matrix: Mapping[str, Any]) -> Markup:
    """The coverage matrix's rows: a situation, then per stage the services covering it (* for part of it)."""
    stages = [stage["id"] for stage in matrix["stages"]]
    service_name_link = service_name_links()
    nothing = escape(gettext("none"))
    none = f'<span class="unknown">{nothing}</span>'
    out = []
    for row in matrix["rows"]:
        cells = []
        for stage in stages:
            cell = row["cells"][stage]
            names = ", ".join(f"{service_name_link(c['id'])}{'' if c['whole'] else '*'}" for c in cell[:SHOWN_PER_CELL])
            more = len(cell) - SHOWN_PER_CELL
            rest = ""
            if more > 0:
                counted = escape(gettext("and %(num)d more", num=more))
                rest = f" {counted}"
            cells.append(f"\n      <td>{'' if cell else none}{names}{rest}</td>")
        out.append(
            f'\n    <tr><th scope="row">{label(row["labels"], row["situation"])}</th>{"".join(cells)}\n      </tr>'
        )
    return Markup("".join(out))


def checkboxes_html(name: str, choices: Iterable[tuple[str, Any]], chosen: Collection[str]) -> Markup:
    """A form's checkboxes for `name`: (value, label) each, the chosen ones checked."""
    field = escape(name)
    return Markup(
        "".join(
            f'\n    <label><input type="checkbox" name="{field}" value="{escape(value)}"'
            f"{' checked' if value in chosen else ''}> {escape(text)}</label>\n"
            for value, text in choices
        )
    )


def options_html(choices: Iterable[tuple[str, Any]], chosen: Collection[str]) -> Markup:
    """A select's options: (value, label) each, the chosen ones selected."""
    return Markup(
        "".join(
            f'<option value="{escape(value)}"{" selected" if value in chosen else ""}>{escape(text)}</option>'
            for value, text in choices
        )
    )
