"""Entity rules for names made of two names or more: joined by "&" ("Bill & Melinda Gates
Foundation"), by "and" and commas ("Meteorology, Climatology and Geophysical Agency"), a
place and a body ("India Meteorological Department"), a feature's word and a place over
"of" ("Gulf of Thailand"), or a body's acronym and a place ("ETH Zurich"); and a name run
on into a day's ("Istanbul for Wednesday"), cut."""

from __future__ import annotations

from spacy.attrs import IS_UPPER, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners, positions, values
from kg.nlp.lexicon.labels import NUMERIC_LABELS, PLACE_LABELS
from kg.nlp.lexicon.marks import AMPERSANDS, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    COMPETITION_NAME_WORDS,
    FEATURE_OF_PLACE_WORDS,
    NATURAL_FEATURE_WORDS,
    ORG_NAME_ENDS,
)
from kg.nlp.lexicon.time import DAY_WORDS, MONTH_NAMES
from kg.nlp.lexicon.words import PLACE_CUES


def compound_names(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """The names made of two names or more, whole, in this order: over "&", over "and" and
    commas, a feature's word and a place over "of", a body's acronym and a place."""
    ents = names_over_and(doc, ampersand_organizations(doc, ents), known=known)
    return acronyms_before_places(doc, features_of_places(doc, ents), known=known)


def cut_before_days(doc: Doc, ent: Ent) -> list[Ent]:
    """A name run on over a word in lower case into a day's name, cut before that word.

    Rule: "fly home to Istanbul for Wednesday's match" with the NER's "Istanbul for
    Wednesday", "Jane Roe on Monday": a word in lower case inside an entity, right before a
    day's name, ends the name there (not "Super Tuesday", "Ash Wednesday").
    """
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].is_lower and doc[k].is_alpha and doc[k + 1].lower_ in DAY_WORDS:
            return [ent._replace(end=k)]
    return [ent]


# The most letters of a body's acronym before a place: "ETH Zurich", "FIBA Europe".
ACRONYM_LETTERS = 5
# How many capitalized words in no entity an "&" joins on its right: "& Melinda Gates
# Foundation".
AMPERSAND_RIGHT_WORDS = 3


# AMPERSANDS as string ids of a Doc's ORTH array: most docs have none.
_AMPERSAND_IDS = frozenset(get_string_id(mark) for mark in AMPERSANDS)


