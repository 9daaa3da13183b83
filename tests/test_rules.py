"""Extraction rules come one way: listed in order, each with the sentence it handles."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pytest

import kg.extract
from kg.extract.rules import STOP, first


def _rule_lists() -> dict[str, tuple[Callable[..., object], ...]]:
    found = {}
    for info in pkgutil.iter_modules(kg.extract.__path__):
        module = importlib.import_module(f"kg.extract.{info.name}")
        for name, value in vars(module).items():
            if name.endswith(("_RULES", "_REPAIRS")) and isinstance(value, tuple):
                found[f"{info.name}.{name}"] = value
    return found


RULE_LISTS = _rule_lists()


def test_the_rule_lists_are_found() -> None:
    # the lists the package docstring names; a renamed list would silently escape the checks
    for name in ("repairs.TREE_REPAIRS", "repairs.SENTENCE_REPAIRS", "repairs.LEMMA_REPAIRS"):
        assert name in RULE_LISTS


@pytest.mark.parametrize("name", sorted(RULE_LISTS))
def test_every_listed_rule_quotes_the_sentence_it_handles(name: str) -> None:
    rules = RULE_LISTS[name]
    assert rules, f"{name} is empty"
    for rule in rules:
        assert callable(rule), f"{name}: {rule!r} is not a function"
        doc = (rule.__doc__ or "").strip()
        assert doc.startswith("Rule: "), f"{name}: {rule.__name__} has no 'Rule:' docstring"
        assert any(mark in doc for mark in ('"', "\u201c")), f"{rule.__name__} quotes nothing"
    assert len({rule.__name__ for rule in rules}) == len(rules), f"{name} lists a rule twice"


def test_first_keeps_the_first_answer_and_stop_ends_the_search() -> None:
    seen: list[str] = []

    def nothing(x: int) -> None:
        seen.append("nothing")
        return None

    def double(x: int) -> int:
        seen.append("double")
        return 2 * x

    def owns_odd(x: int) -> object:
        seen.append("owns_odd")
        return STOP if x % 2 else None

    assert first((nothing, double), 3) == 6
    assert seen == ["nothing", "double"]
    assert first((owns_odd, double), 3) is None
    assert first((owns_odd, double), 4) == 8
    assert first((), 1) is None
