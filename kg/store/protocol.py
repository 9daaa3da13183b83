"""What a kg store is: the one protocol the embedded and the remote store implement, and the
records that cross it.

In: ``MappedDocument`` (one document's quads, as ``kg.mapping`` makes them). Out:
``QueryResult`` (kg.store.results), ``WriteSummary`` and ``StoreStats``. Queries, validation,
exports, the viewer and the build's steps take a ``GraphStore``, so ``kg.store.embedded.Store``
and ``kg.store.remote.SparqlStore`` serve them alike; the API and the CLI open either
(``kg.store.opening.use_store``: a folder, or a URL for the remote one).
``tests/test_store_protocol.py`` checks that both stores implement every member.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kg.store.results import QueryResult

__all__ = ["GraphStore", "MappedDocument", "Quad", "StoreStats", "WriteSummary"]

# (subject, predicate, object, graph): kg writes no blank nodes, and literals only as objects.
Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]


@dataclass(frozen=True)
class MappedDocument:
    """One document's quads, its own graph (``iri``) and its lines in the metadata graph, as
    N-Quads text: one line per quad, none twice.

    ``kg.mapping`` writes the text itself and the stores load it as it is: no rdflib or
    pyoxigraph term per quad on a build's way, and no second check of its IRIs, which are
    checked as the text is made (``kg.store.oxterms.iri_text``; an IRI minted under a checked
    base from percent-encoded parts is one). ``of`` makes one from rdflib quads; ``quads``
    reads them back as rdflib terms, for checks and tests.
    """

    iri: URIRef
    nquads: str

    @classmethod
    def of(cls, iri: URIRef, quads: Iterable[Quad]) -> MappedDocument:
        """The document ``iri`` holding ``quads`` (rdflib terms; ValueError for a bad IRI)."""
        from kg.store.oxterms import nquads

        return cls(iri=iri, nquads=nquads(dict.fromkeys(quads)))

    @property
    def size(self) -> int:
        """How many quads: lines, since N-Quads escapes a line break inside a literal."""
        return self.nquads.count("\n")

    @property
    def quads(self) -> tuple[Quad, ...]:
        """The quads as rdflib terms."""
        return _read(self.nquads)

    def statements(self, subject: URIRef, predicate: URIRef) -> list[Quad]:
        """The quads of ``subject`` and ``predicate``, found in the text without reading the
        rest of it."""
        return list(_read(self.lines(subject, predicate)))

    def lines(self, subject: URIRef, predicate: URIRef | None = None) -> str:
        """The N-Quads lines of ``subject`` (and ``predicate``), found in the text without
        reading the rest of it (a line starts with its subject and predicate, each written
        once)."""
        from kg.store.oxterms import iri_text

        start = f"{iri_text(subject)} " + (f"{iri_text(predicate)} " if predicate else "")
        # Looked for after a line break: a document's IRI also ends each line of its graph
        text, after = self.nquads, f"\n{start}"
        found = [0] if text.startswith(start) else []
        at = text.find(after)
        while at != -1:
            found.append(at + 1)
            at = text.find(after, at + 1)
        return "".join(text[at : text.find("\n", at) + 1] for at in found)


def _read(text: str) -> tuple[Quad, ...]:
    import pyoxigraph as ox

    from kg.store.oxterms import quad_from_ox

    parsed = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return tuple(quad_from_ox(q) for q in parsed)  # type: ignore[misc]  # kg writes no blank node


@dataclass(frozen=True)
class WriteSummary:
    """What one write did: documents written, quads written, earlier versions replaced."""

    documents: int
    quads: int
    replaced: int


@dataclass(frozen=True)
class StoreStats:
    """Totals, plus entities by type, direct relations by name and events by predicate
    (each sorted by count, largest first)."""

    documents: int
    quads: int
    graphs: int
    entities: int
    events: int
    quotes: int
    roles: int
    mentions: int
    relations: int
    referents: int = 0  # unnamed things: the mission, the troops
    entity_types: dict[str, int] = field(default_factory=dict)
    relation_types: dict[str, int] = field(default_factory=dict)
    event_predicates: dict[str, int] = field(default_factory=dict)


class GraphStore(Protocol):
    """A graph store, embedded or remote: documents in, SPARQL answers and quads out.

    Each document lives in its own named graph (graph IRI = document IRI); queries see the
    union of all graphs as their default graph.
    """

    read_only: bool

    def close(self) -> None:
        """Let go of the store; it is not used after."""
        ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def write_documents(self, documents: Iterable[MappedDocument]) -> WriteSummary:
        """Write a batch of documents in one transaction, replacing earlier versions."""
        ...

    def replace_document(self, doc_iri: URIRef, quads: Iterable[Quad]) -> WriteSummary:
        """Write one document (its graph and metadata quads), replacing earlier versions."""
        ...

    def remove_document(self, id_or_source: str, *, missing_ok: bool = False) -> list[URIRef]:
        """Drop the documents whose IRI, content hash, source or URL is ``id_or_source``."""
        ...

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash (Document.id) is in the store."""
        ...

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """Run a SPARQL query over the union of all graphs, ``bindings`` bound as values."""
        ...

    def quads(self) -> Iterator[Quad]:
        """Every quad in the store, as rdflib terms."""
        ...

    def stats(self) -> StoreStats:
        """Counts of documents, quads, graphs, entities, events, quotes, roles, mentions."""
        ...
