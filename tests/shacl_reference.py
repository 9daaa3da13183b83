"""The shapes checked the slow, general way: each document's graph through pyshacl.

kg validates in the store with SPARQL (kg.queries.shacl); this is the reference it is held
to: tests/test_validate.py plants violations of every kind and asks both for the same
findings, and benchmarks/validate.py times both on one store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg import resources
from kg.store.protocol import GraphStore, Quad
from kg.terms import KG

__all__ = ["Finding", "findings_of_quads", "findings_of_store"]

# (document, focus, path, constraint component, value): one result of one shape's check.
Finding = tuple[str, str, str, str, str]


def findings_of_store(store: GraphStore) -> list[Finding]:
    """What pyshacl finds in each document of ``store``."""
    return findings_of_quads(store.quads())


def findings_of_quads(quads: Iterable[Quad]) -> list[Finding]:
    """What pyshacl finds in each document of ``quads``: its graph plus its metadata lines,
    with the ontology mixed in."""
    import pyshacl

    shapes = Graph().parse(data=resources.ontology_text("shapes.ttl"), format="turtle")
    ontology = Graph().parse(data=resources.ontology_text("kg.ttl"), format="turtle")
    by_graph: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append((s, p, o))
    documents = sorted(
        (g for g, triples in by_graph.items() if (g, RDF.type, KG.Document) in set(triples)),
        key=str,
    )
    metadata: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
    doc_set = set(documents)
    for graph, triples in by_graph.items():
        for triple in triples:
            if triple[0] in doc_set and triple[0] != graph:
                metadata[triple[0]].append(triple)
    found: list[Finding] = []
    for doc in documents:
        data = Graph()
        for triple in (*by_graph[doc], *metadata[doc]):
            data.add(triple)
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
        )
        if not conforms:
            found.extend(_findings(str(doc), results))
    return sorted(found)


def _findings(document: str, results: Graph) -> list[Finding]:
    """The report's results; not the results nested in them (sh:detail, from sh:node), which
    say why a value fails the shape it is held to, not what breaks."""
    found = []
    for result in results.objects(None, SH.result):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        found.append(
            (
                document,
                str(results.value(result, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else "",
                str(results.value(result, SH.sourceConstraintComponent)),
                "" if value is None else str(value),
            )
        )
    return found
