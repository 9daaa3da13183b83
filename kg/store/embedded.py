"""The graph store: embedded Oxigraph, on disk or in memory.

Each document lives in its own named graph (graph IRI = document IRI) plus a few lines in the
metadata graph. Writing a document replaces its earlier version: the graph of the same IRI, and
the graph of any document with the same source (a changed file; not stdin). A batch of
documents replacing earlier ones is written in one SPARQL update (drop + INSERT DATA), one
transaction. New documents go to an on-disk store through Oxigraph's bulk loader (half the CPU
of a transactional load and about a fifth smaller on disk, since it writes sorted tables with no
write-ahead log; benchmarks/bench_store.py), in loads of at most ``LOAD_QUADS`` quads. That is
not one transaction, so the store notes the batch's documents in ``PENDING_FILE`` first and
removes the note once the batch is in. A batch that fails is dropped there and then; one cut
short by a crash is dropped the next time the store is opened for writing. Either way every
document in the store is whole, and a new build reads the dropped ones again. In memory, a load
of N-Quads is one transaction. Either load takes the text as it is (Oxigraph's lenient
parsing, about a fifth less of a bulk load's work): its IRIs were checked where it was made
(``MappedDocument``). Queries see the union of all graphs as their default graph.

Memory stays in proportion to a batch, not to a build: Oxigraph holds what it writes in
in-memory tables (about 1 KB a quad) and, left to itself, writes them out only when they reach
hundreds of megabytes (1.5 MB of memory per news article, 1.5 GB at 1,000). The store is
flushed every ``FLUSH_EVERY`` quads written instead, which also keeps the write-ahead log
short, and a clean close leaves no write-ahead log behind. What the open store builds up as it
is read and written (caches, readers of its table files) grows by about 9 MB a million quads
written and goes only when the store closes, so an on-disk store is closed and opened again
every ``REOPEN_EVERY`` quads written (well under a second, unless it waits for a compaction
under way); queries wait for it under a lock.
A store that had ``COMPACT_AFTER`` quads written or more (a long build, reopened as it was
written) is compacted whole at a clean close, which takes a large store to about three fifths
of its size: the 10,000-article corpus of benchmarks/results/archive.md 3.9 GB (188 B a
triple) against 6.3 GB (303 B); at 3,000 articles, 2.0 GB, it changes nothing.

Only one process may open a store directory for writing (RocksDB holds a lock on it); readers
open it read-only. Oxigraph gives plain literals back typed xsd:string (kg.store.oxterms turns them
into plain rdflib literals again) and does not keep prefixes: every query carries its own or
gets ``PREFIXES``.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Identifier

from kg.errors import KgError, QueryError, StoreError
from kg.store import disk
from kg.store.counts import collect_stats, kept_sizes
from kg.store.oxterms import from_ox, quad_from_ox, to_ox
from kg.store.protocol import GraphStore, MappedDocument, Quad, StoreStats, WriteSummary
from kg.store.results import QueryResult
from kg.store.sparqltext import inject_rows, replace_update
from kg.store.worker import open_read_only
from kg.terms import PREFIXES

__all__ = [
    "Store",
    "default_store",
    "open_error",
    "open_store",
    "query_error",
    "replaceable_sources",
    "require_store",
]


# Quads written after which the store is flushed: its in-memory tables and write-ahead log
# stay about 100 MB at most (benchmarks/results/archive.md).
FLUSH_EVERY = 100_000

# Quads written after which an on-disk store is closed and opened again, giving back the memory
# the open store has built up: replaying 3 million quads of the build's documents into its
# 20.9-million-quad store peaked 15-20 MB lower at 1 million or 500,000 than at 2 million, at
# no measured CPU cost (benchmarks/replay_memory.py, benchmarks/results/archive.md).
REOPEN_EVERY = 500_000

# Quads written since the store was opened from which a clean close compacts it whole: a
# long build's reopenings leave many small tables (benchmarks/results/archive.md).
COMPACT_AFTER = 2_000_000

# The most quads of one bulk load (a batch of new documents is loaded in pieces of whole
# documents): a load's peak memory grows faster than its quads, 53 MB for 65,000 quads and 126
# for 130,000, 39 and 73 MB in two loads, at no measured CPU cost (benchmarks/results/archive.md).
LOAD_QUADS = 32_000

# In an on-disk store: the documents of a bulk load under way, one IRI a line (see above).
PENDING_FILE = "kg-pending-batch"

# Oxigraph substitutes only variables in the SELECT clause: bound ones are projected.
SAME_SOURCE_QUERY = "SELECT DISTINCT ?doc ?source WHERE { ?doc dcterms:source ?source }"

# ?key is compared at the top level of the WHERE group, where both Oxigraph's substitution and
# a remote store's VALUES block bind it (a FILTER inside a UNION branch would not see VALUES).
FIND_DOCUMENT_QUERY = """
SELECT DISTINCT ?doc ?key WHERE {
  ?doc a kg:Document .
  { ?doc kg:contentHash ?value } UNION { ?doc dcterms:source ?value }
  UNION { ?doc kg:url ?value } UNION { ?doc kg:contentHash ?hash BIND(STR(?doc) AS ?value) }
  FILTER(STR(?value) = STR(?key))
}
"""


class Store:
    """An Oxigraph store: on disk at ``path``, or in memory when ``path`` is None.

    Use as a context manager (or call ``close``) so the directory's write lock is let go.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._ox: ox.Store | None = _open(self.path, read_only=read_only)
        self._unflushed = 0  # quads written since the last flush
        self._since_open = 0  # quads written since the store was last (re)opened
        self._total = 0  # quads written since this Store opened it: compacted at the close?
        self._lock = threading.Lock()  # a reopening waits for the queries of other threads
        if self.path is not None and not read_only:
            self._drop_pending()

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Flush and let go of the store (and its directory lock); compact it first if
        ``COMPACT_AFTER`` quads or more were written to it."""
        self._close(compact=True)

    def _close(self, *, compact: bool) -> None:
        store, self._ox = self._ox, None  # Oxigraph frees the lock when its last reference goes
        if store is None or self.read_only:
            return
        try:
            store.flush()
        except OSError as err:
            raise disk.write_error(err, self._where) from err
        if compact and self.path is not None and self._total >= COMPACT_AFTER:
            with suppress(OSError):  # a compaction that fails leaves the tables as they were
                store.optimize()
        del store
        if self.path is not None and disk.log_bytes(self.path):
            # Oxigraph keeps its spent logs for reuse while a store is open; opening the
            # flushed store once more lets it delete them. Not if someone still holds it.
            with suppress(OSError):
                ox.Store(str(self.path))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        if not exc or exc[0] is None:
            self.close()
        else:
            with suppress(StoreError):  # the error that ended the block is the one to tell
                self._close(compact=False)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph Store, for what this class does not wrap."""
        if self._ox is None:
            raise StoreError(f"the store at {self._where} is closed; open it again")
        return self._ox

    @property
    def _where(self) -> str:
        return str(self.path) if self.path is not None else "memory"

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(
                f"the store at {self._where} was opened read-only; open it without read_only "
                "to write"
            )
        return self.oxigraph

    # -- writing ----------------------------------------------------------------------------

    def write_documents(self, documents: Iterable[MappedDocument]) -> WriteSummary:
        """Write a batch of documents, replacing earlier versions: whole or not at all (see the
        module's notes)."""
        store = self._writable()
        docs = list(documents)
        stale = self._same_sources(docs)
        stale.update(doc.iri for doc in docs if self._holds_document(doc))
        text = "".join(doc.nquads for doc in docs)
        quads = text.count("\n")
        if self.path is not None and quads:
            disk.check_room(self.path, quads)
        try:
            if stale:
                # Replacing: drop and insert in one SPARQL update, so readers never see a
                # batch half replaced.
                store.update(replace_update(sorted(stale), text))
            elif quads and self.path is not None:
                del text  # loaded in pieces instead
                self._bulk_load(docs)
            elif quads:
                store.load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
            del store  # the store may be reopened now: no reference to it may be left
            self._written(quads)
        except OSError as err:
            raise disk.write_error(err, self._where) from err
        return WriteSummary(documents=len(docs), quads=quads, replaced=len(stale))

    def _bulk_load(self, docs: list[MappedDocument]) -> None:
        """Bulk-load new documents, noted as pending until they are all in, in loads of at
        most ``LOAD_QUADS`` quads (or one document)."""
        assert self.path is not None
        pending = self.path / PENDING_FILE
        pending.write_text("".join(f"{doc.iri}\n" for doc in docs), encoding="utf-8")
        try:
            for text in _loads(docs):
                self.oxigraph.bulk_load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException:
            with suppress(OSError):  # else the next opening drops them
                self._drop_pending()
            raise
        pending.unlink()

    def _drop_pending(self) -> None:
        """Drop the documents of a bulk load that did not finish, if there was one."""
        assert self.path is not None
        pending = self.path / PENDING_FILE
        if not pending.exists():
            return
        iris = [URIRef(line) for line in pending.read_text(encoding="utf-8").split()]
        if iris:
            self.oxigraph.update(replace_update(iris))
            self.oxigraph.flush()
        pending.unlink()

    def _written(self, quads: int) -> None:
        """Count quads written; flush the store to disk, or reopen it, when enough have been."""
        self._unflushed += quads
        self._since_open += quads
        self._total += quads
        if self.path is None:
            return
        if self._since_open >= REOPEN_EVERY:
            self._reopen()
        elif self._unflushed >= FLUSH_EVERY:
            self.oxigraph.flush()
            self._unflushed = 0

    def _reopen(self) -> None:
        """Close the on-disk store and open it again (its lock is let go in between)."""
        assert self.path is not None
        with self._lock:
            store, self._ox = self._ox, None
            if store is None:
                return
            store.flush()
            del store
            gc.collect()  # a cycle still holding the store would keep its directory locked
            self._ox = _open(self.path, read_only=self.read_only)
        self._unflushed = self._since_open = 0

    def replace_document(self, doc_iri: URIRef, quads: Iterable[Quad]) -> WriteSummary:
        """Write one document (its graph and metadata quads), replacing earlier versions."""
        return self.write_documents([MappedDocument.of(doc_iri, quads)])

    def remove_document(self, id_or_source: str, *, missing_ok: bool = False) -> list[URIRef]:
        """Drop the documents whose IRI, content hash, source or URL is ``id_or_source``.

        Returns the IRIs removed; raises StoreError when none matched (unless ``missing_ok``).
        """
        store = self._writable()
        found = self.query(FIND_DOCUMENT_QUERY, bindings={"key": Literal(id_or_source)})
        docs = sorted({row[0] for row in found.rows if isinstance(row[0], URIRef)})
        if not docs and not missing_ok:
            raise StoreError(
                f"no document with id, source or URL {id_or_source!r} in the store at "
                f"{self._where}; list them with the 'documents' query"
            )
        if docs:
            try:
                store.update(replace_update(docs))
            except OSError as err:
                raise disk.write_error(err, self._where) from err
        return docs

    def _same_sources(self, docs: list[MappedDocument]) -> set[URIRef]:
        """Earlier documents from the same sources as ``docs``: one query for the whole batch."""
        sources = sorted({source for doc in docs for source in replaceable_sources(doc)})
        if not sources:
            return set()
        query = inject_rows(SAME_SOURCE_QUERY, ["source"], [[s] for s in sources])
        rows = self.query(query).rows
        return {row[0] for row in rows if isinstance(row[0], URIRef)}

    def _holds_document(self, doc: MappedDocument) -> bool:
        """Whether the store holds ``doc``'s IRI: its graph, or lines about it in the graphs
        ``doc`` writes lines about itself to (the metadata graph), which an earlier version
        wrote to too (the same IRI, so the same base). Naming those graphs keeps the lookup in
        their part of the indexes: over all graphs, each new document's IRI read table blocks
        at a random place of the whole store, which filled Oxigraph's block cache a little more
        with each reopening (benchmarks/store_memory.py)."""
        node = ox.NamedNode(str(doc.iri))
        store = self.oxigraph
        if store.contains_named_graph(node):
            return True
        lines = ox.parse(doc.lines(doc.iri).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        graphs = {q.graph_name for q in lines if q.graph_name != node} or {None}
        return any(any(True for _ in store.quads_for_pattern(node, None, None, g)) for g in graphs)

    # -- reading ----------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash (Document.id) is in the store."""
        ask = "ASK { ?doc kg:contentHash ?hash }"
        return bool(self.query(ask, bindings={"hash": Literal(content_hash)}).boolean)

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """Run a SPARQL query over the union of all graphs; ``bindings`` are substituted."""
        substitutions: Any = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        with self._lock:  # the rows are read before a writer thread may reopen the store
            try:
                result = self.oxigraph.query(
                    sparql,
                    prefixes=PREFIXES,
                    use_default_graph_as_union=True,
                    substitutions=substitutions,
                )
            except (SyntaxError, RuntimeError, OSError) as err:
                raise query_error(err, where=self._where) from err
            return _result(result)

    def quads(self) -> Iterator[Quad]:
        """Every quad in the store, as rdflib terms."""
        for quad in self.oxigraph:
            yield quad_from_ox(quad)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.oxigraph)

    def stats(self) -> StoreStats:
        # what _SIZE counts: quads in named graphs, graphs not empty; a document's graph by the
        # size its mapping wrote (void:triples), any other graph counted from its index
        store = self.oxigraph
        kept = kept_sizes(self)
        quads = graphs = 0
        for graph in store.named_graphs():
            size = kept.get(graph.value)
            if size is None:
                size = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
            quads += size
            graphs += size > 0
        return collect_stats(self, size=(quads, graphs))


