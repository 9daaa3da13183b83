"""Entity spans on news kg was not tuned on: a name whole, without its title, with its
initials, and a firm, a product or a competition named in several words as one node.

Rule tests set the statistical NER's output by hand (``test_entity_rules.run``); the end-to-end
tests build short articles written for them with the tests' pipeline and read the nodes back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import built_nodes, by_label
from doc_table import build
from spacy.language import Language
from test_entity_rules import nlp, run

from benchmarks.entity_audit import Node
from kg.extract import names, sports
from kg.extract.parse import Parse

__all__ = ["nlp"]  # the fixture, shared with the entity rules' tests

ARTICLES = {
    "court.txt": "Court backs reservoir plan\n\n"
    "The plan was drawn up by hydrologists led by Prof. Wen Jialin, who said the dam was safe. "
    "Justice R. K. Menon, Justice Harjit Singh Bedi and Justice Tomasz Zielinski heard the "
    "appeal. Attorney General M. Subramanian argued for the state. The complaint was filed by "
    "the reporter Anjali Das-Gupta, and Das-Gupta said she would take it further.\n",
    "vaccine.txt": "Grant for malaria vaccine\n\n"
    "The trial is paid for by the Wellcome Trust and the Carlos & Lucia Mendes Foundation, a "
    "charity based in Lisbon. The vaccine is made by Halden & Voss, a small Danish firm.\n",
    "phone.txt": "Tarsis unveils new phone\n\n"
    "Finnish phone maker Tarsis unveiled its Nova K7 Pro on Tuesday, with its own Kestrel M3 "
    "chip, to win buyers from the iPad 11 and last year's Nova K6. The phones run OrbitOS 4 and "
    "were shown to buyers at Terminal B2 of the fair in Espoo.\n",
    "tennis.txt": "Kovacs reaches Lisbon final\n\n"
    "Rita Kovacs reached the Lisbon Open final on Friday, a month after losing in the "
    "semi-finals of the Brazilian Open. In football, Porto face Ajax in the UEFA Europa League "
    "on Thursday, and Ghana named its squad for the Asia Cup of Nations.\n",
    "museum.txt": "Harbour museum reopens\n\n"
    "The Ministry of Science and Technology said the harbour museum in Gdynia would reopen in "
    "May. Experts from the Organization of Baltic Museums had checked the roof, and the "
    "Ministry of Finance paid for it.\n",
    "transfer.txt": "Sporting sign striker\n\n"
    "LAGOS, Jan 12 - Sporting have signed Nigeria striker Adebola Ayodele Olatunji from Porto "
    "for 20 million euros, the Lisbon side said on Friday. The rebels in Sudan are fighting the "
    "Sudanese Armed Forces.\n",
    "gallery.txt": "Gallery names new head\n\n"
    "Festival director Tomás Ibáñez de Arriaga said the gallery had found its new head. The "
    "chairman Marco di Lorenzo said the board had agreed.\n",
    "rates.txt": "Bank holds rates\n\n"
    '"Inflation is no longer the worry," said Trần Thị Lan Phương, chief economist at Saigon '
    "Capital Securities. The Maritime and Coastal Authority of Ghana said the port was open, and "
    "the author reads at the Osun Arts and Book Festival in May.\n",
    "launch.txt": "Lumen shows new tablet\n\n"
    "Lumen will show the tablet to buyers in Madrid next week, where its head of sales, Anaïs "
    "Okafor-Lindqvist, is due to announce prices for Spain.\n",
    "robot.txt": "Robot study\n\n"
    "Engineers at the University of Porto built the robot, and FIBA Africa said it would use "
    "it. The OECD Paris office declined to comment.\n",
    "race.txt": "Race report\n\n"
    "The Dutch driver finished ahead of Williams's Tiago Barbosa Leite, who was cheered by the "
    "home crowd.\n",
    "inquiry.txt": "Dam inquiry\n\n"
    "Engineers said the dam was safe, but the Criminal Investigation Bureau opened an inquiry "
    "on Monday.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    """Each node of the articles by its label (labels are unique in these texts)."""
    with built_nodes(tmp_path_factory.mktemp("spans"), ARTICLES) as (_, nodes):
        yield by_label(nodes)


# -- titles and initials ---------------------------------------------------------------------


def test_initials_after_a_title_are_the_names(nlp: Language) -> None:
    text = "Justice P. V. Ramana Iyer agreed. Attorney General K. Kumar argued. Mr. Lal left."
    ner = (("Justice P. V. Ramana Iyer", "PERSON"),)
    assert run(nlp, text, ner) == [
        ("P. V. Ramana Iyer", "PERSON"),  # the initials before the given name stay
        ("K. Kumar", "PERSON"),  # initials and a surname are a full name
    ]


def test_an_academics_title_is_no_part_of_the_name(nlp: Language) -> None:
    text = "Prof. Wen Jialin led it. Professor Ana Duarte agreed."
    ner = (("Prof. Wen Jialin", "PERSON"), ("Professor Ana Duarte", "PERSON"))
    assert run(nlp, text, ner) == [("Wen Jialin", "PERSON"), ("Ana Duarte", "PERSON")]


def test_a_title_the_doc_writes_before_a_person_is_a_title_in_an_organization(
    nlp: Language,
) -> None:
    text = "Justice Ana Ruiz and Justice Harjit Singh Bedi agreed. Major League Soccer did too."
    ner = (
        ("Justice Ana Ruiz", "PERSON"),
        ("Justice Harjit Singh Bedi", "ORG"),
        ("Major League Soccer", "ORG"),
    )
    assert run(nlp, text, ner) == [
        ("Ana Ruiz", "PERSON"),
        ("Harjit Singh Bedi", "PERSON"),  # "Justice" is a title before a person here
        ("Major League Soccer", "ORG"),  # no person comes after "Major"
    ]


@pytest.mark.parametrize(
    ("words", "titles"),
    [
        (["Sen", "-", "Gupta"], 0),  # a surname, not the senator's abbreviation
        (["Sen.", "Warren"], 1),
        (["Prof.", "Wen", "Jialin"], 1),
        (["Professor", "Ana", "Duarte"], 1),
        (["Count", "Anton", "Wolfgang", "von", "Faber", "-", "Castell"], 1),  # a rank
        (["Baroness", "Ashton"], 1),  # a rank and no given name
        (["Earl", "Chanley"], 0),  # a given name, not the rank
        (["Count", "Basie"], 0),  # a stage name
        (["Duke", "Ellis", "-", "Moore"], 0),  # one surname, hyphenated
    ],
)
def test_title_words_before_a_name(words: list[str], titles: int) -> None:
    assert names.strip_title_words(words) == titles


@pytest.mark.slow
def test_a_name_after_a_title_is_whole_and_without_it(built: dict[str, Node]) -> None:
    for label in ("Wen Jialin", "R. K. Menon", "Harjit Singh Bedi", "Tomasz Zielinski"):
        assert built[label].type == "Person"
    assert built["M. Subramanian"].type == "Person"  # no entity to the NER
    reporter = built["Anjali Das-Gupta"]
    assert [m.text for m in reporter.mentions] == ["Anjali Das-Gupta", "Das-Gupta"]
    assert not [label for label in built if label.startswith(("Prof", "Justice", "-"))]


# -- "&" inside an organization's name ------------------------------------------------------


def test_names_joined_by_an_ampersand_are_one_organization(nlp: Language) -> None:
    text = (
        "The Bill & Ana Ruiz Foundation paid. Halden & Voss did too. On Monday Ruiz & Co "
        "spoke. Rock & Roll is loud. Tables 4 & 5 were set."
    )
    ner = (("Bill", "PERSON"), ("Ana Ruiz Foundation", "ORG"), ("Halden", "LOC"))
    assert run(nlp, text, ner) == [
        ("Bill & Ana Ruiz Foundation", "ORG"),  # a person and an organization, one name
        ("Halden & Voss", "ORG"),  # one side an entity
        ("Monday", "DATE"),  # no entity on either side, and no organization's word after
        ("4", "CARDINAL"),
        ("5", "CARDINAL"),
    ]


@pytest.mark.slow
def test_an_organization_named_with_an_ampersand_is_one_node(built: dict[str, Node]) -> None:
    assert built["Carlos & Lucia Mendes Foundation"].type == "Organization"
    assert built["Halden & Voss"].type == "Organization"
    assert not [
        label for label in built if label in ("Carlos", "Halden", "Lucia Mendes Foundation")
    ]


# -- products named by a brand and a model code ---------------------------------------------


def test_a_brand_and_a_model_code_are_a_product(nlp: Language) -> None:
    text = (
        "The Nova K7 Pro and the Kestrel M3 beat the iPad 11 Air. Chelsea 2 Arsenal 1. She left "
        "Terminal B2 in Baghdad E17 on March 3."
    )
    ner = (("Nova", "LOC"), ("Chelsea", "ORG"), ("Arsenal", "ORG"), ("Baghdad", "GPE"))
    assert run(nlp, text, ner) == [
        ("Nova K7 Pro", "PRODUCT"),  # the NER's place, with the code and the edition
        ("Kestrel M3", "PRODUCT"),
        ("iPad 11 Air", "PRODUCT"),  # a number after a word in mixed case
        ("Chelsea", "ORG"),  # a number after a capitalized word is a score
        ("2", "CARDINAL"),
        ("Arsenal", "ORG"),
        ("1", "CARDINAL"),
        # a noun that numbers things, a known place's postcode, a month's day
        ("Baghdad", "GPE"),
        ("March 3", "DATE"),
    ]


@pytest.mark.slow
def test_a_product_named_by_a_brand_and_a_code_is_one_node(built: dict[str, Node]) -> None:
    for label in ("Nova K7 Pro", "Kestrel M3", "iPad 11", "Nova K6", "OrbitOS 4"):
        assert built[label].type == "Entity"
    assert "Nova" not in built
    assert "Terminal B2" not in built or built["Terminal B2"].type != "Entity"


# -- competitions ----------------------------------------------------------------------------


def test_a_name_before_open_or_cup_is_the_competition(nlp: Language) -> None:
    text = (
        "She won the Baghdad Open and the Iraqi Open. Iraq hosts the Erbil Cup of Nations. "
        "Fans of the UEFA Europa League and of the FIFA Club Cup came. NATO Washington met."
    )
    ner = (
        ("Baghdad", "GPE"),
        ("Iraqi", "NORP"),
        ("Erbil", "GPE"),
        ("UEFA", "ORG"),
        ("Europa League", "ORG"),
        ("FIFA", "ORG"),
        ("Club Cup", "ORG"),
        ("Washington", "GPE"),
    )
    assert run(nlp, text, ner) == [
        ("Baghdad Open", "EVENT"),  # a place, then the competition's word
        ("Iraqi Open", "EVENT"),  # a group, then the word
        ("Iraq", "GPE"),
        ("Erbil Cup of Nations", "EVENT"),  # on over "of"
        ("UEFA Europa League", "ORG"),  # a body's acronym and its league, one name
        ("FIFA Club Cup", "ORG"),
        ("NATO", "ORG"),  # an acronym before a place is no competition's
        ("Washington", "GPE"),
    ]


def test_a_competitions_word_before_of_names_the_event() -> None:
    table = """
        Ghana   2 nsubj    PROPN _ GPE
        named   0 root     VERB  name tag=VBD
        its     4 nmod:poss PRON
        squad   2 obj      NOUN
        for     7 case     ADP
        the     7 det      DET
        Asia    7 compound PROPN _ B-ORG
        Cup     2 obl      PROPN _ I-ORG
        of      9 case     ADP   _ I-ORG
        Nations 7 nmod     PROPN _ I-ORG
        .       2 punct    PUNCT
        """
    p = Parse(build(table))
    assert sports.event_name(p, 6, 10, "ORG") == "EVENT"
    assert sports.event_name(p, 6, 7, "ORG") is None  # "Asia" alone is no event


@pytest.mark.slow
def test_a_competition_is_one_node_named_in_full(built: dict[str, Node]) -> None:
    for label in ("Lisbon Open", "Brazilian Open", "Asia Cup of Nations"):
        assert built[label].type == "NamedEvent"
    assert built["UEFA Europa League"].type in ("Organization", "NamedEvent")
    assert not [label for label in built if label in ("Brazilian", "UEFA", "Europa League")]


# -- an organization's word alone before "of" ----------------------------------------------


def test_an_organizations_word_before_of_starts_its_name(nlp: Language) -> None:
    doc = build(
        """
        The        2 det      DET
        Ministry   7 nsubj    PROPN
        of         4 case     ADP
        Science    2 nmod     PROPN
        and        6 cc       CCONJ
        Technology 4 conj     PROPN
        said       0 root     VERB  say tag=VBD
        .          7 punct    PUNCT

        The        2 det      DET
        Ministry   3 nsubj    PROPN
        came       0 root     VERB  come tag=VBD
        .          3 punct    PUNCT

        The        2 det      DET
        Ministry   9 nsubj    PROPN
        of         4 case     ADP
        Finance    2 nmod     PROPN
        and        8 cc       CCONJ
        Iraq       8 nmod:poss PROPN _ GPE
        's         6 case     PART
        bank       4 conj     NOUN
        agreed     0 root     VERB  agree tag=VBD
        .          9 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ministry of Science and Technology", "ORG"),  # not "Science and Technology"
        # the word alone is none
        ("Ministry of Finance", "ORG"),  # a possessive ends the name
        ("Iraq", "GPE"),
    ]


