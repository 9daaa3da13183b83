"""Places the words around a name make: where a person lives ("Daniel Okoro, of Camberwell,"),
a place named beside its area's noun ("the province of Al Haouz", "Kisumu, a port city")
or after a locating preposition."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from kg.nlp.entity_joins import speaks
from kg.nlp.entity_spans import Ent, owners, positions
from kg.nlp.lexicon.labels import (
    NOUN_TAGS,
    PLACE_OR_BODY_LABELS,
)
from kg.nlp.lexicon.marks import APPOSITION_CLOSERS, HYPHENS
from kg.nlp.lexicon.nouns import (
    AREA_NOUNS,
    CAPITAL_NOUNS,
    FEATURE_NOUNS,
    INSTITUTION_NOUNS,
    NAMED_PLACE_NOUNS,
    RESIDENT_NOUNS,
)
from kg.nlp.lexicon.words import (
    ARTICLES,
    AT_PREPS,
    LIST_LINKS,
    NEAR_PREPS,
    RESIDENCE_PREPS,
)

# The most words of a place's name the words around it give: "Dar es Salaam" is three.
PLACE_NAME_WORDS = 3
# The most words between an apposition's article and its area's noun: "a Turkic-speaking
# autonomous region".
APPOSITION_WORDS = 5


def residences(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Where a person named before it lives, a place.

    Rule: "Daniel Okoro, of Camberwell, was convicted", "Mark Ellison, 34, of Sandyford." with
    the place's name a person: a "person" after a person's name (and an age), a comma and
    "of", closed by punctuation, is the place the person is from. An organization there stays
    ("Jane Roe, of Reuters, said").
    """
    taken = owners(doc, ents)

    def person_ends_at(i: int) -> bool:
        return (
            i >= 0
            and taken[i] >= 0
            and ents[taken[i]].label == "PERSON"
            and (ents[taken[i]].end == i + 1)
        )

    out = []
    for ent in ents:
        k = ent.start - 2  # the comma before "of"
        after = doc[ent.end].text if ent.end < len(doc) else "."
        if (
            ent.label == "PERSON"
            and k >= 1
            and doc[k + 1].lower_ == "of"
            and doc[k].text == ","
            and after in APPOSITION_CLOSERS
            and (
                person_ends_at(k - 1)
                or (
                    k >= 3
                    and doc[k - 1].like_num
                    and doc[k - 2].text == ","
                    and person_ends_at(k - 3)
                )
            )
        ):
            ent = ent._replace(label="LOC")
        out.append(ent)
    return out


def places_by_words(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the words around them call a place, added or made places.

    Rule: "down the Surma and Kushiyara rivers", "the Nyakabale and Mgusu mines", "the Surma
    river", with the names no entity or people: proper nouns between "the" and a place's
    noun in lower case, each member of a list before a noun in the plural, or one before a
    natural feature's (not "the Canaanite city"), are places (an organization there only
    before a natural feature's noun: "the Barrick mines" stay the firm's). Rule: "In
    Gagauzia, a Turkic-speaking autonomous region in the south" as an organization: a name,
    a comma and an apposition whose last noun is an area's (no noun after it: not "Reuters,
    a district court") is a place. Rule: "in the regional capital, Comrat, on Thursday" and
    "the city of Aksum", with nothing found: a name between commas after a capital, or after
    "the", an area's noun and "of", is a place, where no speech verb follows it. The words
    gave the label, so it holds for the whole article (``Ent.cued``).
    """
    found: dict[tuple[int, int], frozenset[str]] = {}
    for k in positions(doc, LEMMA, NAMED_PLACE_NOUNS | CAPITAL_NOUNS):
        noun = doc[k]
        if not noun.is_lower or noun.tag_ not in NOUN_TAGS:
            continue
        retyped = frozenset({"PERSON", "ORG"} if noun.lemma_ in FEATURE_NOUNS else {"PERSON"})
        for span in _listed_before(doc, k):
            found[span] = retyped
        apposed = _apposed_to(doc, k)
        if apposed is not None:
            found[apposed] = frozenset({"PERSON", "ORG"})
        named = _named_after(doc, k)
        if named is not None:
            found[named] = frozenset()
    if not found:
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for (start, end), retyped in found.items():
        inside = {taken[i] for i in range(start, end)}
        if inside == {-1}:
            out.append(Ent(start, end, "LOC", cued=True))
        elif len(inside) == 1 and (k := inside.pop()) >= 0:
            ent = out[k]
            if (ent.start, ent.end) == (start, end) and ent.label in retyped:
                out[k] = ent._replace(label="LOC", cued=True)
    return out


def _proper_before(doc: Doc, end: int) -> int | None:
    """The start of the proper noun of up to three words that ends at ``end``, if any."""
    start = end
    while start > 0 and end - start < PLACE_NAME_WORDS and _proper(doc[start - 1]):
        start -= 1
    return start if start < end else None


def _proper_after(doc: Doc, start: int) -> int | None:
    """The end of the proper noun of up to three words that starts at ``start``, if any."""
    end = start
    while end < len(doc) and end - start < PLACE_NAME_WORDS and _proper(doc[end]):
        end += 1
    return end if end > start else None


def _proper(token: Token) -> bool:
    """A capitalized word the tagger calls a noun (not "Kurdish"), no function word."""
    return token.is_alpha and token.is_title and not token.is_stop and token.tag_ in NOUN_TAGS


def _listed_before(doc: Doc, k: int) -> list[tuple[int, int]]:
    """ "the Surma and Kushiyara rivers", "the Surma river": the names between "the" and the
    place's noun at ``k``, two or more before a plural, one before a natural feature's."""
    spans = []
    end = k
    while (start := _proper_before(doc, end)) is not None:
        spans.append((start, end))
        link = start
        while link > 0 and doc[link - 1].lower_ in LIST_LINKS:
            link -= 1
        if link == start:
            break  # no link before the name: the list is over
        end = link
    if not spans or spans[-1][0] != start:
        return []  # a link with no name before it
    if start == 0 or doc[start - 1].lower_ != "the":
        return []
    if doc[k].tag_ != "NNS":  # "the Surma river"; not "the Canaanite city"
        return spans if len(spans) == 1 and doc[k].lemma_ in FEATURE_NOUNS else []
    return spans if len(spans) >= 2 else []


def _apposed_to(doc: Doc, k: int) -> tuple[int, int] | None:
    """ "Gagauzia, a Turkic-speaking autonomous region in the south": the name before a
    comma and an apposition that ends in the area's noun at ``k``."""
    if k + 1 < len(doc) and not (doc[k + 1].is_punct or doc[k + 1].pos_ == "ADP"):
        return None  # "a district judge", "the region's governor"
    j = k - 1
    while j > 0 and k - j <= APPOSITION_WORDS and doc[j].lower_ not in ARTICLES:
        word = doc[j]
        if not (word.is_lower or word.text in HYPHENS or word.pos_ in {"ADJ", "PROPN"}):
            return None
        j -= 1
    if j < 2 or doc[j].lower_ not in ARTICLES or doc[j - 1].text != ",":
        return None
    start = _proper_before(doc, j - 1)
    return None if start is None else (start, j - 1)


