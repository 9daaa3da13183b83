"""People's names the statistical model cuts where a name goes on: at a hyphen ("Leung
Chun-ying", "Klaus-Dieter Hoffmann", "Jean-Baptiste Morel") or after a particle ("Ursula von
der Leyen"). The tokenizer splits words at hyphens, as the treebanks the model learned from
do, and the model then often ends or starts a name there."""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Doc, Token

from kg.nlp.lexicon.marks import HYPHENS
from kg.nlp.lexicon.names import NAME_HYPHEN_SUFFIXES, NAME_PARTICLES

__all__ = ["joined_names"]

PERSON = "PERSON"
# A lower-case part after a hyphen is a name's ("Chun-ying") unless it reads as one of these
# (or is one of NAME_HYPHEN_SUFFIXES: "Merkel-era").
_NOT_NAME_POS = frozenset({"VERB", "ADJ", "AUX", "ADV", "ADP", "NUM"})


E = TypeVar("E", bound=tuple[int, int, str])


def joined_names(doc: Doc, ents: list[E]) -> list[E]:
    """``ents`` with each person's name grown over the hyphens and particles that cut it,
    and the entities it then covers dropped."""
    grown = []
    for ent in ents:
        start, end, label = ent
        if label == PERSON:
            start, end = _left(doc, start), _right(doc, start, end)
        grown.append(ent._replace(start=start, end=end))  # type: ignore[attr-defined]
    return _without_overlaps(grown)


def _attached(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written inside a word: no space on either side."""
    return doc[i].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _left(doc: Doc, start: int) -> int:
    """Back over "Klaus-" before "Dieter Hoffmann"."""
    while start >= 2 and _attached(doc, start - 1) and _name_word(doc[start - 2]):
        start -= 2
    return start


def _right(doc: Doc, start: int, end: int) -> int:
    """On over "-ying" after "Leung Chun", then the surname after "Jean-Baptiste"; on over
    the name after a trailing particle ("Ursula von der" + "Leyen")."""
    hyphenated = False
    while end + 1 < len(doc) and _attached(doc, end) and _name_part(doc[end + 1], end - start):
        end += 2
        hyphenated = True
    if hyphenated:
        while end < len(doc) and doc[end - 1].whitespace_ == " " and _name_word(doc[end]):
            end += 1
    if doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) and _name_word(doc[end]):
        end += 1
    return end


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.is_title and not token.is_stop


def _name_part(token: Token, words: int) -> bool:
    """What may follow a name's hyphen: a capitalized word, or a lower-case one that reads as
    a name's part ("ying") after a name of two words or more."""
    if not token.is_alpha:
        return False
    if token.is_title:
        return True
    if not token.is_lower or words < 2 or token.text in NAME_HYPHEN_SUFFIXES:
        return False
    # "ying" may be read as a verb form; "backed", "led", "based" are forms of a verb
    return token.pos_ not in _NOT_NAME_POS or token.lemma_ == token.lower_


def _without_overlaps(ents: list[E]) -> list[E]:
    """The longest of overlapping entities (the first of equal ones), in text order."""
    ordered = sorted(ents, key=lambda e: -(e[1] - e[0]))
    taken: list[E] = []
    for ent in ordered:
        if all(ent[1] <= t[0] or t[1] <= ent[0] for t in taken):
            taken.append(ent)
    return sorted(taken, key=lambda e: e[0])
