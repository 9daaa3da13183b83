"""kg's command line: each command parses its options, makes one library call, renders."""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.cli.render import (
    as_plain,
    render_build_report,
    render_model_info,
    render_query_list,
    render_stats,
)
from kg.errors import KgError
from kg.queries.formats import RESULT_FORMATS

if TYPE_CHECKING:
    from kg.exporters.network import NetworkOptions


class KgGroup(click.Group):
    """Turns kg's own errors into one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc
        except BrokenPipeError:  # "kg export | head": the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)  # as a shell reports a command ended by SIGPIPE
        except OSError as exc:  # an output file or folder that cannot be written
            where = f" {exc.filename}" if exc.filename else ""
            reason = exc.strerror or str(exc)
            raise click.ClickException(f"cannot write{where}: {reason}") from exc


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph from English news, query it with SPARQL, export it."""


model_option = click.option(
    "--model",
    "model",
    default=None,
    metavar="NAME_OR_PATH",
    help="spaCy pipeline: an installed package (en_core_web_sm) or a folder. "
    "Default: kg's shipped pipeline.",
)


store_option = click.option(
    "--store",
    "store",
    default=None,
    metavar="DIR|URL",
    help="The graph store: a folder, or a SPARQL endpoint's URL (http://host:7878). "
    "Default: $KG_STORE, else ./kg-store.",
)


json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print the result as JSON (--format json too)."
)
json_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the same as --json.",
)


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(as_plain(value), indent=2, ensure_ascii=False))


# Seconds a query may spend answering before `kg query` stops it, unless --timeout says.
QUERY_TIMEOUT = 60.0
INTERRUPTED = (
    "the query was interrupted (Ctrl-C); the store is unchanged; a LIMIT or --timeout "
    "SECONDS bounds a query that runs long"
)

raw_cells_option = click.option(
    "--raw-cells",
    is_flag=True,
    help="CSV/TSV: write cells exactly as they are. By default text a spreadsheet would "
    "take for a formula (=, +, -, @ first) gets an apostrophe before it.",
)