def _named_after(doc: Doc, k: int) -> tuple[int, int] | None:
    """ "the regional capital, Comrat, on Thursday", "the city of Aksum": the name after the
    place's noun at ``k``, a comma or "of"."""
    if k + 2 >= len(doc) or k < 1:
        return None
    noun, link = doc[k], doc[k + 1].text
    the = doc[k - 1].lower_ == "the" or (
        k >= 2 and doc[k - 1].is_lower and doc[k - 2].lower_ == "the"
    )
    capital = noun.lemma_ in CAPITAL_NOUNS and link == ","
    area = noun.lemma_ in AREA_NOUNS and noun.tag_ == "NN" and link == "of"
    if not (the and (capital or area)):
        return None
    end = _proper_after(doc, k + 2)
    if end is None or speaks(doc, end - 1):
        return None
    closed = end == len(doc) or doc[end].text in APPOSITION_CLOSERS
    if capital and not closed:
        return None
    if end < len(doc) and doc[end].is_title and not doc[end].is_stop:
        return None  # a longer name: "the city of Rotterdam Marathon"
    return k + 2, end


def places_by_preposition(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names a preposition of place calls a place, whatever the NER said.

    Rule: "capsized on the Kushiyara near Fenchuganj" with nothing found: a name of up to
    three capitalized words after "near" is a place (a person to the NER too); not before a
    possessive ("near Tesla's plant") nor a speech verb. Rule: "For farmers in Java and
    fishermen in Maluku", "told reporters in Athabasca" as an organization: so is one after
    "in" right after a plural noun of the people who live or work somewhere (not "investors
    in Tesla"; an organization the NER found of one word only, and not an institution's
    noun: "officials in Congress"). Rule: "the Surma at Kanaighat" with the name a person: a
    one-word "person" after "at" right after the name of a place or a body is the place
    ("Barclays at Canary Wharf"); not "angry at Jones". The words gave the label, so it holds
    for the whole article (``Ent.cued``).
    """
    preps = positions(doc, LOWER, NEAR_PREPS | AT_PREPS | RESIDENCE_PREPS)
    if not preps:
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for k in preps:
        i = k + 1
        end = _proper_after(doc, i) if i < len(doc) else None
        if k == 0 or end is None or speaks(doc, end - 1) or doc[i].is_sent_start:
            continue
        if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].is_title):
            continue
        prep, before = doc[k].lower_, doc[k - 1]
        if prep in AT_PREPS:
            body = taken[k - 1] >= 0 and out[taken[k - 1]].label in PLACE_OR_BODY_LABELS
            if not (body and end == i + 1):
                continue
        elif prep in RESIDENCE_PREPS and not (
            before.tag_ == "NNS" and before.lemma_.lower() in RESIDENT_NOUNS
        ):
            continue
        if all(taken[j] < 0 for j in range(i, end)) and prep not in AT_PREPS:
            out.append(Ent(i, end, "LOC", cued=True))
        elif taken[i] >= 0 and out[taken[i]] == Ent(i, end, "PERSON"):
            out[taken[i]] = Ent(i, end, "LOC", cued=True)
        elif prep in RESIDENCE_PREPS and taken[i] >= 0 and out[taken[i]] == Ent(i, end, "ORG"):
            word = doc[i]  # "reporters in Athabasca"; not "officials in Congress"
            if end == i + 1 and word.is_title and word.lower_ not in INSTITUTION_NOUNS:
                out[taken[i]] = Ent(i, end, "LOC", cued=True)
    return out
