"""Entity rules for names with particles: "Pieter van den Berg", "Caoimhe Ní Fhlaithearta",
"Rhodri ap Gwynfor-Jones"."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_names import name_word, tight_hyphen
from kg.nlp.entity_spans import Ent, Known, owners, positions, values
from kg.nlp.lexicon.labels import NUMERIC_LABELS
from kg.nlp.lexicon.names import (
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    PATRONYMIC_PARTICLES,
    PATRONYMIC_SURNAME_STARTS,
)
from kg.nlp.lexicon.nouns import OCCUPATION_NOUNS, TEAM_ROLE_NOUNS
from kg.nlp.lexicon.titles import PERSON_TITLES, TITLE_HEADS
from kg.nlp.lexicon.words import ARTICLES

# The most words of a name around its patronymic particle: given names before it ("Seán
# Óg"), surname words after it ("Giolla Phádraig").
GIVEN_NAMES_BEFORE_PARTICLE = 3
SURNAME_WORDS_AFTER_PARTICLE = 2
# The most tokens of a name with particles after a person's noun: "Hendrikje van den
# Broek - Asante".
PARTICLE_NAME_TOKENS = 8
# A person's title or occupation nouns, as string ids of a Doc's LOWER array.
_PERSON_NOUN_IDS = frozenset(get_string_id(word) for word in TITLE_HEADS | OCCUPATION_NOUNS)


def names_after_particles(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """People's names whole over the particles the NER stopped at.

    Rule: "Pieter van den Berg" as a person "Pieter van", "Josep-Lluís Serrat i Vidal" as
    "Josep-Lluís Serrat" (or "Josep-Lluís") and "Vidal": a person that ends in a name's
    particle ("van", "de", "bin"), or is followed by one (after up to two capitalized words
    no entity holds), goes on over the particles to the capitalized word after, taking in a
    person there. A name of any kind the NER stopped at a particle ("Pieter-Jan van" as an
    organization) is a person's: no body's or place's name ends in one.
    """
    taken = owners(doc, ents)
    out: list[Ent] = []
    joined: set[int] = set()
    for ent in ents:
        end = ent.end
        if ent.label == "PERSON" or _cut_at_particle(doc, ent):
            while end < len(doc) and end - ent.end < 2 and taken[end] < 0 and doc[end].is_title:
                end += 1
            if end == len(doc) or doc[end].text not in NAME_PARTICLES:
                end = ent.end  # no particle after the words: they are not the name's
            while end < len(doc) and doc[end].text in NAME_PARTICLES:
                end += 1
            ended = doc[end - 1].text in NAME_PARTICLES
            after = taken[end] if end < len(doc) else -1
            free = all(o < 0 for o in taken[ent.end : end]) and (
                after < 0 or ents[after].label == "PERSON"
            )
            if ended and end < len(doc) and doc[end].is_title and doc[end].is_alpha and free:
                last = ents[after].end if after >= 0 else end + 1
                joined.add(after)
                ent = Ent(ent.start, last, "PERSON")
        out.append(ent)
    return [e for k, e in enumerate(out) if k not in joined]


def _cut_at_particle(doc: Doc, ent: Ent) -> bool:
    """A name of capitalized words (hyphens between) that ends in a name's particle."""
    return (
        ent.end - ent.start >= 2
        and ent.label not in NUMERIC_LABELS
        and doc[ent.end - 1].text in NAME_PARTICLES
        and all(
            name_word(t) or tight_hyphen(doc, t.i) or t.text in NAME_PARTICLES
            for t in doc[ent.start : ent.end - 1]
        )
        and name_word(doc[ent.start])
    )


