"""Entity rules that read a name's kind off what it does or stands beside: a "place" the NER
found that acts as an agent or is listed with organizations is an organization, and so is a
name a body's noun introduces and a country's name joined to a sport's; leagues and their
competitions. Events by their words are in ``kg.nlp.entity_events``."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, Known, owners, positions
from kg.nlp.lexicon.labels import (
    AREA_LABELS,
    COMPETITION_LABELS,
    PLACE_OR_BODY_LABELS,
    RETYPED_AS_ORG,
)
from kg.nlp.lexicon.marks import HYPHENS, OPENING_QUOTES, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    CLUB_NAME_WORDS,
    COMPETITION_NAME_WORDS,
    FINAL_NOUNS,
    LEAGUE_NAME_WORDS,
    LEAGUE_WORDS,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    SERIES_WORDS,
    SPORT_BODY_WORDS,
)
from kg.nlp.lexicon.nouns import ORG_NOUNS, TEAM_NOUNS
from kg.nlp.lexicon.verbs import (
    JOINT_WORK_VERBS,
    NAMING_PARTICIPLES,
    NAMING_SELF_PARTICIPLES,
    REFLEXIVE_PRONOUNS,
    RESULT_VERBS,
)
from kg.nlp.lexicon.words import ALSO_WORDS, ARTICLES, INDEFINITE, LIST_WORDS, OPPONENT_WORDS

# How far before a body's noun its indefinite article may be: "an Iranian - backed militia".
MODIFIERS_BEFORE_NOUN = 4
# The most words of a team's name read after a place's possessive: "Prosecco Doc Imoco
# Conegliano".
TEAM_NAME_WORDS = 4


def acting_places(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Places the gazetteer does not know that act or are listed as bodies, organizations.

    Rule: "a joint investigation coordinated by Europol", "Flydubai and Iran Air will each
    operate daily flights", "the police were investigating with Europol": a LOC the gazetteer
    does not know (a country or city it knows, "hosted by France", stays), right after "by"
    after a past participle or "with" after a verb of working together, or joined by a
    list's word to an organization, is an organization.
    """
    taken = owners(doc, ents)

    def organization_at(i: int) -> bool:
        return 0 <= i < len(doc) and taken[i] >= 0 and ents[taken[i]].label == "ORG"

    out = []
    for ent in ents:
        if ent.label == "LOC" and not known(doc, ent.start, ent.end):
            by = ent.start >= 2 and doc[ent.start - 1].lower_ == "by"
            agent = by and doc[ent.start - 2].tag_ == "VBN"
            agent |= ent.start >= 2 and _partner(doc, ent.start)
            before = ent.start >= 2 and doc[ent.start - 1].lower_ in LIST_WORDS
            after = ent.end + 1 < len(doc) and doc[ent.end].lower_ in LIST_WORDS
            listed = (before and organization_at(ent.start - 2)) or (
                after and organization_at(ent.end + 1)
            )
            if agent or listed:
                ent = ent._replace(label="ORG")
        out.append(ent)
    return out


def _partner(doc: Doc, start: int) -> bool:
    """ "investigating with", "working with" right before ``start``."""
    return doc[start - 1].lower_ == "with" and doc[start - 2].lemma_ in JOINT_WORK_VERBS


