"""Entity rules that read a people or a language off the words around a name: "Zaghawa
militias", "Fulani herders", "the Mapudungun language", "her speech in Mapudungun before
switching to Spanish". A people and a language are groups (NORP), not places."""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, ORTH
from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, Known, capitalized_positions, owners, positions
from kg.nlp.lexicon.deps import CONJUNCT_DEPS
from kg.nlp.lexicon.labels import ADJECTIVE_TAGS, AREA_LABELS, NOUN_TAGS, RETYPED_AS_ORG
from kg.nlp.lexicon.marks import HYPHENS, SENTENCE_ENDS
from kg.nlp.lexicon.nouns import (
    GROUP_NOUNS,
    HOUSEHOLD_NOUNS,
    LANGUAGE_NOUNS,
    PEOPLE_MEMBER_NOUNS,
    PEOPLE_QUALIFIED_NOUNS,
    SPOKEN_IN_WORDS,
)
from kg.nlp.lexicon.verbs import LINKING_VERBS
from kg.nlp.lexicon.words import (
    ARTICLES,
    INDEFINITE,
    LANGUAGE_LINKS,
    LANGUAGE_PREPOSITIONS,
    LIST_WORDS,
)

# How far on in its sentence a language named with a group's name may be: "in Mapudungun
# before switching to Spanish".
LANGUAGE_WINDOW = 12
# The most words between a language's verb and its noun: "would stay an official language".
LANGUAGE_PREDICATE_WORDS = 4


