"""Exports: RDF serializations of the store, and the network of entities for Gephi and friends.

    export(source, out, format=...)          any stream format below, to a binary file-like object
    export_rdf(source, out, format=...)      turtle, ntriples, nquads, trig, jsonld, rdfxml
    export_csv(source, folder)               nodes.csv and edges.csv
    entity_graph(source)                     the network as a networkx MultiDiGraph

The network formats (gexf, graphml, csv) share ``NetworkOptions``: the projection (relations
or co-occurrence), events as nodes, entity types, relations, a mention floor, the most
connected nodes, a degree floor; GEXF adds a layout and a timeline. networkx is imported
only when a network format is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import FormatError
from kg.exporters.rdf import RDF_FORMATS, export_rdf
from kg.store.protocol import GraphStore, Quad

if TYPE_CHECKING:
    import networkx as nx
    from typing_extensions import TypeIs

    from kg.exporters.network import NetworkOptions

__all__ = [
    "FORMATS",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "entity_graph",
    "export",
    "export_csv",
    "export_rdf",
    "format_name",
    "format_of_path",
]

# What an export reads: a store, or quads as ``kg.mapping.map_extraction`` gives them.
Source = GraphStore | Iterable[Quad]

NETWORK_FORMATS = ("graphml", "gexf", "csv")
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS)
# Other names for the formats: file suffixes and common spellings.
FORMAT_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "nq": "nquads",
    "n-quads": "nquads",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "rdf-xml": "rdfxml",
    "rdf/xml": "rdfxml",
    "owl": "rdfxml",
}


def format_name(name: str) -> str:
    """The format ``name`` means (``ttl`` → ``turtle``); FormatError for an unknown one."""
    folded = name.strip().lower().lstrip(".")
    found = FORMAT_ALIASES.get(folded, folded)
    if found not in FORMATS:
        raise FormatError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")
    return found


def format_of_path(path: str) -> str | None:
    """The format a file name's suffix names (graph.ttl → turtle), or None."""
    suffix = os.path.splitext(path)[1].lower().lstrip(".")
    found = FORMAT_ALIASES.get(suffix, suffix)
    return found if found in FORMATS and found != "csv" else None


def export(
    source: Source, out: BinaryIO, *, format: str, options: NetworkOptions | None = None
) -> None:
    """Write ``source`` (a store or an iterable of quads) to ``out`` in ``format``."""
    format = format_name(format)
    if format in RDF_FORMATS:
        export_rdf(source, out, format=format)
        return
    if format == "csv":
        raise FormatError("csv is two files (nodes.csv, edges.csv): give a folder with -o DIR")
    if format in NETWORK_FORMATS:
        from kg.exporters import network

        with _queryable(source) as graph:
            network.write_network(
                graph, out, format=format, options=options or network.NetworkOptions()
            )
        return


def export_csv(
    source: Source,
    folder: Path,
    *,
    options: NetworkOptions | None = None,
    raw_cells: bool = False,
) -> list[Path]:
    """nodes.csv and edges.csv for Gephi's Data Laboratory and spreadsheets, in ``folder``;
    formula-like text made safe unless ``raw_cells`` (see ``kg.delimited``)."""
    from kg.exporters import network

    with _queryable(source) as graph:
        return network.write_csv(
            graph, folder, options=options or network.NetworkOptions(), raw_cells=raw_cells
        )


def entity_graph(source: Source, options: NetworkOptions | None = None) -> nx.MultiGraph:
    """The network of ``source`` as a networkx MultiDiGraph (MultiGraph for co-occurrence)."""
    from kg.exporters import network

    with _queryable(source) as graph:
        return network.entity_graph(graph, options)


def _is_store(source: Source) -> TypeIs[GraphStore]:
    return callable(getattr(source, "query", None))


@contextmanager
def _queryable(source: Source) -> Iterator[GraphStore]:
    """A store as it is, or plain quads loaded into an in-memory store for the queries."""
    if _is_store(source):
        yield source
        return
    from kg.store.embedded import Store
    from kg.store.oxterms import quad_to_ox

    with Store() as store:
        store.oxigraph.extend([quad_to_ox(q) for q in source])
        yield store
