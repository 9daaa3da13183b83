"""Build a graph from news sources: read → parse → extract → map → store, streamed in batches.

Documents are parsed paragraph by paragraph (a blank line inside a spaCy text derails the
parser), rejoined into one ``Doc`` whose text is exactly ``Document.text``, so every offset
points into the article. Each batch of documents is written in one store transaction.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg import iris
from kg.mapping import MappedDocument, map_extraction
from kg.records import Document, Extraction
from kg.sources import Notice, Skipped, iter_documents, paragraphs
from kg.sources.text import dateline_length
from kg.store import Store, WriteSummary, use_store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.people import KnownPeople


@dataclass(frozen=True)
class Progress:
    documents: int
    words: int
    seconds: float


@dataclass
class BuildReport:
    """What a build did. ``unchanged`` documents were already in the store."""

    documents: int = 0
    unchanged: int = 0
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
    store: str | Path | Store | None = None,
    model: str | Path | None = None,
    base: str = iris.DEFAULT_BASE,
    default_date: dt.date | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    stdin: IO[str] | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> BuildReport:
    """Read ``sources`` into the store; documents already there (same text) are skipped."""
    from kg.extract import pipeline_aliases
    from kg.nlp import pipeline

    iris.check_base(base)
    nlp = pipeline.load(model)
    report = BuildReport()
    start = time.perf_counter()
    items = iter_documents(sources, default_date=default_date, stdin=stdin)
    # Oxigraph writes, and spaCy's matrix products run, without holding the GIL: a writer
    # thread maps and stores batch N while this thread parses and extracts batch N+1. One
    # batch in flight, so batches commit in order, one transaction each.
    with use_store(store) as graph, ThreadPoolExecutor(1, thread_name_prefix="kg-write") as writer:
        fresh = _new_documents(items, graph, report)
        parsed = parse_documents(nlp, fresh, batch_size=batch_size, n_process=n_process)
        aliases = pipeline_aliases(nlp)
        people = known_people(graph)
        extractions = (_extract(doc, document, aliases, people, report) for document, doc in parsed)
        pending: _Pending | None = None

        def finish(done: _Pending) -> None:
            batch, written = done
            mapped, summary = written.result()
            _count(report, batch, mapped, summary.replaced)
            report.seconds = time.perf_counter() - start
            if progress:
                progress(Progress(report.documents, report.words, report.seconds))

        def store(batch: list[Extraction]) -> tuple[list[MappedDocument], WriteSummary]:
            mapped = [map_extraction(e, base=base) for e in batch]
            return mapped, graph.write_documents(mapped)

        for batch in _batched((e for e in extractions if e is not None), batch_size):
            if pending is not None:
                finish(pending)
            pending = (batch, writer.submit(store, batch))
        if pending is not None:
            finish(pending)
    report.seconds = time.perf_counter() - start
    return report


_Pending = tuple[list[Extraction], "Future[tuple[list[MappedDocument], WriteSummary]]"]


def parse_documents(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Document, Doc]]:
    """Parse each document paragraph by paragraph; yield it with one Doc over its whole text."""
    from spacy.tokens import Doc

    def chunks() -> Iterator[tuple[str, tuple[Document, bool]]]:
        for document in documents:
            pieces = chunk_text(document.text)
            for i, piece in enumerate(pieces):
                yield piece, (document, i == len(pieces) - 1)

    parts: list[Doc] = []
    piped = nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size * 8, n_process=n_process)
    for doc, (document, last) in piped:
        parts.append(doc)
        if last:
            joined = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            yield document, joined


def chunk_text(text: str) -> list[str]:
    """The text cut at paragraph starts; each piece keeps the blank line after it.

    A dateline ("ERBIL, Iraq, March 3 — ") is a piece of its own, so the parser never reads
    its place names as the subject of the sentence after it.
    """
    starts = []
    for start, end in paragraphs(text):
        starts.append(start)
        length = dateline_length(text[start:end])
        if 0 < length < end - start:
            starts.append(start + length)
    starts = starts or [0]
    starts[0] = 0
    return [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]


def _new_documents(
    items: Iterable[object], graph: Store, report: BuildReport
) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
        elif isinstance(item, Notice):
            report.notices.append(item)
        elif isinstance(item, Document):
            if graph.has_document(item.id):
                report.unchanged += 1
            else:
                yield item


def _extract(  # type: ignore[no-untyped-def]
    doc: Doc, document: Document, aliases, people: KnownPeople, report: BuildReport
) -> Extraction | None:
    from kg.extract import extract

    try:
        extraction = extract(doc, document, aliases=aliases, people=people.links())
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        source = document.source or document.id
        report.skipped.append(Skipped(source, f"could not extract ({type(exc).__name__}: {exc})"))
        return None
    people.add_entities(extraction.entities)
    return extraction


PEOPLE_QUERY = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?name WHERE { ?person a kg:Person ; rdfs:label ?name }
"""


def known_people(graph: Store) -> KnownPeople:
    """The people the store already names in full, keyed as their IRIs were minted."""
    from kg.extract.people import KnownPeople

    people = KnownPeople()
    for person, name in graph.query(PEOPLE_QUERY).rows:
        segment = str(person).rsplit("/", 1)[-1]
        if "%" not in segment:  # a percent-encoded slug would not mint the same IRI again
            people.add(segment, str(name))
    return people


def _batched(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _count(
    report: BuildReport, batch: list[Extraction], mapped: list[MappedDocument], replaced: int
) -> None:
    report.documents += len(batch)
    report.replaced += replaced
    report.entities += sum(len(e.entities) for e in batch)
    report.relations += sum(len(e.events) for e in batch)
    report.quotes += sum(len(e.quotes) for e in batch)
    report.triples += sum(len(m.quads) for m in mapped)
    report.words += sum(len(e.document.text.split()) for e in batch)
