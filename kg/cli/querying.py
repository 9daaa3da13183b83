"""kg query: named queries, files, SPARQL text or stdin, in every result format."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from kg.cli.common import Flushing, main, raw_cells_option, store_option
from kg.cli.render import render_query_list
from kg.queries.formats import RESULT_FORMATS

# Seconds a query may spend answering before `kg query` stops it, unless --timeout says.
QUERY_TIMEOUT = 60.0
INTERRUPTED = (
    "the query was interrupted (Ctrl-C); the store is unchanged; a LIMIT or --timeout "
    "SECONDS bounds a query that runs long"
)


@main.command()
@click.argument("query_text", metavar="QUERY", required=False)
@click.option(
    "--query-file",
    type=click.File("r", encoding="utf-8"),
    default=None,
    metavar="FILE",
    help="Read the SPARQL from FILE (- for stdin).",
)
@click.option(
    "--list",
    "list_names",
    is_flag=True,
    help="List the named queries with their parameters and stop.",
)
@store_option
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query parameter to a value (repeatable); <...> makes an IRI.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(RESULT_FORMATS),
    default="table",
    show_default=True,
    help="jsonl: one JSON object a line; sparql-json, sparql-xml: the W3C result formats.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.option("--no-headers", is_flag=True, help="CSV/TSV: leave out the header line.")
@click.option(
    "--max-width",
    type=click.IntRange(min=2),
    default=None,
    metavar="N",
    help="Table: cut cells to N characters (default: whole).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=QUERY_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Stop the query after SECONDS spent answering (writing rows out is not counted); "
    "0: no limit.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Print at most N rows (a page of a long listing; default: all, or the first page of a "
    "named listing that pages itself).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    metavar="M",
    help="Skip the first M rows; with --limit, the next page is --offset M+N.",
)
@raw_cells_option
def query(
    query_text: str | None,
    query_file: Any,
    list_names: bool,
    store: str | None,
    params: tuple[str, ...],
    output_format: str,
    as_json: bool,
    no_headers: bool,
    max_width: int | None,
    timeout: float,
    limit: int | None,
    offset: int,
    raw_cells: bool,
) -> None:
    """Answer a SPARQL query: a name from queries/, a .rq file, inline SPARQL, or - to read
    it from stdin.

    Values given with --param are bound as values, never pasted into the query.
    SELECT and ASK print a table (or CSV, TSV, JSON, JSON lines, SPARQL results JSON or
    XML); CONSTRUCT prints Turtle. Rows are printed as they come; Ctrl-C stops the query at
    once. `kg query --list` shows the named queries and their parameters. A long listing
    is read a page at a time with --limit N and --offset M, in the query's order.

    Example:

        kg query role-of --param name=Stoltenberg

        kg query spokespeople --format csv --no-headers | sort

        kg query entities --limit 50 --offset 50

        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | kg query -
    """
    from kg import api
    from kg.queries.render import write_answer

    if as_json:
        if output_format not in ("table", "json"):
            raise click.UsageError(f"give --json or --format {output_format}, not both")
        output_format = "json"
    if list_names:
        _list_queries(output_format)
        return
    text = _query_text(query_text, query_file)
    bound = dict(_parse_param(p) for p in params)
    out = Flushing(sys.stdout)
    try:
        with api.query_rows(
            text, store=store, params=bound, timeout=timeout or None, limit=limit, offset=offset
        ) as rows:
            write_answer(
                rows,
                out,
                format=output_format,
                raw_cells=raw_cells,
                max_width=max_width,
                headers=not no_headers,
            )
    except KeyboardInterrupt:
        out.flush()
        click.echo(f"stopped: {INTERRUPTED}", err=True)
        sys.exit(130)  # as a shell reports a command ended by SIGINT
    finally:
        out.flush()


def _query_text(query_text: str | None, query_file: Any) -> str:
    """The query the arguments name: QUERY, - (stdin) or --query-file."""
    if query_file is not None and query_text is not None:
        raise click.UsageError("give a QUERY or --query-file, not both")
    if query_file is not None:
        text = str(query_file.read())
    elif query_text == "-":
        text = sys.stdin.read()
    elif query_text is None:
        raise click.UsageError(
            "give a QUERY (a name, a .rq file, SPARQL, or - for stdin), --query-file, or --list"
        )
    else:
        return query_text
    if not text.strip():
        raise click.UsageError("the query read was empty; give SPARQL text")
    return text


def _list_queries(output_format: str) -> None:
    from kg.queries.runner import list_queries

    specs = list_queries()
    if output_format in ("json", "jsonl"):
        described = [spec.describe() for spec in specs]
        if output_format == "json":
            click.echo(json.dumps(described, indent=2, ensure_ascii=False))
        else:
            for item in described:
                click.echo(json.dumps(item, ensure_ascii=False))
        return
    if output_format != "table":
        raise click.UsageError("--list writes a table, json or jsonl")
    click.echo(render_query_list(specs), nl=False)


def _parse_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise click.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    return name, value
