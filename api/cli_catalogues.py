"""`perhepolku import ptv|hsds` and `perhepolku export hsds-csv`: catalogues in and out of the graph."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from api.cli import _fail, _kg, export, main
from graph.errors import PerhepolkuError

SOURCES = click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
OUT = click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Data folder to write (and update)."
)


@main.group(name="import")
def import_group() -> None:
    """Import a catalogue into a data folder that `perhepolku build --data DIR` builds."""


@import_group.command(name="ptv")
@SOURCES
@OUT
@click.option("--since", type=click.DateTime(), help="Only records modified on or after this date (ISO 8601).")
@click.option("--api-version", "version", type=click.Choice(["v11"]), default="v11", show_default=True)
def import_ptv(sources: tuple[Path, ...], out: Path, since: datetime | None, version: str) -> None:
    """Saved Suomi.fi PTV Open API responses (records, arrays, GUID pages, folders) -> Turtle in OUT.

    A re-import replaces each service's facts as a whole; archived or withdrawn records are removed.
    """
    from graph.build.importers import import_ptv as run

    try:
        click.echo(json.dumps(run(list(sources), out, since=since, version=version), ensure_ascii=False, indent=1))
    except PerhepolkuError as exc:
        _fail(exc, 2)


@import_group.command(name="hsds")
@SOURCES
@OUT
def import_hsds(sources: tuple[Path, ...], out: Path) -> None:
    """Open Referral HSDS 3.0 JSON (a service, a Page of services, folders of them) -> Turtle in OUT."""
    from graph.build.importers import import_hsds as run

    try:
        click.echo(json.dumps(run(list(sources), out), ensure_ascii=False, indent=1))
    except PerhepolkuError as exc:
        _fail(exc, 2)


@export.command(name="hsds-csv")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), default="fi", show_default=True)
def export_hsds_csv(folder: Path, lang: str) -> None:
    """The HSDS 3.0 tabular form (one CSV per table and datapackage.json) of the built graph into FOLDER."""
    from graph.hsds import export_csv

    counts = export_csv(_kg(), folder, lang)
    click.echo(json.dumps(counts, ensure_ascii=False))
