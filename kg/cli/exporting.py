"""Commands that write the graph out: export (RDF and network formats) and viz."""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING

import click

from kg.cli.common import (
    main,
    network_options,
    open_output,
    raw_cells_option,
    store_option,
)
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.exporters.network import NetworkOptions


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
    network: NetworkOptions,
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
    options = dataclasses.replace(network, layout=layout, timeline=timeline)
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
    with open_output(output, "wb") as out:
        api.export(out, format=export_format, store=store, options=options, document=document)


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
    network: NetworkOptions,
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

    options = dataclasses.replace(network, max_nodes=network.max_nodes or DEFAULT_MAX_NODES)
    shown = api.viz(output, store=store, options=options)
    click.echo(f"{shown} nodes in {output}", err=True)
    if open_page:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())
