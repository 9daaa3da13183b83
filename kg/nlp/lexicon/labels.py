"""Entity labels (OntoNotes, as spaCy's en_core_web_* pipelines give them), parts of speech
(UD) and Penn Treebank tags."""

from __future__ import annotations

# -- entity labels ------------------------------------------------------------------------

# Labels of the names the graph keeps as entities.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
)
# Other pipelines' spellings of the same labels.
LABEL_SPELLINGS = {"PER": "PERSON", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "LOCATION": "LOC"}
# The knowledge-base id kg's entity rules give an entity whose label the words around it
# gave, so that extraction lets it outweigh the NER's guesses at the same name elsewhere.
CONTEXT_KB_ID = "kg:context"
# The NER's labels a product's apposition may correct, on a name the gazetteer does not
# know: "Velorexin, the firm's pill" as a person or a place.
RETYPED_AS_PRODUCT = frozenset({"PERSON", "ORG", "LOC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Numbers that count nothing: a quantity is not read from them.
NUMBER_LABELS_SKIPPED = frozenset({"DATE", "TIME", "ORDINAL"})

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of a place's or a body's name, after which "at" names a place: "the Surma at
# Kanaighat", "Barclays at Canary Wharf".
PLACE_OR_BODY_LABELS = PLACE_LABELS | {"ORG"}
# Places that are areas, without facilities (FAC): the gazetteer's place labels.
AREA_LABELS = frozenset({"GPE", "LOC"})
# Names a team's cue may retype: places, and the people and venues NER takes clubs for
# ("Benfica" as a person, "Munster" as a place).
TEAM_LABELS = AREA_LABELS | {"PERSON", "FAC"}
# Names that can be a title's organization: "NATO Secretary General", "US Army Colonel";
# LOC too, as pipelines trained on UNER label countries and departments LOC.
TITLE_ORG_LABELS = frozenset({"ORG", "GPE", "LOC"})
# Organizations and groups (NORP): what "they" and a kind noun ("the alliance") stand for.
GROUP_LABELS = frozenset({"ORG", "NORP"})
# What "it" stands for.
IT_LABELS = frozenset({"ORG", "GPE"})
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A hyphenated pair of these ("U.S.-Taliban") is two entities, not one.
COMPOUND_LABELS = frozenset({"GPE", "ORG", "NORP"})
# A single name with one of these labels may be a person's surname that NER mislabelled;
# place names are left alone ("Washington" is not George Washington).
SURNAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT"})
# The same for kg's own NER, before extraction: its ORG and LOC (a place the gazetteer does
# not know stays LOC), when the token is a surname named in full elsewhere in the doc.
NER_SURNAME_LABELS = frozenset({"ORG", "LOC"})
# What the NER calls the halves of a person's name it cut in two: "Lucía" (LOC) and
# "Valencia Cárdenas" (PERSON).
HALF_NAME_LABELS = frozenset({"PERSON", "LOC"})
# What the NER may call a name that ends in an organization's word ("Utrecht University").
RETYPED_AS_ORG = frozenset({"PERSON", "GPE", "LOC", "FAC"})
# What the NER and the entity rules call a competition's name: "Champions League", "Madrid
# Open".
COMPETITION_LABELS = frozenset({"ORG", "EVENT"})
# What the NER may call a composer named after his music: "recordings of Tchaikovsky".
RETYPED_AS_COMPOSER = frozenset({"ORG", "GPE", "LOC", "NORP"})
# Labels other pipelines may give a name right after a person's title.
RETYPED_AFTER_TITLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})

# -- parts of speech ----------------------------------------------------------------------

# Parts of speech that never head an argument (a misparse made them a subject or object).
NOT_ARGUMENT_POS = frozenset({"PUNCT", "SPACE", "SCONJ", "CCONJ", "PART", "ADP", "INTJ"})
# Parts of speech a name never consists of alone.
JUNK_POS = frozenset({"PRON", "DET", "PUNCT", "SYM", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Tokens trimmed from the edges of a span.
EDGE_POS = frozenset({"PUNCT", "CCONJ", "SPACE"})
VERBAL_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# What an attribute's entity may be: "a Shia group", "Awliya Al Dam", "it".
NOUN_OR_PRONOUN_POS = frozenset({"PROPN", "NOUN", "PRON"})
# A complement without a verb of its own: "remained active", "was named chief".
SECONDARY_PREDICATE_POS = frozenset({"ADJ", "NOUN", "PROPN"})
# Words between an indefinite article and its noun: "an armed Shia group".
NOUN_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT"})
# Tokens cut from the start of a name ("the", a quotation mark) and from its end ("'s").
NAME_LEADING_POS = frozenset({"DET", "PUNCT"})
NAME_TRAILING_POS = frozenset({"PUNCT", "PART"})
# Words before a place that a description skips: "the northern".
DET_OR_ADJ_POS = frozenset({"DET", "ADJ"})
# Tokens trimmed from the edges of a quote's content.
CONTENT_EDGE_POS = frozenset({"PUNCT", "SCONJ"})
# Parts of speech that open a clause or a phrase, never an apposition's title before its noun
# (", and that the Executive Branch").
CLAUSE_POS = frozenset({"CCONJ", "SCONJ", "PRON", "ADP"})

# -- Penn Treebank tags -------------------------------------------------------------------

# Tags of a possessor right before its noun: "her son", "the farmer's wife".
POSSESSIVE_TAGS = frozenset({"PRP$", "POS", "WP$"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
# Tags of the words an apposition may have before its noun: articles, possessives,
# adjectives, ordinals, nouns and proper nouns ("Kinderdijk's second drug").
APPOSITION_TAGS = NOUN_TAGS | POSSESSIVE_TAGS | ADJECTIVE_TAGS | {"DT", "CD"}
# Finite verb forms, never a passive participle.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verb forms that head a clause and never modify a noun (participles do: "U.S.-led forces",
# "continuing cooperation").
CLAUSE_VERB_TAGS = FINITE_TAGS | {"VB"}
PAST_TAGS = frozenset({"VBN", "VBD"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
WH_RELATIVE_TAGS = frozenset({"WDT", "WP"})
# Verb forms that head an adverbial clause: "..., killing two", "..., to raise".
ADVERBIAL_CLAUSE_FORMS = frozenset({"VBG", "VBN", "VB", "TO"})

# -- argument roles -----------------------------------------------------------------------

# Roles without one of which an event is less certain.
CORE_ROLES = frozenset({"agent", "theme", "attribute"})
# Roles that make an event noun an event: "the attack on Erbil airport on Monday".
EVENT_NOUN_ROLES = frozenset({"place", "time", "agent", "theme"})
# Words of a phrase that say nothing of what its thing is, left out when two mentions of a
# referent are compared: "the", "of", "our", "2,500".
NOT_DEFINING_POS = frozenset({"ADP", "DET", "PUNCT", "PART", "CCONJ", "SPACE", "PRON", "NUM"})
# Words a referent's label never starts with: "and half week long vacation".
LABEL_EDGE_POS = frozenset({"CCONJ", "PUNCT", "ADP"})
# Comparatives and superlatives pick one thing out, not say what it is: "the deadliest attack".
COMPARING_TAGS = frozenset({"JJR", "JJS"})
# What a tagger calls the capitalized words of an organization's name before its last word:
# "Lunar Transportation Systems".
ORGANIZATION_WORD_POS = frozenset({"PROPN", "ADJ", "NOUN"})
# Labels of a name that a capitalized disaster's noun after it makes no event of: "the
# Kindle Fire" (kg.nlp.entity_events.disasters).
MADE_THING_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "PERSON"})
