"""Commands about a store as a whole: serve, stats, validate."""

from __future__ import annotations

import sys

import click

from kg.cli.common import echo_json, json_format_option, json_option, main, store_option
from kg.cli.render import render_stats


@main.command()
@store_option
@click.option(
    "--bind",
    default="127.0.0.1:7878",
    show_default=True,
    metavar="HOST:PORT",
    help="Where the server listens.",
)
@click.option(
    "--read-only",
    is_flag=True,
    help="Serve a snapshot taken at start: no updates, and builds may run beside it.",
)
def serve(store: str | None, bind: str, read_only: bool) -> None:
    """Serve the store over SPARQL 1.1 (Oxigraph's server) until Ctrl-C.

    Queries see the union of the articles' graphs as their default graph. Endpoints:
    /query, /update (unless --read-only) and /store (the Graph Store Protocol). Other kg
    commands reach it with --store http://HOST:PORT.

    Example:

        kg serve --bind 127.0.0.1:7878

        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'
        http://127.0.0.1:7878/query
    """
    from kg import server

    command = server.server_command(store, bind=bind, read_only=read_only)
    mode = "read-only" if read_only else "read-write"
    click.echo(f"serving {command[3]} ({mode}) at http://{bind}/query; Ctrl-C stops", err=True)
    server.serve(store, bind=bind, read_only=read_only)


@main.command()
@store_option
@json_option
@json_format_option
def stats(store: str | None, as_json: bool, output_format: str) -> None:
    """Count documents, entities by type, relations by predicate, and triples.

    Example:

        kg stats

        kg stats --json | jq .entity_types
    """
    from kg import api

    counted = api.stats(store=store)
    if as_json or output_format == "json":
        echo_json(counted)
    else:
        click.echo(render_stats(counted))


@main.command()
@store_option
@json_option
@json_format_option
def validate(store: str | None, as_json: bool, output_format: str) -> None:
    """Check the graph against kg's SHACL shapes (ontology/shapes.ttl); exit 1 if it fails.

    Example:

        kg validate

        kg validate --json
    """
    from kg import api

    report = api.validate(store=store)
    if as_json or output_format == "json":
        echo_json(report)
    else:
        click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)
