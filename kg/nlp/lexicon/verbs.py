"""Verbs by what they do in a clause, as lemmas; inflected forms are derived (``forms``)."""

from __future__ import annotations

from kg.nlp.lexicon.forms import (
    BE_PLURAL_PAST,
    CONTRACTIONS,
    inflect,
    with_curly_apostrophes,
    words,
)

SPEECH_VERBS = words(
    """say tell announce add warn explain state claim promise confirm deny insist note argue
    report declare acknowledge admit reply respond stress emphasize emphasise assure vow
    pledge predict suggest write ask urge reiterate comment mention disclose reveal
    estimate caution allege indicate"""
)
# The forms of the speech verbs a speaker's name stands right before: "Adams claims".
SPEECH_FORMS = frozenset(inflect(verb, tag) for verb in SPEECH_VERBS for tag in ("VBZ", "VBD"))
# Verbs whose complement clause is the content they report or commit to (statement_of).
ATTITUDE_VERBS = words(
    """agree decide plan intend want hope expect fear refuse threaten believe think
    order propose demand request offer seek aim"""
)
# Speech verbs that put their subject after them: "..., said Colonel Marotto".
INVERTING_VERBS = frozenset({"say", "add", "explain", "note", "write", "state"})
# Speech verbs whose object is the hearer: "told reporters", "assured him".
TELL_VERBS = words("tell inform brief assure warn notify remind advise ask urge")
# "X is believed to be Y": the embedded clause, hedged, replaces the hedging verb.
HEDGE_VERBS = words(
    "believe think say report allege expect suppose understand rumor rumour presume consider know"
)
RAISING_VERBS = frozenset({"seem", "appear"})
HEDGE_OR_RAISING_VERBS = HEDGE_VERBS | RAISING_VERBS
# Intransitive change-of-state verbs: their subject undergoes the event.
CHANGE_VERBS = words(
    """increase decrease rise fall grow drop decline expand shrink double triple climb jump
    surge plunge soar die occur happen"""
)
# Verbs of harm done to people: an attack told of beside them is what did it.
HARM_VERBS = words("kill wound injure hurt maim")
# Verbs of growth: a change they state of a thing ("the size of our mission will increase
# from 500 to 4,000") is the growth an occurrence of one of them is ("the expansion").
GROWTH_VERBS = words("increase rise grow expand raise double triple boost enlarge widen extend")
# Verbs whose object, not subject, controls an infinitive: "urged them to leave".
OBJECT_CONTROL = words(
    "ask tell urge persuade force allow order invite encourage require help enable"
)

# Modal auxiliaries as written (also the clitics "wo", "'ll", "'d", "ca") → the modal.
MODALS = {
    "will": "will",
    "wo": "will",
    "'ll": "will",
    "shall": "shall",
    "would": "would",
    "'d": "would",
    "should": "should",
    "may": "may",
    "might": "might",
    "can": "can",
    "ca": "can",
    "could": "could",
    "must": "must",
    "ought": "ought",
}
# Modals that lower an event's confidence.
WEAK_MODALS = frozenset({"may", "might", "could"})

# Nominal phrases after a light verb that carry the meaning: (verb, noun) → (predicate, prep
# whose object becomes the theme).
LIGHT_VERBS = {
    ("claim", "responsibility"): ("claim responsibility for", "for"),
    ("take", "responsibility"): ("take responsibility for", "for"),
    ("take", "part"): ("take part in", "in"),
    ("take", "place"): ("take place", None),
    ("make", "announcement"): ("announce", None),
    ("make", "decision"): ("decide", None),
    ("claim", "life"): ("kill", "of"),
    ("pay", "tribute"): ("pay tribute to", "to"),
    ("hold", "talks"): ("hold talks with", "with"),
    ("launch", "attack"): ("attack", "on"),
    ("carry", "attack"): ("attack", "on"),
}

# "a group called Awliya Al Dam": a naming participle, read as an alias, not an event.
# Verbs that say what their subject is or stays: "Gagauz would stay an official language".
LINKING_VERBS = words("be stay remain become")
NAMING_VERBS = frozenset({"call", "name", "know", "dub", "title"})
# Naming verbs whose participle names only with "as" after it: "a militia known as X".
NAMING_VERBS_WITH_AS = frozenset({"know"})
# The participles that name alone: "called", "named", "dubbed", "titled".
NAMING_PARTICIPLES = frozenset(inflect(verb, "VBN") for verb in NAMING_VERBS - NAMING_VERBS_WITH_AS)
# A naming verb's present participle before a reflexive pronoun: "a group calling itself X".
NAMING_SELF_PARTICIPLES = frozenset(
    inflect(verb, "VBG") for verb in NAMING_VERBS - NAMING_VERBS_WITH_AS
)
REFLEXIVE_PRONOUNS = frozenset({"itself", "themselves"})
# Verbs of what a firm does to a thing it sells or makes, whose agent after "by" is a firm:
# "a gateway sold by Ivanti", "a satellite built by Mitsubishi Electric".
# Verbs of a deal's advisers and lenders, whose subjects are firms: "Morgan Stanley and Lazard
# advised Pannonia".
FIRM_DEAL_VERBS = words("advise underwrite lend finance")
# Verbs of working with a body, whose partner after "with" is one: "investigating with
# Europol".
JOINT_WORK_VERBS = words("investigate work cooperate collaborate partner liaise coordinate")
FIRM_ACT_VERBS = words(
    """sell manufacture distribute supply acquire operate underwrite build release lease
    insure"""
)

# Finite forms of "be" by number, and their contractions: "was", "they're".
BE_SINGULAR = frozenset({inflect("be", "VBZ"), inflect("be", "VBD")})
BE_PLURAL = frozenset({inflect("be", "VBP"), BE_PLURAL_PAST})
FINITE_BE = BE_SINGULAR | BE_PLURAL | with_curly_apostrophes(CONTRACTIONS.values())

# Verbs that do end in a double r; others are a lemmatizer's slip: deterred → "deterr".
RR_VERBS = frozenset({"err", "purr", "burr", "whirr"})
# Stems that take back an "e" when "-ed" comes off: injur-ed, locat-ed, mov-ed, announc-ed.
E_STEMS = (
    "ur",
    "ir",
    "at",
    "iz",
    "is",
    "as",
    "os",
    "us",
    "v",
    "c",
    "g",
    "u",
    "bl",
    "pl",
    "dl",
    "tl",
)
# Verbs that put one happening after another: what follows their object tells of the object
# ("the expansion follows a rocket attack on Monday on a base in Erbil").
SEQUENCE_VERBS = frozenset({"follow", "precede"})
# Verbs of a sports result: "Brazil beat Germany 2-1", "Pakistan won the first Test by
# seven wickets"; with a score or a sports noun in the sentence, the countries they join are
# teams.
RESULT_VERBS = words(
    """beat defeat thrash rout edge overcome outplay eliminate draw tie lose down stun upset
    crush hammer whitewash sweep overpower win"""
)
# Verbs of a fixture between two sides named on either side of them: "Barcelona play Girona
# on Monday", "Wales host Scotland"; with a score or a sports noun in the paragraph, the
# countries and cities they join are teams.
FIXTURE_VERBS = words("play face host meet")
# Verbs whose plural a tagger tells reliably, so that a singular name as their plural subject
# is a team or a firm ("Galatasaray have signed", "Ferrari are fourth").
AGREEING_VERBS = words("be have do")
