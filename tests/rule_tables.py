"""What the rule-table tests share: a case per listed rule, run on the parse of its table.

A case is ``(table, probe, expected)``: ``probe(p, rule)`` calls the rule (or its list, where
the first answer wins) on the parse view of the table and returns what it gave, as words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from doc_table import build

from kg.extract.entities import EntityIndex
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver
from kg.extract.roles import extract_roles
from kg.extract.rules import first

Probe = Callable[[Parse, Callable[..., Any]], object]
Case = tuple[str, Probe, object]
Cases = dict[str, Case]  # rule name → its case


def check(rules: tuple[Callable[..., Any], ...], name: str, case: Case, *, chain: bool) -> None:
    """The rule ``name`` of ``rules`` gives what its case expects; with ``chain``, so does
    the whole list (no rule before it answers its sentence first)."""
    table, probe, expected = case
    rule = {r.__name__: r for r in rules}[name]
    assert probe(Parse(build(table)), rule) == expected
    if chain:
        assert probe(Parse(build(table)), functools.partial(first, rules)) == expected


def at(p: Parse, word: str, nth: int = 1) -> int:
    """The token of the ``nth`` occurrence of ``word``."""
    found = [i for i, w in enumerate(p.words) if w == word]
    return found[nth - 1]


def resolver(p: Parse) -> Resolver:
    """The resolver extraction builds for ``p``, with the document's roles."""
    index = EntityIndex(p)
    return Resolver(p, index, extract_roles(p, index))
