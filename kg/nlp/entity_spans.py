"""The spans kg's entity rules work on: entities being built and gazetteer matches."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
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


# The arrays read off the docs the rule layer is at work on (``indexed``), by the doc's id: its
# steps look at the same few arrays some thirty times a paragraph, and mostly find nothing.
_ARRAYS: dict[int, tuple[dict[int, list[int]], dict[int, frozenset[int]]]] = {}


@contextlib.contextmanager
def indexed(doc: Doc) -> Iterator[None]:
    """Within it, ``values`` and ``positions`` read each of the doc's arrays once; the rule
    layer changes no token, so the arrays hold till it sets the entities."""
    _ARRAYS[id(doc)] = ({}, {})
    try:
        yield
    finally:
        del _ARRAYS[id(doc)]


def values(doc: Doc, attr: int) -> list[int]:
    """The doc's ``attr`` array as a list of ints (string ids, flags)."""
    arrays = _ARRAYS.get(id(doc))
    if arrays is None:
        return doc.to_array(attr).tolist()
    columns = arrays[0]
    if attr not in columns:
        columns[attr] = doc.to_array(attr).tolist()
    return columns[attr]


def positions(doc: Doc, attr: int, words: frozenset[str]) -> list[int]:
    """The tokens whose ``attr`` (ORTH, LOWER, LEMMA, DEP) is one of ``words``, read off the doc's
    array: a rule that looks at a few words makes no ``Token`` of every other."""
    wanted = _string_ids(words)
    column = values(doc, attr)
    arrays = _ARRAYS.get(id(doc))
    if arrays is not None:
        present = arrays[1].get(attr)
        if present is None:
            present = arrays[1][attr] = frozenset(column)
        if wanted.isdisjoint(present):
            return []  # most rules' words are in no paragraph
    return [i for i, value in enumerate(column) if value in wanted]


def capitalized_positions(doc: Doc) -> list[int]:
    """The tokens in title case or in capitals, read off the doc's arrays."""
    upper = values(doc, IS_UPPER)
    return [i for i, title in enumerate(values(doc, IS_TITLE)) if title or upper[i]]


@functools.cache
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy's string store gives ``words`` (hashes, the same in every vocab)."""
    return frozenset(get_string_id(word) for word in words)
