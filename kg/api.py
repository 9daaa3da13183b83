"""kg's Python API: the operations of the command line as functions.

    kg.build(["news/"], store="kg-store")        -> BuildReport
    kg.query("who-announced", store="kg-store")  -> QueryResult
    kg.export(out, format="turtle", store=...)   writes to a binary file-like object
    kg.stats(store=...)  kg.validate(store=...)  kg.remove("doc.txt", store=...)

``store`` is a folder (default ``$KG_STORE`` or ``./kg-store``) or an open ``kg.store.Store``.
Commands that only read open the store read-only, so they work while nothing writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.builder import BuildReport, build, default_store
from kg.errors import StoreError

if TYPE_CHECKING:
    from rdflib.term import Identifier

    from kg.results import QueryResult
    from kg.shacl import ValidationReport
    from kg.store import Store, StoreStats

__all__ = ["BuildReport", "build", "export", "query", "remove", "stats", "validate"]


@contextmanager
def _reading(store: str | os.PathLike[str] | Store | None) -> Iterator[Store]:
    from kg.store import Store, open_store

    if isinstance(store, Store):
        with nullcontext(store) as opened:
            yield opened
        return
    path = Path(store or default_store())
    if not path.exists():
        raise StoreError(
            f"no graph store at {path}; build one first with `kg build SOURCE --store {path}`"
        )
    with open_store(path, read_only=True) as opened:
        yield opened


def query(
    text_or_name: str,
    *,
    store: str | os.PathLike[str] | Store | None = None,
    params: Mapping[str, str | Identifier] | None = None,
) -> QueryResult:
    """Run a named query (queries/NAME.rq), a .rq file, or inline SPARQL; values are bound."""
    from kg.queries import run_query

    with _reading(store) as graph:
        return run_query(graph, text_or_name, params=params)


def export(
    out: BinaryIO, *, format: str, store: str | os.PathLike[str] | Store | None = None
) -> None:
    """Write the graph to ``out``: turtle, ntriples, nquads, trig, jsonld, graphml or gexf."""
    from kg.errors import FormatError
    from kg.exporters import FORMATS
    from kg.exporters import export as write

    if format not in FORMATS:  # before opening the store: a typo should not need one
        raise FormatError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    with _reading(store) as graph:
        write(graph, out, format=format)


def stats(*, store: str | os.PathLike[str] | Store | None = None) -> StoreStats:
    """Counts: documents, entities by type, relations by predicate, triples."""
    with _reading(store) as graph:
        return graph.stats()


def validate(*, store: str | os.PathLike[str] | Store | None = None) -> ValidationReport:
    """Check the graph against ontology/shapes.ttl (SHACL)."""
    from kg.shacl import validate_store

    with _reading(store) as graph:
        return validate_store(graph)


def remove(document: str, *, store: str | os.PathLike[str] | Store | None = None) -> list[str]:
    """Remove one document (by id, source path or URL) and what only it supported."""
    from kg.store import Store, open_store

    context = (
        nullcontext(store)
        if isinstance(store, Store)
        else open_store(Path(store or default_store()))
    )
    with context as graph:
        return [str(iri) for iri in graph.remove_document(document)]
