"""Long names whole: bodies named over "and", commas, a place or a nationality
(``kg.nlp.entity_compounds``, ``kg.nlp.entity_joins``), laws named over "on" and "and",
ships with a hull number (``kg.nlp.entity_things``), and a place and a disaster's noun as
one named event (``kg.nlp.entity_bodies``).

The rule tests set the statistical NER's output by hand (``test_entity_rules.run``); the
end-to-end test builds a short article written for it with the tests' pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import all_by_label, built_nodes
from doc_table import build
from spacy.language import Language
from test_entity_rules import nlp, run

from benchmarks.entity_audit import Node

__all__ = ["nlp"]  # the fixture, shared with the entity rules' tests

ARTICLES = {
    "ferry.txt": "Ferry lost on the delta\n\n"
    "A ferry, the MV Rupsha Queen-7, sank near Chandpur on Tuesday, eleven years after the "
    "1998 Meghna floods drowned the same landing. Survivors of the blaze, known as the "
    "Kalipur fire, said the crew had ignored the Law on Inland Navigation and Port Safety. "
    "The country's IT Security Act does not cover ferries, and the Padma War ended long ago.\n",
    "rain.txt": "Storm warning\n\n"
    "The Kenya Meteorological Department said on Monday that heavy rain would hit the coast. "
    "Officers of the Royal Malawian Mounted Police were sent north, and the opposition Bloc "
    "of Farmers and Traders asked for help.\n\n"
    "Delegates to the Lake Zone Mining and Energy Forum in Mwanza left early. Tanzania's "
    "Fisheries, Forestry and Wildlife Agency closed the lake, and the Ghana Police Service "
    "sent divers.\n",
    "cup.txt": "Harbour Queens win Club Asia Cup\n\n"
    "The Harbour Queens beat Osaka in the final of the AVC Women's Club Asia Cup on Sunday, "
    "days after a cargo ship sank in the Gulf of Tonkin. The team flies home to Manila for "
    "Tuesday's parade. Fans gathered at the Grand Temple of Lumbini, and the Sorvia Film Fund "
    "paid for a film.\n\n"
    "Trade and Investment Canada said the Red Pine Cree Nation would host the next cup, two "
    "weeks after the Lake Zone Trade Forum.\n\n"
    'The jury chose "Salt Harbour", a drama by Ana Lind, as the best film.\n',
}


def test_a_bodys_name_is_whole_over_and_commas_a_place_and_a_nationality(
    nlp: Language,
) -> None:
    text = (
        "Before the Kivu Mining and Energy Forum, Sorvia's Fisheries, Forests and Water Agency, "
        "the Iraq Statistical Department and The Royal Iraqi Mounted Police met. In Erbil "
        "Revenue Authority staff, the United States and European Union, and the Ford "
        "Foundation and Gates Foundation did not, nor did the Kivu Jazz Band, Sorvia Brass, "
        "Lumo Big Band and Tide Orchestra."
    )
    ner = (
        ("Kivu Mining", "ORG"),
        ("Energy Forum", "ORG"),
        ("Sorvia", "GPE"),
        ("Water Agency", "ORG"),
        ("Iraq", "GPE"),
        ("Statistical Department", "ORG"),
        ("Iraqi Mounted Police", "ORG"),
        ("Erbil", "GPE"),
        ("Revenue Authority", "ORG"),
        ("United States", "GPE"),
        ("European Union", "ORG"),
        ("Ford Foundation", "ORG"),
        ("Gates Foundation", "ORG"),
        ("Kivu Jazz Band", "ORG"),
        ("Lumo Big Band", "ORG"),
        ("Tide Orchestra", "ORG"),
    )
    assert run(nlp, text, ner) == [
        ("Kivu Mining and Energy Forum", "ORG"),  # the NER's two bodies over "and"
        ("Sorvia", "GPE"),
        ("Fisheries, Forests and Water Agency", "ORG"),  # a list before "and"
        ("Iraq Statistical Department", "ORG"),  # the place right before the body
        ("Royal Iraqi Mounted Police", "ORG"),  # a capitalized word after "the"
        ("Erbil", "GPE"),  # a preposition of place before it: where the body is
        ("Revenue Authority", "ORG"),
        ("United States", "GPE"),  # a name the gazetteer knows is no part of another
        ("European Union", "ORG"),
        ("Ford Foundation", "ORG"),  # a body's word ends the first: two bodies
        ("Gates Foundation", "ORG"),
        ("Kivu Jazz Band", "ORG"),  # a list of names, not single words: apart
        ("Lumo Big Band", "ORG"),
        ("Tide Orchestra", "ORG"),
    ]


def test_a_bodys_word_before_of_starts_its_name_and_takes_the_next(nlp: Language) -> None:
    text = (
        "The opposition Bloc of Greens and Farmers walked out. The Sorvia Police Service came, "
        "as did the Ministry of the Interior and the Sorvia Department of the Treasury."
    )
    ner = (("Greens", "NORP"), ("Sorvia", "ORG"), ("Sorvia Department", "GPE"))
    assert run(nlp, text, ner) == [
        ("Bloc of Greens and Farmers", "ORG"),  # the group inside the name
        ("Sorvia Police Service", "ORG"),  # two bodies' words after the NER's name
        ("Ministry of the Interior", "ORG"),  # on over "of the"
        ("Sorvia Department of the Treasury", "ORG"),
    ]


def test_a_laws_topic_goes_on_over_on_and_of(nlp: Language) -> None:
    text = (
        "The Law on the State Budget and Taxes of Sorvia passed. Iran signed the Treaty on "
        "the Non-Proliferation of Nuclear Weapons. The Act on Monday changed the Law on "
        "Public Procurement and the US Patriot Act. Germany's IT Security Act applies."
    )
    ner = (("State Budget and Taxes of Sorvia", "ORG"), ("Iran", "GPE"), ("Germany", "GPE"))
    assert run(nlp, text, ner) == [
        ("Law on the State Budget and Taxes of Sorvia", "LAW"),  # the NER's "body" inside
        ("Iran", "GPE"),
        ("Treaty on the Non-Proliferation of Nuclear Weapons", "LAW"),  # over a tight hyphen
        ("Monday", "DATE"),  # a date's word is no law's topic
        ("Law on Public Procurement", "LAW"),  # "and the": another name starts
        ("US Patriot Act", "LAW"),
        ("Germany", "GPE"),
        ("IT Security Act", "LAW"),  # an acronym, though "it" is a function word
    ]


def test_a_ships_name_keeps_its_hull_number(nlp: Language) -> None:
    text = "The MV Shapla Star-12 and HMS Tern - 4 sailed; the RV Kestrel-II stayed."
    assert run(nlp, text, (("Shapla Star-12", "ORG"),)) == [
        ("MV Shapla Star-12", "PRODUCT"),  # the number hyphened to the last word
        ("HMS Tern", "PRODUCT"),  # a spaced dash is no part of the name
        ("4", "CARDINAL"),
        ("RV Kestrel", "PRODUCT"),  # letters after the hyphen are no hull number
    ]


def test_a_place_and_a_disasters_noun_are_an_event_where_the_text_names_it(
    nlp: Language,
) -> None:
    text = (
        "After the Ogaden War ended, the 2011 Tohoku earthquake struck. A blaze known as the "
        "Pine Creek fire and a storm dubbed the Valencia floods came too. A fire in Iraq "
        "and the Iraq war were over, as were the Dutch War of Independence and the Kindle Fire. "
        "Sales rose after the COVID-19 pandemic and the flu pandemic."
    )
    ner = (("Ogaden War", "LOC"), ("Tohoku", "PERSON"), ("Pine Creek", "LOC"), ("Valencia", "GPE"))
    ner += (("Iraq", "GPE"), ("Dutch", "NORP"), ("Kindle", "PRODUCT"))
    assert run(nlp, text, ner) == [
        ("Ogaden War", "EVENT"),  # the noun capitalized after "the", in the NER's place too
        ("2011 Tohoku earthquake", "EVENT"),  # a year between "the" and the "person"
        ("Pine Creek fire", "EVENT"),  # "known as the"
        ("Valencia floods", "EVENT"),  # "dubbed the"
        ("Iraq", "GPE"),  # "a fire in Iraq": nothing names an event
        ("Iraq", "GPE"),  # "the Iraq war": nothing makes it a name
        ("Dutch War of Independence", "EVENT"),  # on over "of"
        ("Kindle", "PRODUCT"),  # a made thing's "Fire"
        ("COVID-19 pandemic", "EVENT"),  # an epidemic's noun after "the" and a name
    ]


def test_a_disasters_noun_before_another_noun_names_no_event(nlp: Language) -> None:
    # "the 2016 Erbil fire season ended ." with the NER's place
    table = """
        the     5  det       DET
        2016    5  nummod    NUM
        Erbil   4  compound  PROPN _ GPE
        fire    5  compound  NOUN
        season  6  nsubj     NOUN
        ended   0  root      VERB  end tag=VBD
        .       6  punct     PUNCT
    """
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    assert [(e.text, e.label_) for e in doc.ents] == [("Erbil", "GPE")]


def test_a_features_word_of_a_place_is_one_place(nlp: Language) -> None:
    text = (
        "Boats left the Gulf of Sorvia, the Strait of Tavi and the Old Temple of Erbil for the "
        "Temple of Doom and the Gulf of Iraq Fishery Council."
    )
    ner = (("Gulf", "LOC"), ("Sorvia", "GPE"), ("Tavi", "PERSON"), ("Erbil", "GPE"))
    assert run(nlp, text, ner + (("Iraq", "GPE"),)) == [
        ("Gulf of Sorvia", "LOC"),  # the NER's feature and place
        ("Strait of Tavi", "LOC"),  # after a natural feature's word, any name
        ("Old Temple of Erbil", "LOC"),  # a building's word, capitalized words before it
        # "the Temple of Doom": no place after a building's word
        ("Iraq", "GPE"),  # "Fishery Council" goes on: no feature
    ]


def test_a_quoted_title_before_a_works_noun_in_apposition_is_a_work(nlp: Language) -> None:
    text = (
        'The prize went to "Salt Harbour", a tense courtroom drama, and "Blue Hour", the '
        'third novel by Ana Lind. "We Will Return", a spokesman said.'
    )
    assert run(nlp, text, (("Ana Lind", "PERSON"),)) == [
        ("Salt Harbour", "WORK_OF_ART"),  # a comma, an article, words and the noun
        ("Blue Hour", "WORK_OF_ART"),
        ("third", "ORDINAL"),
        ("Ana Lind", "PERSON"),  # "a spokesman": no work's noun
    ]


def test_a_meetings_name_put_in_time_is_the_meeting(nlp: Language) -> None:
    text = (
        "A week before the Kivu Mining Forum and during the Erbil Peace Conference, the Gulf "
        "Research Forum said Ana testified before the Sorvia Trade Forum."
    )
    ner = (
        ("Kivu Mining Forum", "ORG"),
        ("Erbil Peace Conference", "ORG"),
        ("Gulf Research Forum", "ORG"),
        ("Sorvia Trade Forum", "ORG"),
    )
    assert run(nlp, text, ner) == [
        ("A week", "DATE"),
        ("Kivu Mining Forum", "EVENT"),  # "before" after a time noun
        ("Erbil Peace Conference", "EVENT"),  # "during"
        ("Gulf Research Forum", "ORG"),  # a body that speaks
        ("Sorvia Trade Forum", "ORG"),  # a body one appears before
    ]


def test_a_name_run_on_into_a_days_name_is_cut(nlp: Language) -> None:
    text = "They fly home to Erbil for Wednesday's match, as on Super Tuesday."
    ner = (("Erbil for Wednesday", "ORG"), ("Super Tuesday", "EVENT"))
    assert run(nlp, text, ner) == [
        ("Erbil", "GPE"),  # cut before "for", then known to the gazetteer
        ("Wednesday", "DATE"),
        ("Super Tuesday", "EVENT"),  # no word in lower case before the day
    ]


def test_a_name_goes_on_over_a_plural_of_people_and_its_possessive(nlp: Language) -> None:
    text = (
        "Sorvia won the AVC Women's Club Asia Cup and met the Kivu Workers' Party. The "
        "Erbil Men's coach left."
    )
    ner = (("AVC Women", "ORG"), ("Kivu Workers", "ORG"), ("Erbil Men", "ORG"))
    assert run(nlp, text, ner) == [
        ("AVC Women's Club Asia Cup", "EVENT"),  # ends in a competition's word
        ("Kivu Workers' Party", "ORG"),  # ends in a body's word
        ("Erbil Men", "ORG"),  # a common noun ends it
    ]


def test_names_joined_before_a_country_that_acts_are_its_body(nlp: Language) -> None:
    text = (
        "Trade and Investment Iraq said so. Officials of Erbil and Iraq met. The Beaver "
        "Creek Cree Nation and the Sorvia Film Fund agreed."
    )
    ner = {"Iraq": "GPE", "Beaver Creek": "ORG", "Cree Nation": "ORG"}
    doc = nlp.make_doc(text)
    for token in doc:
        token.pos_ = "VERB" if token.text in {"said", "met", "agreed"} else "PROPN"
    doc.ents = [
        doc.char_span(text.index(phrase), text.index(phrase) + len(phrase), label)
        for phrase, label in ner.items()
    ]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Trade and Investment Iraq", "ORG"),  # at a sentence's start, a verb after
        ("Erbil", "GPE"),  # a known place is no joined name
        ("Iraq", "GPE"),
        ("Beaver Creek Cree Nation", "ORG"),  # a body's entity right before a body's
        ("Sorvia Film Fund", "ORG"),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[Node]]]:
    """The nodes of the articles by their label."""
    with built_nodes(tmp_path_factory.mktemp("chains"), ARTICLES) as (_, nodes):
        yield all_by_label(nodes)


@pytest.mark.slow
def test_long_names_and_named_events_are_whole_in_the_graph(
    built: dict[str, set[Node]],
) -> None:
    for label in ("MV Rupsha Queen-7", "Law on Inland Navigation and Port Safety"):
        assert {node.type for node in built[label]} == {"Entity"}, label
    assert {node.type for node in built["IT Security Act"]} == {"Entity"}
    for label in ("1998 Meghna floods", "Kalipur fire", "Padma War"):
        assert {node.type for node in built[label]} == {"NamedEvent"}, label
    for cut in ("MV Rupsha", "Security Act", "Kalipur", "Meghna", "Padma"):
        assert cut not in built, cut
    for label in (
        "Kenya Meteorological Department",
        "Royal Malawian Mounted Police",
        "Bloc of Farmers and Traders",
        "Lake Zone Mining and Energy Forum",
        "Fisheries, Forestry and Wildlife Agency",
        "Ghana Police Service",
    ):
        assert {node.type for node in built[label]} == {"Organization"}, label
    for cut in ("Energy Forum", "Wildlife Agency", "Malawian", "Farmers"):
        assert cut not in built, cut
    assert {node.type for node in built["AVC Women's Club Asia Cup"]} == {"NamedEvent"}
    assert {node.type for node in built["Salt Harbour"]} == {"Entity"}
    assert {node.type for node in built["Lake Zone Trade Forum"]} == {"NamedEvent"}
    for label in ("Gulf of Tonkin", "Grand Temple of Lumbini"):
        assert {node.type for node in built[label]} == {"Place"}, label
    for label in ("Sorvia Film Fund", "Trade and Investment Canada", "Red Pine Cree Nation"):
        assert {node.type for node in built[label]} == {"Organization"}, label
    # the headline's short name is the event named in full
    for cut in ("Club Asia Cup", "AVC", "Tonkin", "Lumbini", "Canada", "Red Pine"):
        assert cut not in built, cut
