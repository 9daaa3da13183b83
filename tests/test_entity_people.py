"""People's names whole and typed as people (issue 15): the rule layer on hand-set NER output,
then kg build on short articles written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from answers import MODEL
from spacy.language import Language

import kg
from benchmarks.entity_audit import Node, stored_nodes
from kg.store.embedded import Store
from kg.train.recipe import add_entity_rules

GAZETTEER = {
    "names": {"GPE": ["Santos", "Lima", "Rio de Janeiro"], "ORG": ["Reuters"]},
    "weak": ["Santos", "Lima"],
    "ambiguous": [],
    "aliases": {},
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    add_entity_rules(nlp, data=GAZETTEER)
    return nlp


def run(nlp: Language, text: str, ner: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """The rules' names for ``text`` (no numbers), given the NER's (phrase, label) pairs."""
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in ner:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
    doc.ents = spans
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    numeric = {"CARDINAL", "ORDINAL", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY"}
    return [(ent.text, ent.label_) for ent in doc.ents if ent.label_ not in numeric]


def test_a_surname_with_an_apostrophe_is_a_word_of_the_name(nlp) -> None:
    text = "Mayor Ruairí O'Donoghue said so. Later O'Brien spoke, and D'Angelo left."
    ner = (("O'Donoghue", "PERSON"), ("O'Brien", "PERSON"), ("D'Angelo", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Ruairí O'Donoghue", "PERSON"),
        ("O'Brien", "PERSON"),
        ("D'Angelo", "PERSON"),
    ]


def test_a_chiefs_title_is_no_part_of_the_name_nor_an_occupation_a_given_name(nlp) -> None:
    text = (
        "Chief Germaine Cardinal-Ladouceur of the Beaver Lake Cree Nation spoke. "
        "Chief Economist Jane Doe agreed. Chief among the costs was fuel."
    )
    assert run(nlp, text) == [("Germaine Cardinal-Ladouceur", "PERSON"), ("Jane Doe", "PERSON")]


def test_dutch_malay_and_sudanese_particles_join_the_name(nlp) -> None:
    text = (
        "Festival director Femke op den Kamp said so. Coach Siti binti Osman agreed. "
        "The scholar Idris wad Hamad wrote."
    )
    ner = (("Kamp", "PERSON"), ("Siti", "PERSON"), ("Idris", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Femke op den Kamp", "PERSON"),
        ("Siti binti Osman", "PERSON"),
        ("Idris wad Hamad", "PERSON"),
    ]


def test_a_name_of_any_kind_cut_at_a_particle_is_the_person_whole(nlp) -> None:
    text = (
        "Its chief scientist, Pieter-Jan van den Heuvel, said so. Anna von Trapp sang. "
        "The Banco do Brasil and Rio de Janeiro stayed."
    )
    ner = (("Pieter-Jan van", "ORG"), ("Anna von", "LOC"), ("Banco", "ORG"))
    assert run(nlp, text, ner) == [
        ("Pieter-Jan van den Heuvel", "PERSON"),
        ("Anna von Trapp", "PERSON"),
        ("Banco", "ORG"),
        ("Rio de Janeiro", "GPE"),
    ]


ARTICLES = {
    "mayor.txt": "Town empties as fire nears\n\n"
    "Mayor Ruairí O'Donoghue said the order covered every street. Chief Germaine "
    "Cardinal-Ladouceur of the Whitefish Lake Nation said elders would leave first.\n",
    "gallery.txt": "Gallery names new head\n\n"
    "Gallery director Femke op den Kamp said the museum would reopen in May. Its chief "
    "curator, Pieter-Jan van den Heuvel, said the loans were secured.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    folder = tmp_path_factory.mktemp("people")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store_path = folder / "store"
    kg.build([folder / name for name in ARTICLES], store=store_path, model=MODEL)
    with Store(store_path, read_only=True) as store:
        nodes = [node for found in stored_nodes(store).values() for node in found]
        yield {node.label: node for node in nodes}


@pytest.mark.slow
def test_names_with_apostrophes_particles_and_a_chiefs_title_are_people(built) -> None:
    for name in (
        "Ruairí O'Donoghue",
        "Germaine Cardinal-Ladouceur",
        "Femke op den Kamp",
        "Pieter-Jan van den Heuvel",
    ):
        assert built[name].type == "Person", name
    assert not [label for label in built if label in ("O'Donoghue", "Kamp", "Pieter-Jan van")]
