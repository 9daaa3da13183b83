"""Entity rules about places: known places the NER cut, listed or took for people, and places
named by their kind ("the Piracicaba River"). Places the words around a name make are in
``kg.nlp.entity_place_words``."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.entity_joins import speaks
from kg.nlp.entity_spans import Ent, Name, owners
from kg.nlp.lexicon.labels import (
    AREA_LABELS,
    NUMERIC_LABELS,
    PLACE_LABELS,
)
from kg.nlp.lexicon.names import PLACE_NAME_ENDS, PLACE_NAME_STARTS, POLITY_NAME_ENDS
from kg.nlp.lexicon.nouns import (
    AREA_NOUNS,
    LOCATING_NOUNS,
    OCCUPATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    ROUTE_NOUNS,
)
from kg.nlp.lexicon.words import (
    LIST_LINKS,
    LIST_WORDS,
    PLACE_CUES,
)


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
    """A known place (or body) that ends an entity after "and", with a name before it: the
    place.

    Rule: "the European Union and Turkey agreed", "the United Nations and Sudan" as one
    organization: a place the gazetteer knows (never an ambiguous name) right after "and"
    at the entity's end is a place of its own, and what comes before "and" the entity; not
    "Environment and Climate Change Canada" (no "and" before the place), nor "Trinidad and
    Tobago" (a place the gazetteer knows whole, which the caller leaves be), nor one word
    before a place of more ("Central and Eastern Europe").
    """
    last = inner[-1] if inner else None
    if last is None or last.end != ent.end or last.ambiguous:
        return None
    link = last.start - 1
    if link <= ent.start or doc[link].lower_ != "and" or not doc[ent.start].is_title:
        return None
    if last.label not in AREA_LABELS:
        # Rule: "the European Union and NATO" as one organization: a known body after "and"
        # is its own where a known name is all that comes before ("Health and Safety
        # Executive" is no "Health" and no body).
        named = any(name.start == ent.start and name.end == link for name in inner)
        return last if last.label == "ORG" and named else None
    if link - ent.start == 1 and last.end - last.start > 1:
        return None  # "Central and Eastern Europe", "North and South Korea": one place's words
    return last


def place_after_comma(doc: Doc, ent: Ent, inner: list[Name]) -> Name | None:
    """A known place that ends a person's name after a comma, with a full name before it:
    the place.

    Rule: "Antonio Lopez de Santa Anna, Mexico's president" as one person: a place the
    gazetteer knows (never an ambiguous name) right after a comma at the entity's end, with
    two words or more before the comma, is the NER's run-on; not "Smith, Jordan", a name
    written surname first.
    """
    last = inner[-1] if inner else None
    if last is None or last.end != ent.end or last.ambiguous or last.label not in AREA_LABELS:
        return None
    comma = last.start - 1
    return last if comma - ent.start >= 2 and doc[comma].text == "," else None


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
