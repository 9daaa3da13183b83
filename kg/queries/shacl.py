"""SHACL validation (pyshacl) of built graphs against ``ontology/shapes.ttl``.

Each document is checked on its own: its graph plus its lines in the metadata graph, with the
ontology mixed in so that ``sh:class kg:Entity`` sees a kg:Person. Per document because the
union may rightly hold two labels for one entity (two articles naming it differently), while
within one document an entity has exactly one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg import resources
from kg.store.protocol import GraphStore, Quad
from kg.terms import KG

__all__ = ["Violation", "ValidationReport", "validate_quads", "validate_store"]


@dataclass(frozen=True)
class Violation:
    document: str
    focus: str
    path: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """``conforms`` when every document's graph satisfies the shapes."""

    conforms: bool
    documents: int
    violations: tuple[Violation, ...] = ()

    def summary(self, *, limit: int = 20) -> str:
        """One line per violation (at most ``limit``), then a count line."""
        lines = [f"{v.document}: {v.focus} {v.path}: {v.message}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        state = "conforms" if self.conforms else f"{len(self.violations)} violations"
        lines.append(f"{self.documents} documents checked: {state}")
        return "\n".join(lines)


def validate_store(store: GraphStore) -> ValidationReport:
    """Validate every document in ``store``."""
    return validate_quads(store.quads())


def validate_quads(quads: Iterable[Quad]) -> ValidationReport:
    """Validate the documents in ``quads`` (as ``map_extraction`` or a store gives them)."""
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
    # Metadata: lines about a document kept in another graph than its own.
    metadata: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
    doc_set = set(documents)
    for graph, triples in by_graph.items():
        for triple in triples:
            if triple[0] in doc_set and triple[0] != graph:
                metadata[triple[0]].append(triple)
    violations: list[Violation] = []
    for doc in documents:
        data = Graph()
        for triple in (*by_graph[doc], *metadata[doc]):
            data.add(triple)
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
        )
        if not conforms:
            violations.extend(_violations(str(doc), results))
    return ValidationReport(
        conforms=not violations, documents=len(documents), violations=tuple(violations)
    )


def _violations(document: str, results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        found.append(
            Violation(
                document=document,
                focus=str(focus),
                path=str(path) if isinstance(path, URIRef) else "",
                message=str(message or "violates a shape"),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))
