"""Short articles written for a test, built with the tests' pipeline into one store, and the
entity nodes a reader of the graph sees (benchmarks/entity_audit.py's view of a store)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from answers import MODEL

import kg
from benchmarks.entity_audit import Node, stored_nodes
from kg.store.embedded import Store


@contextmanager
def built_nodes(folder: Path, articles: dict[str, str]) -> Iterator[tuple[Store, list[Node]]]:
    """Build ``articles`` (file name: text, in this order) in ``folder``; the open store and
    its nodes."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    kg.build([folder / name for name in articles], store=folder / "store", model=MODEL)
    with Store(folder / "store", read_only=True) as store:
        yield store, [node for found in stored_nodes(store).values() for node in found]


def by_label(nodes: list[Node]) -> dict[str, Node]:
    """Each node by its label, where the articles give no two nodes one label."""
    return {node.label: node for node in nodes}


def all_by_label(nodes: list[Node]) -> dict[str, set[Node]]:
    """The nodes of each label."""
    found: dict[str, set[Node]] = {}
    for node in nodes:
        found.setdefault(node.label, set()).add(node)
    return found
