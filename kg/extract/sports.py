"""Relabel rules for sport: the words around a name say it is a team, a venue or an event.

A report of a match names teams after countries and cities ("Brazil beat Germany 2-1",
"Munster lock Pádraig Ó Dálaigh") and venues and competitions after people and places
("Principality Stadium", "Abu Dhabi Grand Prix"); each rule reads one such cue and gives the
label it makes, whatever the NER said (see ``kg.extract.mentions.RELABEL_RULES``).
"""

from __future__ import annotations

import re

from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import FIXTURE_ROLES, RESULT_ROLES
from kg.nlp.lexicon.labels import AREA_LABELS, TEAM_LABELS
from kg.nlp.lexicon.marks import SCORE_DASHES
from kg.nlp.lexicon.names import (
    COMPETITION_NAME_WORDS,
    EVENT_NAME_WORDS,
    VENUE_NAME_ENDS,
    VENUE_NAME_STARTS,
)
from kg.nlp.lexicon.nouns import PLAY_NOUNS, SPORT_NOUNS, TEAM_PLAY_WORDS, TEAM_ROLE_NOUNS
from kg.nlp.lexicon.verbs import FIXTURE_VERBS, RESULT_VERBS, SPEECH_VERBS
from kg.nlp.lexicon.words import OPPONENT_WORDS, VENUE_WORDS

SCORE_RE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")  # "2-1", "3–0"


