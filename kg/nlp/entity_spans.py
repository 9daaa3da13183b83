"""The spans kg's entity rules work on: entities being built and gazetteer matches."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.strings import get_string_id
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


def positions(doc: Doc, attr: int, words: frozenset[str]) -> list[int]:
    """The tokens whose ``attr`` (ORTH, LOWER, LEMMA, DEP) is one of ``words``, read off the doc's
    array: a rule that looks at a few words makes no ``Token`` of every other."""
    wanted = _string_ids(words)
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


def capitalized_positions(doc: Doc) -> list[int]:
    """The tokens in title case or in capitals, read off the doc's array."""
    rows = doc.to_array([IS_TITLE, IS_UPPER]).tolist()
    return [i for i, (title, upper) in enumerate(rows) if title or upper]


@functools.cache
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy's string store gives ``words`` (hashes, the same in every vocab)."""
    return frozenset(get_string_id(word) for word in words)
