"""Common nouns by what they name: events, weapons, places, organizations."""

from __future__ import annotations

from kg.nlp.lexicon.forms import words

# Nouns that name events; they become events when the text gives them a time, place or actor.
EVENT_NOUNS = words(
    """attack strike bombing explosion blast raid assault offensive shelling shooting killing
    meeting conference summit talks visit election announcement decision withdrawal
    expansion investigation protest ceasefire agreement deal war invasion"""
)
# Nouns of a disaster or a war that make one event with the place's name before them, where
# the text uses the pair as a name: "the Tigray War", "the 2004 Indian Ocean tsunami", "a
# blaze known as the Owl River fire".
# An epidemic's nouns among them name one after "the" and a disease's name alone: "since
# before the COVID-19 pandemic", "the Ebola epidemic".
EPIDEMIC_NOUNS = words("pandemic epidemic")
DISASTER_NOUNS = EPIDEMIC_NOUNS | words(
    """war fire wildfire blaze earthquake quake tsunami flood floods eruption massacre
    genocide famine uprising"""
)
# The words that make a sentence one that tells of an attack (kg:tellsOf "attack"), found
# within words, case aside ("airstrikes", "Bombers"), so that a query finds those sentences by
# one indexed lookup instead of reading every sentence's text.
ATTACK_WORDS = words("attack strike bomb blast explosion raid shelling")
# What kind of happening an event noun names, where two nouns name one kind: the same
# rocket attack is "a missile strike" in another article. A noun not listed is its own kind.
EVENT_KINDS: dict[str, str] = {
    noun: "attack"
    for noun in words("attack strike bombing raid assault shelling blast explosion offensive")
}
# The event noun a verb's clause names when the news talks about it as a thing: "agreed to
# expand the mission" → the expansion. Each noun is an event noun.
NOMINALIZATIONS: dict[str, str] = {
    "attack": "attack",
    "strike": "strike",
    "bomb": "bombing",
    "raid": "raid",
    "assault": "assault",
    "shell": "shelling",
    "kill": "killing",
    "meet": "meeting",
    "visit": "visit",
    "elect": "election",
    "announce": "announcement",
    "decide": "decision",
    "withdraw": "withdrawal",
    "expand": "expansion",
    "investigate": "investigation",
    "protest": "protest",
    "agree": "agreement",
    "invade": "invasion",
}
# Nouns before an attack noun that say what it was made with: "a rocket attack".
WEAPON_NOUNS = words("rocket missile drone mortar bomb artillery car suicide grenade gun air")
# Common nouns that name a place an event happens at: "at a U.S.-led military base in ...".
PLACE_NOUNS = words("""base city town village region country capital headquarters area province camp
    airport embassy compound site border street district neighborhood neighbourhood
    port island state territory zone facility building hospital school market""")
