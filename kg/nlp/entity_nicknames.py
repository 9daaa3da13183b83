"""Entity rules for a person's name with a nickname in quotation marks inside it: 'Wanida
"Nok" Phromsuwan', 'Paulo Roberto "Paulinho" de Assis Filho'."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from kg.nlp.entity_names import in_running_text, opens_sentence, plain_name, tight_hyphen
from kg.nlp.entity_spans import Ent, Known, owners, positions
from kg.nlp.lexicon.labels import NUMERIC_LABELS
from kg.nlp.lexicon.marks import DOUBLE_QUOTE_MARKS
from kg.nlp.lexicon.names import NAME_PARTICLES, NOT_NAME_WORDS
from kg.nlp.lexicon.titles import PERSON_TITLES

# The most words of a nickname in quotation marks inside a name, and of the surname after it.
NICKNAME_WORDS = 2
SURNAME_WORDS_AFTER_NICKNAME = 3


def quoted_nicknames(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A person's name with a nickname in quotation marks inside it, one person.

    Rule: 'his lead actress, Wanida "Nok" Phromsuwan.' as a person "Wanida" and a place
    "Phromsuwan", 'coach Paulo Roberto "Paulinho" de Assis Filho' as two people, 'Its lead
    actor, Tendai "Tee" Mupfumira, won' with no entity: given names (a person the NER found,
    or proper nouns in no entity), one or two proper nouns in quotation marks written tight
    around them, then a surname (particles and capitalized words) in no entity, or that the
    NER found as a person or as a name the gazetteer does not know, are one person's name.
    Not a headline's quoted word ('Biden "Angry" Over Leak': no surname after it), nor a name
    the gazetteer knows after it.
    """
    quotes = positions(doc, ORTH, DOUBLE_QUOTE_MARKS)
    # one or two words between two quotation marks, none first in the doc
    pairs = [
        (opening, closing)
        for opening, closing in zip(quotes, quotes[1:], strict=False)
        if opening and 2 <= closing - opening <= NICKNAME_WORDS + 1
    ]
    if not pairs:
        return ents
    taken = owners(doc, ents)
    found: list[Ent] = []
    for opening, closing in pairs:
        if not _nickname(doc, opening, closing, taken):
            continue
        if not in_running_text(doc, opening):
            continue
        start = _given_names_before(doc, opening, ents, taken)
        end = _surname_after(doc, closing + 1, ents, taken, known)
        if start is not None and end is not None:
            found.append(Ent(start, end, "PERSON"))
    if not found:
        return ents
    inside = owners(doc, found)
    return [e for e in ents if all(inside[j] < 0 for j in range(e.start, e.end))] + found


def _given_names_before(doc: Doc, end: int, ents: list[Ent], taken: list[int]) -> int | None:
    """Where the given names that end at token ``end`` start: a person the NER found, or up
    to three proper nouns in no entity; None where there is neither."""
    k = taken[end - 1]
    if k >= 0:
        return ents[k].start if ents[k].label == "PERSON" and ents[k].end == end else None
    start = end
    while (
        start > 0 and end - start < SURNAME_WORDS_AFTER_NICKNAME and _loose(doc, start - 1, taken)
    ):
        start -= 1
    return start if start < end else None


def _loose(doc: Doc, i: int, taken: list[int]) -> bool:
    """Token ``i`` is a capitalized noun of a name (where the doc is tagged: a proper noun,
    or a noun inside a sentence, as the tagger makes of "Tendai"), in no entity, no title's
    word."""
    token = doc[i]
    return (
        taken[i] < 0
        and plain_name(token)
        and (token.pos_ in {"PROPN", ""} or (token.pos_ == "NOUN" and not opens_sentence(doc, i)))
        and token.text not in PERSON_TITLES
        and token.lower_ not in NOT_NAME_WORDS
    )


def _nickname(doc: Doc, opening: int, closing: int, taken: list[int]) -> bool:
    """Tokens between the quotation marks at ``opening`` and ``closing`` are one or two
    proper nouns in no entity, the marks tight around them and spaced outside."""
    return (
        1 <= closing - opening - 1 <= NICKNAME_WORDS
        and closing + 1 < len(doc)
        and doc[opening - 1].whitespace_ == " "
        and not doc[opening].whitespace_
        and not doc[closing - 1].whitespace_
        and doc[closing].whitespace_ == " "
        and all(_loose(doc, j, taken) for j in range(opening + 1, closing))
    )


def _surname_after(
    doc: Doc, start: int, ents: list[Ent], taken: list[int], known: Known
) -> int | None:
    """Where a surname from token ``start`` ends: particles, then up to three capitalized
    words (hyphens between), each a proper noun in no entity or in an entity inside it that
    is a person or a name the gazetteer does not know; None where there is none."""
    end = start
    while end < len(doc) and doc[end].text in NAME_PARTICLES:
        end += 1
    words = 0
    while end < len(doc) and words < SURNAME_WORDS_AFTER_NICKNAME and plain_name(doc[end]):
        end += 1
        words += 1
        if end + 1 < len(doc) and tight_hyphen(doc, end) and plain_name(doc[end + 1]):
            end += 2
    if not words:
        return None
    for j in range(start, end):
        free = taken[j] < 0 and not (doc[j].text in NAME_PARTICLES or tight_hyphen(doc, j))
        if free and not _loose(doc, j, taken):
            return None  # a word in no entity that is no proper noun
    for k in {taken[j] for j in range(start, end)} - {-1}:
        ent = ents[k]
        if ent.start < start or ent.end > end or ent.label in NUMERIC_LABELS:
            return None
        if ent.label != "PERSON" and known(doc, ent.start, ent.end):
            return None
    return end
