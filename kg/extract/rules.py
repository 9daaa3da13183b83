"""The one way extraction rules are written: small functions in ordered lists.

A rule is a function of the parse view (and what its list passes along) whose docstring
starts with ``Rule:`` and quotes the sentence it handles. It goes into a module-level tuple
whose name ends in ``_RULES`` (or ``_REPAIRS`` for the tree repairs), in the place its turn
comes; ``first`` runs such a list and keeps the first answer. ``tests/test_rules.py`` holds
every listed rule to that form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, TypeVar

T = TypeVar("T")


class Stop:
    """The answer of a rule that owns a token and finds nothing for it: stop looking."""

    def __repr__(self) -> str:
        return "STOP"


STOP: Final = Stop()


def first(rules: Iterable[Callable[..., T | Stop | None]], *args: object) -> T | None:
    """The answer of the first rule in ``rules`` that gives one (None: no rule did, or the
    rule that owns the case returned ``STOP``)."""
    for rule in rules:
        found = rule(*args)
        if found is STOP:
            return None
        if found is not None:
            return found  # type: ignore[return-value]
    return None