def teams_of_places(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "his team had tired after a semi-final against Italy's Prosecco Doc Imoco
    Conegliano", "the club lost to Spain's Real Castell" with no entity: capitalized words in
    no entity after a place the gazetteer knows and its possessive, right after "against" or
    "versus", a result verb or "lost to", in a sentence with a team's noun, are a team, an
    organization. Not a player ("beat Norway's Henrik Aas-Nilsen 6-2, 6-3", where no team's
    noun is), nor what follows a place in no such frame ("Italy's Prime Minister")."""
    found = positions(doc, LOWER, POSSESSIVE_ENDINGS)
    if not found:
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for k in found:
        if k == 0 or k + 1 >= len(doc) or taken[k - 1] < 0 or taken[k + 1] >= 0:
            continue
        place = ents[taken[k - 1]]
        if place.end != k or place.label not in AREA_LABELS:
            continue
        if not (known(doc, place.start, k) and _opposed(doc, place.start)):
            continue
        end = k + 1
        while end < len(doc) and end - k <= TEAM_NAME_WORDS and taken[end] < 0:
            if not _team_word(doc, end):
                break
            end += 1
        while end > k + 1 and not doc[end - 1].is_alpha:
            end -= 1  # a hyphen no word followed
        if end > k + 1 and _tells_of_teams(doc, k):
            out.append(Ent(k + 1, end, "ORG", cued=True))
    return out


def _opposed(doc: Doc, start: int) -> bool:
    """ "against", "beating", "lost to" right before ``start``."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in OPPONENT_WORDS:
        return True
    if before.lemma_ in RESULT_VERBS and before.pos_ == "VERB":
        return True
    return before.lower_ == "to" and start >= 2 and doc[start - 2].lemma_ == "lose"


def _team_word(doc: Doc, i: int) -> bool:
    """A capitalized word of a team's name, or a tight hyphen inside one ("Saint-Germain")."""
    token = doc[i]
    if token.text in HYPHENS:
        tight = i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
        return tight and i + 1 < len(doc) and doc[i + 1].is_title
    return token.is_alpha and (token.is_title or token.is_upper) and not token.is_stop


def _tells_of_teams(doc: Doc, i: int) -> bool:
    """Whether the sentence of token ``i`` has a team's noun ("his team", "the clubs")."""
    return any(t.lemma_ in TEAM_NOUNS or t.lower_ in TEAM_NOUNS for t in doc[i].sent)


def leagues(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Leagues by their word, organizations (as "La Liga" is), and the event of their finals.

    Rule: "Wednesday's Sultanlar Ligi match" with the name a person, "they lead the Superliga"
    with no entity: a name of two words or more ending in a league's word, or a capitalized
    word that names a league alone in no entity, is the league; a league's name after "host"
    ("the") and before its finals' noun is the competition ("bid to host the Volleyball
    Nations League finals"). An organization's or an event's label the NER gave stays ("the
    Premier League" is a body either way), but for the finals.
    """
    out = []
    for whole in ents:
        *club, ent = _club_of_league(doc, whole)
        out += club
        last = doc[ent.end - 1]
        if ent.end - ent.start > 1 and last.text in LEAGUE_WORDS:
            if ent.label in RETYPED_AS_ORG:
                ent = Ent(ent.start, ent.end, "ORG", cued=True)
            if ent.label == "ORG" and _finals_hosted(doc, ent):
                ent = Ent(ent.start, ent.end, "EVENT", cued=True)
        out.append(ent)
    found = positions(doc, ORTH, LEAGUE_NAME_WORDS)
    if found:
        taken = owners(doc, out)
        out += [Ent(k, k + 1, "ORG", cued=True) for k in found if taken[k] < 0]
    return out


def _club_of_league(doc: Doc, ent: Ent) -> list[Ent]:
    """Rule: "the Boston Red Sox of Major League Baseball" as one organization, "the Portland
    Sea Dogs of Minor League Baseball" as one place: a name of two words or more, "of"
    ("the") and a league's name are the club and the league; not a body's noun before "of"
    ("the Disciplinary Committee of the Premier League")."""
    if ent.label not in PLACE_OR_BODY_LABELS or ent.end - ent.start < 5:
        return [ent]
    for k in range(ent.start + 2, ent.end - 2):
        if doc[k].lower_ != "of":
            continue
        league = k + 1 + (doc[k + 1].lower_ == "the")
        named = any(doc[j].text in LEAGUE_WORDS for j in range(league, ent.end))
        last = doc[k - 1]  # "Toronto FC", not "the Disciplinary Committee"
        body = last.text in ORG_NAME_ENDS and last.text not in CLUB_NAME_WORDS
        if named and not body and last.lower_ not in NOT_NAME_WORDS:
            return [Ent(ent.start, k, "ORG", cued=True), Ent(league, ent.end, "ORG", cued=True)]
    return [ent]


def _finals_hosted(doc: Doc, ent: Ent) -> bool:
    """ "host the Nations League finals": a host's verb, "the", the name, a finals' noun."""
    k = ent.start - 1 - (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    host = k >= 0 and doc[k].lemma_ == "host"
    return host and ent.end < len(doc) and doc[ent.end].lower_ in FINAL_NOUNS


def competitions_of_bodies(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """A body's acronym and the competition it runs, one name.

    Rule: "the UEFA Champions League" as "UEFA" and "Champions League", "the FIFA Club Cup":
    an organization in capitals, a space, and right after it an entity whose last word is a
    league's or a competition's, are one name, labelled as the second.
    """
    taken = owners(doc, ents)
    joined = {}
    for k, ent in enumerate(ents):
        after = taken[ent.end] if ent.end < len(doc) else -1
        if ent.label != "ORG" or ent.end - ent.start != 1 or after < 0 or k in joined:
            continue
        body, rest = doc[ent.start], ents[after]
        last = doc[rest.end - 1]
        if (
            body.is_upper
            and body.is_alpha
            and body.whitespace_
            and rest.start == ent.end
            and rest.label in COMPETITION_LABELS
            and (last.lower_ in COMPETITION_NAME_WORDS or last.text in LEAGUE_WORDS | SERIES_WORDS)
        ):
            joined[k] = after
    if not joined:
        return ents
    gone = set(joined) | set(joined.values())
    grown = [Ent(ents[k].start, ents[j].end, ents[j].label) for k, j in joined.items()]
    return [e for k, e in enumerate(ents) if k not in gone] + grown


def named_bodies(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names a body's noun introduces, organizations.

    Rule: "A Shia group called Awliya Al Dam has claimed responsibility" with the name a
    person, "an armed faction known as the Guardians", "the militia, also called X", "a
    group calling itself Nachtfalke": a name
    right after an indefinite organization's noun (or one it is also called) and a naming
    participle is an organization. Not "the government called Iran a threat": a definite noun
    names no new body.
    """
    return [
        ent._replace(label="ORG")
        if ent.label in RETYPED_AS_ORG and _named_by_body_noun(doc, ent.start)
        else ent
        for ent in ents
    ]


def _named_by_body_noun(doc: Doc, start: int) -> bool:
    k = start - 1
    while k >= 0 and (doc[k].text in OPENING_QUOTES or doc[k].lower_ == "the"):
        k -= 1
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "known":
        k -= 2
    elif k >= 1 and doc[k].lower_ in REFLEXIVE_PRONOUNS:
        if doc[k - 1].lower_ not in NAMING_SELF_PARTICIPLES:
            return False
        k -= 2  # "a group calling itself Nachtfalke"
    elif k >= 0 and doc[k].lower_ in NAMING_PARTICIPLES:
        k -= 1
    else:
        return False
    also = False
    while k >= 0 and doc[k].lower_ in ALSO_WORDS:
        also |= doc[k].lower_ == "also"
        k -= 1
    if k < 0 or ORG_NOUNS.isdisjoint({doc[k].lower_, doc[k].lemma_}):
        return False
    return also or _after_indefinite_article(doc, k)


def _after_indefinite_article(doc: Doc, noun: int) -> bool:
    """Whether the nearest article before ``noun``, a few words back, is "a" or "an"."""
    for j in range(noun - 1, max(noun - 1 - MODIFIERS_BEFORE_NOUN, -1), -1):
        if doc[j].lower_ in ARTICLES:
            return doc[j].lower_ in INDEFINITE
        if doc[j].is_sent_start or doc[j].text in {",", ";", ":"}:
            return False
    return False


def sport_bodies(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A country's or a city's name joined to a sport's, the sport's governing body there.

    Rule: "Sri Lanka Cricket confirmed that", "Cricket Australia said", as places, "New
    Zealand" + "Rugby said": an entity of a place the gazetteer knows and a sport's name
    before or after it, or a known place the NER stopped right before one, is an
    organization.
    """
    taken = owners(doc, ents)

    def governing(ent: Ent) -> Ent:
        start, end = ent.start, ent.end
        if ent.label == "ORG":
            return ent
        if (
            end < len(doc)
            and taken[end] < 0
            and doc[end].text in SPORT_BODY_WORDS
            and doc[end - 1].whitespace_
            and known(doc, start, end)
        ):
            return Ent(start, end + 1, "ORG")
        if end - start < 2:
            return ent
        after = doc[end - 1].text in SPORT_BODY_WORDS and known(doc, start, end - 1)
        before = doc[start].text in SPORT_BODY_WORDS and known(doc, start + 1, end)
        return ent._replace(label="ORG") if after or before else ent

    return [governing(ent) for ent in ents]
