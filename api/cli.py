"""The `perhepolku` command line: the same domain functions as the HTTP API, printed for people."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from graph.store import KnowledgeGraph

from graph.errors import PerhepolkuError
from graph.vocab import LANGS

DATA_OPTION = click.option(
    "--data",
    "data_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of Turtle (and its sources/) to build instead of graph/data/curated; repeatable "
    "(--data graph/data/curated --data imported/ builds both together).",
)


def _fail(exc: PerhepolkuError, code: int = 2) -> None:
    click.echo(str(exc), err=True)
    sys.exit(code)


def _instance() -> Path:
    """The instance folder from the configuration (PERHEPOLKU_INSTANCE, else ./instance)."""
    from api.config import load

    return Path(load()["INSTANCE"])


def _kg() -> KnowledgeGraph:
    from graph.paths import current_build
    from graph.store import KnowledgeGraph

    try:
        return KnowledgeGraph.open(current_build(_instance()))
    except PerhepolkuError as exc:
        _fail(exc)
        raise  # _fail exits; this only tells the type checker


@click.group()
@click.version_option("0.1.0", prog_name="perhepolku")
def main() -> None:
    """perhepolku: knowledge-graph navigation of Finnish family services."""


REASONER_OPTION = click.option(
    "--reasoner",
    type=click.Choice(["auto", "hermit", "rules"]),
    default="auto",
    show_default=True,
    help="HermiT, the rules for large graphs, or HermiT up to 500 individuals.",
)

SHACL_OPTION = click.option(
    "--shacl",
    type=click.Choice(["sparql", "pyshacl"]),
    default="sparql",
    show_default=True,
    help="SHACL engine: inside Oxigraph (fast) or pySHACL (the reference, slow on large graphs).",
)


@main.command()
@DATA_OPTION
@REASONER_OPTION
@SHACL_OPTION
@click.option(
    "--revalidate",
    is_flag=True,
    help="Validate the SHACL shapes even when a finished build validated the same shapes and data.",
)
def build(data_dirs: tuple[Path, ...], reasoner: str, shacl: str, revalidate: bool) -> None:
    """Build the validated, reasoned graph (and search index) into the instance folder."""
    from api.build_steps import APART, steps
    from graph.build import build as build_all

    try:
        from api.config import load

        build_all(
            list(data_dirs) or None,
            instance=_instance(),
            progress=click.echo,
            steps=steps(load()["SEARCH_ENGINE"]),
            reasoner=reasoner,
            shacl=shacl,
            revalidate=revalidate,
            apart=APART,
        )
    except PerhepolkuError as exc:
        _fail(exc, 1)


@main.command()
@DATA_OPTION
@click.option(
    "--extra",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Additional Turtle file to validate with the data (repeatable).",
)
@click.option("--no-reason", is_flag=True, help="Skip the OWL consistency check.")
@REASONER_OPTION
@SHACL_OPTION
@click.option(
    "--profile",
    type=click.Choice(["cpsv-ap"]),
    help="Check the built graph against an application profile's official shapes instead (see docs/conformance.md).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
def validate(
    data_dirs: tuple[Path, ...],
    extra: tuple[Path, ...],
    no_reason: bool,
    reasoner: str,
    shacl: str,
    profile: str | None,
    fmt: str,
) -> None:
    """Check quotes, SHACL shapes and OWL consistency. Exit 0 conforms, 1 does not, 2 error."""
    from graph.build import validate as run_validate

    if profile:
        _validate_profile(list(data_dirs) or None, profile, reasoner, fmt)
    try:
        report = run_validate(
            list(data_dirs) or None, list(extra), reason=not no_reason, reasoner=reasoner, shacl=shacl
        )
    except PerhepolkuError as exc:
        _fail(exc, 2)
    click.echo(json.dumps(report.dump(), indent=2, ensure_ascii=False) if fmt == "json" else report.text())
    sys.exit(0 if report.conforms else 1)


def _validate_profile(data_dir: list[Path] | None, name: str, reasoner: str, fmt: str) -> None:
    """Exit 0 when every violation of the profile is explained (and every explanation still needed), else 1."""
    from graph.build.profiles import markdown, validate_profile

    try:
        report = validate_profile(data_dir, name, reasoner)
    except PerhepolkuError as exc:
        _fail(exc, 1)
    if fmt == "json":
        click.echo(json.dumps(report.dump(), indent=2, ensure_ascii=False))
    else:
        click.echo(markdown(report) if fmt == "markdown" else report.text(), nl=fmt != "markdown")
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.option("--services", type=click.IntRange(1, 2_000_000), required=True, help="How many services.")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed (same seed, same graph).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ptv"]),
    default="turtle",
    show_default=True,
    help="turtle: a graph for `build --data`; ptv: PTV Open API v11 records for `import ptv`.",
)
def generate(services: int, seed: int, out: Path, fmt: str) -> None:
    """Write a synthetic Finland-wide graph (Turtle + the source texts it quotes) for `build --data`,
    or as many synthetic PTV v11 service records (with their channels) for `import ptv`."""
    from graph.build import generate as run_generate

    if fmt == "ptv":
        from graph.build.importers.generate_ptv import generate_ptv

        click.echo(json.dumps(generate_ptv(services, seed, out)))
        return
    counts = run_generate(services, seed, out)
    click.echo(
        f"wrote {counts['services']} services, {counts['links']} referral links in "
        f"{counts['municipalities']} municipalities to {out}"
    )


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
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option(
    "--format",
    "fmt",
    default="csv",
    show_default=True,
    help="json, xml, csv, tsv (SELECT/ASK) or turtle, jsonld, ntriples, rdfxml (CONSTRUCT).",
)
def query(name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a named query from queries/ with typed parameters."""
    from graph.store import FORMAT_PARAM, run_named

    kg = _kg()
    raw: dict[str, list[str]] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            _fail(PerhepolkuError(f"--param takes KEY=VALUE, not {item!r}"))
        raw.setdefault(key, []).append(value)
    try:
        click.echo(run_named(kg, name, raw, FORMAT_PARAM.get(fmt, fmt)).decode("utf-8"), nl=False)
    except PerhepolkuError as exc:
        _fail(exc)