@pytest.mark.slow
def test_a_ministry_the_ner_missed_is_one_node(built: dict[str, Node]) -> None:
    for label in (
        "Ministry of Science and Technology",
        "Organization of Baltic Museums",
        "Ministry of Finance",
    ):
        assert built[label].type == "Organization"
    assert "Science and Technology" not in built
    assert "Baltic Museums" not in built


# -- a name the parser broke a sentence inside; forces ---------------------------------------


def test_a_persons_name_is_whole_across_a_sentence_break_the_parser_put_in_it(
    nlp: Language,
) -> None:
    doc = build(
        """
        Porto   2 nsubj    PROPN _ GPE
        signed  0 root     VERB  sign tag=VBD
        Ana     4 compound PROPN _ B-PERSON
        Maria   2 obj      PROPN _ I-PERSON

        Osei    3 nsubj    PROPN
        and     3 cc       CCONJ
        Jomar   0 root     PROPN

        Villanueva 4 compound PROPN _ B-PERSON space=no
        -          1 punct    PUNCT _ I-PERSON space=no
        Cruz       1 flat     PROPN _ I-PERSON
        spoke      0 root     VERB  speak tag=VBD
        .          4 punct    PUNCT

        Ortega  2 nsubj    PROPN
        agreed  0 root     VERB  agree tag=VBD
        .       2 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Porto", "GPE"),
        ("Ana Maria Osei", "PERSON"),  # no sentence starts right after a name without a mark
        ("Jomar Villanueva-Cruz", "PERSON"),  # nor right at one
        # "spoke. Ortega": the full stop ends the sentence
    ]


def test_armed_forces_end_an_organizations_name(nlp: Language) -> None:
    text = "They fought the Iraqi Armed Forces and the Kurdish Peshmerga Forces."
    assert run(nlp, text, (("Iraqi", "NORP"), ("Peshmerga Forces", "PERSON"))) == [
        ("Iraqi Armed Forces", "ORG"),  # a nationality's organization, whole
        ("Kurdish", "NORP"),
        ("Peshmerga Forces", "ORG"),  # a name that ends in an organization's word
    ]


@pytest.mark.slow
def test_a_players_name_and_the_armed_forces_are_whole(built: dict[str, Node]) -> None:
    assert built["Adebola Ayodele Olatunji"].type == "Person"
    assert built["Sudanese Armed Forces"].type == "Organization"
    assert "Sudanese" not in built


# -- names with particles after a person's noun ---------------------------------------------


def test_a_name_with_particles_after_a_persons_noun_is_one_person(nlp: Language) -> None:
    text = (
        "Tournament director Íñigo Sáenz de Ugarte said so. Curator Hendrikje van den "
        "Broek-Asante agreed. The director Ana Ruiz left. A lawyer in Rio de Janeiro spoke."
    )
    ner = (
        ("Sáenz de Ugarte", "LOC"),
        ("Hendrikje", "LOC"),
        ("Broek", "ORG"),
        ("Ana Ruiz", "PERSON"),
        ("Rio de Janeiro", "LOC"),
    )
    assert run(nlp, text, ner) == [
        ("Íñigo Sáenz de Ugarte", "PERSON"),
        ("Hendrikje van den Broek-Asante", "PERSON"),
        ("Ana Ruiz", "PERSON"),  # no particle
        ("Rio de Janeiro", "LOC"),  # not right after the person's noun
    ]


@pytest.mark.slow
def test_a_name_with_particles_is_one_person(built: dict[str, Node]) -> None:
    assert built["Tomás Ibáñez de Arriaga"].type == "Person"  # an organization to the NER
    assert built["Marco di Lorenzo"].type == "Person"  # "Lorenzo" alone to the NER


# -- a speaker's name after "said"; names with "and" inside ---------------------------------


def test_a_speakers_name_after_a_verb_of_speech_is_whole(nlp: Language) -> None:
    text = (
        "It is over, said Trần Thị Lan Phương, an economist. It is not, said Monday Ana Ruiz. "
        "It went well, told Chief Lan Anh."
    )
    ner = (("Thị Lan", "PERSON"), ("Ana Ruiz", "PERSON"), ("Lan Anh", "PERSON"))
    assert run(nlp, text, ner) == [
        ("Trần Thị Lan Phương", "PERSON"),  # the words on both sides, up to the comma
        ("Monday", "DATE"),  # a day is no name's
        ("Ana Ruiz", "PERSON"),
        ("Lan Anh", "PERSON"),  # nor a title
    ]


def test_a_bodys_or_an_events_name_goes_on_over_and(nlp: Language) -> None:
    text = (
        "The Maritime and Port Authority of Iraq said so. She read at the Erbil Arts and Book "
        "Festival. Reuters and Press Union agreed. Iraq and Kurdish Film Festival fans came."
    )
    ner = (
        ("Port Authority of Iraq", "LOC"),
        ("Erbil Arts", "ORG"),
        ("Reuters", "ORG"),
        ("Press Union", "ORG"),
        ("Kurdish Film Festival", "EVENT"),
    )
    assert run(nlp, text, ner) == [
        ("Maritime and Port Authority of Iraq", "ORG"),  # after "the", onto an organization
        ("Erbil Arts and Book Festival", "EVENT"),  # onto a festival's word
        ("Reuters", "ORG"),  # no "the" before the words
        ("Press Union", "ORG"),
        ("Iraq", "GPE"),
        ("Kurdish Film Festival", "EVENT"),  # an entity after "and" is its own
    ]


@pytest.mark.slow
def test_a_speaker_and_names_with_and_inside_are_whole(built: dict[str, Node]) -> None:
    assert built["Trần Thị Lan Phương"].type == "Person"
    assert built["Maritime and Coastal Authority of Ghana"].type == "Organization"
    assert built["Osun Arts and Book Festival"].type == "NamedEvent"
    assert not [label for label in built if label in ("Osun Arts", "Coastal Authority of Ghana")]


# -- a given name the NER found alone before a hyphenated surname ----------------------------


def test_a_one_word_name_before_a_hyphenated_surname_is_a_person(nlp: Language) -> None:
    text = (
        "Its head, Anaïs Okafor-Lindqvist, spoke. Fans of Baghdad Saint-Germain and Air "
        "France-KLM met."
    )
    ner = (("Anaïs", "ORG"), ("Baghdad", "GPE"), ("Air", "ORG"))
    assert run(nlp, text, ner) == [
        ("Anaïs Okafor-Lindqvist", "PERSON"),
        ("Baghdad", "GPE"),  # a place the gazetteer knows
        ("Air", "ORG"),  # "KLM" is in capitals
    ]


@pytest.mark.slow
def test_a_given_name_and_a_hyphenated_surname_are_one_person(built: dict[str, Node]) -> None:
    assert built["Anaïs Okafor-Lindqvist"].type == "Person"
    assert "Anaïs" not in built


# -- a body's acronym before a place -------------------------------------------------------


def test_a_bodys_acronym_before_a_place_is_one_organization(nlp: Language) -> None:
    doc = build(
        """
        She     2 nsubj    PRON
        joined  0 root     VERB  join tag=VBD
        ETH     4 compound PROPN _ ORG
        Erbil   2 obj      PROPN
        and     7 cc       CCONJ
        FIBA    7 compound PROPN
        Iraq    4 conj     PROPN _ GPE
        .       2 punct    PUNCT

        The     3 det      DET
        US      3 compound PROPN _ GPE
        Baghdad 4 nsubj    PROPN _ GPE
        office  0 root     NOUN
        .       4 punct    PUNCT

        The     4 det      DET
        OECD    3 compound PROPN
        Iraq    4 compound PROPN _ GPE
        office  5 nsubj    NOUN
        closed  0 root     VERB  close tag=VBD
        .       5 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("ETH Erbil", "ORG"),  # the NER's organization and a known place in no entity
        ("FIBA Iraq", "ORG"),  # a word in capitals and a place
        ("US", "GPE"),  # a known name
        ("Baghdad", "GPE"),
        ("Iraq", "GPE"),  # a noun goes on: the place says where the office is
    ]


