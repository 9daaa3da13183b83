"""Words in and around names: aliases, particles, suffixes, and words that say what a name is."""

from __future__ import annotations

from kg.nlp.lexicon.forms import words
from kg.nlp.lexicon.marks import OPENING_QUOTES
from kg.nlp.lexicon.nouns import PRODUCT_NOUNS, WORK_NOUNS
from kg.nlp.lexicon.titles import TITLE_WORDS

# Well-known variants → one canonical normalized name, so keys agree across documents.
# Keep it small: a caller passes its own gazetteer as ``aliases``.
BUILTIN_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "north atlantic treaty organization": "nato",
    "north atlantic treaty organisation": "nato",
    "north atlantic alliance": "nato",
    "isil": "isis",
    "daesh": "isis",
    "islamic state": "isis",
}

# Suffixes of a person's name, folded ("jr") and as written ("Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
WRITTEN_NAME_SUFFIXES = frozenset(("Jr.", "Sr.", "II", "III", "IV"))
# Words an acronym skips: "Organization of the Petroleum Exporting Countries" → OPEC.
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "to", "in", "on", "de", "&"})
# Lower-case words that belong to names ("al-Qaeda", "Charles de Gaulle", the Catalan
# "Serrat i Vidal", the Dutch "Femke op den Kamp", the Malay "Siti binti Osman", the Sudanese
# "Idris wad Hamad"); no English word ("do" of "Ana do Carmo" is one).
# fmt: off
NAME_PARTICLES = frozenset((
    "al", "el", "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin",
    "ibn", "ben", "abu", "bint", "i", "los", "las", "dos", "das", "della", "delle", "degli",
    "ter", "ten", "te", "zu", "op", "af", "vom", "zum", "zur", "binti", "binte", "wad", "ould",
))
# fmt: on
# Lower-case words that join the words of a name in another language: "Unidad por Chile".
FOREIGN_NAME_LINKS = NAME_PARTICLES | words("por para y e et und")
# Starts of a name in mixed case that a person's or a place's name has ("McAllen", "DeSantis",
# "KwaZulu"), unlike a firm's or an app's ("TikTok", "PayPal").
INNER_CAPITAL_NAME_STARTS = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Kwa", "O'")
# The vowels of a word in capitals: "TSMC" has none and reads as initials, "THOMAS" as a name.
VOWELS = frozenset("AEIOUY")
# Irish and Welsh words for "son of", "daughter of", "descendant of" that start a surname, as
# written: "Siobhán Ní Bhriain", "Cathal Ó Súilleabháin", "Rhodri ap Gwynfor-Jones".
PATRONYMIC_PARTICLES = frozenset(
    {"Ó", "Ní", "Nic", "Uí", "Ua", "Mac", "Mhic", "Mag", "ap", "ab", "ferch", "verch"}
)
# Those that start a surname alone, where no given name comes before them: not "Mac" ("the
# Mac Pro") nor "ap".
PATRONYMIC_SURNAME_STARTS = frozenset({"Ó", "Ní", "Nic", "Uí"})
# Words a name is hyphenated with to make a word that is no name: "Trump-backed",
# "Obama-era", "pro-Kremlin"; a person's name never runs over them ("Chun-ying" does).
# fmt: off
NAME_HYPHEN_SUFFIXES = frozenset((
    "led", "backed", "era", "style", "based", "born", "owned", "run", "like", "type", "free",
    "made", "linked", "allied", "aligned", "friendly", "funded", "sponsored", "inspired",
    "controlled", "held", "dominated", "centric", "esque", "ish", "related", "wide", "level",
    "class", "elect", "designate", "appointed", "loyal", "loving", "hating", "bashing",
))
NAME_HYPHEN_PREFIXES = frozenset((
    "pro", "anti", "ex", "post", "pre", "neo", "non", "then", "never", "mid", "late", "early",
))
# fmt: on
# The most letters of each syllable of a given name of two joined by a hyphen, written
# after the surname: "Hyeon Jae-won", "Leung Chun-ying" (not "Watanabe-Hart", a surname).
SYLLABLE_LETTERS = 4
# Arabic articles a surname may be written with or without: "al-Kadhimi", "Kadhimi",
# as words and as the start of a name, hyphenated or spaced.
ARABIC_ARTICLE_WORDS = ("al", "el")
ARABIC_ARTICLES = tuple(word + joint for joint in "- " for word in ARABIC_ARTICLE_WORDS)
# Words at the edge of an entity that are not part of it: "the State Department".
# fmt: off
LEADING_WORDS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "my", "your"
))
# fmt: on