def _loads(docs: list[MappedDocument]) -> Iterator[str]:
    """The N-Quads of ``docs`` in pieces of whole documents, each of at most ``LOAD_QUADS``
    quads unless one document has more."""
    piece: list[str] = []
    quads = 0
    for doc in docs:
        size = doc.nquads.count("\n")
        if piece and quads + size > LOAD_QUADS:
            yield "".join(piece)
            piece, quads = [], 0
        piece.append(doc.nquads)
        quads += size
    if piece:
        yield "".join(piece)


def replaceable_sources(doc: MappedDocument) -> list[Literal]:
    """The sources whose earlier documents ``doc`` replaces: its file, or its .jsonl line.

    Not stdin ("-", "-:LINE"): two articles piped in one after the other are no versions of
    one another.
    """
    return [
        o
        for _, _, o, _ in doc.statements(doc.iri, DCTERMS.source)
        if isinstance(o, Literal) and not (str(o) == "-" or str(o).startswith("-:"))
    ]


DEFAULT_STORE = "kg-store"


def default_store() -> str:
    """``$KG_STORE`` if set, else ``./kg-store``."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


@contextmanager
def open_store(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Iterator[Store]:
    """Open the store at ``path`` (in memory when None) for the length of a ``with`` block."""
    store = Store(path, read_only=read_only)
    try:
        yield store
    except BaseException:
        with suppress(StoreError):  # the error that ended the block is the one to tell
            store._close(compact=False)
        raise
    store.close()


def _open(path: Path | None, *, read_only: bool) -> ox.Store:
    if path is None:
        if read_only:
            raise StoreError("an in-memory store cannot be read-only; give a store directory")
        return ox.Store()
    if read_only:
        require_store(path)
    try:
        return open_read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as err:
        raise open_error(path, err) from err


def require_store(path: Path) -> None:
    """StoreError unless ``path`` holds a store (RocksDB's marker file, CURRENT)."""
    if not (path / "CURRENT").is_file():
        raise StoreError(
            f"there is no store at {path}; build one first with `kg build SOURCE --store {path}`"
        )


def open_error(path: Path, err: OSError | RuntimeError) -> StoreError:
    """The one-line error for what Oxigraph raised opening the store at ``path``."""
    if isinstance(err, RuntimeError):  # a reader, while the first writer makes the tables
        return StoreError(
            f"the store at {path} is still being created by another process; try again in a moment"
        )
    if "lock" in str(err).lower():
        return StoreError(
            f"the store at {path} is being written by another process; wait for it to "
            "finish or use another --store"
        )
    if (full := disk.open_error(err, str(path))) is not None:
        return full
    return StoreError(f"cannot open the store at {path} ({err}); check the path")


def query_error(err: Exception, *, where: str) -> KgError:
    """The one-line error for what Oxigraph raised answering a query on the store at ``where``."""
    if isinstance(err, SyntaxError):
        first = str(err).splitlines()[0] if str(err) else "syntax error"
        return QueryError(f"invalid SPARQL: {first}; fix the query text")
    if isinstance(err, RuntimeError):  # a bound variable missing from the SELECT clause
        return QueryError(
            f"{err}; Oxigraph binds parameters only through the SELECT clause, so add it there"
        )
    if isinstance(err, OSError):
        return StoreError(f"could not read the store at {where}: {err}")
    return QueryError(f"the query failed: {err}; check the query text")


def _result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return QueryResult(kind="ask", variables=("ask",), rows=((Literal(value),),), boolean=value)
    if isinstance(result, ox.QueryTriples):
        rows: tuple[tuple[Identifier | None, ...], ...] = tuple(
            (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result
        )
        return QueryResult(
            kind="construct", variables=("subject", "predicate", "object"), rows=rows
        )
    variables = tuple(v.value for v in result.variables)
    rows = tuple(
        tuple(None if (term := solution[var]) is None else from_ox(term) for var in variables)
        for solution in result
    )
    return QueryResult(kind="select", variables=variables, rows=rows)


if TYPE_CHECKING:
    # mypy proves here what tests/test_store_protocol.py checks at run time.
    _IMPLEMENTS: type[GraphStore] = Store
