"""Relabel rules that read a name's kind off a list, a work or a description it is named
with: "Nvidia and other customers" is a firm, "recordings of Tchaikovsky" name a composer,
"Halima, a 14-year-old girl,", "Huenchumilla, 48," and "her son, Tadeusz" are people (see
``kg.extract.mentions.RELABEL_RULES``)."""

from __future__ import annotations

from kg.extract.parse import Parse
from kg.nlp.lexicon.labels import PLACE_LABELS, POSSESSIVE_TAGS, RETYPED_AS_COMPOSER
from kg.nlp.lexicon.marks import APPOSITION_CLOSERS
from kg.nlp.lexicon.nouns import (
    COMPOSED_WORK_NOUNS,
    FIRM_NOUNS,
    OCCUPATION_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
)
from kg.nlp.lexicon.words import INDEFINITE, LIST_LINKS

# The oldest age a number after a name may give: "Huenchumilla, 48,"; not a year.
OLDEST_AGE = 115
# The most words between "a" and the noun of a person described after her name: "a
# 14 - year - old girl".
DESCRIPTION_WORDS = 6


def composer(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "his recordings of Tchaikovsky and Shostakovich", "sonatas by Scarlatti" with the
    names an organization or a place: a one-word name after "of" or "by" after a noun of
    music written down (a symphony, a recording), or joined to such a name by "and", is its
    composer. A name of more words ("the Berlin Philharmonic") is left alone."""
    if label not in RETYPED_AS_COMPOSER or end - start != 1:
        return None
    k = start - 1
    while k >= 0 and (p.lower[k] in LIST_LINKS or p.words[k].istitle()):
        k -= 1
    if k < 1 or p.lower[k] not in {"of", "by"} or p.lemma[k - 1] not in COMPOSED_WORK_NOUNS:
        return None
    return "PERSON"


def firm_by_kind(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "to supply Nvidia and other American customers", "carmakers such as Kia and
    Hyundai" with the names places: a place's name listed with "and other" before a plural
    noun of a firm or a body, or after such a noun and "such as" or "including", is an
    organization, one of its kind."""
    if label not in PLACE_LABELS:
        return None
    k = end
    while k < p.n and (p.lower[k] in LIST_LINKS or p.words[k].istitle()):
        k += 1  # "Nvidia, Apple and other customers"
    if k < p.n and p.lower[k] == "other" and p.lower[k - 1] in {"and", "or"}:
        noun = k + 1
        while noun < p.n and p.pos[noun] in {"ADJ", "PROPN"}:
            noun += 1  # "other American customers"
        return "ORG" if noun < p.n and _firm_noun(p, noun) else None
    k = start - 1
    while k >= 0 and (p.lower[k] in LIST_LINKS or p.words[k].istitle()):
        k -= 1
    if k >= 1 and p.lower[k] == "as" and p.lower[k - 1] == "such":
        k -= 2
    elif k >= 0 and p.lower[k] == "including":
        k -= 1 + (k > 0 and p.words[k - 1] == ",")
    else:
        return None
    return "ORG" if k >= 0 and _firm_noun(p, k) else None


def _firm_noun(p: Parse, k: int) -> bool:
    """A plural noun of a firm or a body: "customers", "carmakers", "groups"."""
    lemma = p.lemma[k]
    return p.tag[k] == "NNS" and (lemma in FIRM_NOUNS or lemma in ORG_NOUNS)


def described_person(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "when Halima, a 14-year-old girl, crosses the Sahara" with the name a place: a
    name of three words at most, followed by a comma, "a" or "an" and, a few words on, a
    noun only a person is (or an occupation) closed by punctuation, is that person. Not
    "for the Sahel, a Commission spokesman said": the noun must close the phrase."""
    if label == "PERSON" or end - start > 3 or end + 2 >= p.n:
        return None
    if p.words[end] != "," or p.lower[end + 1] not in INDEFINITE:
        return None
    for k in range(end + 2, min(end + 3 + DESCRIPTION_WORDS, p.n - 1)):
        if p.words[k] in APPOSITION_CLOSERS:
            return None
        lemma = p.lemma[k]
        if p.pos[k] == "NOUN" and (lemma in PERSON_NOUNS or lemma in OCCUPATION_NOUNS):
            return "PERSON" if p.words[k + 1] in APPOSITION_CLOSERS else None
    return None


def aged_person(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "Huenchumilla, 48, would be the first", "Rommel Dizon, 31, and" with the name a
    place: a name of three words at most, then a comma, a whole number a person's age may
    be and a comma, is a person."""
    if label == "PERSON" or end - start > 3 or end + 2 >= p.n:
        return None
    if p.words[end] != "," or p.words[end + 2] != ",":
        return None
    age = p.words[end + 1]
    return "PERSON" if age.isdigit() and 0 < int(age) <= OLDEST_AGE else None


def kin_named(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "said her son, Tadeusz Adéníran, who runs a foundation", "his wife Marta" with the
    name an organization: a name of four words at most right after a possessed noun only a
    person is (a comma between them or none), closed by punctuation or "who", is a person."""
    if label == "PERSON" or end - start > 4 or start < 2:
        return None
    noun = start - 1 - (p.words[start - 1] == ",")
    if noun < 1 or p.pos[noun] != "NOUN" or not p.words[noun].islower():
        return None
    if p.lemma[noun] not in PERSON_NOUNS or p.tag[noun - 1] not in POSSESSIVE_TAGS:
        return None
    closed = end == p.n or p.words[end] in APPOSITION_CLOSERS or p.lower[end] == "who"
    return "PERSON" if closed else None
