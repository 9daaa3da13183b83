"""Commands that change the store: build, load, remove."""

from __future__ import annotations

import sys
from typing import Any

import click

from kg.cli.common import (
    echo_json,
    json_format_option,
    json_option,
    main,
    model_option,
    store_option,
)
from kg.cli.render import render_build_report, render_progress


@main.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@model_option
@click.option("--base", default=None, metavar="IRI", help="Base IRI for minted IRIs.")
@click.option(
    "--date",
    "default_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date for articles that give none (YYYY-MM-DD).",
)
@click.option(
    "--batch-size",
    default=128,
    show_default=True,
    help="Most documents in one transaction (fewer where they are long).",
)
@click.option(
    "--processes",
    "n_process",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Parser processes. 1: one, beside kg's own work where there is a second core; "
    "0: in kg's own process; more: spaCy's worker processes.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Parse and extract on a Dask LocalCluster of N worker processes on this machine.",
)
@click.option(
    "--cluster",
    default=None,
    metavar="ADDRESS",
    help="Parse and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
@click.option(
    "--shared",
    default=None,
    metavar="DIR",
    help="With --cluster: the workers read the files under DIR, which they see at the same "
    "path (with --workers, they read every file).",
)
@json_option
@json_format_option
def build(
    sources: tuple[str, ...],
    store: str | None,
    model: str | None,
    base: str | None,
    default_date: Any,
    batch_size: int,
    n_process: int,
    workers: int | None,
    cluster: str | None,
    shared: str | None,
    as_json: bool,
    output_format: str,
) -> None:
    """Read news articles into the graph store.

    SOURCES are files (.txt, .md, .html, .jsonl), folders, glob patterns, or - for stdin.
    Articles already in the store are skipped; a changed article replaces its old version.
    --workers or --cluster read on Dask (pip install 'kg[cluster]'); the graph is the same.

    Example:

        kg build examples/ --store kg-store
        kg build archive/ --cluster tcp://scheduler:8786 --store http://host:7878
    """
    if workers and cluster:
        raise click.UsageError("give --workers or --cluster, not both")
    if shared and not cluster:
        raise click.UsageError("--shared is for --cluster: --workers read every file already")
    from kg import builder as building

    options: dict[str, Any] = {"base": base} if base else {}
    report = building.build(
        sources,
        store=store,
        model=model,
        default_date=default_date.date() if default_date else None,
        batch_size=batch_size,
        n_process=n_process,
        workers=workers,
        cluster=cluster,
        shared=shared,
        stdin=sys.stdin,
        progress=_show_progress if sys.stderr.isatty() else None,
        **options,
    )
    if report.documents and sys.stderr.isatty():
        click.echo("\r\033[K", nl=False, err=True)
    for notice in report.notices:
        click.echo(f"note: {notice.source}: {notice.message}", err=True)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped.source}: {skipped.reason}", err=True)
    if as_json or output_format == "json":
        echo_json(report)
    else:
        click.echo(render_build_report(report))
    if report.skipped:
        count = len(report.skipped)
        raise click.ClickException(
            f"{count} source{'s' if count > 1 else ''} skipped (reasons above); "
            "the other articles were built"
        )


def _show_progress(progress: Any) -> None:
    click.echo(f"\r{render_progress(progress)}", nl=False, err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@store_option
@json_option
@json_format_option
def load(files: tuple[str, ...], store: str | None, as_json: bool, output_format: str) -> None:
    """Import RDF files into the store, each file as a named graph of its own.

    Turtle (.ttl), N-Triples (.nt), N-Quads (.nq), TriG (.trig), JSON-LD (.jsonld) and
    RDF/XML (.rdf, .owl, .xml). Each file is checked against kg's shapes as a built graph
    is; one that does not parse or conform is skipped with its reason, the others are
    loaded. A file loaded before is left as it is; `kg remove FILE` takes it out again.

    Example:

        kg load known-facts.ttl other-graph.rdf
    """
    from kg import api

    report = api.load(files, store=store)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped.source}: {skipped.reason}", err=True)
    if as_json or output_format == "json":
        echo_json(report)
    else:
        unchanged = f" ({report.unchanged:,} unchanged)" if report.unchanged else ""
        noun = "file" if report.documents == 1 else "files"
        click.echo(f"{report.documents:,} {noun}, {report.triples:,} triples{unchanged}")
    if report.skipped:
        count = len(report.skipped)
        raise click.ClickException(
            f"{count} file{'s' if count > 1 else ''} skipped (reasons above); the others were "
            "loaded"
        )


@main.command()
@click.argument("document")
@store_option
@json_option
@json_format_option
def remove(document: str, store: str | None, as_json: bool, output_format: str) -> None:
    """Remove one article (by id, source path or URL) and what only it supported.

    Example:

        kg remove examples/erbil-attack.txt
    """
    from kg import api

    removed = api.remove(document, store=store)
    if as_json or output_format == "json":
        echo_json({"removed": removed})
        return
    for iri in removed:
        click.echo(f"removed {iri}")
