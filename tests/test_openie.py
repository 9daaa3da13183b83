"""Open extractions from clauses, on hand-built UD parses, and `kg openie` end to end."""

from __future__ import annotations

from click.testing import CliRunner
from doc_table import build

from kg.cli import main
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


def test_kg_openie_reads_lines_and_writes_tab_separated_extractions(tmp_path):
    runner = CliRunner()
    text = "NATO expanded its mission in Iraq .\n\nThe attack was claimed by a militia .\n"
    result = runner.invoke(main, ["openie", "-"], input=text)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert {row[0] for row in rows} == {
        "NATO expanded its mission in Iraq .",
        "The attack was claimed by a militia .",
    }
    assert all(0 < float(row[1]) <= 1 for row in rows)
    by_predicate = {row[2]: row[3:] for row in rows}
    assert by_predicate["expanded"][0] == "NATO"
    assert by_predicate["was claimed by"] == ["The attack", "a militia"]

    out = tmp_path / "out.tsv"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["openie", str(tmp_path / "in.txt"), "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").splitlines() == [
        "\t".join(row) for row in rows
    ]


def test_kg_openie_refuses_a_binary_file_in_one_line(tmp_path):
    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["openie", str(binary)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {binary}: not a text file (binary content); pass one sentence per line"
    ]