# Nouns an apposition uses to say where a named place lies: "Irbil, the capital of ...".
LOCATING_NOUNS = words(
    """capital city town village region province state district county governorate area
    suburb neighbourhood neighborhood part port hub seat outskirts"""
)
# Nouns of an area whose name follows "of": "the province of Al Haouz", "the town of X".
AREA_NOUNS = words(
    """province region district county governorate municipality town village city prefecture
    island"""
)
# Nouns of a natural feature, written after its name in lower case: "the Surma river".
FEATURE_NOUNS = words("river lake mountain hill island valley creek")
# Nouns of a kind of place written after its name: "the Surma and Kushiyara rivers", "the
# Sunamganj district", "the Nyakabale and Mgusu mines".
NAMED_PLACE_NOUNS = AREA_NOUNS | FEATURE_NOUNS | words("mine")
# Nouns of a place whose name may follow a comma: "the regional capital, Comrat,".
CAPITAL_NOUNS = words("capital")
# Nouns that name a kind of organization: "the alliance", "a Shia group called ...".
ORG_NOUNS = words(
    """alliance organization organisation group ministry department government coalition
    militia agency bloc union council company firm party movement army court bank
    committee commission network faction front brigade battalion outfit band label publisher
    charity broadcaster start-up startup"""
)
# Nouns of a maker, which a firm is and now and then a person ("the manufacturer Georg
# Reichenbach", "the property developer Vingroup").
MAKER_NOUNS = words("developer manufacturer maker operator exporter")
# Nouns of an organization's kind that may stand right before its name in lower case: "the
# German lens maker Leica", "Saudi Pro League side Al-Ittihad", "the electoral service
# Servel". Not the nouns a person may be ("rival", "customer", "producer").
# Nouns of a firm's trade, which open a sentence capitalized before the firm's name
# ("Distributor MUBI bought the rights") as no name's first word does.
TRADE_NOUNS = MAKER_NOUNS | words(
    """distributor regulator conglomerate miner lender insurer chipmaker carmaker automaker
    retailer broadcaster"""
)
# Nouns of a sports team, in a sentence that tells of a match against a club, not a player.
TEAM_NOUNS = words("club side team squad")
ORG_KIND_NOUNS = (
    ORG_NOUNS
    | TRADE_NOUNS
    | TEAM_NOUNS
    | words("watchdog service airline brand newspaper channel fund")
)
# Plural nouns of a people's members, after the people's name: "Zaghawa militias", "Fulani
# herders", "Mapudungun speakers".
PEOPLE_MEMBER_NOUNS = words(
    """militias militiamen fighters herders nomads tribesmen clans elders speakers
    communities"""
)
# Nouns after a language's name: "the Mapudungun language", "the Sabaean script".
LANGUAGE_NOUNS = words("language languages dialect script")
# Nouns a people's or a language's name comes right before: "Zaghawa militias".
GROUP_NOUNS = PEOPLE_MEMBER_NOUNS | LANGUAGE_NOUNS
# Nouns and verbs of speech after which "in" names a language: "her speech in Mapudungun".
SPOKEN_IN_WORDS = words("speech speak sing song write address broadcast interview greet pray")
# Nouns of a route, whose preposition's name is the place it leads to: "the road to X".
ROUTE_NOUNS = words("road route highway motorway railway railroad corridor")
# Nouns an organization has and a person or a place does not, after its possessive: "X's
# chief executive", "X's shareholders".
ORG_HOLDING_NOUNS = words(
    """ceo chairman chairwoman shareholders subsidiary subsidiaries board headquarters
    executive"""
)
# Nouns of what a listed firm's owners trade: "Lumora shares fell", "shares of Lumora".
TRADED_NOUNS = words("shares stock stocks")
# Nouns of a person's job, after which "at" names the employer: "an economist at HSBC".
JOB_NOUNS = words(
    """analyst strategist economist researcher scientist engineer executive official manager
    director spokesman spokeswoman spokesperson employee banker trader professor lecturer"""
)
# Endings only an occupation's noun has: "microbiologist", "physician", "photographer".
OCCUPATION_ENDINGS = ("ologist", "ician", "ographer")
# Nouns only a person is, besides an occupation: "Halima, a 14-year-old girl,".
PERSON_NOUNS = words(
    """girl boy woman man mother father son daughter wife husband widow widower child
    teenager grandmother grandfather shepherd farmer resident student volunteer villager
    sister brother niece nephew granddaughter grandson"""
)
# Nouns of the people who live or work in a place, whose "in" names it: "farmers in Java",
# "residents in Sylhet"; not those a firm or a body may follow ("investors", "lawmakers").
RESIDENT_NOUNS = words(
    """people resident villager farmer fisherman official reporter journalist voter family
    protester refugee child student"""
)
# Nouns of an institution written with a capital as its name, which "in" may follow
# without a place: "officials in Congress", "lawmakers in Parliament".
INSTITUTION_NOUNS = ORG_NOUNS | words("congress parliament senate assembly cabinet")
# Nouns of a household, which a surname qualifies after "the": "the Smith family".
HOUSEHOLD_NOUNS = words("family household clan")
# Nouns of a person or a household a people's name may qualify with an article or "first"
# before it: "the first Mapuche president", "a Hausa trading family".
PEOPLE_QUALIFIED_NOUNS = PERSON_NOUNS | HOUSEHOLD_NOUNS | words("president leader king queen")
# Nouns of a firm by what it does or is to another, whose kind a list gives its names:
# "Nvidia and other American customers", "carmakers such as Kia".
FIRM_NOUNS = words(
    """customer client supplier rival competitor chipmaker carmaker automaker manufacturer
    maker lender insurer airline carrier retailer brand exporter importer producer"""
)
# Nouns too general to be a thing of their own: "the situation", "others", "a lot", "the use
# of translators". Each names no one thing a reader could point at: a general noun (thing,
# way, fact), an amount or a kind of what follows it ("a range of challenges", "hundreds of
# demonstrators", "some form of government"), or an abstract relation to it ("the use of",
# "the need for", "the importance of"); so an argument headed by one stays text. A noun that
# names a real thing in some texts (event, place, group) does not belong here.
GENERIC_NOUNS = words(
    """other thing situation way part lot kind sort type one some number time fact case
    matter issue point something anything everything nothing someone anyone everyone
    stuff bit aspect manner end beginning form range amount couple bunch dozen hundred
    thousand million billion percent rest example result reason future use need importance"""
)
# Plurals a lemmatizer reads as another noun's, by the noun news means, and the words after
# which the other one is meant: "military bases" are bases, "the bases for a deal" bases.
AMBIGUOUS_PLURALS: dict[str, tuple[str, frozenset[str]]] = {
    "bases": ("base", frozenset({"for"})),
}
# Nouns written with a plural -s that have no singular of their own ("news", "series"): a
# lemmatizer that leaves one as it is is right.
PLURAL_ONLY_NOUNS = words(
    """news means species series headquarters arms politics economics physics mathematics
    athletics thanks clothes premises remains savings earnings goods outskirts whereabouts
    barracks crossroads gallows logistics ethics tactics statistics electronics diabetes"""
)
# Nouns an of-phrase sees through: the thing is what follows "of" ("at the end of the Defense
# Ministerial", "the rest of the country", "raise the number of troops").
TRANSPARENT_NOUNS = words("end beginning start middle part rest half majority bulk number")
# The nouns of fixed prepositional phrases, by the prepositions they take there: "in the wake
# of", "on behalf of", "at the outset of", "on the heels of", "in front of", "for example",
# "in other words". Such a noun is a part of the phrase (which works as one preposition or
# adverb), not a thing the text talks about.
FIXED_PHRASE_NOUNS: dict[str, frozenset[str]] = {
    noun: words(prepositions)
    for noun, prepositions in (
        ("wake", "in"),
        ("behalf", "on in"),
        ("outset", "at from"),
        ("onset", "at with since"),
        ("heels", "on"),
        ("front", "in"),
        ("margin", "on at"),
        ("course", "in over during"),
        ("context", "in"),
        ("hand", "in at"),
        ("ground", "on"),
        ("word", "in"),
        ("odds", "against at"),
        ("love", "in"),
        ("light", "in"),
        ("view", "in"),
        ("face", "in"),
        ("spite", "in"),
        ("term", "in"),
        ("favor", "in"),
        ("favour", "in"),
        ("basis", "on"),
        ("account", "on"),
        ("crack", "at"),
        ("bottom", "at"),
        ("side", "on by"),
    )
}
# Nouns that make a sentence about sport: "the friendly", "a late goal".
SPORT_NOUNS = words(
    """match game final semifinal semi-final quarterfinal quarter-final friendly goal
    tournament cup qualifier fixture league set tie-break penalty penalties innings try
    wicket"""
)
# A match's plays, made by a player named after "from": "a low cross from Anna Berg".
PLAY_NOUNS = words("cross pass shot corner header volley lob assist free-kick through-ball")
# A team's people, after the team's name in lower case: "Munster lock Pádraig Ó Dálaigh",
# "the Palmeiras forward", "Mercedes driver Lars-Erik Johannessen"; before a name, the noun
# makes it a person as an occupation does ("hooker Seán Mac Giolla Phádraig").
TEAM_ROLE_NOUNS = words(
    """coach captain midfielder striker forward defender goalkeeper keeper winger fly-half
    scrum-half hooker lock flanker full-back fullback bowler batsman batter opener spinner
    wicketkeeper driver quarterback pitcher guard"""
)
# Words between "play" and "for" before a team: "plays his club rugby for Leinster".
TEAM_PLAY_WORDS = words(
    """his her their club rugby football soccer cricket basketball hockey volleyball handball
    baseball netball"""
)
# Nouns of a work whose name may follow them: "the novel Brodie", "Finnish drama Margarethe".
WORK_NOUNS = words(
    """novel book memoir biography film movie documentary drama comedy thriller album song
    single play opera musical ballet painting poem symphony sitcom"""
)
# Nouns of music written down, whose composer "of" or "by" names: "recordings of
# Tchaikovsky", "sonatas by Scarlatti".
COMPOSED_WORK_NOUNS = words(
    """recording symphony concerto sonata opera quartet requiem cantata oratorio etude prelude
    nocturne"""
)
# Nouns of a made thing whose name may follow them: "the rover Ada", "the browser Beacon".
PRODUCT_NOUNS = words(
    """rover orbiter lander spacecraft probe satellite rocket telescope capsule ship vessel
    tanker freighter yacht ferry submarine aircraft drone browser app software chatbot"""
)
# Nouns of a craft a model's name or code comes before: "an H3 rocket", "two Hercules
# aircraft", "F-16 fighter jets". Not nouns a maker's name comes before as often ("Mozilla
# software", "Nvidia chips"), nor "probe" ("the Senate probe").
MODEL_NOUNS = words(
    """rover orbiter lander spacecraft satellite rocket telescope capsule aircraft drone jet
    missile helicopter"""
)
# Nouns of a medicine, whose name an apposition gives: "Velorexin, the firm's pill for ...".
DRUG_NOUNS = words("drug pill medicine treatment therapy vaccine")
# Nouns a medicine's noun may come before: "KT-311, a drug candidate".
DRUG_STAGE_NOUNS = words("candidate")
# Nouns of a ship, whose name may follow them: "the container ship Aurora Meridian".
SHIP_NOUNS = words("ship vessel tanker freighter ferry yacht trawler submarine")
# Nouns of a person's occupation, written in lower case right before the name: "the fiddler
# Dónal Mac Giolla Phádraig", "Brazil coach Dorival Mendes Ferreira". Not those a company
# may follow ("investor SoftBank", "producer Warner Bros").
OCCUPATION_NOUNS = words(
    """coach midfielder striker goalkeeper defender winger player captain referee athlete
    cyclist singer songwriter musician guitarist drummer fiddler violinist pianist cellist
    conductor composer actor actress filmmaker writer author novelist poet playwright
    journalist photographer painter sculptor scientist researcher physicist chemist biologist
    mathematician economist historian professor lawyer attorney surgeon nurse businessman
    businesswoman entrepreneur teacher activist campaigner lawmaker legislator politician
    diplomat envoy soldier detective prosecutor curator"""
)
