"""Entity rules about places: known places the NER cut, listed or took for people, and places
named as such ("the province of Al Haouz", "the Piracicaba River") or as where a person
lives ("Daniel Okoro, of Camberwell,")."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from kg.nlp.entity_joins import speaks
from kg.nlp.entity_spans import Ent, Name, owners, positions
from kg.nlp.lexicon.labels import (
    AREA_LABELS,
    NOUN_TAGS,
    NUMERIC_LABELS,
    PLACE_LABELS,
    PLACE_OR_BODY_LABELS,
)
from kg.nlp.lexicon.marks import APPOSITION_CLOSERS, HYPHENS
from kg.nlp.lexicon.names import PLACE_NAME_ENDS, PLACE_NAME_STARTS, POLITY_NAME_ENDS
from kg.nlp.lexicon.nouns import (
    AREA_NOUNS,
    CAPITAL_NOUNS,
    FEATURE_NOUNS,
    INSTITUTION_NOUNS,
    LOCATING_NOUNS,
    NAMED_PLACE_NOUNS,
    OCCUPATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    RESIDENT_NOUNS,
    ROUTE_NOUNS,
)
from kg.nlp.lexicon.words import (
    ARTICLES,
    AT_PREPS,
    LIST_LINKS,
    LIST_WORDS,
    NEAR_PREPS,
    PLACE_CUES,
    RESIDENCE_PREPS,
)

# The most words of a place's name the words around it give: "Dar es Salaam" is three.
PLACE_NAME_WORDS = 3
# The most words between an apposition's article and its area's noun: "a Turkic-speaking
# autonomous region".
APPOSITION_WORDS = 5


def placed(doc: Doc, i: int) -> bool:
    """Whether a preposition of place or "the" comes right before token ``i`` ("to Vienna").

    Rule: a name the gazetteer knows as a place, after "in", "to", "from" or "near", is the
    place even where the NER took it for a person; "Ms. Lincoln" or "Lincoln said" is not
    placed. So is one after "the", which no person's name takes ("the Sahel").
    """
    return i > 0 and (doc[i - 1].lower_ in PLACE_CUES or doc[i - 1].lower_ == "the")


def grown_to_names(doc: Doc, ents: list[Ent], names: list[Name]) -> list[Ent]:
    """Entities the NER cut inside a known place's name, the place.

    Rule: "from Kourou in French Guiana" with "Guiana" a person: a place the gazetteer
    knows (never an ambiguous name), holding entities that end inside it and nothing that
    runs out of it, is the place, where a preposition of place comes before it or none of
    them is a person.
    """
    taken = owners(doc, ents)
    drop: set[int] = set()
    grown = []
    for name in names:
        if name.ambiguous or name.label not in AREA_LABELS:
            continue
        inside = {k for k in taken[name.start : name.end] if k >= 0}
        if not inside or any(ents[k].start < name.start or ents[k].end > name.end for k in inside):
            continue
        if all(ents[k].end - ents[k].start < name.end - name.start for k in inside) and (
            placed(doc, name.start) or all(ents[k].label != "PERSON" for k in inside)
        ):
            drop |= inside
            grown.append(Ent(name.start, name.end, name.label))
    return [e for k, e in enumerate(ents) if k not in drop] + grown


def listed_names(doc: Doc, ent: Ent, inner: list[Name]) -> bool:
    """Whether an entity is known places listed and nothing else.

    Rule: "to Accra and Ouagadougou" as one organization: known places (never ambiguous
    names), joined by "and", "or" or commas, that fill the entity are each a place.
    """
    if len(inner) < 2 or any(n.ambiguous or n.label not in AREA_LABELS for n in inner):
        return False
    k = ent.start
    for name in inner:
        while k < name.start and doc[k].lower_ in LIST_LINKS:
            k += 1
        if k != name.start:
            return False
        k = name.end
    return k == ent.end


def place_after_and(doc: Doc, ent: Ent, inner: list[Name]) -> Name | None:
    """A known place that ends an entity after "and", with a name before it: the place.

    Rule: "the European Union and Turkey agreed", "the United Nations and Sudan" as one
    organization: a place the gazetteer knows (never an ambiguous name) right after "and"
    at the entity's end is a place of its own, and what comes before "and" the entity; not
    "Environment and Climate Change Canada" (no "and" before the place), nor "Trinidad and
    Tobago" (a place the gazetteer knows whole, which the caller leaves be), nor one word
    before a place of more ("Central and Eastern Europe").
    """
    last = inner[-1] if inner else None
    if last is None or last.end != ent.end or last.ambiguous or last.label not in AREA_LABELS:
        return None
    link = last.start - 1
    if link <= ent.start or doc[link].lower_ != "and" or not doc[ent.start].is_title:
        return None
    if link - ent.start == 1 and last.end - last.start > 1:
        return None  # "Central and Eastern Europe", "North and South Korea": one place's words
    return last


def listed_places(doc: Doc, ents: list[Ent], names: list[Name]) -> list[Ent]:
    """Known places the NER took for people, listed with a place, made places.

    Rule: "visits to Dakar and Nouakchott", "Mali and Burkina Faso": a "person" the
    gazetteer names exactly as a place (never an ambiguous one), joined by "and", "or" or
    a comma to an entity that is a place, is the place; so is one a speech verb follows
    where a preposition of place opens the list ("in Medellín and Cali warned"), and one
    listed after a place so found ("in Hanover, Braunschweig and Göttingen"). A one-word
    "person" the gazetteer does not know is a place after "and" or "or" and a place such a
    preposition opens ("makes chips in Icheon and Cheongju"), where no speech verb follows.
    """
    known = {(n.start, n.end): n for n in names if n.label in AREA_LABELS and not n.ambiguous}
    ends = {ent.end: ent for ent in ents if ent.label in AREA_LABELS}
    starts = {ent.start for ent in ents if ent.label in AREA_LABELS}
    out = []
    for ent in ents:
        name = known.get((ent.start, ent.end)) if ent.label == "PERSON" else None
        # "in Medellín and Cali warned": after a list a preposition of place opens, a speech
        # verb is no person's
        first = ends.get(ent.start - 1)
        listed_in = first is not None and placed(doc, first.start)
        if name is not None and (listed_in or not speaks(doc, ent.start)):
            before = ent.start >= 2 and doc[ent.start - 1].lower_ in LIST_LINKS
            after = ent.end + 1 < len(doc) and doc[ent.end].lower_ in LIST_LINKS
            if (before and ent.start - 1 in ends) or (after and ent.end + 1 in starts):
                ent = ent._replace(label=name.label)
                ends[ent.end] = ent  # "in Hanover, Braunschweig and Göttingen": the next one
                starts.add(ent.start)
        elif (
            ent.label == "PERSON"
            and listed_in
            and ent.end - ent.start == 1
            and doc[ent.start - 1].lower_ in LIST_WORDS  # not a comma: "the New Testament, Paul"
            and not speaks(doc, ent.start)
        ):
            ent = ent._replace(label="LOC")
        out.append(ent)
    return out


def places_in_places(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the NER took for people, placed and located in a place, places.

    Rule: "launched from Kourou in French Guiana", "talks in Mopti, Mali": a "person" after
    a preposition of place ("from", "in", "to") and before "in" or a comma and a place is a
    place itself.
    """
    areas = {ent.start for ent in ents if ent.label in AREA_LABELS}
    out = []
    for ent in ents:
        if ent.label == "PERSON" and ent.start > 0 and ent.end + 1 < len(doc):
            placed = doc[ent.start - 1].lower_ in PLACE_CUES
            located = doc[ent.end].lower_ in {"in", ","} and ent.end + 1 in areas
            if placed and located and not speaks(doc, ent.start):
                ent = ent._replace(label="GPE")
        out.append(ent)
    return out


