"""The spans kg's entity rules work on: entities being built and gazetteer matches."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc


class Ent(NamedTuple):
    """An entity being worked on: token offsets, a label, and whether the words around the
    name gave the label (``kg.nlp.entity_kinds``), which then holds for the whole article."""

    start: int
    end: int
    label: str
    cued: bool = False


class Name(NamedTuple):
    """A gazetteer match; weak names need a clean context, ambiguous ones only relabel."""

    start: int
    end: int
    label: str
    weak: bool
    ambiguous: bool


Known = Callable[[Doc, int, int], bool]  # whether tokens [start, end) spell a known name


def owners(doc: Doc, ents: list[Ent]) -> list[int]:
    """For each token, the index of the entity it is in, or -1."""
    owners = [-1] * len(doc)
    for i, ent in enumerate(ents):
        owners[ent.start : ent.end] = [i] * (ent.end - ent.start)
    return owners
