"""Entity rules that read a name's kind off what it does or stands beside: a "place" the NER
found that acts as an agent or is listed with organizations is an organization, and so is a
name a body's noun introduces and a country's name joined to a sport's; a name the NER
stopped right before an event's word is the event."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, Known, owners, positions
from kg.nlp.lexicon.labels import (
    AREA_LABELS,
    COMPETITION_LABELS,
    MADE_THING_LABELS,
    NUMERIC_LABELS,
    RETYPED_AS_ORG,
)
from kg.nlp.lexicon.marks import HYPHENS, OPENING_QUOTES, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    COMPETITION_NAME_WORDS,
    FINAL_NOUNS,
    LEAGUE_NAME_WORDS,
    LEAGUE_WORDS,
    MEETING_NAME_WORDS,
    ORG_NAME_ENDS,
    PEOPLE_NAME_PLURALS,
    SERIES_WORDS,
    SPORT_BODY_WORDS,
)
from kg.nlp.lexicon.nouns import DISASTER_NOUNS, EPIDEMIC_NOUNS, ORG_NOUNS, TEAM_NOUNS
from kg.nlp.lexicon.time import MEETING_TIME_PREPS, TIME_NOUNS
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
    for ent in ents:
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
