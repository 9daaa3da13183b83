"""kg's Python API: the operations of the command line as functions.

    kg.build(["news/"], store="kg-store")        -> BuildReport
    kg.query("who-announced", store="kg-store")  -> QueryResult
    kg.query_rows(...)                           -> QueryRows as they come (a with block)
    kg.export(out, format="turtle", store=...)   writes to a binary file-like object
    kg.stats(store=...)  kg.validate(store=...)  kg.remove("doc.txt", store=...)
    kg.load(["facts.ttl"], store=...)            -> LoadReport: RDF files in, each a named graph
    kg.openie(["NATO expanded its mission ."])   -> (sentence, [OpenExtraction]) pairs
    kg.viz("graph.html", store=...)               the offline viewer page

``store`` is a folder (default ``$KG_STORE`` or ``./kg-store``), the URL of a SPARQL endpoint
(``http://...``: see ``kg.store.remote.SparqlStore.from_url``), or an open store
(``kg.store.embedded.Store``, ``kg.store.remote.SparqlStore``). Commands that only read open
the store read-only, so they work while nothing writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.builder import BuildReport, build
from kg.store.opening import StoreArg, use_store

if TYPE_CHECKING:
    from rdflib.term import Identifier

    from kg.documents import LoadReport
    from kg.exporters.network import NetworkOptions
    from kg.extract.openie import OpenExtraction
    from kg.queries.shacl import ValidationReport
    from kg.store.protocol import StoreStats
    from kg.store.results import QueryResult, QueryRows

__all__ = [
    "BuildReport",
    "build",
    "export",
    "load",
    "openie",
    "query",
    "query_rows",
    "remove",
    "stats",
    "validate",
    "viz",
]


def query(
    text_or_name: str,
    *,
    store: StoreArg = None,
    params: Mapping[str, str | Identifier] | None = None,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a named query (queries/NAME.rq), a .rq file, or inline SPARQL; values are bound.

    On a store folder it runs in a process of its own: ``timeout`` seconds (None: no limit)
    end it with QueryTimeout, Ctrl-C at once. An open Store answers in this process.
    ``limit`` rows after the first ``offset`` read one page of a long listing."""
    with query_rows(
        text_or_name, store=store, params=params, timeout=timeout, limit=limit, offset=offset
    ) as rows:
        return rows.collect()


