"""A parse table for each tree repair (repairs.*_REPAIRS) and subject rule (SUBJECT_RULES)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rule_tables import Cases, Probe, at, check
from spacy.tokens import Doc
from spacy.vocab import Vocab

import kg.extract.parse
from kg.extract import clauses, repairs
from kg.extract.parse import Parse

# -- repairs: each runs on the parser's tree, before the parse view applies any -------------

HUNG_VERB = """
NATO      3  compound PROPN _ ORG
defence   3  compound NOUN
ministers 0  root     NOUN  minister tag=NNS
agreed    3  acl      VERB  agree    tag=VBD
on        6  case     ADP
Thursday  4  obl      PROPN _ DATE
to        8  mark     PART
expand    4  xcomp    VERB
the       10 det      DET
mission   8  obj      NOUN
.         3  punct    PUNCT
"""

NOUN_AS_VERB = """
The       2 det        DET
plan      4 nsubj:pass NOUN
was       4 aux:pass   AUX   be
approved  0 root       VERB  approve tag=VBN
by        7 case       ADP
EU        7 compound   PROPN _ ORG
ministers 4 obl:agent  VERB  minister tag=NNS
last      9 amod       ADJ
week      7 obl        NOUN
.         4 punct      PUNCT
"""

CUT_ATTRIBUTION = """
The     2 det   DET
EU      4 nsubj PROPN _ ORG
will    4 aux   AUX
give    0 root  VERB
Ukraine 4 iobj  PROPN _ GPE
aid     4 obj   NOUN
,       4 punct PUNCT

