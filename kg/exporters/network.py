"""The network formats: GEXF 1.3, GraphML and CSV tables, from one projection of the graph.

``kg.exporters.projection`` decides what is a node and an edge; ``network_xml`` writes GEXF
and GraphML; this module adds the CSV tables Gephi's Data Laboratory imports, the options
all three share, and ``entity_graph`` for networkx users.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.delimited import DelimitedWriter
from kg.exporters.elements import Projection, edge_id, node_id
from kg.exporters.layout import layout
from kg.exporters.network_xml import EDGE_COLUMNS, NODE_COLUMNS, write_gexf, write_graphml
from kg.exporters.projection import project
from kg.store.protocol import GraphStore

__all__ = [
    "NetworkOptions",
    "edge_id",
    "entity_graph",
    "node_id",
    "project_with",
    "write_csv",
    "write_network",
]


@dataclass(frozen=True)
class NetworkOptions:
    """What the network holds, and what the GEXF adds (positions, timeline)."""

    events: bool = False  # events as nodes between the entities in their roles
    min_mentions: int = 0
    types: tuple[str, ...] = ()  # entity types to keep: person, organization, place...
    predicates: tuple[str, ...] = ()  # relations to keep: announce, holds_role...
    max_nodes: int | None = None  # the most connected nodes only
    min_degree: int = 0  # then only nodes with this many edges or more (1: no isolated nodes)
    projection: str = "relations"  # what an edge is: "relations" or "cooccurrence"
    layout: bool = False  # GEXF: positions from a force-directed layout
    timeline: bool = False  # GEXF: article dates on nodes and edges, for Gephi's timeline


def project_with(source: GraphStore, options: NetworkOptions) -> Projection:
    return project(
        source,
        events=options.events,
        min_mentions=options.min_mentions,
        types=options.types or None,
        predicates=options.predicates or None,
        max_nodes=options.max_nodes,
        min_degree=options.min_degree,
        projection=options.projection,
    )


def write_network(
    source: GraphStore, out: BinaryIO, *, format: str, options: NetworkOptions
) -> None:
    """GEXF or GraphML of ``source`` to a binary stream."""
    projection = project_with(source, options)
    if format == "gexf":
        positions = layout(projection) if options.layout else None
        write_gexf(projection, out, positions=positions, timeline=options.timeline)
    else:
        write_graphml(projection, out)


def write_csv(
    source: GraphStore, folder: Path, *, options: NetworkOptions, raw_cells: bool = False
) -> list[Path]:
    """nodes.csv and edges.csv in ``folder``, with the columns Gephi's import recognizes
    (Id, Label; Source, Target, Type, Id, Label, Weight) and kg's attributes after them.

    Text that a spreadsheet would take for a formula gets an apostrophe before it, unless
    ``raw_cells`` (see ``kg.delimited``)."""
    from kg.errors import InputError

    projection = project_with(source, options)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = "it is a file" if folder.is_file() else (err.strerror or str(err))
        raise InputError(f"cannot write the tables into {folder}: {reason}; pass -o DIR") from err
    nodes: list[list[object]] = [["Id", "Label", *(c[0] for c in NODE_COLUMNS)]]
    for n in projection.nodes:
        nodes.append([n.id, n.label, *(_cell(get(n)) for _, _, _, get in NODE_COLUMNS)])
    edges: list[list[object]] = [
        ["Source", "Target", "Type", "Id", "Label", "Weight", *(c[0] for c in EDGE_COLUMNS)]
    ]
    direction = "Directed" if projection.directed else "Undirected"
    for e in projection.edges:
        row = [e.source, e.target, direction, e.id, e.label, e.weight]
        edges.append(row + [_cell(get(e)) for _, _, _, get in EDGE_COLUMNS])
    written = []
    for name, rows in (("nodes.csv", nodes), ("edges.csv", edges)):
        text = io.StringIO()
        DelimitedWriter(text, raw_cells=raw_cells).writerows(rows)
        path = folder / name
        path.write_text(text.getvalue(), encoding="utf-8")
        written.append(path)
    return written


def _cell(value: object) -> object:
    return "" if value is None else value


def entity_graph(source: GraphStore, options: NetworkOptions | None = None) -> nx.MultiGraph:
    """The projection as a networkx MultiDiGraph (a MultiGraph for co-occurrence, which has no
    direction): node and edge ids as keys, attributes as data (missing ones left out)."""
    projection = project_with(source, options or NetworkOptions())
    graph = nx.MultiDiGraph() if projection.directed else nx.MultiGraph()
    for n in projection.nodes:
        data = {name: v for name, _, _, get in NODE_COLUMNS if (v := get(n)) is not None}
        graph.add_node(n.id, label=n.label, **data)
    for e in projection.edges:
        data = {name: v for name, _, _, get in EDGE_COLUMNS if (v := get(e)) is not None}
        graph.add_edge(e.source, e.target, key=e.id, label=e.label, weight=e.weight, **data)
    return graph