@pytest.mark.slow
def test_a_bodys_branch_named_by_its_acronym_and_place_is_one_node(
    built: dict[str, Node],
) -> None:
    assert built["FIBA Africa"].type == "Organization"
    assert "Africa" not in built


# -- part of a name the NER found, the rest of it and ", who" --------------------------------


def test_a_name_and_the_rest_of_it_before_who_are_a_person(nlp: Language) -> None:
    text = (
        "It beat Mateus Gonçalves Bittencourt, who won, and Tiago Barbosa Leite, who lost. The "
        "Green Party Leaders, who met, agreed. It beat the Erbil Goliath, who lost. Fans of "
        "Iraq Monday, who came, left."
    )
    ner = (
        ("Mateus", "ORG"),
        ("Barbosa Leite", "PERSON"),
        ("Green Party", "ORG"),
        ("Erbil", "ORG"),
        ("Iraq", "GPE"),
    )
    assert run(nlp, text, ner) == [
        ("Mateus Gonçalves Bittencourt", "PERSON"),  # the words after the entity
        ("Tiago Barbosa Leite", "PERSON"),  # the word before it
        ("Green Party", "ORG"),  # an organization's word
        ("Erbil", "GPE"),  # after an article
        ("Iraq", "GPE"),  # a known name, and a day
        ("Monday", "DATE"),
    ]