Borrell 2 nsubj PROPN _ PERSON
said    0 root  VERB  say tag=VBD
.       2 punct PUNCT
"""

INJURED = """
two      2 nummod   NUM
soldiers 4 nsubj    NOUN soldier tag=NNS
were     4 cop      AUX  be
injured  0 root     ADJ  _ tag=JJ
.        4 punct    PUNCT
"""

DETERRED = """
measures 0 root  NOUN measure tag=NNS
meant    1 acl   VERB mean tag=VBN
to       4 mark  PART
deter    2 xcomp VERB deterr
attacks  4 obj   NOUN attack tag=NNS
"""

FOLLOWS_ATTACK = """
The       2 det      DET
expansion 3 nsubj    NOUN
follows   0 root     VERB  follow tag=VBZ
a         6 det      DET
rocket    6 compound NOUN
attack    3 obj      NOUN
on        8 case     ADP
Monday    3 obl      PROPN _ DATE
on        11 case    ADP
a         11 det     DET
base      3 obl      NOUN
in        13 case    ADP
Erbil     11 nmod    PROPN _ GPE
"""

CALLS_FOR = """
The        5 det      DET
U.S.       4 compound PROPN _ GPE
-          2 punct    PUNCT
Taliban    5 compound PROPN _ ORG
Agreement  6 compound NOUN  agreement
calls      0 root     NOUN  call tag=NNS
for        8 case     ADP
withdrawal 6 nmod     NOUN
.          6 punct    PUNCT
"""

BASES = """
There    2 expl  PRON
are      0 root  VERB  be
several  4 amod  ADJ
bases    2 nsubj NOUN  basis tag=NNS
in       6 case  ADP
Iraq     4 nmod  PROPN _ GPE
"""

TROOPS = """
The     3 det     DET
United  3 compound PROPN _ GPE
States  4 nsubj   PROPN _ GPE
has     0 root    VERB  have
2,500   6 nummod  NUM   _ CARDINAL
troops  4 obj     NOUN  troops tag=NNS
in      8 case    ADP
Iraq    6 nmod    PROPN _ GPE
"""

RAMIFICATIONS = """
it            2  expl  PRON
is            0  root  AUX   be
fair          2  xcomp ADJ
to            5  mark  PART
say           3  xcomp VERB
there         8  expl  PRON
will          8  aux   AUX
be            5  ccomp VERB
ramifications 8  nsubj NOUN  ramification tag=NNS
for           12 case  ADP
every         12 det   DET
group         5  obl   NOUN
responsible   12 amod  ADJ
"""


def _tree(p: Parse, word: str) -> tuple[str, str]:
    """(head word, label) of ``word`` in the tree."""
    i = at(p, word)
    return p.words[p.head[i]], p.dep[i]


TREE_REPAIR_CASES: Cases = {
    "promote_hung_verbs": (
        HUNG_VERB,
        lambda p, rule: (rule(p), _tree(p, "agreed"), _tree(p, "ministers")),
        (True, ("agreed", "ROOT"), ("agreed", "nsubj")),
    ),
    "nouns_read_as_verbs": (
        NOUN_AS_VERB,
        lambda p, rule: (rule(p), p.pos[at(p, "ministers")], _tree(p, "week")),
        (True, "NOUN", ("approved", "obl")),
    ),
    "verbs_read_as_plural_nouns": (
        CALLS_FOR,
        lambda p, rule: (rule(p), p.pos[at(p, "calls")], _tree(p, "Agreement"), _tree(p, "The")),
        (True, "VERB", ("calls", "nsubj"), ("Agreement", "det")),
    ),
    "sequence_objects": (
        FOLLOWS_ATTACK,
        lambda p, rule: (rule(p), _tree(p, "Monday"), _tree(p, "base"), _tree(p, "expansion")),
        (True, ("attack", "nmod"), ("attack", "nmod"), ("follows", "nsubj")),
    ),
    "phrases_after_a_clause": (
        RAMIFICATIONS,
        lambda p, rule: (rule(p), _tree(p, "group")),
        (True, ("ramifications", "nmod")),
    ),
}
SENTENCE_REPAIR_CASES: Cases = {
    "join_cut_attributions": (
        CUT_ATTRIBUTION,
        lambda p, rule: (rule(p, [(s.start, s.end) for s in p.doc.sents]), _tree(p, "said")),
        ([(0, 10)], ("give", "parataxis")),
    ),
}
LEMMA_REPAIR_CASES: Cases = {
    "participle_as_verb": (INJURED, lambda p, rule: rule(p, at(p, "injured")), "injure"),
    "undoubled_r": (DETERRED, lambda p, rule: rule(p, at(p, "deter")), "deter"),
    "news_plural": (BASES, lambda p, rule: rule(p, at(p, "bases")), "base"),
    "plural_left_whole": (TROOPS, lambda p, rule: rule(p, at(p, "troops")), "troop"),
}
REPAIRS = repairs.TREE_REPAIRS + repairs.SENTENCE_REPAIRS + repairs.LEMMA_REPAIRS
REPAIR_CASES = {**TREE_REPAIR_CASES, **SENTENCE_REPAIR_CASES, **LEMMA_REPAIR_CASES}


@pytest.mark.parametrize("name", sorted(REPAIR_CASES))
def test_each_repair_mends_the_tree_of_its_sentence(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for stage in ("TREE_REPAIRS", "SENTENCE_REPAIRS", "LEMMA_REPAIRS"):
        monkeypatch.setattr(kg.extract.parse, stage, ())  # the parser's tree, as it came
    check(REPAIRS, name, REPAIR_CASES[name], chain=False)


# -- subject rules ------------------------------------------------------------------------


def _subjects(verb: str) -> Probe:
    """A probe: the subjects the rule gives clause ``verb``, as (word, inherited)."""

    def probe(p: Parse, rule: Callable[..., Any]) -> object:
        found = rule(p, at(p, verb), 0)
        return found if found is None else [(p.words[k], inherited) for k, inherited in found]

    return probe


SUBJECT_CASES: Cases = {
    "own_subjects": (
        """
        Stoltenberg 4 nsubj PROPN _ PERSON
        and         3 cc    CCONJ
        Austin      1 conj  PROPN _ PERSON
        said        0 root  VERB  say
        """,
        _subjects("said"),
        [("Stoltenberg", False), ("Austin", False)],
    ),
    "inverted": (
        """
        The     2 det        DET
        base    4 nsubj:pass NOUN
        was     4 aux:pass   AUX  be
        hit     6 ccomp      VERB _ tag=VBN
        ,       6 punct      PUNCT
        said    0 root       VERB say tag=VBD
        Marotto 6 obj        PROPN _ PERSON
        """,
        _subjects("said"),
        [("Marotto", False)],
    ),
    "no_controller": (
        """
        Expand  0 root VERB
        the     3 det  DET
        mission 1 obj  NOUN
        """,
        _subjects("Expand"),
        [],
    ),
    "stranded": (
        """
        A          3  det      DET
        rocket     3  compound NOUN
        attack     4  nsubj    NOUN
        claimed    0  root     VERB claim tag=VBD
        the        6  det      DET
        life       4  obj      NOUN
        of         9  case     ADP
        a          9  det      DET
        contractor 6  nmod     NOUN
        and        12 cc       CCONJ
        nine       12 nummod   NUM
        others     9  conj     NOUN other tag=NNS
        were       14 aux:pass AUX  be
        injured    4  conj     VERB injure tag=VBN
        """,
        _subjects("injured"),
        [("others", False)],
    ),
    "object_control": (
        """
        NATO    2 nsubj PROPN _ ORG
        asked   0 root  VERB  ask tag=VBD
        Iraq    2 obj   PROPN _ GPE
        to      5 mark  PART
        host    2 xcomp VERB
        troops  5 obj   NOUN troop tag=NNS
        """,
        _subjects("host"),
        [("Iraq", True)],
    ),
    "controlled": (
        """
        Ministers 2 nsubj NOUN minister tag=NNS
        agreed    0 root  VERB agree tag=VBD
        to        4 mark  PART
        expand    2 xcomp VERB
        the       6 det   DET
        mission   4 obj   NOUN
        """,
        _subjects("expand"),
        [("Ministers", True)],
    ),
    "conjunct": (
        """
        The     2 det   DET
        group   3 nsubj NOUN
        claimed 0 root  VERB claim tag=VBD
        the     5 det   DET
        attack  3 obj   NOUN
        and     7 cc    CCONJ
        fled    3 conj  VERB flee tag=VBD
        """,
        _subjects("fled"),
        [("group", True)],
    ),
    "noun_clause": (
        """
        The       2 det   DET
        coalition 5 nsubj NOUN
        fighting  2 acl   VERB fight tag=VBG
        ISIS      3 obj   PROPN _ ORG
        met       0 root  VERB meet tag=VBD
        """,
        _subjects("fighting"),
        [("coalition", True)],
    ),
    "adverbial": (
        """
        The       2 det   DET
        ministers 3 nsubj NOUN minister tag=NNS
        met       0 root  VERB meet tag=VBD
        to        5 mark  PART
        discuss   3 advcl VERB _ tag=VB
        the       7 det   DET
        mission   5 obj   NOUN
        """,
        _subjects("discuss"),
        [("ministers", True)],
    ),
    "misread_participle": (
        """
        Stoltenberg 2 nsubj PROPN _ PERSON
        said        0 root  VERB  say tag=VBD
        ,           4 punct PUNCT
        adding      2 ccomp VERB  add tag=VBG
        that        8 mark  SCONJ
        the         7 det   DET
        mission     8 nsubj NOUN
        grows       4 ccomp VERB grow tag=VBZ
        """,
        _subjects("adding"),
        [("Stoltenberg", True)],
    ),
}


@pytest.mark.parametrize("name", sorted(SUBJECT_CASES))
def test_each_subject_rule_finds_the_subject_of_its_sentence(name: str) -> None:
    check(clauses.SUBJECT_RULES, name, SUBJECT_CASES[name], chain=True)


CASES = {
    "repairs.TREE_REPAIRS": TREE_REPAIR_CASES,
    "repairs.SENTENCE_REPAIRS": SENTENCE_REPAIR_CASES,
    "repairs.LEMMA_REPAIRS": LEMMA_REPAIR_CASES,
    "clauses.SUBJECT_RULES": SUBJECT_CASES,
}


def test_the_parse_view_reads_a_tokens_features_as_spacy_does() -> None:
    words = ["Which", "bases", "they", "used", "."]
    morphs = ["PronType=Int,Rel", "Number=Plur", "Case=Nom|Number=Plur|Person=3", "", "_"]
    doc = Doc(Vocab(), words=words, morphs=morphs)
    p = Parse(doc)
    for i, token in enumerate(doc):
        for feature in ("Case", "Number", "Person", "PronType", "Tense"):
            assert sorted(p.morph(i, feature)) == sorted(token.morph.get(feature, []))
    assert "Rel" in p.morph(0, "PronType") and "Plur" in p.morph(2, "Number")
    assert p.morph(3, "Number") == p.morph(4, "Number") == ()
