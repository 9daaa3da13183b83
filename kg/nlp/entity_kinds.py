"""Entity rules that read an organization off the words around a name: the noun of its kind
that introduces it ("the German lens maker Leica"), what only an organization has or does
("Lumora's chief executive", "an economist at HSBC"), and a name in capitals the NER took for
a person's ("Taiwan's TSMC"). The article's words win over the NER's guess and over the
gazetteer, and a name so typed is typed so wherever the article writes it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, owners
from kg.nlp.lexicon.deps import CLAUSE_ON_NOUN
from kg.nlp.lexicon.labels import RETYPED_AS_ORG
from kg.nlp.lexicon.marks import APPOSITION_CLOSERS, HYPHENS
from kg.nlp.lexicon.names import EVENT_NAME_WORDS, FOREIGN_NAME_LINKS, VOWELS
from kg.nlp.lexicon.nouns import (
    JOB_NOUNS,
    MAKER_NOUNS,
    OCCUPATION_NOUNS,
    ORG_HOLDING_NOUNS,
    ORG_KIND_NOUNS,
)
from kg.nlp.lexicon.titles import TITLE_WORDS

# The most words of a name no entity holds that a kind's noun introduces: "the insurer Gard".
ADDED_NAME_WORDS = 4
# How many words either side of a name in capitals show the sentence is in mixed case.
MIXED_CASE_WINDOW = 5
# Letters in capitals read as initials, not a word, with fewer than one vowel in three.
INITIALS_PER_VOWEL = 3


def organizations_by_kind(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names a noun of an organization's kind introduces, organizations.

    Rule: "with the Belgian club KRC Genk" and "Saudi Pro League side Al-Ittihad" as people,
    "the state copper company Codelco" as a place, "the electoral service Servel" and "the
    market regulator, the CMVM." found by no entity: a name right after such a noun in lower
    case (not the subject of a clause hung on it: "the group Marek founded"), or after it, a
    comma and "the" and closed by punctuation, is the organization; where no entity holds it,
    its capitalized words are one. After a maker's noun, a name of two words or more that is
    a person or in no entity stays as it was ("the manufacturer Georg Reichenbach"), and so
    does an event the organization holds ("the alliance Defense Ministerial").
    """
    taken = owners(doc, ents)
    out = list(ents)
    for k, token in enumerate(doc[:-1]):
        if not (token.is_lower and token.pos_ == "NOUN" and token.lower_ in ORG_KIND_NOUNS):
            continue
        start = k + 1
        apposition = doc[start].text == "," and start + 1 < len(doc)
        if apposition:
            start += 2 if doc[start + 1].lower_ == "the" else 1
        if start >= len(doc) or not _capitalized(doc[start]):
            continue
        found = _introduced_name(doc, out, taken, start)
        if found is None or _not_introduced(doc, out, taken, k, start, found[0]):
            continue
        end, owner = found
        closed = end == len(doc) or doc[end].text in APPOSITION_CLOSERS
        if (apposition and not closed) or (not apposition and _clause_subject(doc, start, end)):
            continue
        if owner < 0:
            out.append(Ent(start, end, "ORG"))
            owner = len(out) - 1
        out[owner] = Ent(start, end, "ORG")
        taken[start:end] = [owner] * (end - start)
    return out


def _introduced_name(
    doc: Doc, ents: list[Ent], taken: list[int], start: int
) -> tuple[int, int] | None:
    """The end of the name that starts at ``start`` and the entity that holds it (-1: none),
    or None where an entity holds it that starts before it or is no name an organization's
    may be."""
    if taken[start] < 0:
        end, owner = _name_end(doc, ents, start, taken)
        return (end, owner) if end > start else None
    ent = ents[taken[start]]
    if ent.start != start or ent.label not in RETYPED_AS_ORG:
        return None
    end = ent.end
    while end < len(doc) and end - start < ADDED_NAME_WORDS and taken[end] < 0:
        if not _capitalized(doc[end]) or doc[end].is_stop:
            break
        end += 1  # "Construtora Serra" + "Alta"
    return end, taken[start]


def _not_introduced(
    doc: Doc, ents: list[Ent], taken: list[int], noun: int, start: int, end: int
) -> bool:
    """A title, an event a body holds, or a person's name after a maker's noun."""
    if doc[start].text in TITLE_WORDS:
        return True  # "the army Chief of Staff", "the government Minister"
    if doc[end - 1].lower_ in EVENT_NAME_WORDS:
        return True  # "the alliance Defense Ministerial": an event the body holds
    person = taken[start] < 0 or ents[taken[start]].label == "PERSON"
    return doc[noun].lower_ in MAKER_NOUNS and end - start > 1 and person


