"""Exports: RDF serializations of the store, and the entity graph for Gephi and friends.

    export(source, out, format=...)          any format below, to a binary file-like object
    export_rdf(source, out, format=...)      turtle, ntriples, nquads, trig, jsonld
    entity_graph(source)                     entities and rel: edges as a networkx graph
    write_graphml(graph, out) / write_gexf(graph, out)

networkx is imported only when a network format is asked for.
"""

from __future__ import annotations

from typing import BinaryIO

from kg.errors import FormatError
from kg.exporters.rdf import RDF_FORMATS, export_rdf

__all__ = [
    "FORMATS",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "entity_graph",
    "export",
    "export_rdf",
    "write_gexf",
    "write_graphml",
]

NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS)


def export(source: object, out: BinaryIO, *, format: str) -> None:
    """Write ``source`` (a store or an iterable of quads) to ``out`` in ``format``."""
    if format in RDF_FORMATS:
        export_rdf(source, out, format=format)
        return
    if format in NETWORK_FORMATS:
        from kg.exporters import network

        if not callable(getattr(source, "query", None)):  # plain quads: query them in memory
            from kg.oxterms import quad_to_ox
            from kg.store import Store

            with Store() as store:
                store.oxigraph.extend([quad_to_ox(q) for q in source])  # type: ignore[attr-defined]
                export(store, out, format=format)
            return
        graph = network.entity_graph(source)  # type: ignore[arg-type]
        writer = network.write_graphml if format == "graphml" else network.write_gexf
        writer(graph, out)
        return
    raise FormatError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")


def entity_graph(source):  # type: ignore[no-untyped-def]
    """The entity graph of ``source`` (see kg.exporters.network.entity_graph)."""
    from kg.exporters import network

    return network.entity_graph(source)


def write_graphml(graph, out: BinaryIO) -> None:  # type: ignore[no-untyped-def]
    from kg.exporters import network

    network.write_graphml(graph, out)


def write_gexf(graph, out: BinaryIO) -> None:  # type: ignore[no-untyped-def]
    from kg.exporters import network

    network.write_gexf(graph, out)