def places_by_kind(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the words around them call a place, places.

    Rule: "in the province of Al Haouz" with the name a person, "over the Piracicaba River"
    as an organization: a name after "the", an area's noun in lower case and "of" is a
    place, and so is a name of two words or more that ends in a natural feature's word,
    where it is no person's (a person's only after "the": not "Ricki Lake"); so is one that
    ends in a realm's word ("the Aksumite Empire" as a person). Rule: "drifting
    towards Pulau Tekong", "much of Jebel Marra" as people: so is a "person" that starts with
    a natural feature's word, where no speech verb follows it ("Mount Sinai Hospital", an
    organization, and "the Monte Carlo Masters", an event, stay). The words gave the label,
    so it holds for the whole article (``Ent.cued``).
    """
    out = []
    for ent in ents:
        if ent.label not in PLACE_LABELS | NUMERIC_LABELS and _named_place(doc, ent):
            ent = ent._replace(label="LOC", cued=True)
        out.append(ent)
    return out


def _named_place(doc: Doc, ent: Ent) -> bool:
    k = ent.start
    of_area = (
        k >= 3
        and doc[k - 1].lower_ == "of"
        and doc[k - 2].lower_ in AREA_NOUNS
        and doc[k - 2].is_lower
        and doc[k - 3].lower_ == "the"
    )
    last = doc[ent.end - 1].text
    feature = ent.end - k >= 2 and (last in PLACE_NAME_ENDS or last in POLITY_NAME_ENDS)
    after_the = k > 0 and doc[k - 1].lower_ == "the"
    headed = ent.label == "PERSON" and ent.end - k >= 2 and doc[k].text in PLACE_NAME_STARTS
    return (
        of_area
        or (feature and (ent.label != "PERSON" or after_the))
        or (headed and not speaks(doc, ent.end - 1))
    )


def places_by_noun(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names a place's noun and a preposition of place lead to, places.

    Rule: "the camps around Adré", "the area around Monguno" as people, "the road to
    Taroudant" as an organization, "a shepherd from Ighil" as a person: a one-word name
    after a preposition of place that follows a noun of a place or a route in lower case is
    the place, and a "person" after "from" that follows a noun only a person is (or an
    occupation) is where that person is from; not where a speech verb follows it.
    """
    out = []
    for ent in ents:
        k = ent.start
        one_word = ent.end - k == 1 and doc[k].is_title
        if one_word and k >= 2 and ent.label in {"PERSON", "ORG"} and not speaks(doc, k):
            prep, noun = doc[k - 1].lower_, doc[k - 2]
            place_noun = noun.is_lower and (
                noun.lemma_ in PLACE_NOUNS
                or noun.lemma_ in LOCATING_NOUNS
                or noun.lemma_ in ROUTE_NOUNS
            )
            person_noun = ent.label == "PERSON" and noun.is_lower and prep == "from"
            person_noun &= noun.lemma_ in PERSON_NOUNS or noun.lemma_ in OCCUPATION_NOUNS
            possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS"
            if prep in PLACE_CUES and (place_noun or person_noun) and not possessive:
                ent = ent._replace(label="LOC")
        out.append(ent)
    return out


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
