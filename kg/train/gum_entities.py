"""GUM's entity layer as NER training spans: the name inside each person, organization or place.

GUM marks every mention of a thing, named or not, with its type, in the MISC column
(``Entity=(3-place-new-...)``, brackets opening and closing across tokens). The NER learns
names only, in UNER's fashion: "the Cleveland Museum of Art" gives ORG "Cleveland Museum of
Art", "U.S. President Barack Obama" PERSON "Barack Obama", and "our new President",
"a Democrat" or "Many Americans" give nothing. GUM's other types (events, works, objects)
are not names of the three labels: their tokens are O, as UNER has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.names import strip_title_words
from kg.nlp.lexicon.marks import HYPHENS

# GUM's types that are the NER's labels, in spaCy's names.
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
# One bracket of GUM's notation: "(ID-type-...", closed at once by ")", or "ID)" closing one.
_BRACKET = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
# Lower-case words inside a name, between two of its capitalized words ("Bank of the West").
NAME_JOINERS = frozenset({"of", "for", "and", "&", "the", "de", "du", "la", "von", "van"})
NAME_POS = frozenset({"PROPN", "NUM"})


@dataclass(frozen=True)
class Mention:
    """Tokens ``start`` to ``end`` (exclusive) of a sentence, of GUM type ``kind``."""

    start: int
    end: int
    kind: str


def mentions(miscs: list[str]) -> list[Mention]:
    """Every mention the MISC column of a sentence's words opens and closes."""
    found: list[Mention] = []
    opened: list[tuple[str, str, int]] = []
    for i, misc in enumerate(miscs):
        value = next((m[7:] for m in misc.split("|") if m.startswith("Entity=")), "")
        for bracket in _BRACKET.finditer(value):
            ident, kind, closed, closing = bracket.groups()
            if ident and closed:
                found.append(Mention(i, i + 1, kind))
            elif ident:
                opened.append((ident, kind, i))
            else:
                at = next((k for k in reversed(range(len(opened))) if opened[k][0] == closing), -1)
                if at >= 0:
                    _, kind, start = opened.pop(at)
                    found.append(Mention(start, i + 1, kind))
    return found


def entity_tags(
    words: list[str], pos: list[str], tags: list[str], heads: list[int], miscs: list[str]
) -> list[str] | None:
    """IOB tags ("B-ORG", "I-ORG", "O") of the names in a sentence; None if GUM marks nothing
    in it (no annotation, rather than a sentence without names)."""
    found = mentions(miscs)
    if not found:
        return None
    spans = []
    for mention in found:
        span = _name(mention, found, words, pos, tags, heads)
        if span is not None:
            spans.append(span)
    ents = ["O"] * len(words)
    # an organization's name holds the place in it ("University of Basel"): the longest wins
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(e == "O" for e in ents[start:end]):
            ents[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return ents


def _name(
    mention: Mention,
    others: list[Mention],
    words: list[str],
    pos: list[str],
    tags: list[str],
    heads: list[int],
) -> tuple[int, int, str] | None:
    label = GUM_LABELS.get(mention.kind)
    inside = range(mention.start, mention.end)
    head = next((i for i in inside if heads[i] not in inside or heads[i] == i), mention.start)
    if label is None or pos[head] != "PROPN":
        return None
    if label == "PERSON" and tags[head] == "NNPS":  # "the Olsens", "Americans": a group
        return None
    start = mention.start
    while start < head and words[start].lower() == "the":
        start += 1
    # before the head, only the name's own words: not "our new President", "a Democrat"
    if not all(pos[i] in NAME_POS or _joins(i, words, pos) for i in range(start, head)):
        return None
    end = head + 1
    while end < mention.end:
        capitalized = words[end][:1].isupper() and pos[end] == "ADJ"
        if not (pos[end] in NAME_POS or capitalized or _joins(end, words, pos)):
            break
        end += 1
    while end > head + 1 and pos[end - 1] not in NAME_POS:  # a joiner or adjective left over
        end -= 1
    # a name of its own before the head and apart from it ("U.S. President Barack Obama")
    for other in others:
        if start <= other.start and other.end < head and GUM_LABELS.get(other.kind):
            start = other.end
    while start < head and pos[start] not in NAME_POS:
        start += 1
    if label == "PERSON":
        start += strip_title_words(words[start:end])
    return start, end, label


def _joins(i: int, words: list[str], pos: list[str]) -> bool:
    """Word ``i`` joins two words of a name ("Centre for Irish Studies"; the hyphen of
    "Ramos - Lima", which GUM writes as a word of its own)."""
    return (
        (words[i].lower() in NAME_JOINERS or words[i] in HYPHENS)
        and 0 < i < len(words) - 1
        and pos[i - 1] in NAME_POS | {"ADJ"}
        and pos[i + 1] in NAME_POS | {"ADJ"}
    )