def ampersand_organizations(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names joined by "&", one organization.

    Rule: "the Bill & Melinda Gates Foundation" as a person "Bill" and an organization
    "Melinda Gates Foundation", "Procter & Gamble" with the NER's "Procter" a person: an "&"
    with a space each side, between capitalized words, is inside one organization's name.
    On its left, the entity that ends there or one capitalized word; on its right, the entity
    that starts there or a few capitalized words; where one of the two sides is an entity
    (or the right ends in an organization's word), both are one organization.
    """
    marks = [i for i, orth in enumerate(values(doc, ORTH)) if orth in _AMPERSAND_IDS]
    if not marks:
        return ents
    taken = owners(doc, ents)
    joined = []
    for i in marks:
        if not (0 < i < len(doc) - 1 and doc[i - 1].whitespace_ and doc[i].whitespace_):
            continue
        left, right = taken[i - 1], taken[i + 1]
        if left >= 0 and ents[left].end == i and ents[left].label not in NUMERIC_LABELS:
            start = ents[left].start
        elif left < 0 and _name_word(doc[i - 1]):
            start = i - 1
        else:
            continue
        end = i + 1
        if right >= 0 and ents[right].start == i + 1 and ents[right].label not in NUMERIC_LABELS:
            end = ents[right].end
        else:
            while (
                end < len(doc)
                and end - i <= AMPERSAND_RIGHT_WORDS
                and taken[end] < 0
                and _name_word(doc[end])
            ):
                end += 1
        named = left >= 0 or right >= 0 or doc[end - 1].text in ORG_NAME_ENDS
        if end > i + 1 and named:
            joined.append(Ent(start, end, "ORG"))
    if not joined:
        return ents
    inside = owners(doc, joined)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + joined


def _name_word(token: Token) -> bool:
    """A capitalized word that may be part of a firm's name: "Gamble", not "The", "Monday"."""
    return (
        token.is_alpha
        and token.is_title
        and not token.is_stop
        and token.lower_ not in DAY_WORDS
        and token.text not in MONTH_NAMES
    )


# The most capitalized words in no entity that "and" or a comma joins onto a name: "Maritime
# and", "and Book Festival".
AND_JOINED_WORDS = 3


def names_over_and(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A body's or an event's name with "and", commas or a place inside it, whole.

    Rule: "the Maritime and Port Authority of Singapore said" with the NER's "Port Authority
    of Singapore", "before the Tanzania Mining and Investment Forum" as two bodies,
    "Indonesia's Meteorology, Climatology and Geophysical Agency" with the rules' "Geophysical
    Agency", "the India Meteorological Department" with "India" a place, "The Royal
    Canadian Mounted Police" with "Canadian Mounted Police": an entity holding an
    organization's word takes in what comes right before it (see ``_chain``) and is one
    organization; "at the Aké Arts and Book Festival in Lagos" with the NER's "Aké Arts":
    an entity, "and" and capitalized words in no entity ending in a competition's or
    festival's word are one event. Rule: "Environment and Climate Change Canada forecast no
    rain" with the place "Canada": names joined by "and" and commas right before a country
    the gazetteer knows, at a sentence's start or after "the", and a verb after the place,
    are a body named for the place's government ("Trade and Investment Canada said"; not
    "Britain and Canada said", nor "Von der Leyen and Le Drian discuss" with the NER's
    place "Le Drian", nor "Carnival and Royal Caribbean are", a region; the words before
    the place are in no entity: not "the European Union and Turkey agreed").
    """
    taken = owners(doc, ents)
    grown = []
    for ent in ents:
        if ent.label not in NUMERIC_LABELS and ent.label != "PERSON":
            if any(t.text in ORG_NAME_ENDS for t in doc[ent.start : ent.end]):
                k, placed, _ = _chain(doc, ent.start, ents, taken, known=known)
                the = k < placed and doc[k - 1].lower_ in {"the", *POSSESSIVE_ENDINGS}
                before = k if the else placed
                ent = Ent(before, ent.end, "ORG") if before < ent.start else ent
            elif ent.label == "GPE" and _acts(doc, ent.end) and known(doc, ent.start, ent.end):
                k, placed, anded = _chain(doc, ent.start, ents, taken, known=known)
                first = k < placed == ent.start and (
                    doc[k].is_sent_start or doc[k - 1].lower_ == "the"
                )
                plain = all(taken[j] < 0 for j in range(k, ent.start))
                ent = Ent(k, ent.end, "ORG") if anded and first and plain else ent
            after = _and_words_after(doc, ent.end, taken)
            if after is not None and doc[after - 1].lower_ in COMPETITION_NAME_WORDS:
                ent = Ent(ent.start, after, "EVENT")
        grown.append(ent)
    inside = owners(doc, [e for e, was in zip(grown, ents, strict=True) if e != was])
    return [
        e
        for e, was in zip(grown, ents, strict=True)
        if e != was or all(inside[k] < 0 for k in range(e.start, e.end))
    ]


def _acts(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is a verb: "forecast", "said"."""
    return i < len(doc) and doc[i].pos_ in {"VERB", "AUX"}


def _chain(
    doc: Doc, start: int, ents: list[Ent], taken: list[int], *, known: Known
) -> tuple[int, int, bool]:
    """Where the long name of the organization that starts at ``start`` may start; where it
    starts with a place or a body before it only; and whether "and" joins names in it.

    Right before it, a place's entity or a body's that may be joined ("India" +
    "Meteorological Department", "the Beaver Lake" + "Cree Nation") is part of it where no
    preposition of place comes before (a nationality's is joined by
    ``kg.nlp.entity_joins.join_nationality_organizations``); capitalized words in no
    entity ("Royal"), and names joined by "and" ("Tanzania Mining and") and single words
    listed with commas before "and" ("Meteorology, Climatology and"), are where "the" or a
    possessive comes before them (which the caller tells). Not a list of names: "the
    Jimmy Manopo Band, Erwin Gutawa, Elfa's Big Band and Twilite Orchestra".
    """
    k = start
    owner = taken[k - 1] if k > 0 else -1
    if owner >= 0 and ents[owner].end == k and doc[k - 1].whitespace_:
        before = ents[owner]
        body = before.label == "ORG" and _joinable(doc, before, known=known)
        first = before.start == 0 or doc[before.start - 1].lower_ not in PLACE_CUES
        if (before.label in PLACE_LABELS or body) and first:
            k = before.start
    placed = k
    while k > 0 and taken[k - 1] < 0 and _name_word(doc[k - 1]):
        k -= 1
    anded, single = False, True
    while k > 1 and (doc[k - 1].lower_ == "and" and not anded or doc[k - 1].text == "," and anded):
        if doc[k - 1].text == "," and not single:
            break  # "Elfa's Big Band and": a list of names
        anded = True
        item = _joined_name_start(doc, k - 1, ents, taken, known=known)
        if item is None:
            break
        single = item == k - 2 and taken[item] < 0
        k = item
    return k, placed, anded


def _joined_name_start(
    doc: Doc, link: int, ents: list[Ent], taken: list[int], *, known: Known
) -> int | None:
    """Where the name that ends right before ``link`` ("and" or a comma) starts, if it may be
    part of a longer one: capitalized words in no entity, or an entity ``_joinable``; None
    if not."""
    owner = taken[link - 1]
    if owner >= 0:
        ent = ents[owner]
        return ent.start if ent.end == link and _joinable(doc, ent, known=known) else None
    k = link
    while k > 0 and link - k < AND_JOINED_WORDS and taken[k - 1] < 0 and _name_word(doc[k - 1]):
        k -= 1
    return k if k < link else None


def _joinable(doc: Doc, ent: Ent, *, known: Known) -> bool:
    """Whether an entity may be part of a longer body's name: a name of a few words the
    gazetteer does not know (no person's), with no "of" inside and no organization's word
    at its end. Not "the United States and European Union", "the Ford Foundation and Gates
    Foundation", "the Bank of England and Federal Reserve Board", "the Hyatt Regency Santa
    Clara and Santa Clara Convention Center", "Haas School of Business" + "Energy Institute"."""
    words = doc[ent.start : ent.end]
    return (
        ent.label not in NUMERIC_LABELS
        and ent.label != "PERSON"
        and len(words) <= AND_JOINED_WORDS
        and words[-1].text not in ORG_NAME_ENDS
        and "of" not in {w.lower_ for w in words}
        and not known(doc, ent.start, ent.end)
    )


def _and_words_after(doc: Doc, end: int, taken: list[int]) -> int | None:
    """Where "and" and the capitalized words in no entity after ``end`` end: "and Book
    Festival"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return None
    j = end + 1
    while j < len(doc) and j - end <= AND_JOINED_WORDS and taken[j] < 0 and _name_word(doc[j]):
        j += 1
    return j if j > end + 1 else None


# The most capitalized words before a feature's word: "the Great Temple".
FEATURE_NAME_WORDS = 2


def features_of_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A natural feature's or a building's word, "of" and a place, one place.

    Rule: "a salt farmer on the Gulf of Thailand" as "Gulf" and "Thailand", "like those of the
    Great Temple of Yeha" with "Yeha" alone a place: after "the", capitalized words ending
    in a natural feature's word (a gulf, a sea, a strait) or a building's (a temple, a
    mosque), in no entity or an entity of their own, then "of" (and "the") and a place's
    entity (after a natural feature's word, any name: see ``_place_after_of``), are one
    place (cued), where no capitalized word goes on ("the Gulf of Mexico Fishery Council");
    not "the Temple of Doom" (no place after a building's word).
    """
    heads = [i for i in positions(doc, LOWER, FEATURE_OF_PLACE_WORDS) if i + 2 < len(doc)]
    heads = [i for i in heads if doc[i].is_title and doc[i + 1].lower_ == "of"]
    if not heads:
        return ents
    taken = owners(doc, ents)
    found = []
    for i in heads:
        head = taken[i]
        if head >= 0 and (ents[head].end != i + 1 or ents[head].label in NUMERIC_LABELS):
            continue
        start = ents[head].start if head >= 0 else i
        while start > 0 and i - start < FEATURE_NAME_WORDS and taken[start - 1] < 0:
            if not _name_word(doc[start - 1]):
                break
            start -= 1
        k = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        end = _place_after_of(doc, k, ents, taken, natural=doc[i].lower_ in NATURAL_FEATURE_WORDS)
        if start == 0 or doc[start - 1].lower_ != "the" or end is None:
            continue
        if not (end < len(doc) and _name_word(doc[end])):
            found.append(Ent(start, end, "LOC", cued=True))
    if not found:
        return ents
    inside = owners(doc, found)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + found


def _place_after_of(
    doc: Doc, k: int, ents: list[Ent], taken: list[int], *, natural: bool
) -> int | None:
    """Where the place named from ``k`` after a feature's word and "of" ends: a place's
    entity, or after a natural feature's word any name ("the Gulf of Tonkin" with the NER's
    person "Tonkin", "the Valley of the Kings"); None if there is none."""
    if k >= len(doc):
        return None
    if taken[k] >= 0:
        ent = ents[taken[k]]
        fits = ent.start == k and ent.label not in NUMERIC_LABELS
        return ent.end if fits and (natural or ent.label in PLACE_LABELS) else None
    end = k
    while natural and end < len(doc) and end - k < FEATURE_NAME_WORDS and taken[end] < 0:
        if not _name_word(doc[end]):
            break
        end += 1
    return end if end > k else None


def acronyms_before_places(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A body's acronym right before a place, one organization.

    Rule: "scientists from ETH Zurich and", "FIBA Europe said" with the NER's "ETH" or
    nothing, and the place or nothing: a word in capitals of two to five letters, in no
    entity or an organization of its own and unknown to the gazetteer, then one space and a
    place in mixed case (an entity, or a word the gazetteer knows in no entity), are one
    organization named for where it is (a branch or a campus); not "US Texas" (a known
    name), nor "the OECD Paris office" (a noun goes on).
    """
    taken = owners(doc, ents)
    found, gone = [], set()
    for i in [i for i, upper in enumerate(values(doc, IS_UPPER)) if upper]:
        if i + 1 >= len(doc) or not _acronym(doc[i]) or known(doc, i, i + 1):
            continue
        owner, next_owner = taken[i], taken[i + 1]
        if owner >= 0 and (ents[owner].label != "ORG" or ents[owner].end != i + 1):
            continue
        if next_owner >= 0:
            place = ents[next_owner]
            end = place.end if place.label in PLACE_LABELS and place.start == i + 1 else None
        else:
            end = i + 2 if known(doc, i + 1, i + 2) else None
        after = doc[end] if end is not None and end < len(doc) else None
        if (
            end is not None
            and doc[i].whitespace_ == " "
            and doc[i + 1].is_title
            and not (after is not None and after.pos_ in {"NOUN", "PROPN"})
            and not (after is not None and after.lower_ in POSSESSIVE_ENDINGS)
        ):
            found.append(Ent(i, end, "ORG"))
            gone |= {owner, next_owner}
    if not found:
        return ents
    return [e for k, e in enumerate(ents) if k not in gone] + found


def _acronym(token: Token) -> bool:
    return token.is_alpha and token.is_upper and 2 <= len(token) <= ACRONYM_LETTERS
