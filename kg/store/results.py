"""SPARQL results as plain rows of rdflib terms, the same from every store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rdflib.term import Identifier

__all__ = ["QueryResult"]


@dataclass(frozen=True)
class QueryResult:
    """One query's answer.

    SELECT: ``variables`` and ``rows`` (None where a variable is unbound). ASK: ``boolean``,
    with one row holding it as ``ask``. CONSTRUCT/DESCRIBE: rows of (subject, predicate, object).
    """

    kind: Literal["select", "ask", "construct"]
    variables: tuple[str, ...]
    rows: tuple[tuple[Identifier | None, ...], ...]
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
