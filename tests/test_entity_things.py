"""Named things that are neither people, bodies nor places: laws and treaties, prizes, ships
by their prefix and works by a quoted title (``kg.nlp.entity_things``).

The rule test sets the statistical NER's output by hand (``test_entity_rules.run``); the
end-to-end test builds a short article written for it with the tests' pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import all_by_label, built_nodes
from spacy.language import Language
from test_entity_rules import nlp, run

from benchmarks.entity_audit import Node

__all__ = ["nlp"]  # the fixture, shared with the entity rules' tests

ARTICLES = {
    "harbour.txt": "Harbour law passed\n\n"
    "Lawmakers in Tallinn passed the Coastal Waters Protection Act on Tuesday, a year after "
    "the Treaty of Narva was signed. Judges said Article 14 of the Constitution allowed it. "
    "The bill follows the grounding of the ferry MV Silver Heron near Paldiski and a "
    "collision of the container ship Amber Coast, which carried a survey drone called Tern. "
    'Its cover shows "The Grey Quay" (1974), a painting. Its author, '
    "who won the Baltic Shore Prize in Poetry, wrote the novel 'The Salt Lantern' about it.\n",
    "grain.txt": "Farmers and Millers Sign Accord on Grain Prices\n\n"
    "Farmers and millers signed the Grain Prices Accord in Lyon on Monday.\n",
    "appeal.txt": "Appeal heard\n\n"
    "Judges in Riga heard on Friday that the Coastal Waters Protection Act breached the "
    "Constitution, since Article 14 protects fishermen.\n",
}


def test_laws_prizes_ships_and_quoted_works_are_named_things(nlp: Language) -> None:
    text = (
        "Under the Clean Rivers and Coasts Act and the Treaty of Narva, signed in Riga, she "
        "won the Hollin Prize in Physics and the Palme d'Or. President Bill Okoro sailed on "
        "HMS Grey Wren, read Article 9 of the Constitution and wrote the novel 'The Salt "
        "Lantern'. The Act Now campaign and the Bill said nothing."
    )
    ner = (("Narva", "GPE"), ("Riga", "GPE"), ("Bill Okoro", "PERSON"), ("Grey Wren", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Clean Rivers and Coasts Act", "LAW"),  # "and" between capitalized words
        ("Treaty of Narva", "LAW"),  # on over "of", taking the NER's place in
        ("Riga", "GPE"),
        ("Hollin Prize in Physics", "WORK_OF_ART"),  # a prize, on over "in"
        ("Palme d'Or", "WORK_OF_ART"),
        ("Bill Okoro", "PERSON"),  # a name goes on after "Bill": no law
        ("HMS Grey Wren", "PRODUCT"),  # a ship's prefix, with the NER's "person"
        ("Article 9", "LAW"),
        ("Constitution", "LAW"),  # alone after "the"
        ("The Salt Lantern", "WORK_OF_ART"),  # a work's noun, then a quoted title
    ]


def test_a_headline_in_title_case_names_no_law_by_its_capitals(nlp: Language) -> None:
    headline = "Farmers and Millers Sign Accord on Grain Prices"
    assert run(nlp, headline) == []  # a verb phrase, not "the Accord on Grain Prices"
    text = "Farmers and millers signed the Grain Prices Accord on the quay in Lyon."
    assert run(nlp, text) == [("Grain Prices Accord", "LAW")]


def test_a_name_beside_a_works_or_a_ships_noun_is_the_work_or_the_ship(nlp: Language) -> None:
    text = (
        "The album, Letters from Harwick, sold well. The ship, the Grey Gull, sank. The cargo "
        "ship Amber Coast collided with the tanker United States Pride and the ferry Iraqi "
        "Kurdistan. The film, Anna said, was long. They sent a rover called Tova and shot a "
        "film named The Long Quay."
    )
    ner = (("Harwick", "PERSON"), ("Amber Coast", "ORG"), ("Iraqi Kurdistan", "GPE"))
    assert run(nlp, text, ner) == [
        ("Letters from Harwick", "WORK_OF_ART"),  # between commas after a work's noun
        ("Grey Gull", "PRODUCT"),  # a made thing's noun, "the" before the name
        ("Amber Coast", "PRODUCT"),  # right after a ship's noun
        ("United States Pride", "PRODUCT"),
        ("Iraqi Kurdistan", "GPE"),  # a name the gazetteer knows is no ship
        ("Tova", "PRODUCT"),  # the noun, "called" and the name
        ("The Long Quay", "WORK_OF_ART"),
    ]


def test_a_quoted_title_before_its_year_in_brackets_is_a_work(nlp: Language) -> None:
    text = (
        'Its centrepiece is "The Salt Road" (1981), a canvas. She said "Not Now" (twice) and '
        '"Go Home" (in 1990).'
    )
    assert run(nlp, text) == [
        ("The Salt Road", "WORK_OF_ART"),  # the year in brackets after the closed quote
        ("1990", "DATE"),  # a quote before other brackets is no work
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[Node]]]:
    """The nodes of the articles by their label."""
    with built_nodes(tmp_path_factory.mktemp("things"), ARTICLES) as (_, nodes):
        yield all_by_label(nodes)


@pytest.mark.slow
def test_laws_prizes_ships_and_works_are_things_in_the_graph(
    built: dict[str, set[Node]],
) -> None:
    for label in (
        "Coastal Waters Protection Act",
        "Treaty of Narva",
        "Article 14",
        "Constitution",
        "MV Silver Heron",
        "Amber Coast",
        "Tern",
        "The Grey Quay",  # a work's title keeps its article
        "Baltic Shore Prize in Poetry",
        "The Salt Lantern",
        "Grain Prices Accord",
    ):
        assert {node.type for node in built[label]} == {"Entity"}, label
    assert "Narva" not in built  # the place inside the treaty's name is no node of its own
    assert not [label for label in built if "Sign Accord" in label]  # a headline's verb
    # A law named in full is one node across articles; "the Constitution" and "Article 14"
    # may be another country's in another article, so each article has its own.
    assert len({node.iri for node in built["Coastal Waters Protection Act"]}) == 1
    assert len({node.iri for node in built["Constitution"]}) == 2
    assert len({node.iri for node in built["Article 14"]}) == 2
