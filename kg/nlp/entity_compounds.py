"""Entity rules for names made of two names or more: joined by "&" ("Bill & Melinda Gates
Foundation"), by "and" and commas ("Meteorology, Climatology and Geophysical Agency"), a
place and a body ("India Meteorological Department"), or a body's acronym and a place ("ETH
Zurich")."""

from __future__ import annotations

from spacy.attrs import IS_UPPER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners
from kg.nlp.lexicon.labels import NUMERIC_LABELS, PLACE_LABELS
from kg.nlp.lexicon.marks import AMPERSANDS, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import COMPETITION_NAME_WORDS, ORG_NAME_ENDS
from kg.nlp.lexicon.time import DAY_WORDS, MONTH_NAMES
from kg.nlp.lexicon.words import PLACE_CUES

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
    marks = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in _AMPERSAND_IDS]
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
    organization's word takes in what comes right before it (see ``_chain_start``) and is
    one organization; "at the Aké Arts and Book Festival in Lagos" with the NER's "Aké
    Arts": an entity, "and" and capitalized words in no entity ending in a competition's or
    festival's word are one event.
    """
    taken = owners(doc, ents)
    grown = []
    for ent in ents:
        if ent.label not in NUMERIC_LABELS and ent.label != "PERSON":
            if any(t.text in ORG_NAME_ENDS for t in doc[ent.start : ent.end]):
                before = _chain_start(doc, ent.start, ents, taken, known=known)
                ent = Ent(before, ent.end, "ORG") if before < ent.start else ent
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


def _chain_start(doc: Doc, start: int, ents: list[Ent], taken: list[int], *, known: Known) -> int:
    """Where the long name of the organization that starts at ``start`` starts.

    Right before it, a place's entity ("India" + "Meteorological Department") is part of
    it where no preposition of place comes before (a nationality's is joined by
    ``kg.nlp.entity_joins.join_nationality_organizations``); capitalized words in no
    entity ("Royal"), and names joined by "and" and commas before "and" ("Meteorology, "
    "Climatology and"), are where "the" or a possessive comes before them. A joined name is
    capitalized words in no entity or a name the gazetteer does not know (no person's),
    with no "of" inside and no organization's word at its end: not "the United States and
    European Union", "the Ford Foundation and Gates Foundation", "the Bank of England and
    Federal Reserve Board".
    """
    k = start
    owner = taken[k - 1] if k > 0 else -1
    if owner >= 0 and ents[owner].end == k and ents[owner].label in PLACE_LABELS:
        place = ents[owner].start
        if doc[k - 1].whitespace_ and (place == 0 or doc[place - 1].lower_ not in PLACE_CUES):
            k = place
    placed = k
    while k > 0 and taken[k - 1] < 0 and _name_word(doc[k - 1]):
        k -= 1
    anded = False
    while k > 1 and (doc[k - 1].lower_ == "and" and not anded or doc[k - 1].text == "," and anded):
        anded = True
        item = _joined_name_start(doc, k - 1, ents, taken, known=known)
        if item is None:
            break
        k = item
    if k < placed and k > 0 and doc[k - 1].lower_ in {"the", *POSSESSIVE_ENDINGS}:
        return k
    return placed


def _joined_name_start(
    doc: Doc, link: int, ents: list[Ent], taken: list[int], *, known: Known
) -> int | None:
    """Where the name that ends right before ``link`` ("and" or a comma) starts, if it may be
    part of a longer one (see ``_chain_start``); None if not."""
    owner = taken[link - 1]
    if owner >= 0:
        ent = ents[owner]
        words = doc[ent.start : ent.end]
        named = ent.label not in NUMERIC_LABELS and ent.label != "PERSON"
        plain = named and ent.end == link and not known(doc, ent.start, ent.end)
        if plain and words[-1].text not in ORG_NAME_ENDS and "of" not in {w.lower_ for w in words}:
            return ent.start
        return None
    k = link
    while k > 0 and link - k < AND_JOINED_WORDS and taken[k - 1] < 0 and _name_word(doc[k - 1]):
        k -= 1
    return k if k < link else None


def _and_words_after(doc: Doc, end: int, taken: list[int]) -> int | None:
    """Where "and" and the capitalized words in no entity after ``end`` end: "and Book
    Festival"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return None
    j = end + 1
    while j < len(doc) and j - end <= AND_JOINED_WORDS and taken[j] < 0 and _name_word(doc[j]):
        j += 1
    return j if j > end + 1 else None


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
    for i in [i for i, upper in enumerate(doc.to_array(IS_UPPER).tolist()) if upper]:
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
