"""Names the NER stopped right before an event's word, and events a name's words, a
possessive or the time words before it make: "the Madrid Open", "the Munich Security
Conference" after "during", "Hurricane Katrina"."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, owners, positions
from kg.nlp.lexicon.labels import MADE_THING_LABELS, NUMERIC_LABELS
from kg.nlp.lexicon.marks import POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    COMPETITION_NAME_WORDS,
    MEETING_NAME_WORDS,
    ORG_NAME_ENDS,
    PEOPLE_NAME_PLURALS,
)
from kg.nlp.lexicon.nouns import DISASTER_NOUNS, EPIDEMIC_NOUNS
from kg.nlp.lexicon.time import MEETING_TIME_PREPS, TIME_NOUNS
from kg.nlp.lexicon.verbs import NAMING_PARTICIPLES


def events_by_last_word(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the NER stopped right before an event's word, events.

    Rule: "his first Monte Carlo Masters final" with "Monte Carlo" a person, "the São Paulo
    Grand" + "Prix", "the Madrid Open" with "Madrid" a place, "the Australian Open" with the
    group "Australian": a name followed, after a space, by a capitalized competition's or
    festival's word in no entity takes it in and is the event (not "the Iraq War": the war's
    name names the place too). It goes on over "of" and the capitalized words after it:
    "the Africa Cup of Nations".
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        k = ent.end
        follows = (
            ent.label not in NUMERIC_LABELS
            and k < len(doc)
            and taken[k] < 0
            and doc[k - 1].whitespace_ != ""
            and doc[k].is_title
            and doc[k].lower_ in COMPETITION_NAME_WORDS
        )
        out.append(Ent(ent.start, _of_names(doc, k + 1, taken), "EVENT") if follows else ent)
    return disasters(doc, meetings_in_time(doc, names_over_possessive(doc, out)))


def meetings_in_time(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name ending in a meeting's word, put in time by the words before it, the meeting.

    Rule: "The strike comes a week before the Tanzania Mining and Investment Forum",
    "talks during the Munich Security Conference": "the" and a name ending in a forum's, a
    conference's or a summit's word, after "during", "after", "since", "until" or, after a
    time noun, "before", is the event (cued); not "the Gulf Research Forum said", nor
    "testified before the Kivu Peace Conference" (a body one appears before).
    """
    out = []
    for ent in ents:
        k = ent.start
        timed = k >= 2 and doc[k - 1].lower_ == "the" and _in_time(doc, k - 2)
        if timed and ent.label != "PERSON" and doc[ent.end - 1].lower_ in MEETING_NAME_WORDS:
            ent = Ent(ent.start, ent.end, "EVENT", cued=True)
        out.append(ent)
    return out