def _output(path: str, mode: str) -> Any:
    """``path`` opened for writing, atomically (replaced only once complete)."""
    try:
        encoding = None if "b" in mode else "utf-8"
        return click.open_file(path, mode, encoding=encoding, atomic=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise click.ClickException(
            f"cannot write {path}: {reason}; pass -o a writable file"
        ) from exc


class _Flushing:
    """Text written to ``out``, flushed when a tenth of a second has passed since the last
    flush: rows show as they come, without a system call for each."""

    def __init__(self, out: Any):
        self._out = out
        self._flushed = time.monotonic()

    def write(self, text: str) -> None:
        self._out.write(text)
        now = time.monotonic()
        if now - self._flushed > 0.1:
            self._out.flush()
            self._flushed = now

    def flush(self) -> None:
        self._out.flush()
        self._flushed = time.monotonic()


def network_options(command: Any) -> Any:
    """The projection options of the network exports and the viewer."""
    for option in reversed(
        [
            click.option(
                "--projection",
                type=click.Choice(["relations", "cooccurrence"]),
                default="relations",
                show_default=True,
                help="Network: edges are relations, or sentences two entities share.",
            ),
            click.option("--events", is_flag=True, help="Network: events as nodes too."),
            click.option(
                "--min-mentions",
                type=click.IntRange(min=0),
                default=0,
                metavar="N",
                help="Network: entities named N+ times.",
            ),
            click.option(
                "--types", default="", metavar="LIST", help="Network: e.g. person,organization."
            ),
            click.option(
                "--predicates", default="", metavar="LIST", help="Network: e.g. announce,kill."
            ),
            click.option(
                "--max-nodes",
                type=click.IntRange(min=1),
                default=None,
                metavar="N",
                help="Network: N most connected.",
            ),
            click.option(
                "--min-degree",
                type=click.IntRange(min=0),
                default=0,
                metavar="N",
                help="Network: then nodes with N+ edges (1 drops isolated ones).",
            ),
        ]
    ):
        command = option(command)
    return command


def _network_options(
    projection: str,
    events: bool,
    min_mentions: int,
    types: str,
    predicates: str,
    max_nodes: int | None,
    min_degree: int,
    **extra: Any,
) -> NetworkOptions:
    from kg.exporters.network import NetworkOptions

    return NetworkOptions(
        projection=projection,
        events=events,
        min_mentions=min_mentions,
        types=tuple(t for t in types.split(",") if t),
        predicates=tuple(p for p in predicates.split(",") if p),
        max_nodes=max_nodes,
        min_degree=min_degree,
        **extra,
    )


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
    "--batch-size", default=32, show_default=True, help="Most documents in one transaction."
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
    as_json: bool,
    output_format: str,
) -> None:
    """Read news articles into the graph store.

    SOURCES are files (.txt, .md, .html, .jsonl), folders, glob patterns, or - for stdin.
    Articles already in the store are skipped; a changed article replaces its old version.

    Example:

        kg build examples/ --store kg-store
    """
    from kg import builder as building

    options: dict[str, Any] = {"base": base} if base else {}
    report = building.build(
        sources,
        store=store,
        model=model,
        default_date=default_date.date() if default_date else None,
        batch_size=batch_size,
        n_process=n_process,
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
        _echo_json(report)
    else:
        click.echo(render_build_report(report))
    if report.skipped:
        count = len(report.skipped)
        raise click.ClickException(
            f"{count} source{'s' if count > 1 else ''} skipped (reasons above); "
            "the other articles were built"
        )


def _show_progress(progress: Any) -> None:
    rate = progress.words / progress.seconds if progress.seconds else 0.0
    click.echo(f"\r{progress.documents:,} documents, {rate:,.0f} words/s", nl=False, err=True)


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
@raw_cells_option
def query(
    query_text: str | None,
    query_file: Any,
    list_names: bool,
    store: str | None,
    params: tuple[str, ...],
    output_format: str,
    no_headers: bool,
    max_width: int | None,
    timeout: float,
    raw_cells: bool,
) -> None:
    """Answer a SPARQL query: a name from queries/, a .rq file, inline SPARQL, or - to read
    it from stdin.

    Values given with --param are bound as values, never pasted into the query.
    SELECT and ASK print a table (or CSV, TSV, JSON, JSON lines, SPARQL results JSON or
    XML); CONSTRUCT prints Turtle. Rows are printed as they come; Ctrl-C stops the query at
    once. `kg query --list` shows the named queries and their parameters.

    Example:

        kg query role-of --param name=Stoltenberg

        kg query entities --format csv --no-headers | sort

        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | kg query -
    """
    from kg import api
    from kg.queries.render import write_answer

    if list_names:
        _list_queries(output_format)
        return
    text = _query_text(query_text, query_file)
    bound = dict(_parse_param(p) for p in params)
    out = _Flushing(sys.stdout)
    try:
        with api.query_rows(text, store=store, params=bound, timeout=timeout or None) as rows:
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


@main.command()
@click.option(
    "--format",
    "export_format",
    default=None,
    metavar="FORMAT",
    help="turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld, rdfxml (rdf); graphml, "
    "gexf, csv (a folder). Default: the one -o's suffix names; turtle to stdout.",
)
@store_option
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="File to write (default: stdout); for csv, the folder for nodes.csv and edges.csv.",
)
@click.option(
    "--document",
    default=None,
    metavar="ID",
    help="Only this article's graph (its id, source path or URL); RDF formats.",
)
@network_options
@click.option("--layout", is_flag=True, help="GEXF: node positions from a force layout.")
@click.option("--timeline", is_flag=True, help="GEXF: article dates for Gephi's timeline.")
@raw_cells_option
def export(
    export_format: str,
    store: str | None,
    output: str | None,
    document: str | None,
    projection: str,
    events: bool,
    min_mentions: int,
    types: str,
    predicates: str,
    max_nodes: int | None,
    min_degree: int,
    layout: bool,
    timeline: bool,
    raw_cells: bool,
) -> None:
    """Export the graph as RDF, or as a network for Gephi (gexf, graphml, csv).

    With neither --format nor -o it writes Turtle to stdout. nquads and trig keep one named
    graph per article; --document writes one article's. The network has entities as nodes
    and their relations as edges (or, with --projection cooccurrence, an edge for each pair
    named in one sentence, weighted by how many); the options filter it.

    Example:

        kg export | head

        kg export --format rdfxml -o graph.rdf

        kg export --document examples/erbil-attack.txt --format trig

        kg export --format gexf --layout --timeline -o graph.gexf

        kg export --format gexf --projection cooccurrence --min-degree 1 -o people.gexf

        kg export --format csv --types person,organization -o tables/
    """
    from kg import api
    from kg.exporters import format_name, format_of_path

    if export_format is not None:
        export_format = format_name(export_format)
    elif output is None:
        export_format = "turtle"
    else:
        export_format = format_of_path(output)
        if export_format is None:
            raise KgError(
                "no export format: give --format (turtle, gexf, ...) or an -o file whose "
                "suffix names one (graph.ttl, graph.gexf)"
            )
    options = _network_options(
        projection,
        events,
        min_mentions,
        types,
        predicates,
        max_nodes,
        min_degree,
        layout=layout,
        timeline=timeline,
    )
    if export_format == "csv" and output is not None:
        api.export(output, format="csv", store=store, options=options, raw_cells=raw_cells)
        return
    if output is None:
        api.export(
            sys.stdout.buffer,
            format=export_format,
            store=store,
            options=options,
            document=document,
        )
        return
    with _output(output, "wb") as out:
        api.export(out, format=export_format, store=store, options=options, document=document)


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
        _echo_json(report)
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
        _echo_json(counted)
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
        _echo_json(report)
    else:
        click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


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
        _echo_json({"removed": removed})
        return
    for iri in removed:
        click.echo(f"removed {iri}")


