"""The entity graph: entities as nodes, direct rel: edges between them, for networkx and Gephi.

A minimal projection that follows ``../shared/docs/gephi.md`` where it is cheap to: opaque
non-empty ids (``n`` + hash of the IRI, ``e`` + hash of subject, predicate, object), the IRI in
an ``iri`` attribute, no reserved names for data (``entity_type``, ``mention_count``,
``doc_count``), plain str/int attribute values, nothing written for missing values.
"""

from __future__ import annotations

import hashlib
from typing import BinaryIO

import networkx as nx
from rdflib import URIRef

from kg.mapping import ENTITY_CLASSES
from kg.results import GraphStore
from kg.terms import REL

__all__ = ["edge_id", "entity_graph", "node_id", "write_gexf", "write_graphml"]

_CLASSES = " ".join(f"<{c}>" for c in ENTITY_CLASSES.values())

_NODES = f"""
SELECT ?entity (MIN(STR(?label)) AS ?name) (MIN(STR(?type)) AS ?class)
       (COUNT(DISTINCT ?mention) AS ?mentions)
WHERE {{
  ?entity a ?type ; rdfs:label ?label .
  VALUES ?type {{ {_CLASSES} kg:Entity }}
  OPTIONAL {{ ?mention kg:mentionOf ?entity }}
}}
GROUP BY ?entity
"""

_DOC_COUNTS = f"""
SELECT ?entity (COUNT(DISTINCT ?doc) AS ?docs)
WHERE {{ GRAPH ?doc {{ ?entity a ?type }} VALUES ?type {{ {_CLASSES} kg:Entity }} }}
GROUP BY ?entity
"""

_EDGES = f"""
SELECT ?s ?p ?o (COUNT(DISTINCT ?doc) AS ?docs)
WHERE {{ GRAPH ?doc {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?p), "{REL}") && isIRI(?o)) }}
GROUP BY ?s ?p ?o
"""


def node_id(iri: str) -> str:
    return "n" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def edge_id(s: str, p: str, o: str) -> str:
    return "e" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]


def entity_graph(source: GraphStore) -> nx.MultiDiGraph:
    """Entities (label, iri, entity_type, mention_count, doc_count) and their rel: edges
    (label, predicate, iri, doc_count, weight), added in sorted order."""
    graph = nx.MultiDiGraph()
    docs = {str(row["entity"]): int(row["docs"]) for row in source.query(_DOC_COUNTS).dicts()}
    for row in sorted(source.query(_NODES).dicts(), key=lambda r: str(r["entity"])):
        iri = str(row["entity"])
        attributes = {
            "label": str(row["name"]),
            "iri": iri,
            "entity_type": str(row["class"]).rpartition("#")[2],
            "mention_count": int(row["mentions"]),
        }
        if iri in docs:
            attributes["doc_count"] = docs[iri]
        graph.add_node(node_id(iri), **attributes)
    edges = sorted(
        source.query(_EDGES).dicts(), key=lambda r: (str(r["s"]), str(r["p"]), str(r["o"]))
    )
    for row in edges:
        s, p, o = str(row["s"]), str(row["p"]), str(row["o"])
        for iri in (s, o):
            if node_id(iri) not in graph:  # an edge end with no label: show its IRI
                graph.add_node(node_id(iri), label=iri, iri=iri, entity_type="Entity")
        name = URIRef(p)[len(REL) :]
        graph.add_edge(
            node_id(s),
            node_id(o),
            key=edge_id(s, p, o),
            label=name.replace("_", " "),
            predicate=name,
            iri=p,
            doc_count=int(row["docs"]),
            weight=int(row["docs"]),
        )
    return graph


def write_graphml(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GraphML, directed, edge ids from the edge keys."""
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True, named_key_ids=False)


def write_gexf(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """GEXF as networkx writes it (1.2draft); Gephi-grade GEXF 1.3 is a later step."""
    nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True)