@contextmanager
def query_rows(
    text_or_name: str,
    *,
    store: StoreArg = None,
    params: Mapping[str, str | Identifier] | None = None,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[QueryRows]:
    """Like ``query``, the rows read as they come, within a ``with`` block:

    with kg.query_rows("entities", store="kg-store") as answer:
        for row in answer.rows: ...
    """
    from kg.queries.runner import stream_query
    from kg.store.embedded import default_store
    from kg.store.remote import is_endpoint

    where = store if store is not None else default_store()
    if not is_endpoint(where):
        with stream_query(
            where,  # type: ignore[arg-type]
            text_or_name,
            params=params,
            timeout=timeout,
            limit=limit,
            offset=offset,
        ) as rows:
            yield rows
        return
    with (
        use_store(where, read_only=True, timeout=timeout or 0) as remote,
        stream_query(remote, text_or_name, params=params, limit=limit, offset=offset) as rows,
    ):
        yield rows


def export(
    out: BinaryIO | str | os.PathLike[str],
    *,
    format: str,
    store: StoreArg = None,
    options: NetworkOptions | None = None,
    raw_cells: bool = False,
    document: str | None = None,
) -> None:
    """Write the graph to ``out``: turtle, ntriples, nquads, trig, jsonld, rdfxml, graphml or
    gexf to a binary stream; csv (nodes.csv and edges.csv) to a folder. ``options`` shape the
    network formats (see ``kg.exporters.network.NetworkOptions``); ``raw_cells`` writes CSV
    cells as they are, formula-like text included (see ``kg.delimited``); ``document`` (an
    id, source or URL) writes that one article's graph, in an RDF format."""
    from kg.errors import FormatError
    from kg.exporters import RDF_FORMATS, export_csv, format_name
    from kg.exporters import export as write

    format = format_name(format)  # before opening the store: a typo should not need one
    if format == "csv" and not isinstance(out, (str, os.PathLike)):
        raise FormatError("csv is two files (nodes.csv, edges.csv): give a folder with -o DIR")
    if document is not None and format not in RDF_FORMATS:
        raise FormatError(
            f"one article's graph is written in an RDF format, not {format}; use one of "
            f"{', '.join(RDF_FORMATS)}"
        )
    with use_store(store, read_only=True) as graph:
        if format == "csv":
            export_csv(graph, Path(out), options=options, raw_cells=raw_cells)  # type: ignore[arg-type]
            return
        with _binary(out) as stream:
            if document is not None:
                from kg.documents import document_quads

                write(list(document_quads(graph, document)), stream, format=format)
            else:
                write(graph, stream, format=format, options=options)


@contextmanager
def _binary(out: BinaryIO | str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """``out`` as a binary stream: a path is opened for writing (and closed after)."""
    if isinstance(out, (str, os.PathLike)):
        with open(out, "wb") as stream:
            yield stream
    else:
        yield out


def load(
    files: Iterable[str | os.PathLike[str]],
    *,
    store: StoreArg = None,
) -> LoadReport:
    """Import RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, by suffix) into
    the store, each file a document in a named graph of its own, checked against the shapes;
    files that do not parse or conform are skipped, with their reasons in the report."""
    from kg.documents import load_files

    with use_store(store) as graph:
        return load_files(files, graph)


def stats(*, store: StoreArg = None) -> StoreStats:
    """Counts: documents, entities by type, relations by predicate, triples."""
    with use_store(store, read_only=True) as graph:
        return graph.stats()


def validate(*, store: StoreArg = None) -> ValidationReport:
    """Check the graph against ontology/shapes.ttl (SHACL)."""
    from kg.queries.shacl import validate_store

    with use_store(store, read_only=True) as graph:
        return validate_store(graph)


def remove(document: str, *, store: StoreArg = None) -> list[str]:
    """Remove one document (by id, source path or URL) and what only it supported."""
    with use_store(store) as graph:
        return [str(iri) for iri in graph.remove_document(document)]


def openie(
    sentences: Iterable[str],
    *,
    model: str | Path | None = None,
    batch_size: int = 64,
) -> Iterator[tuple[str, list[OpenExtraction]]]:
    """Open relation extraction: each sentence with its clauses, most certain first.

    Blank items are skipped; one longer than the pipeline takes raises InputError. Each
    OpenExtraction's ``row(sentence)`` is CaRB's system format.
    """
    from kg.errors import InputError
    from kg.extract.openie import open_extractions
    from kg.extract.parse import Parse
    from kg.nlp import pipeline

    nlp = pipeline.load(model)

    def pairs() -> Iterator[tuple[str, str]]:
        for n, line in enumerate(sentences, start=1):
            text = line.strip()
            if len(text) > nlp.max_length:
                raise InputError(
                    f"line {n} is {len(text):,} characters, too long for one sentence (at most "
                    f"{nlp.max_length:,}): give one sentence a line"
                )
            if text:
                yield text, text

    for doc, text in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
        yield text, open_extractions(Parse(doc, text))


def viz(
    out: str | os.PathLike[str],
    *,
    store: StoreArg = None,
    options: NetworkOptions | None = None,
) -> int:
    """Write the offline viewer page (one HTML file) to ``out``; return the nodes it shows.

    By default the 300 most connected entities; ``options`` choose others.
    """
    from kg.errors import InputError
    from kg.viewer import write_viewer

    with use_store(store, read_only=True) as graph:
        try:
            page = open(out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as err:
            reason = err.strerror or str(err)
            raise InputError(f"cannot write {out}: {reason}; pass -o a writable file") from err
        with page:
            return write_viewer(graph, page, options=options)
