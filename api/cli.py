"""The `perhepolku` command line: the same domain functions as the HTTP API, printed for people."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph.errors import PerhepolkuError

DATA_OPTION = click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                           help="Folder of curated Turtle to build instead of graph/data/curated.")


def _fail(exc: PerhepolkuError, code: int = 2) -> None:
    click.echo(str(exc), err=True)
    sys.exit(code)


def _kg():
    from graph.kg import KnowledgeGraph

    try:
        return KnowledgeGraph.open()
    except PerhepolkuError as exc:
        _fail(exc)


@click.group()
@click.version_option("0.1.0", prog_name="perhepolku")
def main() -> None:
    """perhepolku: knowledge-graph navigation of Finnish family services."""


@main.command()
@DATA_OPTION
def build(data_dir: Path | None) -> None:
    """Build the validated, reasoned graph (and search index) into the instance folder."""
    from graph.build import build as build_all

    from api.build_steps import steps

    try:
        build_all(data_dir, progress=click.echo, steps=steps())
    except PerhepolkuError as exc:
        _fail(exc, 1)


@main.command()
@DATA_OPTION
@click.option("--extra", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Additional Turtle file to validate with the data (repeatable).")
@click.option("--no-reason", is_flag=True, help="Skip the OWL consistency check (HermiT).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def validate(data_dir: Path | None, extra: tuple[Path, ...], no_reason: bool, fmt: str) -> None:
    """Check quotes, SHACL shapes and OWL consistency. Exit 0 conforms, 1 does not, 2 error."""
    from graph.validate import validate as run_validate

    try:
        report = run_validate(data_dir, list(extra), reason=not no_reason)
    except PerhepolkuError as exc:
        _fail(exc, 2)
    click.echo(json.dumps(report.dump(), indent=2, ensure_ascii=False) if fmt == "json" else report.text())
    sys.exit(0 if report.conforms else 1)


@main.command()
def stats() -> None:
    """Counts of resources by class in the built graph."""
    kg = _kg()
    rows = kg.select("stats")
    width = max(len(r["class"]) for r in rows)
    for row in rows:
        click.echo(f"{row['class']:<{width}}  {row['count']:>7}")
    click.echo(f"{'quads':<{width}}  {len(kg.store):>7}")


@main.command()
@click.option("--host", default="127.0.0.1", envvar="HOST", show_default=True)
@click.option("--port", default=8000, type=int, envvar="PORT", show_default=True)
def serve(host: str, port: int) -> None:
    """Serve the API (threaded development server; use `make serve-prod` for gunicorn)."""
    from werkzeug.serving import run_simple

    from api import create_app

    try:
        app = create_app()
    except PerhepolkuError as exc:
        _fail(exc)
    click.echo(f"perhepolku serving graph {app.extensions['perhepolku'].kg.manifest.get('build_id')} on http://{host}:{port}")
    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)


if __name__ == "__main__":
    main()