def sports_team(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "Brazil beat Germany 2-1 in the friendly", "Saturday's match against the
    Netherlands", "Spain beat Germany 91-86" (with "Germany" read as the score's compound),
    "Getafe lost 2-1 at home" (parsed apart from "lost"): a country that is a result verb's
    subject or object, right before or after one, right before a score, or after "against",
    in a sentence with a score or a sports noun, is its team. So is one a fixture's verb
    joins to another name, with a score or a sports noun in its paragraph: "Barcelona play
    Girona on Monday" after a paragraph of results."""
    if label not in AREA_LABELS:
        return None
    head = p.head[end - 1]
    k = start - 1
    k -= k > 0 and p.lower[k] == "the"
    before = p.lower[k] if k >= 0 else ""
    if before in VENUE_WORDS:
        return None  # "beat Sevilla 3-0 at Mestalla": where, not whom
    if end < p.n and p.tag[end] == "POS":
        return None  # "beating South Korea's Hyeon Jae-won": the player's country
    cued = (
        before in OPPONENT_WORDS  # "the match against Peru"
        or (p.dep[end - 1] in RESULT_ROLES and p.lemma[head] in RESULT_VERBS)
        or (k >= 0 and p.lemma[k] in RESULT_VERBS and p.pos[k] == "VERB")
        or (end < p.n and p.lemma[end] in RESULT_VERBS and p.pos[end] == "VERB")
        or _has_score(p, end, min(end + 3, p.n), at_start=True)
    )
    if cued:
        first_token, last = p.sent_bounds[p.sent[start]]
    elif _in_fixture(p, start, end):
        first_token, last = p.para_bounds[p.para[start]]
    else:
        return None
    sport = SPORT_NOUNS.intersection(p.lemma[first_token:last])
    return "ORG" if sport or _has_score(p, first_token, last) else None


def _in_fixture(p: Parse, start: int, end: int) -> bool:
    """Whether a fixture's verb joins the name [start, end) to another name: as its subject
    and object ("Wales, who have lost twice, host Scotland"), or right between them."""
    last = end - 1
    verb = p.head[last]
    if p.dep[last] in FIXTURE_ROLES and p.lemma[verb] in FIXTURE_VERBS and p.pos[verb] == "VERB":
        other = [c for c in p.children[verb] if p.dep[c] in FIXTURE_ROLES and c != last]
        if any(_named(p, c) for c in other):
            return True
    after, before = end, start - 1
    if after + 1 < p.n and p.lemma[after] in FIXTURE_VERBS and p.pos[after] == "VERB":
        return _named(p, after + 1)
    if before >= 1 and p.lemma[before] in FIXTURE_VERBS and p.pos[before] == "VERB":
        return _named(p, before - 1)
    return False


def _named(p: Parse, i: int) -> bool:
    return p.ent_label[i] != "" and p.words[i][:1].isupper()


def team_by_role(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "Munster lock Pádraig Ó Dálaigh", "The Palmeiras forward rose", "Germany coach
    Markus Eichhorn": a place's or a "person's" name right before a team's role noun in
    lower case is the team. Rule: "signed Nigeria forward Babatunde Ogunleye", with the
    role read as an adverb: so is one before a role word and a capitalized name, whatever
    the tagger made of the word."""
    if label not in TEAM_LABELS or end >= p.n or p.lower[end] not in TEAM_ROLE_NOUNS:
        return None
    named = end + 1 < p.n and p.words[end + 1].istitle() and p.pos[end + 1] != "DET"
    noun = p.pos[end] in {"NOUN", "PROPN"} or named
    return "ORG" if p.words[end].islower() and noun else None


def team_played_for(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "who plays his club football for Benfica", "plays for the Denver Nuggets": the
    name after "for" (and "the") that a form of "play" leads to, with at most a possessive,
    "club" and a sport between them, is a team."""
    if label not in TEAM_LABELS:
        return None
    k = start - 1
    k -= k > 0 and p.lower[k] == "the"
    if k < 1 or p.lower[k] != "for":
        return None
    k -= 1
    while k >= 0 and start - k <= 6 and p.lower[k] in TEAM_PLAY_WORDS:
        k -= 1
    return "ORG" if k >= 0 and p.lemma[k] == "play" and p.pos[k] == "VERB" else None


def player_by_play(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "finished a low cross from Maximilian von Aschenbach", "a corner from
    Nascimento" called an organization or a place: the name after "from" after a noun of a
    play in a match (a cross, a pass, a shot, a corner) is the player who made it."""
    if label == "PERSON" or label not in TEAM_LABELS | {"ORG"} or start < 2:
        return None
    if p.lower[start - 1] != "from" or p.lemma[start - 2] not in PLAY_NOUNS:
        return None
    return "PERSON" if p.words[start - 2].islower() else None


def venue_name(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "the Principality Stadium", "Tchaikovsky Concert Hall", "Arena Riga" called an
    organization or a person: a name of two words or more that ends (or, for a few words,
    starts) with a venue's word is the venue, unless it speaks ("the Hall said")."""
    if label not in {"ORG", "PERSON"} or end - start < 2:
        return None
    if p.lower[end - 1] not in VENUE_NAME_ENDS and p.lower[start] not in VENUE_NAME_STARTS:
        return None
    head = end - 1
    speaks = p.dep[head] == "nsubj" and p.lemma[p.head[head]] in SPEECH_VERBS
    return None if speaks else "FAC"


def event_name(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "the alliance Defense Ministerial", "Galway International Arts Festival", "the
    Abu Dhabi Grand Prix" called an organization, a place or a person: a name ending in a
    meeting's, a festival's or a competition's word is the event, unless it acts as a body
    does ("a forum organised by the Chinese People's Political Consultative Conference",
    "the Conference said"). A competition's word may come before "of": "the Asia Cup of
    Nations"."""
    if p.lower[end - 1] not in EVENT_NAME_WORDS:
        of = next((k for k in range(start + 1, end - 1) if p.lower[k] == "of"), None)
        if of is None or p.lower[of - 1] not in COMPETITION_NAME_WORDS:
            return None
    if label != "ORG" and (label not in TEAM_LABELS or end - start < 2):
        return None
    head = end - 1
    acts = p.dep[head] == "obl:agent" or (
        p.dep[head] == "nsubj" and p.lemma[p.head[head]] in SPEECH_VERBS
    )
    return None if acts else "EVENT"


def _has_score(p: Parse, start: int, end: int, *, at_start: bool = False) -> bool:
    """Whether tokens [start, end) hold a score (at ``start`` itself, with ``at_start``), as
    one token ("2-1") or three ("91", "-", "86", as a tokenizer may split it)."""
    starts = range(start, start + 1) if at_start else range(start, end)
    if any(k < p.n and SCORE_RE.match(p.words[k]) for k in starts):
        return True
    return any(
        k + 2 < p.n
        and p.words[k].isdigit()
        and p.words[k + 1] in SCORE_DASHES
        and p.words[k + 2].isdigit()
        and not p.space[k]
        and not p.space[k + 1]
        for k in starts
    )
