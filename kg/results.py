"""SPARQL results as plain rows of rdflib terms, the same from every store."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from rdflib.term import Identifier, Node

__all__ = ["GraphStore", "QueryResult"]


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


class GraphStore(Protocol):
    """What query, export, stats and validate need from a store, embedded or remote."""

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> QueryResult: ...

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]: ...