def organizations_by_role(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names that have or do what only an organization does, organizations.

    Rule: "Lumora's chief executive", "Harwick's shareholders", "an economist at HSBC in
    Singapore", with the names places or people: a name before a possessive and, a word on
    at most, a noun only an organization has, or after a job's noun and "at", is the
    organization. A name in capitals the NER took for a person's ("Taiwan's TSMC") is one too.
    """
    out = []
    for ent in ents:
        if ent.label in RETYPED_AS_ORG and (
            _holds(doc, ent) or _employs(doc, ent) or _initials_taken_for_person(doc, ent)
        ):
            ent = ent._replace(label="ORG")
        out.append(ent)
    return out


def typed_throughout(doc: Doc, before: list[Ent], after: list[Ent]) -> list[Ent]:
    """Rule: "the property developer Vingroup ... Vingroup shares": a name the words around
    it made an organization is one wherever the article writes it the same way."""
    was = {(e.start, e.end): e.label for e in before}
    typed = {
        doc[e.start : e.end].text
        for e in after
        if e.label == "ORG" and was.get((e.start, e.end)) != "ORG"
    }
    if not typed:
        return after
    return [
        e._replace(label="ORG")
        if e.label in RETYPED_AS_ORG and doc[e.start : e.end].text in typed
        else e
        for e in after
    ]


def _capitalized(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _name_end(doc: Doc, ents: list[Ent], start: int, taken: list[int]) -> tuple[int, int]:
    """The end of the capitalized words from ``start`` that no entity holds, over tight
    hyphens ("Al-Ittihad") and a name's particles ("Unidad por Chile"), and the entity they
    run into and take in ("KRC" + "Genk"), or -1."""
    end = start
    while end < len(doc) and end - start < ADDED_NAME_WORDS:
        token = doc[end]
        if taken[end] >= 0:
            ent = ents[taken[end]]
            if end > start and ent.start == end and ent.label in RETYPED_AS_ORG:
                return ent.end, taken[end]
            break
        if (
            _capitalized(token)
            and not token.is_stop
            or end > start
            and end + 1 < len(doc)
            and _joins_name(doc, end)
        ):
            end += 1
        else:
            break
    while end > start and not _capitalized(doc[end - 1]):
        end -= 1  # a hyphen or a particle no capitalized word follows
    return end, -1


def _joins_name(doc: Doc, i: int) -> bool:
    """A tight hyphen, or a particle of a name in another language, between capitalized
    words."""
    token, after = doc[i], doc[i + 1]
    tight = token.text in HYPHENS and not doc[i - 1].whitespace_ and not token.whitespace_
    return (tight or token.text in FOREIGN_NAME_LINKS) and after.is_title


def _clause_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the name [start, end) is the subject of a clause hung on a noun."""
    return any(
        doc[i].dep_.startswith("nsubj")
        and not start <= doc[i].head.i < end
        and doc[i].head.dep_.startswith(CLAUSE_ON_NOUN)
        for i in range(start, end)
    )


def _holds(doc: Doc, ent: Ent) -> bool:
    """ "Lumora's chief executive", "Harwick's shareholders"."""
    k = ent.end
    if k + 1 >= len(doc) or doc[k].tag_ != "POS":
        return False
    return any(doc[j].lower_ in ORG_HOLDING_NOUNS for j in range(k + 1, min(k + 3, len(doc))))


def _employs(doc: Doc, ent: Ent) -> bool:
    """ "an economist at HSBC": a job's noun in lower case and "at" right before the name."""
    k = ent.start
    if k < 2 or doc[k - 1].lower_ != "at" or not doc[k - 2].is_lower:
        return False
    noun = doc[k - 2].lower_
    return noun in JOB_NOUNS or noun in OCCUPATION_NOUNS


def _initials_taken_for_person(doc: Doc, ent: Ent) -> bool:
    """A one-word "person" in capitals that reads as initials, not a word, in a sentence
    written in mixed case: "TSMC", not "THOMAS" (a court's way of naming a judge)."""
    token = doc[ent.start]
    if ent.label != "PERSON" or ent.end - ent.start != 1 or len(token) < 2:
        return False
    letters = [ch for ch in token.text if ch.isalpha()]
    vowels = sum(ch in VOWELS for ch in letters)
    if not (token.is_upper and letters and vowels * INITIALS_PER_VOWEL < len(letters)):
        return False
    around = doc[max(ent.start - MIXED_CASE_WINDOW, 0) : ent.end + MIXED_CASE_WINDOW]
    return any(t.is_alpha and t.is_lower for t in around)
