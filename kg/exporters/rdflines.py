"""N-Quads and N-Triples of a whole store, sorted, in memory that does not grow with the store.

The lines are the ones a sort of every statement would give (``kg.exporters.rdf``), byte for
byte: a line is its terms in N-Triples form joined by spaces, and as no term's text is the
start of another's followed by a character below the space, lines sort as their terms do.

- N-Quads: graph by graph, in the order of their names; only one graph is held and sorted.
- N-Triples: the union of the graphs, each statement once; sorted runs of ``RUN_LINES`` lines
  go to temporary files and are merged, so memory holds one run.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

__all__ = ["RUN_LINES", "write_nquads", "write_ntriples"]

RUN_LINES = 200_000
_DEFAULT_GRAPH = str(ox.DefaultGraph())


def write_nquads(store: ox.Store, out: BinaryIO) -> int:
    """Every quad of ``store``, graph by graph; returns the number written."""
    names: dict[str, ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = {
        str(name): name for name in store.named_graphs()
    }
    if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        names[_DEFAULT_GRAPH] = ox.DefaultGraph()
    lines = _Lines(out)
    for key in sorted(names):
        graph = names[key]
        tail = " .\n" if key == _DEFAULT_GRAPH else f" {key} .\n"
        quads = store.quads_for_pattern(None, None, None, graph)
        lines.extend(sorted({_terms(q) + tail for q in quads}))
    return lines.close()


def write_ntriples(store: ox.Store, out: BinaryIO) -> int:
    """Every triple of ``store``'s graphs once, sorted; returns the number written."""
    lines = _Lines(out)
    lines.extend(sorted_unique(_terms(q) + " .\n" for q in store))
    return lines.close()


def sorted_unique(lines: Iterable[str], *, run: int = RUN_LINES) -> Iterator[str]:
    """``lines`` (each ending in a newline, none inside) sorted and each once, holding at most
    ``run`` of them in memory."""
    with ExitStack() as stack:
        runs: list[Path] = []
        held: set[str] = set()
        folder: Path | None = None
        for line in lines:
            held.add(line)
            if len(held) >= run:
                if folder is None:
                    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
                runs.append(_write_run(folder / f"{len(runs)}.txt", held))
                held = set()
        if not runs:
            yield from sorted(held)
            return
        files = [stack.enter_context(path.open(encoding="utf-8", newline="\n")) for path in runs]
        last = None
        for line in heapq.merge(sorted(held), *files):
            if line != last:
                yield line
                last = line


class _Lines:
    """Lines to ``out`` in pieces of about ``PIECE`` characters, flushed at the end, so that a
    reader who stops early (``kg export | head``) is noticed as a closed pipe."""

    PIECE = 1 << 16

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.count = 0
        self.held: list[str] = []
        self.size = 0

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.held.append(line)
            self.size += len(line)
            if self.size >= self.PIECE:
                self._write()

    def close(self) -> int:
        """Write what is held and flush; returns the number of lines written."""
        self._write()
        self.out.flush()
        return self.count

    def _write(self) -> None:
        self.out.write("".join(self.held).encode("utf-8"))
        self.count += len(self.held)
        self.held, self.size = [], 0


def _write_run(path: Path, lines: set[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as run:
        run.writelines(sorted(lines))
    return path


def _terms(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object}"
