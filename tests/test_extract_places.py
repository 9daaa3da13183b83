"""Places inside places, on hand-built UD parses."""

from __future__ import annotations

from doc_table import build, document

from kg.extract import extract


def links(table: str) -> list[tuple[str, str, str]]:
    doc = build(table)
    x = extract(doc, document(doc))
    return [(c.place, c.within, x.document.text[c.start : c.end]) for c in x.places]


def test_a_place_comma_a_place_is_the_first_inside_the_second():
    assert links(
        """
        NATO      2 nsubj  PROPN _ ORG
        met       0 root   VERB  meet
        in        4 case   ADP
        Brussels  2 obl    PROPN _ GPE
        ,         6 punct  PUNCT
        Belgium   4 appos  PROPN _ GPE
        .         2 punct  PUNCT
        """
    ) == [("brussels", "belgium", "Brussels, Belgium")]


def test_places_in_a_list_are_not_inside_each_other():
    assert (
        links(
            """
            Iraq    6 nsubj PROPN _ GPE
            ,       3 punct PUNCT
            Syria   1 conj  PROPN _ GPE
            and     5 cc    CCONJ
            Turkey  1 conj  PROPN _ GPE
            met     0 root  VERB  meet
            .       6 punct PUNCT
            """
        )
        == []
    )


APPOSITION = """
Rockets   2 nsubj  NOUN  rocket
hit       0 root   VERB
Irbil     2 obj    PROPN _ GPE
,         6 punct  PUNCT
the       6 det    DET
capital   3 appos  NOUN
of        10 case  ADP
the       10 det   DET
Kurdish   10 amod  ADJ   _ NORP
region    6 nmod   NOUN
of        12 case  ADP
Iraq      10 nmod  PROPN _ GPE
.         2 punct  PUNCT
"""


def test_an_apposition_saying_where_a_place_lies_links_the_named_place_in_it():
    assert links(APPOSITION) == [
        ("irbil", "iraq", "Irbil, the capital of the Kurdish region of Iraq")
    ]


def test_the_apposition_counts_where_the_parser_hung_it_elsewhere():
    misparsed = APPOSITION.replace("capital   3 appos", "capital   2 appos")
    assert links(misparsed) == links(APPOSITION)
    # or as a loose phrase of the clause
    loose = APPOSITION.replace("capital   3 appos", "capital   2 parataxis")
    assert links(loose) == links(APPOSITION)


def test_a_description_without_a_named_place_links_nothing():
    vague = APPOSITION.replace("Iraq      10 nmod  PROPN _ GPE", "today     10 nmod  NOUN")
    assert links(vague) == []


def test_a_place_comma_in_a_place():
    assert links(
        """
        a         2 det    DET
        base      0 root   NOUN
        in        4 case   ADP
        Erbil     2 nmod   PROPN _ GPE
        ,         9 punct  PUNCT
        in        9 case   ADP
        Kurdish   9 amod   ADJ   _ NORP
        northern  9 amod   ADJ
        Iraq      2 nmod   PROPN _ GPE
        .         2 punct  PUNCT
        """
    ) == [("erbil", "iraq", "Erbil, in Kurdish northern Iraq")]