def patronymic_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names with an Irish or Welsh patronymic particle, people, whole.

    Rule: "Irish singer Siobhán Ní Bhriain will headline", "winger Rhodri ap Gwynfor-Jones ran"
    as a person "Rhodri" and a place "Gwynfor-Jones", "fly-half Cathal Ó Súilleabháin" as
    "Ó Súilleabháin": capitalized given names, a particle ("Ó", "Ní", "Mac", "ap") and the
    capitalized surname after it are one person, and so is a surname alone that starts with
    "Ó", "Ní", "Nic" or "Uí" ("Ní Bhriain, 52, had stopped touring"), whatever the NER made
    of their words, where no other entity runs across their edges. "Mac" or "ap" with no given
    name before it is left alone ("the new Mac Pro").
    """
    particles = positions(doc, ORTH, PATRONYMIC_PARTICLES)
    if not particles:
        return ents
    taken = owners(doc, ents)
    found: list[Ent] = []
    for i in particles:
        if found and i < found[-1].end:
            continue  # inside the name just found
        span = _patronymic_name(doc, i, ents, taken)
        if span is not None:
            found.append(span)
    if not found:
        return ents
    inside = {k for span in found for k in set(taken[span.start : span.end]) if k >= 0}
    return sorted([e for k, e in enumerate(ents) if k not in inside] + found)


def _patronymic_name(doc: Doc, i: int, ents: list[Ent], taken: list[int]) -> Ent | None:
    """The person whose particle is token ``i``, or None."""
    if doc[i].text not in PATRONYMIC_PARTICLES:
        return None
    end = i + 1
    while end < len(doc) and end - i <= SURNAME_WORDS_AFTER_PARTICLE and _name_word(doc[end]):
        end += 1
        while end + 1 < len(doc) and tight_hyphen(doc, end) and _name_word(doc[end + 1]):
            end += 2  # "Gwynfor-Jones"
    if end == i + 1:
        return None
    start = i
    while (
        start > 0
        and i - start < GIVEN_NAMES_BEFORE_PARTICLE
        and _name_word(doc[start - 1])
        and doc[start - 1].text not in PERSON_TITLES
        and not _role_noun(doc[start - 1])
        and _free_for_name(taken[start - 1], taken[i], ents)
    ):
        start -= 1
    if start == i and doc[i].text not in PATRONYMIC_SURNAME_STARTS:
        return None
    edges = {taken[start - 1] if start else -1, taken[end] if end < len(doc) else -1}
    if any(k >= 0 and k in taken[start:end] for k in edges):
        return None  # an entity runs across the name's edge
    return Ent(start, end, "PERSON")


def _free_for_name(owner: int, particles_owner: int, ents: list[Ent]) -> bool:
    """Whether a given name's word may join: in no entity, in a person, or in the entity the
    particle is in ("the fiddler Dónal Mac Giolla Phádraig" as one organization)."""
    return owner < 0 or owner == particles_owner or ents[owner].label == "PERSON"


def _role_noun(token: Token) -> bool:
    """An occupation or a player's position, capitalized at a sentence's start: "Lock"."""
    return token.lower_ in OCCUPATION_NOUNS or token.lower_ in TEAM_ROLE_NOUNS


def _name_word(token: Token) -> bool:
    """A capitalized word that may be part of a person's name: "Siobhán", not "Council"."""
    return (
        token.is_alpha
        and token.is_title
        and not token.is_stop
        and token.lower_ not in NOT_NAME_WORDS
        and token.text not in PATRONYMIC_PARTICLES
    )