def _in_time(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` is a preposition that puts what follows in time."""
    word = doc[i].lower_
    if word == "before":
        return i > 0 and (doc[i - 1].lower_ in TIME_NOUNS or doc[i - 1].lemma_ in TIME_NOUNS)
    return word in MEETING_TIME_PREPS


# The most capitalized words after "'s" in a competition's name: "Club World Championship".
POSSESSED_NAME_WORDS = 5


def names_over_possessive(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A name the NER stopped at a plural noun of people before "'s", whole.

    Rule: "the final of the FIVB Women's Club World Championship" with the NER's "FIVB
    Women" or "FIVB": an entity ending in a plural noun of people ("Women", "Men",
    "People") or right before one, "'s" and capitalized words ending in a competition's
    word are the event; ending in an organization's word, the organization. Not "the
    Sorvia Women's coach" (a common noun ends it).
    """
    taken = owners(doc, ents)
    grown = {}
    for k, ent in enumerate(ents):
        end = ent.end
        if end + 1 < len(doc) and taken[end] < 0 and doc[end].text in PEOPLE_NAME_PLURALS:
            end += 1  # "AVC" + "Women's"
        if end + 1 >= len(doc) or doc[end - 1].text not in PEOPLE_NAME_PLURALS:
            continue
        if doc[end].lower_ not in POSSESSIVE_ENDINGS or ent.label in NUMERIC_LABELS:
            continue
        j = end + 1
        while j < len(doc) and j - end <= POSSESSED_NAME_WORDS and doc[j].is_title:
            j += 1
        last = doc[j - 1]
        if last.lower_ in COMPETITION_NAME_WORDS:
            grown[k] = Ent(ent.start, j, "EVENT")
        elif last.text in ORG_NAME_ENDS:
            grown[k] = Ent(ent.start, j, "ORG")
    if not grown:
        return ents
    inside = owners(doc, list(grown.values()))
    kept = [
        e
        for k, e in enumerate(ents)
        if k not in grown and all(inside[i] < 0 for i in range(e.start, e.end))
    ]
    return kept + list(grown.values())


# The digits of a year that starts an event's name: "the 2004 Indian Ocean tsunami".
YEAR_DIGITS = 4
# The most capitalized words in no entity before a disaster's noun: "the Great Chicago Fire".

DISASTER_NAME_WORDS = 3


def disasters(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A place's name and a disaster's or a war's noun after it, one event where the text
    uses them as a name.

    Rule: "after the Tigray War ended", "killed in the 2004 Indian Ocean tsunami", "the
    blaze, known as the Owl River fire,": an entity (a "person" too: the NER's guess at a
    river in "the 1998 Meghna floods") or capitalized words in no entity, then a
    disaster's or a war's noun (a "war", a "fire", a "tsunami") that no noun follows, is the
    event where "the" comes before the name and the noun is capitalized, or a year comes
    between "the" and the name, or a naming participle ("known as", "called", "dubbed")
    and "the" come before it, or, for an epidemic's noun, "the" alone ("since before the
    COVID-19 pandemic"); a capitalized noun goes on over "of" and capitalized words
    ("the Dutch War of Independence"). Not "the Alberta fire department" (a noun goes on),
    nor "a fire in Alberta", nor "the Iraq war" (nothing makes it a name), nor "the Kindle
    Fire" (a made thing's or a body's name before the capitalized noun).
    """
    nouns = [i for i in positions(doc, LOWER, DISASTER_NOUNS) if i > 1]
    if not nouns:
        return ents
    taken = owners(doc, ents)
    found = []
    for i in nouns:
        after = doc[i + 1] if i + 1 < len(doc) else None
        if doc[i].dep_ == "compound" or (after is not None and after.pos_ == "NOUN"):
            continue
        owner = taken[i] if taken[i] >= 0 else taken[i - 1]  # the NER's "Tigray War" too
        label = ents[owner].label if owner >= 0 else ""
        if owner >= 0 and ents[owner].end in {i, i + 1} and ents[owner].start < i:
            start = ents[owner].start
            if label in NUMERIC_LABELS:
                continue
        elif taken[i] >= 0:
            continue
        else:
            start = i
            while start > 0 and i - start < DISASTER_NAME_WORDS and _name_word(doc, start - 1):
                start -= 1
            if start == i or any(taken[k] >= 0 for k in range(start, i)):
                continue
        # "the Kindle Fire": a capitalized noun names an event after a place's name only
        capitalized = doc[i].is_title and label not in MADE_THING_LABELS
        after_the = capitalized or doc[i].lower_ in EPIDEMIC_NOUNS
        named = _named_event_start(doc, start, after_the=after_the)
        if named is not None:
            end = _of_names(doc, i + 1, taken) if doc[i].is_title else i + 1
            found.append(Ent(named, end, "EVENT", cued=True))
    if not found:
        return ents
    inside = owners(doc, found)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + found


def _name_word(doc: Doc, k: int) -> bool:
    """A capitalized word of a name, or a code in capitals with a digit ("COVID-19")."""
    token = doc[k]
    code = token.is_upper and any(c.isdigit() for c in token.text) and not token.like_num
    word = token.is_alpha and token.is_title and not token.is_stop
    return (word or code) and bool(token.whitespace_)


def _named_event_start(doc: Doc, start: int, *, after_the: bool) -> int | None:
    """Where the event whose name starts at ``start`` starts, with the year before it, if
    the words before it make it a name ("the" alone, with ``after_the``); None if they do
    not."""
    k = start - 1
    year = doc[k].is_digit and len(doc[k]) == YEAR_DIGITS
    if year:
        k -= 1
    if k < 0 or doc[k].lower_ != "the":
        return None
    named = k >= 1 and doc[k - 1].lower_ in NAMING_PARTICIPLES
    known_as = k >= 2 and doc[k - 1].lower_ == "as" and doc[k - 2].lower_ == "known"
    return start - 1 if year else start if after_the or named or known_as else None


def _of_names(doc: Doc, end: int, taken: list[int]) -> int:
    """Where a competition's name ending at ``end`` ends with "of" and the capitalized words
    in no entity after it: "Cup" + "of Nations"."""
    k = end + 1
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    while k < len(doc) and taken[k] < 0 and doc[k].is_title and doc[k].is_alpha:
        k += 1
    return k if k > end + 1 else end
