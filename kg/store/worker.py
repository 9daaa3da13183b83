"""The query process: opens a store folder read-only, answers one query, sends the rows back.

``kg.store.bounded`` starts it as ``python -m kg.store.worker``. Oxigraph evaluates a query
without returning to Python, so a query answered in kg's own process could be neither
stopped by Ctrl-C nor bounded in time; a process of its own can be ended at any moment, and
a read-only store is left as it was. This module imports pyoxigraph only (not rdflib), so
the process starts in a few hundredths of a second.

In, on standard input: one pickled dict (``path``, ``query``, ``prefixes``, ``substitutions``
as pyoxigraph terms). Standard input then stays open: when it closes (kg is done, or gone),
this process ends, even in the middle of an evaluation.

Out, on standard output: frames, each a 4-byte big-endian length and a pickled tuple:
``("select", variables)``, ``("construct",)`` or ``("ask", value)`` first; then
``("rows", [row, ...])`` as many times as it takes; then ``("end",)``. Or, at any point,
``("error", stage, exception name, message)``, stage ``"open"`` or ``"query"``. The first
batch holds one row and each next one twice as many (up to ``MAX_BATCH``), and a batch is
sent early when its first row waited ``MAX_WAIT`` seconds, so the first rows arrive at once
and a long answer crosses in few frames.

A row is a tuple of wire terms: None (unbound), ``str`` (an IRI), ``(0, id)`` a blank node,
``(1, text)`` a plain literal (xsd:string), ``(2, text, datatype IRI)`` a typed literal,
``(3, text, language)`` a literal with a language. ``kg.store.oxterms.from_wire`` reads them.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
import time
from typing import Any, BinaryIO

import pyoxigraph as ox

__all__ = ["MAX_BATCH", "MAX_WAIT", "frame", "main", "open_read_only", "wire_term"]

MAX_BATCH = 1024
MAX_WAIT = 0.05
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_HEADER = struct.Struct(">I")
# A reader opening a store while a writer merges its tables can find a table gone between
# reading the list of tables and opening it; it tries again for this long.
OPEN_TRIES = 20
OPEN_WAIT = 0.05


def open_read_only(path: str) -> ox.Store:
    """The store at ``path`` opened read-only, trying again while a writer is busy with it."""
    for _ in range(OPEN_TRIES - 1):
        try:
            return ox.Store.read_only(path)
        except RuntimeError:  # a table merged away meanwhile, or the store still being made
            time.sleep(OPEN_WAIT)
    return ox.Store.read_only(path)


def frame(message: tuple[Any, ...]) -> bytes:
    """``message`` as one frame: its length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def wire_term(term: Any) -> Any:
    """A pyoxigraph term (or None) in the wire form above."""
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        if term.language:
            return (3, term.value, term.language)
        datatype = term.datatype.value
        return (1, term.value) if datatype == _XSD_STRING else (2, term.value, datatype)
    if term is None:
        return None
    if kind is ox.BlankNode:
        return (0, term.value)
    raise TypeError(f"kg does not handle {kind.__name__} {term!r} in answers (RDF-star?)")


def _answer(request: dict[str, Any], out: BinaryIO) -> None:
    try:
        store = open_read_only(request["path"])
    except (OSError, RuntimeError) as err:
        out.write(frame(("error", "open", type(err).__name__, str(err))))
        return
    try:
        result = store.query(
            request["query"],
            prefixes=request["prefixes"],
            use_default_graph_as_union=True,
            substitutions=request["substitutions"],
        )
        if isinstance(result, ox.QueryBoolean):
            out.write(frame(("ask", bool(result))))
        else:
            if isinstance(result, ox.QuerySolutions):
                out.write(frame(("select", [v.value for v in result.variables])))
            else:
                out.write(frame(("construct",)))
            out.flush()
            _send_rows(result, out)
    except (SyntaxError, RuntimeError, OSError, TypeError) as err:
        out.write(frame(("error", "query", type(err).__name__, str(err))))
        return
    out.write(frame(("end",)))


def _send_rows(result: Any, out: BinaryIO) -> None:
    limit = 1
    batch: list[tuple[Any, ...]] = []
    started = 0.0
    for solution in result:
        if not batch:
            started = time.monotonic()
        batch.append(tuple(wire_term(term) for term in solution))
        if len(batch) >= limit or time.monotonic() - started > MAX_WAIT:
            out.write(frame(("rows", batch)))
            out.flush()
            batch = []
            limit = min(limit * 2, MAX_BATCH)
    if batch:
        out.write(frame(("rows", batch)))


def _end_with_stdin(stdin: BinaryIO) -> None:
    """Wait for standard input to close, then end this process at once."""
    while stdin.read(1 << 16):
        pass
    os._exit(0)


def main() -> None:
    # kg starts this process in a session of its own, so Ctrl-C in a terminal goes to kg,
    # which ends this process itself; a SIGINT sent here anyway is ignored as well.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stdin, out = sys.stdin.buffer, sys.stdout.buffer
    request = pickle.load(stdin)
    threading.Thread(target=_end_with_stdin, args=(stdin,), daemon=True).start()
    try:
        _answer(request, out)
        out.flush()
    except BrokenPipeError:  # kg stopped reading
        os._exit(0)


if __name__ == "__main__":
    main()
