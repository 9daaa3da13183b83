"""Dependency relations (UD v2, as in UD English EWT), and the cuts that bound a phrase.

A cut is the set of relations whose subtrees a phrase's text leaves out.
"""

from __future__ import annotations

# ClearNLP (en_core_web_*) and older UD labels → the UD v2 labels the rules use.
UD_LABELS = {
    "root": "ROOT",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "dobj": "obj",
    "auxpass": "aux:pass",
    "poss": "nmod:poss",
    "prt": "compound:prt",
    "relcl": "acl:relcl",
    "npadvmod": "obl:unmarked",
    "obl:tmod": "obl:unmarked",
    "obl:npmod": "obl:unmarked",
    "nmod:tmod": "nmod:unmarked",
    "nmod:npmod": "nmod:unmarked",
    "tmod": "obl:unmarked",
    "neg": "advmod",
    "quantmod": "advmod",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "oprd": "xcomp",
    "acomp": "xcomp",
    "nn": "compound",
    "num": "nummod",
    "possessive": "case",
    "complm": "mark",
    "infmod": "acl",
    "partmod": "acl",
    "intj": "discourse",
    "meta": "dep",
    "attr": "attr",  # ClearNLP copula complement: the predicate nominal of a "be" head
}

# -- arguments of a clause ----------------------------------------------------------------

ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj", "nsubj:outer", "csubj:outer"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
ALL_SUBJECTS = ACTIVE_SUBJECTS | PASSIVE_SUBJECTS
# The direct object alone.
OBJECT_DEPS = frozenset({"obj"})
INDIRECT_OBJECTS = frozenset({"iobj", "dative"})
# What makes a clause transitive for open extraction: then prepositions stay with their
# phrases. Wider than ``OBJECT_DEPS``: an indirect object or a complement clause counts.
TRANSITIVE_DEPS = frozenset({"obj", "iobj", "ccomp"})
TRANSITIVE_OR_XCOMP_DEPS = TRANSITIVE_DEPS | {"xcomp"}
# Prepositional and bare-noun modifiers of a clause (UD) or of a noun.
OBLIQUES = frozenset({"obl", "obl:agent", "obl:unmarked", "nmod", "nmod:unmarked"})
CLEAR_PREPS = frozenset({"prep", "agent", "dative"})
CLEAR_POBJS = frozenset({"pobj", "pcomp"})
PASSIVE_AUXILIARIES = frozenset({"aux:pass"})
AUXILIARIES = frozenset({"aux", "aux:pass"})
# Children that make an -ed adjective a passive: "were injured", "is located".
PASSIVE_MARKERS = frozenset({"aux:pass", "cop"})
# Where a negation hangs ("neg" is ClearNLP's).
NEGATION_DEPS = frozenset({"advmod", "neg", "aux", "aux:pass"})
CLAUSAL_SUBJECTS = frozenset({"csubj", "csubj:pass"})
# A clause that is a verb's subject or complement: "it is unclear whether ...".
CLAUSAL_ARGUMENTS = frozenset({"ccomp", "csubj", "csubj:pass"})
# A verb's complement clauses, in the order a report looks for them: "announced that X",
# "agreed to raise".
COMPLEMENT_CLAUSES = ("ccomp", "xcomp")
# The clause or object a speech verb reports: "said (that) X", "X, he said".
REPORTED_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "obj"})
# Clauses that modify a noun: "the coalition fighting ISIS".
NOUN_CLAUSES = frozenset({"acl", "acl:relcl"})
# Clauses inside another: their open extractions are less certain.
EMBEDDED_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "xcomp", "ccomp"})
# A participle misread as a complement: "he said, adding that ...".
MISREAD_PARTICIPLE_DEPS = frozenset({"ccomp", "parataxis"})
# A verb a parser hung from the noun before it: "ministers agreed" as "ministers ← acl agreed".
HUNG_VERB_DEPS = frozenset({"acl", "xcomp", "dep"})
# Infinitive clauses: "agreed to raise", "in order to leave".
TO_CLAUSES = frozenset({"xcomp", "advcl"})
# Prepositional modifiers of a clause (obl) or a noun (nmod).
OBL_OR_NMOD = frozenset({"obl", "nmod"})
# Obliques a noun takes only as a verb: "last week" in "ministers (approved) last week".
VERB_OBLIQUES = frozenset({"obl", "obl:unmarked"})
# Bare time modifiers: "said Thursday", "said today".
BARE_TIME_DEPS = frozenset({"nmod:unmarked", "obl:unmarked", "advmod"})
COPULA = frozenset({"cop"})
CC = frozenset({"cc"})
NUMMODS = frozenset({"nummod", "nummod:gov"})
# Where only a noun phrase goes.
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "appos", "compound"}
)
# Relations of a token that never heads a clause.
NOT_HEAD_DEPS = frozenset(
    {
        "aux",
        "aux:pass",
        "cop",
        "amod",
        "compound",
        "case",
        "mark",
        "det",
        "fixed",
        "flat",
        "goeswith",
        "reparandum",
        "punct",
        "cc",
        "discourse",
        "nummod",
        "compound:prt",
        "advmod",
        "det:predet",
        "nmod:poss",
        "vocative",
        "expl",
        "nmod:desc",
    }
)
# Where a parser hangs a clause whose subject it attached to the clause before.
STRANDING_DEPS = frozenset({"conj", "ccomp", "parataxis"})
# Labels a parser may give by mistake to the subject after an inverting speech verb:
# "..., said Colonel Marotto".
INVERTED = frozenset({"obj", "ccomp", "dep", "appos", "parataxis", "xcomp"})
# A noun phrase set off by a comma that the parser hung loosely: an apposition, or a loose
# phrase of the clause ("a base in Irbil, the capital of ...").
LOOSE_NOUN_DEPS = frozenset({"appos", "parataxis", "dep", "list"})

