"""Entity rules read off a text's layout: a book list's entries, a dateline, line breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.attrs import SHAPE
from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, owners, values
from kg.nlp.lexicon.marks import HYPHENS
from kg.nlp.lexicon.names import NAME_PARTICLES

# A book list's entry: "Ellery, Margaret. Winter in Sarajevo. Harbour Press, 2019."
_NAME_PART = r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,3}"
BOOK_ENTRY = re.compile(
    rf"(?P<author>(?P<surname>{_NAME_PART}), (?P<given>{_NAME_PART}))\. "
    r"(?P<title>[^.\n]+?)\. (?:(?P<publisher>[^.,\n]+?), )?\(?\d{4}\)?\.?$"
)


def apply_book_entries(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The author, title and publisher of each line that is a book list's entry.

    Rule: "Ellery, Margaret. Winter in Sarajevo. Harbour Press, 2019." on a line of its
    own: the author is a person written surname first, the title a work and the publisher an
    organization, whatever the NER made of the line (never "Ellery" a place in "Margaret").
    """
    found = [ent for entry in book_entries(doc) for ent in entry]
    if not found:
        return ents
    taken = owners(doc, found)
    kept = [ent for ent in ents if all(taken[i] < 0 for i in range(ent.start, ent.end))]
    return kept + found


def book_entries(doc: Doc) -> Iterator[list[Ent]]:
    """Each book list entry's author, title and publisher (see ``apply_book_entries``)."""
    if not _has_a_year(doc):
        return  # the doc's text, a Token a word, only where an entry may be
    offset = 0
    for line in doc.text.split("\n"):
        match = BOOK_ENTRY.match(line.strip())
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if match is None or not match["title"][:1].isupper():
            continue
        if not all(_name_words(match[part]) for part in ("surname", "given")):
            continue
        parts = [("author", "PERSON"), ("title", "WORK_OF_ART"), ("publisher", "ORG")]
        spans = [
            doc.char_span(start + match.start(part), start + match.end(part), label=label)
            for part, label in parts
            if match[part]
        ]
        if all(span is not None for span in spans):
            yield [Ent(span.start, span.end, span.label_) for span in spans if span is not None]


def _has_a_year(doc: Doc) -> bool:
    """Whether a word has four digits in a row, as an entry's year: its shape says so ("dddd",
    or "LONG" for a word of 100 characters or more, whose shape is not written)."""
    shapes = [doc.vocab.strings[shape] for shape in set(values(doc, SHAPE))]
    return any("dddd" in shape or shape == "LONG" for shape in shapes)


def _name_words(text: str) -> bool:
    """Whether each word of a name is capitalized or a particle ("de los Santos")."""
    return all(word[:1].isupper() or word in NAME_PARTICLES for word in text.split())


def lines(doc: Doc, ent: Ent) -> Iterator[Ent]:
    """The parts of an entity on each line: a name never runs over a line break."""
    start = ent.start
    for i in range(ent.start, ent.end):
        if doc[i].is_space and "\n" in doc[i].text:
            if start < i:
                yield Ent(start, i, ent.label)
            start = i + 1
    if start < ent.end:
        yield Ent(start, ent.end, ent.label)


def dateline(doc: Doc, ent: Ent) -> list[Ent]:
    """A dateline's place and the name after its dash, apart.

    Rule: "WASHINGTON – NATO Secretary General" as one organization: a spaced dash after a
    line's first words, all in capitals, ends the dateline's place.
    """
    for k in range(ent.start + 1, ent.end - 1):
        token = doc[k]
        if token.text not in HYPHENS or not doc[k - 1].whitespace_ or not token.whitespace_:
            continue
        place = doc[ent.start : k]
        starts_line = ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws
        if starts_line and all(t.is_upper or not t.is_alpha for t in place):
            return [Ent(ent.start, k, ent.label), Ent(k + 1, ent.end, ent.label)]
    return [ent]


# A book list's entry: "Ellery, Margaret. Winter in Sarajevo. Harbour Press, 2019."
