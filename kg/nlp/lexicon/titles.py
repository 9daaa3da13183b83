"""Titles of people: the words that make one up, folded (roles), and as written (NER).

Two vocabularies for two stages: extraction reads folded words ("col", "secretary") from a
title of any length; the NER rules match the written token right before a name ("Col.",
"Secretary"), and the title nouns of an apposition after one.
"""

from __future__ import annotations

from kg.nlp.lexicon.forms import words

# -- folded, for roles and descriptions ---------------------------------------------------

# Words that head a title ("NATO Secretary General", "State Department spokesman").
TITLE_HEADS = words(
    """president minister secretary spokesman spokeswoman spokesperson chief head director
    chairman chairwoman chair ambassador envoy senator representative governor mayor
    chancellor premier king queen prince princess emir sheikh pope commander colonel general
    admiral captain major lieutenant sergeant officer official adviser advisor attorney
    judge justice speaker leader commissioner undersecretary ceo coordinator coach
    midfielder striker goalkeeper winger defender councillor councilor councilman
    councilwoman archbishop bishop cardinal rabbi imam pastor reverend"""
)
# Words that modify a title head ("prime", "press", "deputy") or follow it ("general").
TITLE_MODIFIERS = words(
    """prime vice deputy assistant associate acting interim former foreign defense defence
    press general executive senior first principal top state army navy military
    national homeland interior finance health"""
)
# Abbreviated titles, written out for ``Role.title``.
TITLE_ABBREVIATIONS = {
    "col": "Colonel",
    "gen": "General",
    "lt": "Lieutenant",
    "sgt": "Sergeant",
    "adm": "Admiral",
    "capt": "Captain",
    "maj": "Major",
    "cmdr": "Commander",
    "gov": "Governor",
    "sen": "Senator",
    "rep": "Representative",
    "pres": "President",
}
# Honorifics: stripped from names, never a role.
# An academic's title goes with them ("Prof. Xu Haoran"): stripped, too, never a role.
HONORIFICS = words("mr mrs ms miss dr sir dame lord lady madam mister prof professor")
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | frozenset(TITLE_ABBREVIATIONS) | HONORIFICS
# Ranks of the nobility: stripped from a person's name like a title, never a role
# ("Countess Maria Ledochowska" is Maria Ledochowska). Those that are also given names or
# part of a stage name ("Earl Chanley", "Duke Ellington", "Count Basie") are a rank only
# before a name of two words or more ("Count Anton Wolfgang von Faber-Castell").
NOBLE_RANKS = words("countess baroness duchess marquess marquis marchioness viscount viscountess")
NOBLE_NAME_RANKS = words("count baron duke earl")
# Titles, folded, that start no body's name, only a person's: "Prof. Ingrid von Hagen-Brandt",
# "Count Ferenc Albrecht von Hollstein-Rau".
PERSONAL_TITLES = HONORIFICS | NOBLE_RANKS | NOBLE_NAME_RANKS
# Titles whose "of" names a realm or a domain, never an office's object before the holder's
# name: "2nd Earl of Clare", "Count of the Holy Roman Empire", "Lord of the Rings".
REALM_TITLES = NOBLE_RANKS | NOBLE_NAME_RANKS | words("prince princess lord lady")
# The top role of an organization, for "the NATO chief".
CHIEF_NOUNS = frozenset({"chief", "head", "leader", "boss"})
TOP_TITLES = frozenset(
    {
        "secretary general",
        "president",
        "chairman",
        "chairwoman",
        "director",
        "director general",
        "chief executive",
        "ceo",
        "leader",
        "head",
        "chief",
        "prime minister",
        "chancellor",
    }
)

# -- as written, for the NER rules --------------------------------------------------------

# Titles written right before a person's name ("Secretary of Defense Lloyd J. Austin III").
PERSON_TITLES = frozenset(
    (
        "President",
        "Vice",
        "Secretary",
        "Minister",
        "Chancellor",
        "Premier",
        "Senator",
        "Sen.",
        "Governor",
        "Gov.",
        "Mayor",
        "Chief",  # "Chief Germaine Cardinal-Ladouceur of the Beaver Lake Cree Nation"
        "Councillor",  # "Councillor Abdirahman Warsame Hassan"
        "Councilor",
        "Councilman",
        "Councilwoman",
        "Ambassador",
        "Spokesman",
        "Spokeswoman",
        "spokesman",  # "State Department spokesman Ned Price": lower case, but a title
        "spokeswoman",
        "spokesperson",
        "Colonel",
        "Col.",
        "General",
        "Gen.",
        "Lieutenant",
        "Lt.",
        "Captain",
        "Capt.",
        "Major",
        "Maj.",
        "Sergeant",
        "Sgt.",
        "Admiral",
        "Adm.",
        "Commander",
        "Judge",
        "Justice",
        "Representative",
        "Rep.",
        "Director",
        "Chairman",
        "Chairwoman",
        "Dr.",
        "Prof.",
        "Professor",
        "Mr.",
        "Mrs.",
        "Ms.",
        "King",
        "Queen",
        "Prince",
        "Princess",
        # Ranks of the nobility and honorifics: "Count Anton Wolfgang von Faber-Castell",
        # "Dame Zaha Hadid" (a name of one word after them is no person's for that alone:
        # "Duke Energy", "Count Basie", "Lady Gaga").
        "Count",
        "Countess",
        "Baron",
        "Baroness",
        "Duke",
        "Duchess",
        "Earl",
        "Marquess",
        "Marquis",
        "Viscount",
        "Viscountess",
        "Lord",
        "Lady",
        "Sir",
        "Dame",
        # A faith's clergy: "Archbishop Emmanuel Okonkwo-Adeyemi".
        "Archbishop",
        "Bishop",
        "Cardinal",
        "Pope",
        "Rabbi",
        "Imam",
        "Pastor",
        "Reverend",
        "Rev.",
        # A team's people: "Midfielder Caio Ramos", "coach Ana Ruiz".
        "Coach",
        "coach",
        "Midfielder",
        "midfielder",
        "Striker",
        "striker",
        "Goalkeeper",
        "goalkeeper",
        "Winger",
        "winger",
        "Defender",
        "defender",
        # Volleyball's, cricket's, baseball's and motor racing's: "middle blocker Elif Naz
        # Karaçelik", "Red Bull driver Max Verstappen".
        "blocker",
        "hitter",
        "setter",
        "libero",
        "batter",
        "bowler",
        "pitcher",
        "quarterback",
        "driver",
        # A country's people: "Austrian national Brigitte Lechner-Wallner", "US citizen".
        "national",
        "citizen",
    )
)
# Nouns that make an apposition a person's title: "Ned Price, the State Department spokesman".
APPOSITIVE_TITLES = frozenset(
    (
        "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president",
        "director", "chief", "commander", "ambassador", "envoy", "adviser", "advisor",
        "governor", "mayor", "chairman", "chairwoman", "senator", "colonel", "general",
    )
)  # fmt: skip
