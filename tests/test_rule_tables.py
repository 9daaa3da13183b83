"""Every listed rule has a parse-table test, so a rule added without its sentence fails here.

The cases live by stage: ``test_rule_tables_parse`` (tree repairs, subjects),
``test_rule_tables_names`` (relabels, merges, lookups, roles, containments) and
``test_rule_tables_events`` (dependents, event nouns, reports, obliques, prepositions,
speakers); each maps a list, named as ``test_rules`` finds it, to one case per rule.
"""

from __future__ import annotations

from typing import Any

import test_rule_tables_events
import test_rule_tables_names
import test_rule_tables_parse
from test_rules import RULE_LISTS

TABLES = {
    **test_rule_tables_parse.CASES,
    **test_rule_tables_names.CASES,
    **test_rule_tables_events.CASES,
}


def _qualified(rule: Any) -> str:
    return f"{rule.__module__}.{rule.__name__}"


def test_every_listed_rule_has_a_parse_table() -> None:
    listed = {_qualified(rule) for rules in RULE_LISTS.values() for rule in rules}
    covered = {
        _qualified(rule)
        for name, rules in RULE_LISTS.items()
        for rule in rules
        if rule.__name__ in TABLES.get(name, {})
    }
    assert sorted(listed - covered) == []


def test_every_parse_table_is_of_a_listed_rule() -> None:
    stale = [
        f"{name}.{rule}"
        for name, cases in TABLES.items()
        for rule in cases
        if rule not in {r.__name__ for r in RULE_LISTS.get(name, ())}
    ]
    assert stale == []