def introduced_particle_names(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A name with particles right after a person's title or occupation, one person.

    Rule: "Tournament director Íñigo Sáenz de Ugarte said" with a place "Sáenz de Ugarte",
    "Curator Hendrikje van den Broek-Asante said" as a place "Hendrikje" and an organization
    "Broek": right after a title's or an occupation's noun, capitalized words joined by
    name particles in lower case ("de", "van den") and tight hyphens, with a particle between
    two of them, are one person's name, whatever the NER made of its words, where no entity
    runs across its edges and the gazetteer does not know it ("director Rio de Janeiro").
    """
    lowers = values(doc, LOWER)
    nouns = [i for i, lower in enumerate(lowers) if lower in _PERSON_NOUN_IDS]
    if not nouns:
        return ents
    taken = owners(doc, ents)
    found = []
    for noun in nouns:
        end = _particle_name_end(doc, noun + 1)
        if end is None or known(doc, noun + 1, end):
            continue
        edges = {taken[noun], taken[end] if end < len(doc) else -1}
        if any(k >= 0 and k in taken[noun + 1 : end] for k in edges):
            continue  # an entity runs across the name's edge
        found.append(Ent(noun + 1, end, "PERSON"))
    if not found:
        return ents
    inside = owners(doc, found)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + found


def _particle_name_end(doc: Doc, start: int) -> int | None:
    """Where a name of capitalized words and particles from ``start`` ends, if it holds a
    particle between two capitalized words; None otherwise."""
    k, particle, last = start, False, None
    while k < len(doc) and k - start < PARTICLE_NAME_TOKENS:
        token = doc[k]
        if token.is_title and token.is_alpha and token.text not in PERSON_TITLES:
            last = k + 1
            particle = particle or any(doc[j].text in NAME_PARTICLES for j in range(start, k))
        elif not (token.text in NAME_PARTICLES or tight_hyphen(doc, k)):
            break
        k += 1
    return last if particle and last is not None and doc[start].is_title else None


# The fewest and the most given names before a name's particle for a name no entity holds.
GIVEN_NAMES_BEFORE_LONE_PARTICLE = (2, 3)


def names_around_particles(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A person's name with particles that the NER found no part of, one person.

    Rule: "Opposite Ana Beatriz Gonçalves dos Santos scored 31 points" with no entity (and
    the gazetteer's city "Santos" after): two or three given names (proper nouns, none a
    title's, a role's, a body's or a function word), particles in lower case ("dos", "van
    den") and one or two capitalized words, all in no entity, are one person's name, where
    the gazetteer does not know it and no article comes before it ("the Universidade Federal
    de Minas Gerais"). One given name is not enough ("Banco de Bogotá", "Rio de Janeiro").
    """
    particles = positions(doc, ORTH, NAME_PARTICLES)
    if not particles:
        return ents
    taken = owners(doc, ents)
    found: list[Ent] = []
    fewest, most = GIVEN_NAMES_BEFORE_LONE_PARTICLE
    for i in particles:
        if found and i < found[-1].end:
            continue
        if taken[i] >= 0:
            ents = _given_name_before(doc, ents, taken[i], i, taken)
            continue
        start = i
        while start > 0 and i - start < most and _lone_given_name(doc, start - 1, taken):
            start -= 1
        end = i
        while end < len(doc) and doc[end].text in NAME_PARTICLES and taken[end] < 0:
            end += 1
        surname = end
        while end < len(doc) and end - surname < 2 and taken[end] < 0 and _name_word(doc[end]):
            end += 1
        if i - start < fewest or end == surname or known(doc, start, end):
            continue
        if start > 0 and doc[start - 1].lower_ in ARTICLES:
            continue
        found.append(Ent(start, end, "PERSON"))
    return sorted(ents + found) if found else ents


def _given_name_before(doc: Doc, ents: list[Ent], k: int, i: int, taken: list[int]) -> list[Ent]:
    """Rule: "Opposite Luiza Helena Carvalho dos Reis scored" with the person "Helena Carvalho
    dos Reis": a person with particle ``i`` inside it takes in a given name in no entity right
    before it, where two given names come before the particle then."""
    ent = ents[k]
    fewest, most = GIVEN_NAMES_BEFORE_LONE_PARTICLE
    start = ent.start
    if ent.label != "PERSON" or start == 0 or not _lone_given_name(doc, start - 1, taken):
        return ents
    if doc[start - 1].whitespace_ != " " or not fewest <= i - start + 1 <= most:
        return ents
    if start > 1 and doc[start - 2].lower_ in ARTICLES:
        return ents
    return [*ents[:k], ent._replace(start=start - 1), *ents[k + 1 :]]


def _lone_given_name(doc: Doc, k: int, taken: list[int]) -> bool:
    """Token ``k`` may be a given name of a name in no entity: a proper noun (where the doc
    is tagged) in title case, in no entity, no title's, role's or body's word."""
    token = doc[k]
    return (
        taken[k] < 0
        and _name_word(token)
        and token.pos_ in {"PROPN", ""}
        and token.text not in PERSON_TITLES
        and not _role_noun(token)
        and token.text not in ORG_NAME_ENDS
    )
