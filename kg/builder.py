"""Build a graph from news sources: read → parse → draft → settle → map → store, in batches.

Three workers overlap: a parser process (``kg.nlp.parser_process``) parses the next groups of
documents while this thread extracts the last one and a writer thread maps and stores the
batches before, one store transaction per batch, committed in order. Extraction is two steps:
each article's draft, read alone (on Dask workers in a cluster build), then, in reading order
here, what the store and the articles before it told settles its keys (``kg.extract.settle``),
so every way of building gives the same graph.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from kg import heap, iris
from kg.copies import Copies, Seen
from kg.errors import DiskError
from kg.mapping import map_extraction
from kg.nlp import parser_process
from kg.nlp.pieces import Unparsed, parse_pairs
from kg.records import Document, Draft, Extraction
from kg.sources import Item, Notice, Skipped, Unread, iter_documents, iter_items
from kg.store.opening import StoreArg, use_store
from kg.store.protocol import GraphStore, MappedDocument, WriteSummary
from kg.store.sources import hashes_from, sources_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract import Places
    from kg.extract.people import KnownPeople
    from kg.extract.stories import KnownOccurrences
    from kg.nlp.cluster import Known, Read


@dataclass(frozen=True)
class Progress:
    documents: int
    words: int
    seconds: float
    workers: int | None = None  # the Dask workers reading, in a build on a cluster


@dataclass
class BuildReport:
    """What a build did. ``unchanged`` documents were already in the store; ``copies`` are
    inputs whose text was met before (their sources are recorded on that document)."""

    documents: int = 0
    unchanged: int = 0
    copies: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0
    quotes: int = 0
    triples: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def build(
    sources: Iterable[str | Path],
    *,
    store: StoreArg = None,
    model: str | Path | None = None,
    base: str = iris.DEFAULT_BASE,
    default_date: dt.date | None = None,
    batch_size: int = 128,
    n_process: int = 1,
    stdin: TextIO | None = None,
    progress: Callable[[Progress], None] | None = None,
    workers: int | None = None,
    cluster: str | None = None,
    shared: str | Path | None = None,
) -> BuildReport:
    """Read ``sources`` into the store; documents already there (same text) are skipped.

    ``workers`` parses on a LocalCluster of that many Dask worker processes, ``cluster`` on
    the Dask scheduler at that address (tcp://host:port); either gives the same graph as a
    build on this machine alone. The workers read the files of one article under the folder
    ``shared`` themselves (on a LocalCluster, every such file), where this process sends
    them the text of the others."""
    from kg.extract import pipeline_countries, pipeline_places
    from kg.nlp import pipeline

    iris.check_base(base)
    nlp = pipeline.load(model)
    report = BuildReport()
    start = time.perf_counter()
    folder = _shared_folder(shared, workers=workers, cluster=cluster)
    items = (
        iter_items(sources, shared=folder, default_date=default_date, stdin=stdin)
        if folder
        else iter_documents(sources, default_date=default_date, stdin=stdin)
    )
    with contextlib.ExitStack() as stack:
        # the parser forks first, while this process holds no store and no thread
        read, workers_now = _reader(
            nlp,
            stack,
            n_process=n_process,
            model=model,
            workers=workers,
            cluster=cluster,
            default_date=default_date,
        )
        heap.tune()  # after the parser forked, before this process's threads allocate
        graph = stack.enter_context(use_store(store))
        stack.enter_context(_resumable(report))
        # Oxigraph writes without the GIL: a writer thread maps and stores batches while
        # this thread extracts the next. One writer thread, so batches commit in order; a
        # few batches may wait for it, so this thread goes on while the writer catches up
        # (in one process, the writer works while this thread parses).
        writer = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="kg-write"))
        geonames = pipeline_places(nlp)
        people = known_people(graph)
        told = known_occurrences(graph, pipeline_countries(nlp))
        copies = Copies(graph)
        stack.enter_context(_spared_from_collection())
        trim = heap.trimmer()
        pending: deque[_Pending] = deque()
        batch: list[Extraction] = []

        def finish(done: _Pending) -> None:
            written, mapped_batch = done
            mapped, summary = written.result()
            _count(report, mapped_batch, mapped, summary.replaced)
            report.seconds = time.perf_counter() - start
            if progress:
                progress(Progress(report.documents, report.words, report.seconds, workers_now()))

        def write(batch: list[Extraction], before: _Written | None) -> _Mapped:
            if before is not None and before.exception() is not None:
                return [], WriteSummary(0, 0, 0)  # the build ends with the error before
            mapped = [map_extraction(e, base=base) for e in batch]
            summary = graph.write_documents(mapped)
            trim()
            return mapped, summary

        def send(part: list[Extraction]) -> None:
            if len(pending) >= WRITES_AHEAD:
                finish(pending.popleft())
            before = pending[-1][0] if pending else None
            pending.append((writer.submit(write, part, before), part))

        # Where workers read files, what is new is told as their articles come back, all in
        # reading order; otherwise before they are sent, so that no known text is parsed
        if folder:
            stream, known = _to_read(items, report), functools.partial(_stored, graph)
        else:
            stream, known = _new_documents(items, copies, report), None
        for group in read(stream, known):
            for item, drafted in group:
                new = _taken(item, drafted, copies if folder else None, report)
                if new is not None and (x := _settle(new, geonames, people, told, report)):
                    batch.append(x)
            while pending and pending[0][0].done():
                finish(pending.popleft())
            # Group commit: a batch goes to the writer when it is full, or when the writer is
            # idle and the batch is the first or worth a load of its own (each load costs the
            # store a fixed amount), so the writer keeps pace and little is left at the end
            idle = not pending and (
                not report.documents or sum(len(x.document.text) for x in batch) >= WRITE_CHARS
            )
            while batch and (n := _full(batch, batch_size) or (len(batch) if idle else 0)):
                send(batch[:n])
                batch, idle = batch[n:], False
        if batch:
            send(batch)
        while pending:
            finish(pending.popleft())
        notices, skipped = copies.record()
        report.notices.extend(notices)
        report.skipped.extend(skipped)
    report.seconds = time.perf_counter() - start
    return report


# Allocations between two collections of the youngest generation during a build (Python's
# default is 700): an article's parse and records are tens of thousands of objects, most
# of them alive until its batch is written, so at 700 the collector went through them again
# and again (benchmarks/build.py's 316 articles in one process: 126 young collections
# taking 80 CPU-ms, against 6 taking 15 at this number).
YOUNG_COLLECTION = 10_000


@contextlib.contextmanager
def _spared_from_collection() -> Iterator[None]:
    """What is loaded when the build starts (the pipeline, its gazetteers) stays out of the
    garbage collector's full sweeps until it ends: each sweep would go through all of it again
    (the 316 articles of benchmarks/build.py: 0.2 CPU-s of sweeps in one process, 0.05 so);
    and the youngest generation is collected every ``YOUNG_COLLECTION`` allocations."""
    thresholds = gc.get_threshold()
    if 0 < thresholds[0] < YOUNG_COLLECTION:  # 0: the caller turned collection off
        gc.set_threshold(YOUNG_COLLECTION, *thresholds[1:])
    freeze = not gc.get_freeze_count()  # else the caller has frozen objects of its own
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


@contextlib.contextmanager
def _resumable(report: BuildReport) -> Iterator[None]:
    """A full or failing disk ends the build with what to do, and what it kept."""
    try:
        yield
    except DiskError as err:
        n = report.documents
        kept = (
            f": the {n} documents it wrote are kept and it resumes after them"
            if n > 1
            else ": the document it wrote is kept and it resumes after it"
            if n
            else ""
        )
        raise DiskError(f"{err}, then run the build again{kept}") from err


# batches handed to the writer thread and not yet counted: memory stays bounded
WRITES_AHEAD = 4

# The least text a batch that is not full goes to an idle writer with. Each load costs an
# on-disk store about as much as 1,700 quads over and above its quads (316 short articles,
# 72k quads: 2.2 CPU-s in loads of 8 documents, 1.0 in loads of 32, 0.8 in one), so a batch
# needs some 4,000 words before its quads outweigh the load.
WRITE_CHARS = 24_000

# The most text in a batch, whatever --batch-size allows: some 32 news articles. A batch of
# short texts holds up to --batch-size of them (128), since a load of 32 short ones costs its
# fixed share again (the 316 articles of benchmarks/build.py, 68 words each: 10 loads of 32
# take 4.1 billion instructions in Oxigraph, 3 of 128 take 3.0, one of all 3.0).
BATCH_CHARS = 120_000

# Documents parsed, in kg's own process or spaCy's workers, between looks at the batch.
PARSE_GROUP = 32

# Documents read whose texts the store is asked about in one query (a query of one took
# 0.1 ms, 1.4 us a word of 68-word articles).
LOOKUP_GROUP = 32

_Mapped = tuple[list[MappedDocument], WriteSummary]
_Written = Future[_Mapped]
_Pending = tuple[_Written, list[Extraction]]
_Read = Callable[[Iterable["Document | Unread"], "Known | None"], Iterator[list["Read"]]]
_Parsed = list[tuple[Document, "Doc | Unparsed"]]


def _reader(
    nlp: Language,
    stack: contextlib.ExitStack,
    *,
    n_process: int,
    model: str | Path | None,
    workers: int | None,
    cluster: str | None,
    default_date: dt.date | None,
) -> tuple[_Read, Callable[[], int | None]]:
    """How documents get read alone (parsed and drafted, ``kg.extract.draft``): on Dask
    workers where ``workers`` or ``cluster`` is given; else parsed as ``_parser`` says and
    drafted in this process. With it, how many Dask workers read (None: no cluster)."""
    from kg.extract import drafts, pipeline_aliases

    if workers or cluster:
        from kg.nlp.cluster import ClusterReader

        reader = ClusterReader(
            model=model, workers=workers, address=cluster, default_date=default_date
        )
        stack.enter_context(reader)
        return reader.groups, reader.worker_count
    parse = _parser(nlp, stack, n_process=n_process)
    aliases = pipeline_aliases(nlp)

    # Drafts stay on the parsing thread: drafted on a thread of their own, the parsing thread
    # waited for the interpreter lock after spaCy's many short releases of it, and a one-process
    # build of the 316 articles of benchmarks/build.py took a median 211 wall µs a word against
    # 197 (alternated at real-time priority, so that no other process ran between)
    def read(documents: Iterable[Document | Unread], known: Known | None) -> Iterator[list[Read]]:
        for group in parse(cast(Iterable[Document], documents)):  # only workers leave files
            yield list(drafts(group, aliases=aliases))

    return read, lambda: None


def _parser(
    nlp: Language, stack: contextlib.ExitStack, *, n_process: int
) -> Callable[[Iterable[Document]], Iterator[_Parsed]]:
    """How documents get parsed: ``n_process`` 1 is one parser process beside kg's own work
    where a second core allows it (else this process), 0 is this process, more is spaCy's own
    worker processes."""
    if n_process == 1 and parser_process.can_fork():
        return stack.enter_context(parser_process.ParserProcess(nlp)).groups

    def parse(documents: Iterable[Document]) -> Iterator[_Parsed]:
        pairs = ((document.text, document) for document in documents)
        piped = parse_pairs(nlp, pairs, batch_size=PARSE_GROUP * 8, n_process=max(1, n_process))
        while group := [(document, doc) for doc, document in itertools.islice(piped, PARSE_GROUP)]:
            yield group

    return parse


def _full(batch: list[Extraction], batch_size: int) -> int:
    """How many of ``batch``'s first extractions make a full batch (0: it is not full yet):
    ``batch_size`` of them, or fewer holding ``BATCH_CHARS`` of text."""
    chars = 0
    for n, extraction in enumerate(batch[:batch_size], start=1):
        chars += len(extraction.document.text)
        if chars >= BATCH_CHARS:
            return n
    return batch_size if len(batch) >= batch_size else 0


def _shared_folder(
    shared: str | Path | None, *, workers: int | None, cluster: str | None
) -> str | Path | None:
    """The folder whose files the Dask workers read themselves: ``shared``; on a LocalCluster
    of this machine, any folder."""
    if workers:
        return shared or os.sep
    return shared if cluster else None


def _new_documents(
    items: Iterable[object], copies: Copies, report: BuildReport
) -> Iterator[Document]:
    items = iter(items)
    while group := list(itertools.islice(items, LOOKUP_GROUP)):
        copies.look_up(item for item in group if isinstance(item, Document))
        for item in group:
            if isinstance(item, Skipped):
                report.skipped.append(item)
            elif isinstance(item, Notice):
                report.notices.append(item)
            elif isinstance(item, Document) and _is_new(item, copies, report):
                yield item


def _to_read(items: Iterable[object], report: BuildReport) -> Iterator[Document | Unread]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
        elif isinstance(item, Notice):
            report.notices.append(item)
        elif isinstance(item, (Document, Unread)):
            yield item


def _is_new(document: Document, copies: Copies, report: BuildReport) -> bool:
    """Whether ``document`` is to be built; else counted as unchanged or a copy."""
    seen = copies.see(document)
    if seen is Seen.UNCHANGED:
        report.unchanged += 1
    elif seen is Seen.COPY:
        report.copies += 1
    return seen is Seen.NEW


def _taken(
    item: Item, drafted: Draft | Unparsed | None, copies: Copies | None, report: BuildReport
) -> Draft | None:
    """The draft to settle from what a reader gave, if any; ``copies`` tells whether a
    document is new where that was not told before it was read."""
    if isinstance(item, Skipped):
        report.skipped.append(item)
    elif isinstance(item, Notice):
        report.notices.append(item)
    elif copies is not None and not _is_new(item, copies, report):
        pass
    elif isinstance(drafted, Unparsed):
        report.skipped.append(Skipped(item.source or item.id, drafted.reason))
    else:
        return drafted  # None only for a document the store holds, never new
    return None


def _stored(graph: GraphStore, x: Document | Unread) -> frozenset[str]:
    """The content hashes of the stored documents ``x`` may give, which need no reading."""
    if isinstance(x, Document):
        return frozenset([x.id]) if sources_of(graph, x.id) is not None else frozenset()
    return hashes_from(graph, x.source)


def _settle(
    drafted: Draft,
    geonames: Places | None,
    people: KnownPeople,
    told: KnownOccurrences,
    report: BuildReport,
) -> Extraction | None:
    """The draft settled by what the store and the articles before it told, in reading
    order; what it tells goes to the articles after it."""
    from kg.extract import settle

    try:
        extraction = settle(drafted, people=people.links(), told=told, geonames=geonames)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        document = drafted.extraction.document
        source = document.source or document.id
        report.skipped.append(Skipped(source, f"could not extract ({type(exc).__name__}: {exc})"))
        return None
    people.add_entities(extraction.entities)
    told.add_extraction(extraction.referents, extraction.places)
    return extraction


PEOPLE_QUERY = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?name WHERE { ?person a kg:Person ; rdfs:label ?name }
"""


def known_people(graph: GraphStore) -> KnownPeople:
    """The people the store already names in full, keyed as their IRIs were minted."""
    from kg.extract.people import KnownPeople

    people = KnownPeople()
    for person, name in graph.query(PEOPLE_QUERY).rows:
        segment = str(person).rsplit("/", 1)[-1]
        if "%" not in segment:  # a percent-encoded slug would not mint the same IRI again
            people.add(segment, str(name))
    return people


OCCURRENCES_QUERY = """
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT DISTINCT ?occurrence ?kind WHERE { ?occurrence a kg:Occurrence ; kg:head ?kind }
"""
WITHIN_QUERY = """
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT DISTINCT ?part ?whole WHERE { ?part kg:locatedIn ?whole }
"""


def known_occurrences(graph: GraphStore, countries: Mapping[str, str] | None) -> KnownOccurrences:
    """The occurrences the store holds by kind, day and place, and its places' containers."""
    from kg.extract.stories import KnownOccurrences

    told = KnownOccurrences(countries)
    for occurrence, kind in graph.query(OCCURRENCES_QUERY).rows:
        told.add(str(occurrence).rsplit("/", 1)[-1], str(kind))
    for part, whole in graph.query(WITHIN_QUERY).rows:
        told.add_within(str(part).rsplit("/", 1)[-1], str(whole).rsplit("/", 1)[-1])
    return told


def _count(
    report: BuildReport, batch: list[Extraction], mapped: list[MappedDocument], replaced: int
) -> None:
    report.documents += len(batch)
    report.replaced += replaced
    report.entities += sum(len(e.entities) for e in batch)
    report.relations += sum(len(e.events) for e in batch)
    report.quotes += sum(len(e.quotes) for e in batch)
    report.triples += sum(m.size for m in mapped)
    report.words += sum(len(e.document.text.split()) for e in batch)
