"""SPARQL results as plain rows of rdflib terms, the same from every store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from rdflib.term import Identifier

__all__ = ["Answer", "QueryResult", "QueryRows", "Row"]

Row = tuple[Identifier | None, ...]


@dataclass(frozen=True)
class QueryResult:
    """One query's answer.

    SELECT: ``variables`` and ``rows`` (None where a variable is unbound). ASK: ``boolean``,
    with one row holding it as ``ask``. CONSTRUCT/DESCRIBE: rows of (subject, predicate, object).
    """

    kind: Literal["select", "ask", "construct"]
    variables: tuple[str, ...]
    rows: tuple[Row, ...]
    boolean: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Identifier]]:
        """Rows as dicts, leaving out unbound variables."""
        return [
            {var: term for var, term in zip(self.variables, row, strict=True) if term is not None}
            for row in self.rows
        ]

    def column(self, variable: str) -> list[Identifier | None]:
        """One variable's values, row by row."""
        i = self.variables.index(variable)
        return [row[i] for row in self.rows]


@dataclass(frozen=True)
class QueryRows:
    """One query's answer as it arrives: as ``QueryResult``, with rows to read once."""

    kind: Literal["select", "ask", "construct"]
    variables: tuple[str, ...]
    rows: Iterator[Row]
    boolean: bool | None = None

    def collect(self) -> QueryResult:
        """Every row read into a ``QueryResult``."""
        return QueryResult(self.kind, self.variables, tuple(self.rows), self.boolean)


# What the renderers take: an answer held whole, or one arriving row by row.
Answer = QueryResult | QueryRows
