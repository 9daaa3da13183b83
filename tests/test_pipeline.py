"""The shipped English pipeline: it loads with no download, tags, parses and finds entities."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import main
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


def test_plain_spacy_load_of_the_printed_path_works_in_a_new_process() -> None:
    path = CliRunner().invoke(main, ["model", "path"]).output.strip()
    script = "import spacy, sys; print([e.label_ for e in spacy.load(sys.argv[1])('Iraq').ents])"
    result = subprocess.run(
        [sys.executable, "-c", script, path], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['GPE']"


def test_model_info_shows_components_labels_and_training_data() -> None:
    result = CliRunner().invoke(main, ["model", "info"])
    assert result.exit_code == 0, result.output
    assert (
        "components: tok2vec, tagger, morphologizer, trainable_lemmatizer, parser, ner"
        in result.output
    )
    for label in ("PERSON", "GPE", "NORP", "DATE", "CARDINAL", "MONEY"):
        assert label in result.output
    assert "UD English EWT (CC BY-SA 4.0)" in result.output


def test_a_pipeline_that_is_not_installed_gets_a_one_line_error() -> None:
    result = CliRunner().invoke(main, ["model", "info", "--model", "en_core_web_nothere"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: spaCy pipeline 'en_core_web_nothere' is not installed; install its package "
        "(e.g. `pip install en_core_web_nothere` from a wheel or index that has it) "
        "or pass a pipeline folder with --model DIR\n"
    )


def test_a_folder_that_is_not_a_pipeline_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["model", "path", "--model", str(tmp_path)])
    assert result.exit_code == 1
    assert "is not a spaCy pipeline folder" in result.output
    missing = CliRunner().invoke(main, ["model", "path", "--model", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_any_pipeline_folder_can_replace_the_shipped_one(tmp_path: Path) -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "mine")
    result = CliRunner().invoke(main, ["model", "info", "--model", str(tmp_path / "mine")])
    assert result.exit_code == 0 and "components: sentencizer" in result.output
    assert pipeline.load(tmp_path / "mine").pipe_names == ["sentencizer"]
