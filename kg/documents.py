"""Documents as RDF: files of RDF read into the store as documents, and one document's
quads read back out.

A loaded file becomes a document like a built article: its statements in a named graph of
its own (the graph IRI minted from the file's content hash, as for an article), its
``kg:Document`` lines (content hash, source) in the metadata graph. So ``kg remove FILE``
removes it, loading it again changes nothing, and a changed file replaces its earlier
version. Every statement of the file goes into that one graph, the named graphs of an
N-Quads or TriG file included. Blank nodes get IRIs under the document's, numbered in the
order they come (remote stores refuse blank nodes). A file is validated against the shapes
as a built graph is, before it is written; a file that does not parse or conform is skipped
with its reason, the others are loaded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg import iris
from kg.errors import StoreError
from kg.sources import Skipped
from kg.store.oxterms import from_ox
from kg.store.protocol import GraphStore, MappedDocument, Quad
from kg.terms import KG

__all__ = ["LOAD_FORMATS", "LoadReport", "document_quads", "load_files", "read_rdf_file"]

# file suffix → the RDF syntax read from it
LOAD_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}

# A document's quads in its own graph and its lines in the metadata graph; ?doc is bound.
DOCUMENT_QUADS_QUERY = """
SELECT ?s ?p ?o ?g ?doc WHERE {
  { GRAPH ?doc { ?s ?p ?o } BIND(?doc AS ?g) }
  UNION
  { GRAPH ?g { ?doc ?p ?o } FILTER(?g != ?doc) BIND(?doc AS ?s) }
}
"""


@dataclass
class LoadReport:
    """What a load did: documents written (with their statements), unchanged ones, skipped
    files and why."""

    documents: int = 0
    unchanged: int = 0
    triples: int = 0
    loaded: list[str] = field(default_factory=list)  # the documents' IRIs
    skipped: list[Skipped] = field(default_factory=list)


def load_files(
    paths: Iterable[str | os.PathLike[str]],
    graph: GraphStore,
    *,
    base: str = iris.DEFAULT_BASE,
) -> LoadReport:
    """Read each RDF file into ``graph`` as a document of its own."""
    from kg.errors import KgError
    from kg.queries.shacl import validate_quads

    report = LoadReport()
    for path in paths:
        name = os.fspath(path)
        try:
            mapped = read_rdf_file(Path(name), base=base)
        except KgError as err:
            report.skipped.append(Skipped(name, str(err)))
            continue
        content_hash = mapped.iri.rsplit("/", 1)[-1]
        if graph.has_document(content_hash):
            report.unchanged += 1
            continue
        checked = validate_quads(mapped.quads)
        if not checked.conforms:
            first = checked.violations[0]
            report.skipped.append(
                Skipped(
                    name,
                    f"does not conform to kg's shapes ({len(checked.violations)} violations; "
                    f"first: {first.focus} {first.path}: {first.message}); fix the file",
                )
            )
            continue
        graph.write_documents([mapped])
        report.documents += 1
        report.triples += mapped.size
        report.loaded.append(str(mapped.iri))
    return report


def read_rdf_file(path: Path, *, base: str = iris.DEFAULT_BASE) -> MappedDocument:
    """The file at ``path`` as a document: its statements in the document's graph, with
    its ``kg:Document`` lines. InputError when it cannot be read or parsed."""
    from kg.errors import InputError

    rdf_format = LOAD_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        suffixes = ", ".join(sorted(LOAD_FORMATS))
        raise InputError(f"not a known RDF file suffix; name it with one of {suffixes}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read it: {err.strerror or err}") from err
    content_hash = hashlib.sha256(data).hexdigest()[:32]
    doc = iris.document_iri(base, content_hash)
    try:
        # Relative IRIs resolve under the document, not the file's place on this machine.
        parsed = list(ox.parse(data, format=rdf_format, base_iri=f"{doc}/"))
    except (SyntaxError, ValueError) as err:
        first = str(err).splitlines()[0] if str(err) else "syntax error"
        raise InputError(f"is not valid {rdf_format.name}: {first}; fix the file") from err
    blank: dict[str, URIRef] = {}  # the file's blank nodes, numbered as they first come
    quads: list[Quad] = [
        (_named(q.subject, doc, blank), from_ox(q.predicate), _named(q.object, doc, blank), doc)  # type: ignore[misc]
        for q in parsed
    ]
    meta = iris.meta_graph_iri(base)
    quads += [
        (doc, RDF.type, KG.Document, doc),
        (doc, RDF.type, KG.Document, meta),
        (doc, KG.contentHash, Literal(content_hash), meta),
        (doc, DCTERMS.source, Literal(os.fspath(path)), meta),
        (doc, DCTERMS.bibliographicCitation, Literal(os.fspath(path)), meta),
    ]
    return MappedDocument.of(doc, quads)


def _named(term: object, doc: URIRef, blank: dict[str, URIRef]) -> object:
    """A term as rdflib's, a blank node given an IRI under the document's (the same for the
    same file, whichever parse)."""
    if isinstance(term, ox.BlankNode):
        if term.value not in blank:
            blank[term.value] = URIRef(f"{doc}/node/b{len(blank) + 1}")
        return blank[term.value]
    return from_ox(term)  # type: ignore[arg-type]


def document_quads(graph: GraphStore, id_or_source: str) -> Iterator[Quad]:
    """The quads of the document whose IRI, content hash, source or URL is ``id_or_source``:
    its graph, and its lines in the metadata graph. StoreError when there is none."""
    from kg.store.embedded import FIND_DOCUMENT_QUERY

    found = graph.query(FIND_DOCUMENT_QUERY, bindings={"key": Literal(id_or_source)})
    docs = sorted({row[0] for row in found.rows if isinstance(row[0], URIRef)})
    if not docs:
        raise StoreError(
            f"no document with id, source or URL {id_or_source!r}; list them with "
            "`kg query documents`"
        )
    for doc in docs:
        for s, p, o, g, _ in graph.query(DOCUMENT_QUADS_QUERY, bindings={"doc": doc}).rows:
            yield s, p, o, g  # type: ignore[misc]
