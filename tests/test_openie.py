"""Open extractions from clauses, on hand-built UD parses (`kg openie` is in test_cli)."""

from __future__ import annotations

from doc_table import build

from kg.extract.openie import OpenExtraction, open_extractions
from kg.extract.parse import Parse


def tuples(table: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.predicate, e.arguments) for e in open_extractions(Parse(build(table)))]


def test_active_clause_keeps_the_surface_words_and_every_argument():
    found = tuples(
        """
        Earlier  2 advmod ADV
        this     3 det    DET
        year     7 obl:tmod NOUN
        ,        7 punct  PUNCT
        President 6 compound PROPN
        Bush     7 nsubj  PROPN
        made     0 root   VERB make
        a        10 det   DET
        final    10 amod  ADJ
        offer    7 obj    NOUN
        on       13 case  ADP
        the      13 det   DET
        wage     10 nmod  NOUN
        .        7 punct  PUNCT
        """
    )
    assert found == [
        ("made", ("President Bush", "Earlier this year", "a final offer on the wage")),
    ]


def test_passive_keeps_its_auxiliary_and_its_by_phrase():
    found = tuples(
        """
        The      2 det       DET
        mission  4 nsubj:pass NOUN
        was      4 aux:pass  AUX be
        expanded 0 root      VERB expand tag=VBN
        by       6 case      ADP
        NATO     4 obl       PROPN
        .        4 punct     PUNCT
        """
    )
    # with no object, the first preposition joins the predicate: "was expanded by"
    assert found == [("was expanded by", ("The mission", "NATO"))]


def test_copula_and_negated_modal_predicates():
    copula = tuples(
        """
        Awliya  2 compound PROPN
        Dam     5 nsubj    PROPN
        is      5 cop      AUX be
        a       5 det      DET
        group   0 root     NOUN
        .       5 punct    PUNCT
        """
    )
    assert copula == [("is", ("Awliya Dam", "a group"))]
    negated = tuples(
        """
        Iraq     4 nsubj  PROPN
        would    4 aux    AUX
        not      4 advmod PART
        confirm  0 root   VERB
        the      6 det    DET
        attack   4 obj    NOUN
        .        4 punct  PUNCT
        """
    )
    assert negated == [("would not confirm", ("Iraq", "the attack"))]


def test_a_controlled_infinitive_continues_the_predicate():
    found = tuples(
        """
        Ministers 2 nsubj  NOUN minister
        agreed    0 root   VERB agree
        to        4 mark   PART
        raise     2 xcomp  VERB
        the       6 det    DET
        mission   4 obj    NOUN
        .         2 punct  PUNCT
        """
    )
    # one extraction "agreed to raise", not a bare "agreed" plus a subjectless "raise"
    assert found == [("agreed to raise", ("Ministers", "the mission"))]


def test_a_longer_chain_keeps_each_infinitive_out_of_the_arguments():
    found = tuples(
        """
        Ministers 2 nsubj  NOUN minister
        agreed    0 root   VERB agree
        to        4 mark   PART
        try       2 xcomp  VERB
        to        6 mark   PART
        raise     4 xcomp  VERB
        the       8 det    DET
        mission   6 obj    NOUN
        .         2 punct  PUNCT
        """
    )
    assert found == [("agreed to try to raise", ("Ministers", "the mission"))]


def test_relative_clause_subject_and_a_noun_it_leaves_as_object():
    found = tuples(
        """
        the      3 det       DET
        first    3 amod      ADJ
        bid      0 root      NOUN
        Pacific  5 nsubj     PROPN
        offered  3 acl:relcl VERB offer
        """
    )
    # "the first bid Pacific offered": no relative pronoun, so the noun is what was offered
    assert found == [("offered", ("Pacific", "the first bid"))]


def test_apposition_reads_as_is_and_a_bare_clause_ranks_last():
    extractions = open_extractions(
        Parse(
            build(
                """
                Ned        2 compound PROPN
                Price      7 nsubj    PROPN
                ,          5 punct    PUNCT
                the        5 det      DET
                spokesman  2 appos    NOUN
                ,          5 punct    PUNCT
                spoke      0 root     VERB speak
                ,          7 punct    PUNCT
                however    7 advmod   ADV
                .          7 punct    PUNCT
                """
            )
        )
    )
    # most certain first: a clause with no argument after the verb comes last
    assert [(e.predicate, e.arguments) for e in extractions] == [
        ("is", ("Ned Price", "the spokesman")),
        ("spoke", ("Ned Price",)),  # "however", set off by commas, is no argument
    ]
    assert extractions[0].confidence > extractions[1].confidence


def test_subject_taken_over_by_a_conjoined_verb_ranks_lower():
    extractions = open_extractions(
        Parse(
            build(
                """
                NATO     2 nsubj  PROPN
                met      0 root   VERB meet
                allies   2 obj    NOUN ally
                and      5 cc     CCONJ
                expanded 2 conj   VERB expand
                training 5 obj    NOUN
                .        2 punct  PUNCT
                """
            )
        )
    )
    assert [(e.predicate, e.arguments) for e in extractions] == [
        ("met", ("NATO", "allies")),
        ("expanded", ("NATO", "training")),
    ]
    assert extractions[0].confidence > extractions[1].confidence


def test_rows_are_carb_system_format():
    row = OpenExtraction(0.9, "said", ("Stoltenberg", "the\tmission grows")).row("S .")
    assert row.split("\t") == ["S .", "0.900", "said", "Stoltenberg", "the mission grows"]
