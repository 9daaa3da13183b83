"""CSV and TSV as kg writes them: query results and the network tables, through one writer.

A spreadsheet opening such a file takes a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return for a formula, so article text such as ``=HYPERLINK("...")`` would
run there. ``safe_cell`` puts an apostrophe before such a cell (spreadsheets read the cell as
text and hide the apostrophe), unless the cell is a number as written (``-5``, ``+1.5e3``),
which stays a number. ``raw_cells=True`` writes every cell as it is, for programs that read
the values back; a value kg itself writes as a number (a weight, a count) is never touched.

CSV quotes cells that hold the delimiter, quotes or line breaks (a carriage return too), so
no cell can start in the middle of another. TSV has no quoting: a cell's tabs and line breaks
become spaces.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Protocol

__all__ = ["FORMULA_STARTS", "DelimitedWriter", "TextOut", "safe_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_TSV_BREAKS = ("\t", "\r", "\n")


class TextOut(Protocol):
    """Where rows are written: anything with ``write(str)``."""

    def write(self, text: str, /) -> object: ...


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet reads it as text: an apostrophe before a formula's start."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


class DelimitedWriter:
    """Rows to CSV (``delimiter=","``) or TSV (``"\\t"``), one line each, as they come."""

    def __init__(self, out: TextOut, *, delimiter: str = ",", raw_cells: bool = False):
        self._tsv = delimiter == "\t"
        self._raw = raw_cells
        if self._tsv:
            self._writer = csv.writer(
                out,
                delimiter="\t",
                lineterminator="\n",
                quoting=csv.QUOTE_NONE,
                escapechar=None,
                quotechar=None,
            )
        else:
            # Rows end in "\r\n" for the writer, so that it quotes a cell holding a carriage
            # return (a spreadsheet starts a new row there); _LineFeeds writes "\n" instead.
            self._writer = csv.writer(_LineFeeds(out), delimiter=delimiter, lineterminator="\r\n")

    def writerow(self, values: Iterable[object]) -> None:
        """One row; ``str`` cells are made safe (see ``safe_cell``), other values written as
        they are (numbers, booleans), None as an empty cell."""
        self._writer.writerow([self._cell(value) for value in values])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)

    def _cell(self, value: object) -> object:
        if not isinstance(value, str):
            return value
        if self._tsv and any(c in value for c in _TSV_BREAKS):
            value = " ".join(value.split())
        return value if self._raw else safe_cell(value)


class _LineFeeds:
    """``out``, with each row's "\r\n" written as "\n" (the csv writer writes a row at once)."""

    def __init__(self, out: TextOut):
        self._out = out

    def write(self, line: str) -> object:
        return self._out.write(line[:-2] + "\n" if line.endswith("\r\n") else line)