@main.command()
@store_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="kg-graph.html",
    show_default=True,
    help="The page to write.",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@network_options
def viz(
    store: str | None,
    output: str,
    open_page: bool,
    projection: str,
    events: bool,
    min_mentions: int,
    types: str,
    predicates: str,
    max_nodes: int | None,
    min_degree: int,
) -> None:
    """Write an offline graph viewer: one HTML file, no network needed.

    Pan, zoom, search, a legend by type; click an entity for its aliases, relations and the
    sentences behind them. Shows the 300 most connected entities unless --max-nodes says
    otherwise.

    Example:

        kg viz -o graph.html --open

        kg viz --projection cooccurrence --min-degree 1 -o people.html
    """
    from pathlib import Path

    from kg import api
    from kg.viewer import DEFAULT_MAX_NODES

    options = _network_options(
        projection,
        events,
        min_mentions,
        types,
        predicates,
        max_nodes or DEFAULT_MAX_NODES,
        min_degree,
    )
    shown = api.viz(output, store=store, options=options)
    click.echo(f"{shown} nodes in {output}", err=True)
    if open_page:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


@main.command()
@click.argument("file", metavar="FILE")
@model_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: stdout).",
)
def openie(file: str, model: str | None, output: str | None) -> None:
    """Extract relations from FILE, one sentence per line (- reads stdin).

    Writes CaRB's tab-separated format, one extraction per line: sentence, confidence,
    predicate, subject, then the other arguments; the graph is not touched.

    Example:

        echo "NATO expanded its mission in Iraq ." | kg openie -
    """
    from kg import api
    from kg.sources import read_lines

    sentences = read_lines(file)
    extracted = api.openie(sentences, model=model)
    if output is None:
        for sentence, extractions in extracted:
            for extraction in extractions:
                click.echo(extraction.row(sentence))
        return
    with _output(output, "w") as out:
        for sentence, extractions in extracted:
            for extraction in extractions:
                out.write(extraction.row(sentence) + "\n")


@main.group(cls=KgGroup)
def model() -> None:
    """The spaCy pipeline kg reads news with."""


@model.command("path")
@model_option
def model_path(model: str | None) -> None:
    """Print the folder of the pipeline (the shipped one by default).

    Example:

        python -c "import spacy; spacy.load('$(kg model path)')"
    """
    from kg.nlp import pipeline

    click.echo(str(pipeline.info(model)["path"]))


@model.command("info")
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the description as JSON.")
def model_info(model: str | None, as_json: bool) -> None:
    """Describe a pipeline: components, labels, accuracy, speed, training data, licences.

    Example:

        kg model info
    """
    from kg.nlp import pipeline

    described = pipeline.info(model)
    click.echo(json.dumps(described, indent=2) if as_json else render_model_info(described))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
