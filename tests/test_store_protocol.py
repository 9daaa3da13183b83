"""Both stores implement the store protocol, member for member (mypy checks it too)."""

from __future__ import annotations

import inspect

import pytest

from kg.store.embedded import Store
from kg.store.protocol import GraphStore
from kg.store.remote import SparqlStore

# What the protocol declares: its methods (context methods included) and its attributes.
MEMBERS = sorted(
    name
    for name in {*vars(GraphStore), *GraphStore.__annotations__}
    if not name.startswith("_") or name in ("__enter__", "__exit__")
)


def test_the_protocol_declares_what_the_stages_use() -> None:
    assert MEMBERS == [
        "__enter__",
        "__exit__",
        "close",
        "has_document",
        "quads",
        "query",
        "read_only",
        "remove_document",
        "replace_document",
        "stats",
        "write_documents",
    ]


# One of each, opened without a server: a remote store connects only when asked something.
STORES = {Store: Store, SparqlStore: lambda: SparqlStore("http://127.0.0.1:9/query")}


@pytest.mark.parametrize("store", STORES, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("member", MEMBERS)
def test_each_store_has_each_member_with_the_same_signature(store: type, member: str) -> None:
    declared = getattr(GraphStore, member, None)
    if declared is None:  # an attribute, which each store sets on its instances
        with STORES[store]() as opened:
            value = getattr(opened, member)
        assert type(value).__name__ == GraphStore.__annotations__[member]
        return
    implemented = getattr(store, member)
    expected, actual = inspect.signature(declared), inspect.signature(implemented)
    assert list(actual.parameters.values()) == list(expected.parameters.values())
    # a method may return its own class where the protocol says "a GraphStore"
    returns = expected.return_annotation.replace("GraphStore", store.__name__)
    assert actual.return_annotation in (expected.return_annotation, returns)