# Capitalized words that continue an organization's name, not a person's: "Biden Administration".
NOT_NAME_WORDS = TITLE_WORDS | words(
    """administration government campaign family foundation group house tower center centre
    university institute company corporation party ministry department office"""
)
# What comes between a name and its alias: "NATO, also called the North Atlantic Alliance".
ALSO_CALLED = frozenset(
    {"also called", "called", "also known as", "known as", "better known as", "aka", "a.k.a."}
)
# Last words of a publication's name, which NER may take for a person's: "Diplomatic Times".
PUBLICATION_WORDS = frozenset(
    {"times", "post", "news", "herald", "journal", "tribune", "gazette", "press", "daily"}
)
# Last words of a meeting's or a war's name, which NER may take for an organization's.
EVENT_NAME_WORDS = frozenset(
    {"ministerial", "summit", "conference", "talks", "olympics", "war", "festival", "prix",
     "championship", "championships", "masters", "open", "cup"}
)  # fmt: skip
# Last words of a meeting's name that end a standing body's too ("the Gulf Research Forum"),
# which the words around the name tell apart: "a week before the Kivu Mining Forum".
MEETING_NAME_WORDS = frozenset({"forum", "conference", "summit"})
# The last words of EVENT_NAME_WORDS that name a competition or a festival, which a place's
# name before them never stands apart from ("Madrid Masters"), unlike a war's or a summit's
# ("the Iraq War" names Iraq too).
COMPETITION_NAME_WORDS = frozenset(
    {"festival", "prix", "masters", "championship", "championships", "open", "cup"}
)
# Plural nouns of people a competition's or a body's name goes on after, over "'s": "the
# FIVB Women's Club World Championship", "the Chinese People's Political Consultative
# Conference".
PEOPLE_NAME_PLURALS = words("Women Men Girls Boys Children People Workers Veterans")
# A league's words, which end an organization's name too: "Champions League", "Primeira Liga",
# "Sultanlar Ligi", "Süper Lig"; no surname ends in one.
LEAGUE_WORDS = words("League Liga Ligi Lig Ligue Lega")
# Words that end a series' name as a league's do, and a surname's too ("Pierre de la Tour").
SERIES_WORDS = words("Series Tour")
# Words that end a sports club's name after its city's, in several languages: "Praia Clube",
# "Toronto FC", "Galatasaray SK".
CLUB_NAME_WORDS = words("Club Clube Klub Klubi Kulübü FC SC CF AC SK FK")
# Words that name a country's league alone, in its language: "the Superliga", "the Bundesliga".
LEAGUE_NAME_WORDS = words("Superliga Superlig Bundesliga Superleague Liiga")
# Nouns of a competition's last games, after which a league's name is the event: "host the
# Nations League finals".
FINAL_NOUNS = frozenset({"final", "finals", "finale"})
# First words of a storm's name, which NER may take for an organization's: "Typhoon Yagi".
STORM_NAME_STARTS = words("Typhoon Hurricane Cyclone Storm")
# Sports whose name with a country's makes its governing body: "Sri Lanka Cricket", "Cricket
# Australia", "New Zealand Rugby".
SPORT_BODY_WORDS = words(
    """Cricket Rugby Football Athletics Cycling Swimming Hockey Tennis Golf Basketball Netball
    Rowing Sailing Boxing Gymnastics Triathlon"""
)
# Last words of a venue's name, which NER may take for an organization's or a person's
# ("Principality Stadium", "Tchaikovsky Concert Hall"), and first words ("Arena Riga").
VENUE_NAME_ENDS = frozenset(
    {"stadium", "arena", "circuit", "hall", "mosque", "cathedral", "velodrome", "racecourse",
     "speedway", "stadion", "ballpark"}
)  # fmt: skip
# Last words of a natural feature's name, which NER may take for an organization's or, after
# "the", a person's: "the Piracicaba River", "the Atlas Mountains".
PLACE_NAME_ENDS = words(
    """River Mountains Desert Ocean Sea Peninsula Strait Canal Glacier Plateau Delta Valley
    Lake Gulf"""
)
# Words of a natural feature or a building whose name goes on over "of" to a place, in lower
# case: "the Gulf of Thailand", "the Great Temple of Yeha"; a natural feature's to any name
# ("the Gulf of Tonkin"), a building's to a place's only.
NATURAL_FEATURE_WORDS = frozenset(word.lower() for word in PLACE_NAME_ENDS) | words("bay isle")
FEATURE_OF_PLACE_WORDS = NATURAL_FEATURE_WORDS | words("temple mosque cathedral")
# First words of a natural feature's name, which NER may take for a person's: "Pulau Tekong",
# "Jebel Marra", "Mount Elgon" (not "Col", a colonel's title too).
# Last words of a realm's name, which NER may take for a person's: "the Aksumite Empire".
POLITY_NAME_ENDS = words("Empire Kingdom Caliphate Sultanate Khanate Emirate")
PLACE_NAME_STARTS = words(
    """Mount Mt. Lake Jebel Jabal Djebel Gunung Pulau Bukit Wadi Monte Mont Lac Loch Isla Ilha
    Cerro Cape Pico"""
)
VENUE_NAME_STARTS = frozenset({"arena", "estadio", "stade", "stadio"})
# Who a photo is credited to: agencies (the separators of a credit line are in ``marks``).
PHOTO_AGENCIES = frozenset({"afp", "getty", "reuters", "ap", "epa", "anadolu", "xinhua"})
# Words that end an organization's name, as written: "Italian Space Agency", "Scottish Book
# Trust", "Mizuho Securities", a firm's trade ("Samsung Electronics", "Amkor Technology").
# Not the institutions a nationality only qualifies ("the Colombian Senate"), nor words that
# also end places ("Puget Sound").
ORG_NAME_ENDS = (
    words(
        """Association Agency Trust Federation Confederation Union Council Committee Commission
    Conference Institute University College Party Foundation League Society Authority
    Corporation Company Airlines Airways Centre Center Organization Organisation Alliance
    Front Movement Bank Office Securities Group Labs Laboratories Pictures Films Studios
    Records Press Books Capital Partners Holdings Motor Motors Systems Media Technologies Industries
    Forum Philharmonic Orchestra Club Community Electronics Semiconductor Semiconductors
    Technology Photonics Pharmaceuticals Therapeutics Biotech Telecom Telecommunications
    Petroleum Chemicals Logistics Shipping Insurance Aerospace Robotics Software Ministry
    Academy Programme Diocese Archdiocese Lines Exchange Navy Forces Board Bureau Partnership
    Department Police Force Service Bloc Fund Nation"""
    )
    | CLUB_NAME_WORDS
)
# Legal-form suffixes of a firm's name, as written, in many countries' forms: "Kilimanjaro
# Resources Inc.", "Lake Victoria Goldfields Ltd", "Siemens AG", "Pannonia Pharma Nyrt."
# (the tokenizer keeps some with their dot, splits it off others). A name that ends in one is
# a firm's, and the firm's name without it is the same firm.
CORPORATE_SUFFIXES = words(
    """Inc Inc. Ltd Ltd. Limited plc Plc PLC LLC L.L.C. LLP LP Corp Corp. Co. AG SE SA S.A.
    NV N.V. BV B.V. GmbH KGaA Nyrt Nyrt. Zrt Zrt. Kft Kft. AB ASA Oyj Oy SpA S.p.A. Srl SRL
    KK K.K. Bhd Bhd. Tbk Tbk. Pty Pty. PJSC JSC OAO PAO SAE SAS S.A.S. ApS"""
)
# Legal-form words written before a firm's name: "PT Samudra Lintas Energi" (Indonesia),
# "PJSC Gazprom" (Russia).
CORPORATE_PREFIXES = words("PT PJSC OAO PAO OOO JSC")
# Person's titles that may also start an organization's name: "the UAE's General Civil
# Aviation Authority", "General Motors".
ORG_NAME_TITLE_STARTS = frozenset({"General"})
# Organizations' words whose name goes on over "of" to a place ("University of Tokyo",
# "Council of Europe"), unlike a firm's ("Harwick Securities of London" is where it is).
NAMED_FOR_PLACE_ENDS = words(
    """Association Agency Federation Confederation Union Council Committee Commission
    Conference Institute University College Party Foundation League Society Authority
    Organization Organisation Alliance Front Movement Bank Office Centre Center Community
    Ministry Academy Programme Diocese Archdiocese Board Bureau Department Bloc"""
)
# Last words of a law's or a treaty's name: "the Inflation Reduction Act", "the Paris
# Agreement", "the Treaty" (+ "of Lisbon"); "Constitution" names one alone, after "the".
LAW_NAME_ENDS = words(
    "Act Law Bill Code Treaty Agreement Accord Convention Protocol Charter Constitution"
)
LAW_NAMES_ALONE = frozenset({"Constitution"})
# Parts of a law written with their number: "Article 21".
NUMBERED_LAW_STARTS = frozenset({"Article"})
# A law named by these words and numbers only is one of many so named: "the Constitution",
# "Article 21" (as normalized names).
GENERIC_LAW_WORDS = frozenset(word.lower() for word in LAW_NAME_ENDS | NUMBERED_LAW_STARTS)
# Last words of a prize's name: "the Commonwealth Short Story Prize", "the Palme d'Or".
AWARD_NAME_ENDS = frozenset({"Prize", "Award", "Medal", "d'Or", "d’Or"})
# Lower-case words between two capitalized words of a law's or a prize's name: "the CHIPS
# and Science Act"; and those that carry one on after its last word: "the Treaty of
# Lisbon", "the Nobel Prize in Chemistry".
NAME_INNER_WORDS = frozenset({"and", "of", "for"})
LAW_NAME_GOES_ON = frozenset({"of", "on"})
AWARD_NAME_GOES_ON = frozenset({"in", "for"})
# Short words in lower case between two capitalized words of a title: "Letters from
# Kinsale", "Kinsale in the Rain".
TITLE_INNER_WORDS = frozenset({"of", "from", "in", "the", "and", "a", "on", "to", "for"})
# Prefixes of a ship's name: "MV Ever Given", "HMS Queen Elizabeth".
SHIP_PREFIXES = words("MV MS MT SS HMS USS RMS HMAS HMCS HMNZS INS FV RV")
# The words kg.nlp.entity_things's rules start from: a law's or a prize's last word, a
# numbered law's first, a ship's prefix, an opening quote, a work's or a made thing's noun.
THING_WORDS = (
    LAW_NAME_ENDS
    | AWARD_NAME_ENDS
    | NUMBERED_LAW_STARTS
    | SHIP_PREFIXES
    | OPENING_QUOTES
    | WORK_NOUNS
    | PRODUCT_NOUNS
)
# Words after a product's model code that name its edition: "iPhone 16 Pro", "Galaxy S25 Ultra".
PRODUCT_EDITION_WORDS = words("Pro Ultra Max Plus Mini Lite Air SE XL Neo Edge Fold Flip")
# Capitalized nouns a code or number follows that name no product: "Terminal B2", "Flight
# MH370", "Vitamin B12", "Group A1".
NUMBERED_NOUNS = words(
    """Terminal Gate Flight Route Highway Road Motorway Junction Exit Runway Platform Pier
    Group Vitamin Section Article Chapter Clause Rule Level Category Phase Stage Grade Tier
    Zone Block Building Room Unit Ward Lot Row Seat Floor Bay Sector District Division Round
    Game Match Day Week Season Class Type Model Series Number Item Table Figure Line Channel
    Studio Track Hangar Wing Box Mark Version Part Volume Book Episode Act Scene Paragraph"""
)
