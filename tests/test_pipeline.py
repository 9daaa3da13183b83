"""The shipped English pipeline: it loads with no download, tags, parses and finds entities."""

from __future__ import annotations

import pytest

from kg.nlp import pipeline

SENTENCE = (
    "NATO Secretary General Jens Stoltenberg said on Thursday that the alliance will raise "
    "its mission in Iraq from 500 to 4,000 troops."
)


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def test_finds_people_organizations_places_dates_and_numbers(nlp) -> None:
    ents = {(e.text, e.label_) for e in nlp(SENTENCE).ents}
    assert {
        ("Jens Stoltenberg", "PERSON"),
        ("NATO", "ORG"),
        ("Iraq", "GPE"),
        ("Thursday", "DATE"),
        ("500", "CARDINAL"),
        ("4,000", "CARDINAL"),
    } <= ents


def test_tags_lemmatizes_and_parses(nlp) -> None:
    doc = nlp(SENTENCE)
    said = next(t for t in doc if t.text == "said")
    assert said.pos_ == "VERB" and said.lemma_ == "say" and said.tag_ == "VBD"
    assert said.dep_ == "ROOT"
    (subject,) = [t for t in said.children if t.dep_ == "nsubj"]
    # the subject is the name, with the title before it in its phrase (UD heads a name by its
    # first word with "flat"; a parser may also read "Jens" as a compound of "Stoltenberg")
    assert subject.text in ("Jens", "Stoltenberg")
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1].text
    assert phrase == "NATO Secretary General Jens Stoltenberg"
    troops = next(t for t in doc if t.text == "troops")
    assert troops.pos_ == "NOUN" and troops.tag_ == "NNS"
    lemmas = [t.lemma_ for t in nlp("The ministers agreed to expand the missions.")]
    assert lemmas == ["the", "minister", "agree", "to", "expand", "the", "mission", "."]


def test_splits_sentences(nlp) -> None:
    doc = nlp("The alliance met in Brussels. Ministers agreed to expand the mission.")
    assert [s.text for s in doc.sents] == [
        "The alliance met in Brussels.",
        "Ministers agreed to expand the mission.",
    ]


def test_a_name_a_bodys_noun_introduces_is_an_organization(nlp) -> None:
    # the statistical NER alone calls it a place
    text = "A new armed group called Saraya Qamar Al Din said it fired the rockets."
    assert [(e.text, e.label_) for e in nlp(text).ents] == [("Saraya Qamar Al Din", "ORG")]
