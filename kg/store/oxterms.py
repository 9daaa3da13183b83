"""The one place where rdflib terms, pyoxigraph terms and N-Quads text convert into each other.

N-Quads text is what a store loads (``MappedDocument``): ``iri_text`` and ``string_text`` write
a term as N-Quads does, for ``kg.mapping``, which makes its text with them; ``term_text`` and
``nquads`` write rdflib terms.

Oxigraph gives plain literals the datatype xsd:string; rdflib tells ``Literal("a")`` from
``Literal("a", datatype=XSD.string)``, so xsd:string comes back as a plain literal and both
sides compare equal. The default graph maps to rdflib's ``DATASET_DEFAULT_GRAPH_ID``.
Answers from the query process (``kg.store.worker``) cross as plain tuples, read by
``from_wire`` the way ``from_ox`` reads pyoxigraph's terms.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Identifier, Node

__all__ = [
    "from_ox",
    "from_wire",
    "iri_text",
    "nquads",
    "quad_from_ox",
    "quad_to_ox",
    "string_text",
    "term_text",
    "to_ox",
]

_XSD_STRING = str(XSD.string)
_DEFAULT_GRAPH = str(DATASET_DEFAULT_GRAPH_ID)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph
OxAny = OxTerm | ox.Triple


def to_ox(term: Node) -> OxTerm:
    """An rdflib URIRef, BNode or Literal as a pyoxigraph term."""
    if isinstance(term, URIRef):
        iri = str(term)
        if iri == _DEFAULT_GRAPH:  # str's ==, not rdflib's slower Identifier.__eq__
            return ox.DefaultGraph()
        return _named_node(iri)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store {type(term).__name__} {term!r} in Oxigraph")


# The same IRIs (predicates, classes, graphs, entities) recur in every batch: convert each once.
_named_node = functools.lru_cache(maxsize=1 << 16)(ox.NamedNode)


def from_ox(term: OxAny) -> Identifier:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    raise TypeError(f"kg does not handle {type(term).__name__} {term!r} (RDF-star?)")


# A query's answer names the same few datatypes on every row.
_datatype = functools.lru_cache(maxsize=256)(URIRef)


def from_wire(term: Any) -> Identifier | None:
    """A term as ``kg.store.worker`` sends it (None when unbound) as an rdflib term."""
    if term is None:
        return None
    if type(term) is str:
        return URIRef(term)
    tag, value, *extra = term
    if tag == 1:
        return Literal(value)
    if tag == 2:
        return Literal(value, datatype=_datatype(extra[0]))
    if tag == 3:
        return Literal(value, lang=extra[0])
    return BNode(value)


def quad_to_ox(quad: tuple[Node, Node, Node, Node]) -> ox.Quad:
    s, p, o, g = quad
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))  # type: ignore[arg-type]  # pyoxigraph checks the kinds


def nquads(quads: Iterable[tuple[Node, Node, Node, Node]]) -> str:
    """``quads`` (rdflib terms) as N-Quads text, for a store to load in one transaction.

    Faster than a pyoxigraph Quad of each: making a Quad whose object is a literal costs
    pyoxigraph several microseconds. IRIs are checked as ``to_ox`` checks them (each once);
    a literal's text escapes what N-Quads requires; other terms are written by pyoxigraph.
    """
    return "".join(
        f"{term_text(s)} {term_text(p)} {term_text(o)}{_graph_text(g)} .\n" for s, p, o, g in quads
    )


# What a string literal in N-Quads must escape; every other character may stand as it is.
_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"})


@functools.lru_cache(maxsize=1 << 16)
def iri_text(iri: str) -> str:
    """``<iri>`` as N-Quads writes it, once pyoxigraph has found it a valid IRI (else
    ValueError)."""
    return str(_named_node(iri))


def string_text(text: str) -> str:
    """A plain literal (xsd:string) as N-Quads writes it."""
    return f'"{text.translate(_ESCAPES)}"'


def term_text(term: Node) -> str:
    """An rdflib term as N-Quads writes it."""
    kind = type(term)
    if kind is URIRef:
        return iri_text(str(term))
    if kind is Literal and not term.language:  # type: ignore[attr-defined]
        datatype = term.datatype  # type: ignore[attr-defined]
        text = string_text(str(term))
        return text if datatype is None else f"{text}^^{iri_text(str(datatype))}"
    return str(to_ox(term))


def _graph_text(term: Node) -> str:
    if type(term) is URIRef and str(term) != _DEFAULT_GRAPH:
        return " " + iri_text(str(term))
    graph = to_ox(term)
    return "" if isinstance(graph, ox.DefaultGraph) else f" {graph}"


def quad_from_ox(quad: ox.Quad) -> tuple[Identifier, Identifier, Identifier, Identifier]:
    return (
        from_ox(quad.subject),
        from_ox(quad.predicate),
        from_ox(quad.object),
        from_ox(quad.graph_name),
    )
