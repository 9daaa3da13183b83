"""Function words: prepositions, pronouns, determiners, conjunctions and a few adverbs."""

from __future__ import annotations

from kg.nlp.lexicon.forms import words

# -- prepositions -------------------------------------------------------------------------

PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "inside",
        "outside",
        "throughout",
        "within",
        "into",
        "around",
        "beyond",
        "outside of",
        "near to",
        "on",
    }
)
# Single prepositions before a name that make it a place, whatever the NER said:
# "flew to Vienna", "in Dakar", "from Kourou".
PLACE_CUES = frozenset(
    {p for p in PLACE_PREPS if " " not in p} - {"on"} | {"to", "from", "toward", "towards"}
)
# Prepositions whose name is a place, never a person's, whatever the NER said: "near
# Fenchuganj".
NEAR_PREPS = frozenset({"near"})
# Prepositions whose name is a place after a place's or a body's name: "the Surma at
# Kanaighat".
AT_PREPS = frozenset({"at"})
# Prepositions whose name is a place after a noun of the people who live there: "farmers
# in Java".
RESIDENCE_PREPS = frozenset({"in"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "over", "on"})
# Prepositions that make an event noun's object its theme: "the attack on", "against".
THEME_PREPS = frozenset({"on", "against"})
# Prepositions that attach a title to its organization: "spokesman for the coalition".
ORG_PREPS = frozenset({"of", "for", "at", "with"})
# Prepositions that put a place inside another: "the capital of", "Erbil in".
WITHIN_PREPS = frozenset({"of", "in"})
# fmt: off
# Prepositions a date pattern needs as context but leaves out of the entity ("in 2021" -> "2021").
PATTERN_CUES = frozenset((
    "in", "since", "by", "of", "until", "till", "from", "before", "after", "during", "through"
))
# fmt: on
# Prepositions that also introduce clauses: "after a contractor was killed".
SUBORDINATORS = words("after before since until till once as while because")

# -- pronouns and determiners -------------------------------------------------------------

SUBJECT_PRONOUNS = frozenset({"he", "she"})
OBJECT_PRONOUNS = frozenset({"him", "her", "his", "hers", "himself", "herself"})
# "it" and "they" for organizations, countries and groups named as subjects before them.
IT_PRONOUNS = frozenset({"it", "its", "itself"})
THEY_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# Words never a name alone, whatever NER says.
# fmt: off
PRONOUNS = frozenset((
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
    "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that",
    "these", "those", "who", "whom", "someone", "everyone"
))
# fmt: on
DEFINITE = frozenset({"the", "this", "that"})
INDEFINITE = frozenset({"a", "an"})
# Words that make an event noun a new one, never one told before: "another attack".
ANOTHER = frozenset({"another", "second", "third", "new", "fresh", "further", "separate", "other"})
ARTICLES = frozenset({"the", "a", "an"})

# -- other --------------------------------------------------------------------------------

NEGATORS = frozenset({"not", "n't", "never", "no", "nt"})
# Words that open an aside inside a noun phrase: "nine others, including a US soldier, ...".
ASIDES = frozenset({"including", "among", "mostly", "mainly"})
# Words that join the names of a list: "Erbil and Baghdad".
LIST_WORDS = frozenset({"and", "or", "&"})
# Words before a second language: "switching to Spanish", "and English", "or French".
LANGUAGE_LINKS = frozenset({"to", "and", "or", "from"})
# The word before a language after a word of speech: "her speech in Mapudungun".
LANGUAGE_PREPOSITIONS = frozenset({"in"})
# Words between an alias and the noun before it: "the group, also called X".
ALSO_WORDS = frozenset({"also", ","})
# A count of one, which leaves a noun singular: "one of the soldiers".
ONE = frozenset({"one", "1"})
# Lower-case words inside a person's title: "Secretary of Defense", "spokesman for".
TITLE_LINKS = frozenset({"of", "for"})
# Words between a title and the place or body it is held in: "Ambassador to the United States".
TITLE_OBJECT_LINKS = TITLE_LINKS | {"to"}
# Adjectives that pick out or count, rather than classify, what a noun names: "other forces",
# "the same mission", "several bases"; they are no part of a referent's label.
NOT_DEFINING_ADJECTIVES = frozenset(
    {
        "other",
        "same",
        "such",
        "many",
        "several",
        "few",
        "various",
        "own",
        "certain",
        "more",
        "most",
        "much",
        "further",
        "additional",
    }
)

# Words that make a line a clause, not a caption, credit or sign-off: forms of "be", "have"
# and "do", the modals, "said". A short line without them that writes a date dates the
# article it closes ("Opening remarks by ... at Defense Ministerial February 17, 2021.").
CLAUSE_WORDS = words(
    """am is are was were be been being has have had do does did will would shall should may
    might can could must said says"""
)
# Words that join the items of a list: "Dakar and Nouakchott", "Mali, Niger".
LIST_LINKS = frozenset({"and", "or", ","})
# Words before a team's opponent: "the match against Peru".
OPPONENT_WORDS = frozenset({"against", "versus", "vs", "vs."})
# The word before a passive verb's agent: "sold by Ivanti".
AGENT_PREPS = frozenset({"by"})
# Prepositions before a match's venue, never a side: "beat Sevilla 3-0 at Mestalla".
VENUE_WORDS = frozenset({"at", "in"})