@main.group()
def export() -> None:
    """Export the built graph for other tools: an application profile (cpsv-ap) or HSDS tables (hsds-csv)."""


@export.command(name="cpsv-ap")
@click.option("--format", "fmt", type=click.Choice(["turtle", "jsonld", "ntriples", "rdfxml"]), default="turtle")
def export_cpsv_ap(fmt: str) -> None:
    """The public services in an application profile's terms (CPSV-AP 3.2 with CCCEV 2), as GET /api/v1/export/cpsv-ap."""
    from graph.store import FORMAT_PARAM, export_profile

    try:
        for piece in export_profile(_kg(), "cpsv-ap", FORMAT_PARAM[fmt])[1]:
            sys.stdout.buffer.write(piece)
    except PerhepolkuError as exc:
        _fail(exc)


@main.command()
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--format", "fmt", default=None, help="Result format (default: csv for SELECT/ASK, turtle for graphs).")
def sparql(source: TextIO, fmt: str | None) -> None:
    """Run a SPARQL query from FILE (or - for standard input) against the built graph; updates are refused."""
    from graph.store import FORMAT_PARAM, inspect, serialize

    kg = _kg()
    text = source.read()
    try:
        kind = inspect(text)
        media = FORMAT_PARAM.get(fmt, fmt) if fmt else ("text/csv" if kind.form in ("SELECT", "ASK") else "text/turtle")
        click.echo(
            serialize(kg.store.run(text), media, max_bytes=1 << 30, max_triples=10_000_000).decode("utf-8"), nl=False
        )
    except PerhepolkuError as exc:
        _fail(exc)


@main.command()
@click.option("--municipality", help="Narrow coverage to services in this municipality.")
@click.option("--language", type=click.Choice(["sv", "en"]), help="Only this language's gaps.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table", show_default=True
)
def gaps(municipality: str | None, language: str | None, fmt: str) -> None:
    """The planners' gap report: who falls between the services, where pathways end, what data is missing."""
    from api.formatting import format_gaps
    from graph.navigation import gap_report

    try:
        click.echo(format_gaps(gap_report(_kg(), municipality, language), fmt), nl=False)
    except PerhepolkuError as exc:
        _fail(exc)


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (docs/claims.md).")
def claims(out: Path | None) -> None:
    """Every statement with its quote and its reading (stated or interpreted), as Markdown."""
    from graph.navigation import claims_markdown

    text = claims_markdown(_kg())
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(list(LANGS)), default="fi", show_default=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
def search(words: tuple[str, ...], lang: str, limit: int, as_json: bool) -> None:
    """Search the services, e.g. perhepolku search "itkuinen vauva"."""
    from graph.paths import current_build
    from search_index.indexer import open_index
    from search_index.search import search as run_search

    try:
        result = run_search(open_index(current_build(_instance())), " ".join(words), lang=lang, limit=limit)
    except PerhepolkuError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for rank, item in enumerate(result["items"], 1):
        click.echo(f"{rank:>2}. {item['label']}  [{item['id']}]  {item['score']:.2f}")
    click.echo(
        f"{result['total']} found" + (f"; did you mean: {result['did_you_mean']}" if result["did_you_mean"] else "")
    )


@main.command()
@click.option("--host", default="127.0.0.1", envvar="HOST", show_default=True)
@click.option("--port", default=8000, type=int, envvar="PORT", show_default=True)
def serve(host: str, port: int) -> None:
    """Serve the API (threaded development server; use `make serve-prod` for gunicorn)."""
    from api import create_app, devserver

    try:
        app = create_app()
    except PerhepolkuError as exc:
        _fail(exc)
    click.echo(f"perhepolku serving graph {app.extensions['perhepolku'].current.build_id} on http://{host}:{port}")
    devserver.run(app, host, port)


from api import cli_catalogues  # noqa: E402,F401  (registers `import` and `export hsds-csv`)

if __name__ == "__main__":
    main()