@pytest.mark.slow
def test_a_driver_named_before_who_is_one_person(built: dict[str, Node]) -> None:
    assert built["Tiago Barbosa Leite"].type == "Person"
    assert "Barbosa Leite" not in built


# -- a board and a bureau end an organization's name -----------------------------------------


def test_a_board_and_a_bureau_end_an_organizations_name(nlp: Language) -> None:
    doc = build(
        """
        The          3 det      DET
        Intelligence 3 compound PROPN
        Bureau       8 nsubj    PROPN
        and          7 cc       CCONJ
        the          7 det      DET
        Protection   7 compound PROPN
        Board        3 conj     PROPN
        met          0 root     VERB  meet tag=VBD
        officials    8 obj      NOUN
        of           11 case    ADP
        Iraq         9 nmod     PROPN _ GPE
        .            8 punct    PUNCT

        The          2 det      DET
        Board        4 nsubj    PROPN
        of           4 case     ADP
        Trade        2 nmod     PROPN
        agreed       0 root     VERB  agree tag=VBD
        .            5 punct    PUNCT
        """
    )
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Intelligence Bureau", "ORG"),
        ("Protection Board", "ORG"),
        ("Iraq", "GPE"),
        ("Board of Trade", "ORG"),  # a board goes on over "of"
    ]


@pytest.mark.slow
def test_a_bureau_the_ner_missed_is_an_organization(built: dict[str, Node]) -> None:
    assert built["Criminal Investigation Bureau"].type == "Organization"
