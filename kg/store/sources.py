"""A document's sources (``dcterms:source``): the files, .jsonl lines or stdin its text came from.

One text read from two files is one document (its IRI comes from the text) with two sources.
These functions read and rewrite the sources through the ``GraphStore`` protocol alone, so they
work on every store: a rewrite reads the document's quads back and replaces the document with
them, its sources changed, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import DCTERMS, Literal, URIRef

from kg.store.protocol import GraphStore, Quad
from kg.store.sparqltext import inject_rows

__all__ = ["any_shared", "hashes_from", "set_sources", "sharing", "sources_of", "sources_of_each"]

_SOURCES = """
SELECT ?doc ?hash ?source WHERE {
  ?doc kg:contentHash ?hash .
  OPTIONAL { ?doc dcterms:source ?source }
}
"""

_FROM = """
SELECT DISTINCT ?hash ?source WHERE { ?doc dcterms:source ?source ; kg:contentHash ?hash }
"""

_SHARING = """
SELECT ?source ?doc ?other WHERE {
  ?doc dcterms:source ?source, ?other .
  FILTER(?other != ?source)
}
"""

# Two counts over the source index: a join of each document's sources with each other took
# 1.0 CPU-s at 10,000 documents, these 6 ms.
_SOURCE_COUNTS = """
SELECT (COUNT(*) AS ?sources) (COUNT(DISTINCT ?doc) AS ?docs) WHERE { ?doc dcterms:source ?source }
"""

_QUADS = """
SELECT ?doc ?s ?p ?o ?g WHERE {
  { GRAPH ?doc { ?s ?p ?o } BIND(?doc AS ?g) }
  UNION
  { GRAPH ?g { ?doc ?p ?o } FILTER(?g != ?doc) BIND(?doc AS ?s) }
}
"""


def sources_of(graph: GraphStore, content_hash: str) -> tuple[URIRef, list[str]] | None:
    """The stored document with this content hash and its sources, or None if there is none."""
    return sources_of_each(graph, [content_hash])[content_hash]


def sources_of_each(
    graph: GraphStore, content_hashes: Iterable[str]
) -> dict[str, tuple[URIRef, list[str]] | None]:
    """``sources_of`` each of ``content_hashes``, in one query (a query costs a build's new
    document more than the lookup it makes)."""
    hashes = sorted(set(content_hashes))
    if not hashes:
        return {}
    query = inject_rows(_SOURCES, ["hash"], [[Literal(h)] for h in hashes])
    rows: dict[str, list[tuple[object, object]]] = {h: [] for h in hashes}
    for doc, found, source in graph.query(query).rows:
        rows[str(found)].append((doc, source))
    return {h: _first_document(rows[h]) for h in hashes}


def _first_document(rows: list[tuple[object, object]]) -> tuple[URIRef, list[str]] | None:
    """The first of the documents in ``rows`` (document, source), with its sources."""
    docs = sorted({doc for doc, _ in rows if isinstance(doc, URIRef)})
    if not docs:
        return None
    return docs[0], sorted({str(source) for doc, source in rows if doc == docs[0] and source})


def hashes_from(graph: GraphStore, source: str) -> frozenset[str]:
    """The content hashes of the stored documents that have ``source`` among their sources."""
    rows = graph.query(_FROM, bindings={"source": Literal(source)}).rows
    return frozenset(str(row[0]) for row in rows)


def sharing(graph: GraphStore, source: str) -> dict[URIRef, list[str]]:
    """The documents that have ``source`` among other sources, with those others."""
    rows = graph.query(_SHARING, bindings={"source": Literal(source)}).rows
    others: dict[URIRef, set[str]] = {}
    for _, doc, other in rows:
        if isinstance(doc, URIRef):
            others.setdefault(doc, set()).add(str(other))
    return {doc: sorted(found) for doc, found in sorted(others.items())}


def any_shared(graph: GraphStore) -> bool:
    """Whether any stored document has two sources or more (one that ``sharing`` can find)."""
    [(sources, docs)] = graph.query(_SOURCE_COUNTS).rows
    return int(str(sources)) > int(str(docs))


def set_sources(graph: GraphStore, doc_iri: URIRef, sources: Iterable[str]) -> None:
    """Make ``sources`` the document's sources, its other quads unchanged."""
    rows = graph.query(_QUADS, bindings={"doc": doc_iri}).rows
    quads: list[Quad] = [(s, p, o, g) for _, s, p, o, g in rows]  # type: ignore[misc]
    meta = next((g for s, p, _, g in quads if s == doc_iri and p == DCTERMS.source), None)
    if meta is None:  # no source yet: the metadata graph is where the content hash is
        meta = next(g for s, _, _, g in quads if s == doc_iri and g != doc_iri)
    kept = [q for q in quads if not (q[0] == doc_iri and q[1] == DCTERMS.source)]
    names = sorted(set(sources))
    added: list[Quad] = [(doc_iri, DCTERMS.source, Literal(source), meta) for source in names]
    gone = {str(o) for s, p, o, _ in quads if s == doc_iri and p == DCTERMS.source} - set(names)
    graph.replace_document(doc_iri, [_cited(q, gone, names) for q in kept] + added)


def _cited(quad: Quad, gone: set[str], names: list[str]) -> Quad:
    """An untitled document is cited by its source: by another one when that source is gone."""
    s, p, o, g = quad
    if p != DCTERMS.bibliographicCitation or not names:
        return quad
    for source in gone:
        if str(o) == source or str(o).startswith(source + ", "):
            return s, p, Literal(names[0] + str(o)[len(source) :]), g
    return quad