# -- open extraction ----------------------------------------------------------------------

# Tokens of the verb group that belong to the predicate: "could not have been carried out".
PREDICATE_DEPS = frozenset({"aux", "aux:pass", "cop", "compound:prt"})
# Children of a clause head that are not among its arguments.
NOT_ARGUMENT_DEPS = (
    ALL_SUBJECTS
    | PREDICATE_DEPS
    | frozenset(
        {"punct", "cc", "conj", "mark", "parataxis", "discourse", "dep", "expl", "vocative"}
    )
)
# Clause-level children kept as arguments only when they are short.
ADVERBIAL = frozenset({"advmod", "advcl"})

# -- names --------------------------------------------------------------------------------

# Relations that join the words of one name.
NAME_LINKS = frozenset({"compound", "flat", "flat:name"})
# How a parser may hang a name's parts from a title before it.
NAME_PART_DEPS = frozenset({"flat", "compound", "flat:name", "nmod:desc"})
# How a parser may hang a person's name from the title or organization before it.
TITLED_NAME_DEPS = frozenset({"flat", "compound", "appos", "nmod:desc", "flat:name", "nmod"})
# A name that heads a noun's description: "the group, Awliya Al Dam".
DESCRIBED_NAME_DEPS = frozenset({"flat", "appos", "nmod:desc"})
# The name a naming participle gives: "called (xcomp) X", "named (obj) X".
NAMED_AS_DEPS = frozenset({"xcomp", "obj", "attr"})
# What a kind noun names: "NATO is an alliance", "Awliya Al Dam, a Shia group".
KIND_NAMED_DEPS = frozenset({"nsubj", "appos"})

# -- referents ----------------------------------------------------------------------------

# Modifiers before a noun that say which thing it is: "NATO mission", "military base",
# "NATO's mission", "U.S.-led forces".
DEFINING_DEPS = frozenset({"compound", "amod", "nmod:poss"})
# Words inside a defining phrase that are no part of a referent's label: "the", "2,500",
# "already".
LEFT_OUT_DEPS = NUMMODS | {"det", "advmod"}

# -- cuts ---------------------------------------------------------------------------------

# Children cut from a noun phrase's text: they are arguments or clauses of their own.
NP_CUT = frozenset(
    {"acl:relcl", "appos", "conj", "cc", "parataxis", "punct", "advcl", "list", "dep", "ccomp"}
)
# An argument's text is its phrase without the preposition that marks it.
ARGUMENT_CUT = NP_CUT | {"case"}
# A subject's or a speaker's words: a noun phrase without participle clauses and asides
# ("The official, speaking on condition of anonymity,").
BARE_NP_CUT = ARGUMENT_CUT | {"acl"}
# A time phrase is the date words, not what a parser hung on them.
TIME_CUT = ARGUMENT_CUT | {"nmod", "acl", "obl", "advcl", "conj", "cc"}
# The predicate of a copula without the clause around it.
ATTRIBUTE_CUT = NP_CUT | frozenset(
    {
        "nsubj",
        "nsubj:pass",
        "csubj",
        "cop",
        "aux",
        "aux:pass",
        "obl",
        "obl:unmarked",
        "advmod",
        "mark",
        "expl",
        "xcomp",
        "discourse",
        "obl:agent",
        "nsubj:outer",
    }
)
# A clause as plain text: all of it but punctuation.
CLAUSE_CUT = frozenset({"punct"})
# A quote's content.
CONTENT_CUT = frozenset({"punct", "mark"})
# An organization's name after a title.
ORG_CUT = frozenset({"acl:relcl", "appos", "conj", "cc", "parataxis", "punct", "case"})
# A result verb's sides: "Brazil beat Germany", "drew with Germany".
RESULT_ROLES = frozenset({"nsubj", "obj", "obl"})
# The two sides of a fixture's verb: "Wales host Scotland".
FIXTURE_ROLES = frozenset({"nsubj", "obj"})
# Dependency prefixes of a clause hung on a noun: "the group (that) Marek founded".
CLAUSE_ON_NOUN = ("acl", "relcl")
# Dependencies of the words that carry a verb's tense and number: "have signed", "are fourth".
FINITE_HELPERS = frozenset({"aux", "aux:pass", "cop"})
# The relation of a list's later members to its first: "Hausa and Fulani herders".
CONJUNCT_DEPS = frozenset({"conj"})
