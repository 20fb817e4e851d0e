"""Long lists of the pages built in Python, every value escaped: the gaps shown, the coverage rows, form choices,
the pager.

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
from api.web.i18n import label, url_with
from api.web.names import GAP_KINDS, STAGE_NAMES, _l, escaped, gettext, ngettext
from api.web.quotes import sources_html

COVERAGE_NOTE = _l(
    "Each cell lists the services that cover the stage for the situation; a service marked * covers only part of "
    "it. An empty cell is a gap."
)
SHOWN_PER_CELL = 6  # services named in a coverage cell; the rest are counted
# services named in a gap; the rest are counted (a stage window uncovered nationally names thousands: 1 MB a page)
SERVICES_PER_GAP = 20

# the words it shows (msgids, marked for extraction: a call inside an f-string is not found)
COVERAGE_TITLE = _l("Coverage: situations by family stage")
NEXT = _l("Next")
PAGES = _l("Pages")
PREVIOUS = _l("Previous")
SITUATION = _l("Situation")


def gaps_html(shown: Iterable[Mapping[str, Any]], service_names: Mapping[str, Any]) -> Markup:
    """The gaps as list items: kind, title, detail, the services named (linked) and the evidence's quotes."""
    services_text = escaped("Services:")
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


def gaps_section_html(
    shown: Iterable[Mapping[str, Any]], total: int, offset: int, size: int, service_names: Mapping[str, Any]
) -> Markup:
    """The gap list's section: how many gaps the filter shows, this page's gaps, the pager."""
    count = escape(ngettext("%(num)d gap", "%(num)d gaps", total))
    return Markup(
        f'<section aria-labelledby="gaps-title">\n  <h2 id="gaps-title">{count}</h2>\n  <ul class="gaps">\n  '
        f"{gaps_html(shown, service_names)}\n  </ul>\n  {pager_html(total, offset, size)}\n</section>"
    )


def coverage_html(matrix: Mapping[str, Any]) -> Markup:
    """The coverage matrix's section: what a cell says, then the table of situations by family stage."""
    stages = "".join(f'<th scope="col">{escape(STAGE_NAMES.get(st["id"], st["id"]))}</th>' for st in matrix["stages"])
    return Markup(
        f'<section aria-labelledby="matrix-title">\n  <h2 id="matrix-title">{escaped(COVERAGE_TITLE)}'
        f'</h2>\n  <p>{escaped(COVERAGE_NOTE)}</p>\n  <div class="diagram">\n  <table class="matrix">\n'
        f'    <thead><tr><th scope="col">{escaped(SITUATION)}</th>{stages}</tr></thead>\n    <tbody>\n    '
        f"{coverage_rows_html(matrix)}\n    </tbody>\n  </table>\n  </div>\n</section>"
    )


def coverage_rows_html(matrix: Mapping[str, Any]) -> Markup:
    """The coverage matrix's rows: a situation, then per stage the services covering it (* for part of it)."""
    stages = [stage["id"] for stage in matrix["stages"]]
    service_name_link = service_name_links()
    nothing = escaped("none")
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


def gap_kinds_html(counts: Mapping[str, int], chosen: Collection[str]) -> Markup:
    """The gap explorer's kind filter: a checkbox for each kind of gap with its count in the report."""
    return Markup(
        "".join(
            f'\n    <label><input type="checkbox" name="kind" value="{escape(kind)}"{" checked" if kind in chosen else ""}>'
            f' {escape(name)} <span class="count">({counts.get(kind, 0)})</span></label>\n'
            for kind, name in GAP_KINDS.items()
        )
    )


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


def pager_html(total: int, offset: int, size: int) -> Markup:
    """Links to the previous and next `size` items of `total` from `offset`; nothing when all fit on the first page.

    A template macro imported by a page was a module made anew for each render (the page's context differs).
    """
    if total <= size and offset == 0:
        return Markup("")
    prev = nxt = ""
    if offset > 0:
        prev = f'<a rel="prev" href="{escape(url_with(offset=max(offset - size, 0)))}">{escaped(PREVIOUS)}</a>'
    if offset + size < total:
        nxt = f'<a rel="next" href="{escape(url_with(offset=offset + size))}">{escaped(NEXT)}</a>'
    shown = gettext("%(first)d–%(last)d of %(total)d", first=offset + 1, last=min(offset + size, total), total=total)
    return Markup(
        f'\n<nav class="pager" aria-label="{escaped(PAGES)}">\n  {prev}\n  <span>{escape(shown)}</span>\n'
        f"  {nxt}\n</nav>\n"
    )