def peoples(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """One-word names a people's members or a language's noun follows, groups.

    Rule: "allied Zaghawa militias", "Mapudungun speakers", "the Kanuri language", with the
    name a place or a person, or no entity: a one-word name the gazetteer does not know, in
    one phrase with a plural noun of a people's members or a language's noun right after it,
    or after "-speaking", is the people or the language. Rule: "her speech in Mapudungun
    before switching to Spanish": so is one after "in" after a word of speech, where a group
    the gazetteer knows comes after "to", "and" or "or" further in the sentence. Rule: "a
    Yoruba father and a Polish mother", "Hausa and Fulani herders": so is one before a noun
    joined to a noun a known group comes before, or one joined to a known group. Rule:
    "Gagauz would stay an official language", "the Sabaean script": so is one a linking verb
    makes a language, or before a script.
    """
    cued = _cued(doc, ents)
    if not cued:
        return list(ents)
    taken = owners(doc, ents)
    out = list(ents)
    for i in capitalized_positions(doc):
        if i not in cued:
            continue
        token, owner = doc[i], taken[i]
        if owner >= 0 and (out[owner].label not in RETYPED_AS_ORG or out[owner].end - i != 1):
            continue
        if owner >= 0 and out[owner].start != i:
            continue
        plain = i > 0 and token.is_title and token.is_alpha and not token.is_stop
        if owner < 0 and not (plain and not token.is_sent_start):
            continue
        if known(doc, i, i + 1):
            continue
        if not (
            _of_a_people(doc, i)
            or _a_language(doc, ents, taken, i)
            or _beside_a_group(doc, ents, taken, i)
            or _qualifies_a_person(doc, ents, taken, i)
            or _is_a_language(doc, i)
        ):
            continue
        if owner >= 0:
            out[owner] = out[owner]._replace(label="NORP")
        elif token.tag_ in {"NNP", "JJ", "NNPS"}:
            out.append(Ent(i, i + 1, "NORP"))
    return out


def _cued(doc: Doc, ents: list[Ent]) -> set[int]:
    """The tokens next to a word the rules of ``peoples`` read (a people's or a language's
    noun, a hyphen, a person's noun; with a group in the doc, "in", "and", "or" and the
    parse's conjuncts): the only ones that may be a people."""
    near = {k - 1 for k in positions(doc, LOWER, GROUP_NOUNS)}
    for k in positions(doc, LOWER, LANGUAGE_NOUNS):
        near |= set(range(k - 2 - LANGUAGE_PREDICATE_WORDS, k - 2))
    near |= {k - 1 for k in positions(doc, ORTH, HYPHENS)}
    for k in positions(doc, LEMMA, PEOPLE_QUALIFIED_NOUNS):
        near |= {k - 1, k - 2}
    if any(ent.label == "NORP" for ent in ents):
        near |= {k + 1 for k in positions(doc, LOWER, LANGUAGE_PREPOSITIONS)}
        for k in positions(doc, LOWER, LIST_WORDS):
            near |= {k - 2, k + 1, k + 2}
        for k in positions(doc, DEP, CONJUNCT_DEPS):
            near |= {k, doc[k].head.i}
    return near


def _of_a_people(doc: Doc, i: int) -> bool:
    """ "Zaghawa militias", "Mapudungun speakers", "the Kanuri language", "Hausa-speaking"."""
    if i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    if after.text in HYPHENS and i + 2 < len(doc) and doc[i + 2].lower_ == "speaking":
        return not doc[i].whitespace_ and not after.whitespace_
    people = after.lower_ in PEOPLE_MEMBER_NOUNS or after.lower_ in LANGUAGE_NOUNS
    return people and after.is_lower and after.pos_ == "NOUN" and doc[i].head.i == i + 1


def _a_language(doc: Doc, ents: list[Ent], taken: list[int], i: int) -> bool:
    """ "her speech in Mapudungun before switching to Spanish"."""
    if i < 2 or doc[i - 1].lower_ != "in" or doc[i - 2].lemma_ not in SPOKEN_IN_WORDS:
        return False
    for k in range(i + 1, min(i + LANGUAGE_WINDOW, len(doc) - 1)):
        if doc[k].text in SENTENCE_ENDS:
            return False
        owner = taken[k + 1]
        if doc[k].lower_ in LANGUAGE_LINKS and owner >= 0 and ents[owner].label == "NORP":
            return True
    return False


def _beside_a_group(doc: Doc, ents: list[Ent], taken: list[int], i: int) -> bool:
    """ "a Yoruba father and a Polish mother", "Hausa and Fulani herders": a name before a
    noun in lower case, that and another such noun a known group comes before joined by
    "and" or "or" (the parse may join other words), or a name the parse joins to a known
    group."""

    def group(k: int) -> bool:
        return 0 <= k < len(doc) and taken[k] >= 0 and ents[taken[k]].label == "NORP"

    def noun(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower

    token = doc[i]
    joined = [c.i for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        joined.append(token.head.i)
    if any(group(k) for k in joined):
        return True
    if not noun(i + 1):
        return False
    k = i + 2  # "a Yoruba father and a Polish mother"
    if k < len(doc) and doc[k].lower_ in LIST_WORDS:
        k += 1 + (k + 1 < len(doc) and doc[k + 1].pos_ == "DET")
        if group(k) and noun(ents[taken[k]].end):
            return True
    k = i - 1 - (i > 0 and doc[i - 1].pos_ == "DET")  # "a Polish mother and a Yoruba father"
    return k >= 2 and doc[k].lower_ in LIST_WORDS and noun(k - 1) and group(k - 2)


def _is_a_language(doc: Doc, i: int) -> bool:
    """ "Gagauz would stay an official language there": a name, a verb that says what it is
    (after a modal or not), an article, adjectives and a language's noun that ends the phrase;
    not "Python is a programming language", nor "Google is a language model maker"."""
    k = i + 1
    if k < len(doc) and doc[k].tag_ == "MD":
        k += 1
    if k + 1 >= len(doc) or doc[k].lemma_ not in LINKING_VERBS or not doc[k].tag_.startswith("VB"):
        return False
    k += 1
    if doc[k].lower_ in ARTICLES:
        k += 1
    while k < len(doc) and k - i <= LANGUAGE_PREDICATE_WORDS + 2 and doc[k].tag_ in ADJECTIVE_TAGS:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in LANGUAGE_NOUNS or doc[k].tag_ not in NOUN_TAGS:
        return False
    return k + 1 == len(doc) or doc[k + 1].tag_ not in NOUN_TAGS


def _qualifies_a_person(doc: Doc, ents: list[Ent], taken: list[int], i: int) -> bool:
    """ "the first Mapuche president", "a Hausa trading family": a word no entity holds, or a
    "place", after an article or "first" and before a noun of a person or a household, with
    at most one word in lower case between; a household only after "a" or "an" ("the Smith
    family" is a person's)."""
    if taken[i] >= 0 and ents[taken[i]].label not in AREA_LABELS:
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    if before not in ARTICLES and before != "first":
        return False
    for k in (i + 1, i + 2):
        if k >= len(doc) or not doc[k].is_lower:
            return False
        if doc[k].pos_ == "NOUN" and doc[k].lemma_ in PEOPLE_QUALIFIED_NOUNS:
            return doc[k].lemma_ not in HOUSEHOLD_NOUNS or before in INDEFINITE
    return False
