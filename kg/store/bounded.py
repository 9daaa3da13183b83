"""Queries answered in a process of their own, so that a timeout or Ctrl-C can stop them.

Oxigraph evaluates a query without returning to Python, so in kg's own process neither the
Ctrl-C handler nor a timer gets to run until the answer is complete; a thread would not
help, for a thread cannot be stopped either. ``bounded_query`` starts ``kg.store.worker``,
which opens the store folder read-only and sends the rows as they come, and waits for them
in the calling thread, where Ctrl-C arrives. The process is ended when the time runs out,
when Ctrl-C comes, when the reader stops early, or when the answer is complete; ending it
changes nothing, the store being open read-only there.

The time counted against ``timeout`` is the time spent waiting for the query process
(starting, opening the store, evaluating); the time the reader spends on rows it already has
(writing them out) is not counted. Starting the process costs a few hundredths of a second
(benchmarks/query_stream.py).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Identifier

import kg
from kg.errors import KgError, QueryTimeout, StoreError
from kg.store.embedded import open_error, query_error, require_store
from kg.store.oxterms import from_wire, to_ox
from kg.store.results import QueryRows, Row
from kg.terms import PREFIXES

__all__ = ["bounded_query"]

_HEADER = struct.Struct(">I")
_ERRORS: dict[str, type[Exception]] = {
    "SyntaxError": SyntaxError,
    "RuntimeError": RuntimeError,
    "OSError": OSError,
}


@contextlib.contextmanager
def bounded_query(
    path: str | os.PathLike[str],
    sparql: str,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    timeout: float | None = None,
) -> Iterator[QueryRows]:
    """Answer ``sparql`` on the store folder ``path`` in a query process, for the length of a
    ``with`` block; QueryTimeout once ``timeout`` seconds (None: no limit) were spent waiting.
    """
    folder = Path(path)
    require_store(folder)
    request = {
        "path": str(folder),
        "query": sparql,
        "prefixes": {prefix: str(iri) for prefix, iri in PREFIXES.items()},
        "substitutions": {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()},
    }
    process = _start()
    try:
        assert process.stdin is not None and process.stdout is not None
        frames = _Frames(process, folder, timeout)
        try:
            process.stdin.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
            process.stdin.flush()
        except BrokenPipeError as err:  # it ended before it read the question
            raise frames.ended() from err
        first = frames.next()
        if first[0] == "ask":
            value = bool(first[1])
            rows: Iterator[Row] = iter([(Literal(value),)])
            yield QueryRows(kind="ask", variables=("ask",), rows=rows, boolean=value)
        elif first[0] == "construct":
            variables = ("subject", "predicate", "object")
            yield QueryRows(kind="construct", variables=variables, rows=frames.rows())
        elif first[0] == "select":
            yield QueryRows(kind="select", variables=tuple(first[1]), rows=frames.rows())
        else:
            raise frames.error(first)
    finally:
        _end(process)


def _start() -> subprocess.Popen[bytes]:
    # The folder that holds kg, first on the path: the process imports the same kg.
    here = str(Path(kg.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, "-m", "kg.store.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        bufsize=0,
        env=env,
        start_new_session=True,  # Ctrl-C comes to kg, which ends the process itself
    )


def _end(process: subprocess.Popen[bytes]) -> None:
    """End the query process, done or not, and let go of its pipes."""
    for pipe in (process.stdin, process.stdout):
        _close(pipe)
    if process.poll() is None:
        process.kill()
    process.wait()


def _close(pipe: IO[bytes] | None) -> None:
    if pipe is not None:
        with contextlib.suppress(OSError):  # the process already gone
            pipe.close()


class _Frames:
    """The query process's frames (see kg.store.worker), read within the time allowed."""

    def __init__(self, process: subprocess.Popen[bytes], folder: Path, timeout: float | None):
        assert process.stdout is not None
        self._process = process
        self._fd = process.stdout.fileno()
        self._folder = folder
        self._timeout = timeout
        self._waited = 0.0
        self._buffer = bytearray()

    def next(self) -> tuple[Any, ...]:
        """The next message."""
        self._fill(_HEADER.size)
        end = _HEADER.size + _HEADER.unpack_from(self._buffer)[0]
        self._fill(end)
        message: tuple[Any, ...] = pickle.loads(self._buffer[_HEADER.size : end])
        del self._buffer[:end]
        return message

    def rows(self) -> Iterator[Row]:
        """The rows, batch after batch, as rdflib terms, until the answer is complete."""
        while True:
            message = self.next()
            if message[0] == "rows":
                for row in message[1]:
                    yield tuple(map(from_wire, row))
            elif message[0] == "end":
                return
            else:
                raise self.error(message)

    def error(self, message: tuple[Any, ...]) -> KgError:
        """The KgError an ``("error", ...)`` message stands for."""
        if message[0] != "error":
            return StoreError(f"the query process sent {message[0]!r}; kg and it disagree")
        _, stage, name, text = message
        if stage == "open":
            opening = RuntimeError(text) if name == "RuntimeError" else OSError(text)
            return open_error(self._folder, opening)
        return query_error(_ERRORS.get(name, Exception)(text), where=str(self._folder))

    def _fill(self, size: int) -> None:
        while len(self._buffer) < size:
            self._wait()
            chunk = os.read(self._fd, max(size - len(self._buffer), 1 << 16))
            if not chunk:
                raise self.ended()
            self._buffer += chunk

    def _wait(self) -> None:
        """Wait until the process has sent more, or raise QueryTimeout."""
        if self._timeout is None:
            return  # os.read waits; Ctrl-C interrupts it
        left = self._timeout - self._waited
        started = time.monotonic()
        ready, _, _ = select.select([self._fd], [], [], max(left, 0.0))
        self._waited += time.monotonic() - started
        if not ready:
            raise QueryTimeout(
                f"the query ran past {self._timeout:g} s and was stopped; narrow it (a LIMIT, "
                "more specific patterns) or allow more time with --timeout (0: no limit)"
            )

    def ended(self) -> StoreError:
        """The error for a query process gone before its answer was complete."""
        code = self._process.wait()
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        return StoreError(
            f"the query process ended before its answer was complete ({how}); run the query "
            "again, narrower if memory ran short"
        )
