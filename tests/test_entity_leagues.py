"""Leagues by their word, teams by the match against them and clubs by their word: the rules
``kg.nlp.entity_bodies.leagues`` and ``teams_of_places`` on parse tables with hand-set NER
output, and the entity nodes three short articles written for them give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import built_nodes, by_label
from rule_layer import entities, rules_only
from spacy.language import Language

from benchmarks.entity_audit import Node

GAZETTEER = {
    "names": {"GPE": ["Lisbon", "Spain", "Norway"]},
    "weak": [],
    "ambiguous": [],
    "aliases": {},
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rules_only(GAZETTEER)


def test_a_name_ending_in_a_leagues_word_or_a_leagues_word_alone_is_the_league(nlp) -> None:
    # "He played in the Karadeniz Ligi and then the Superliga."
    table = """
        He        2 nsubj    PRON
        played    0 root     VERB  play tag=VBD
        in        6 case     ADP
        the       6 det      DET
        Karadeniz 6 compound PROPN _ B-PERSON
        Ligi      2 obl      PROPN _ I-PERSON
        and       10 cc      CCONJ
        then      10 advmod  ADV
        the       10 det     DET
        Superliga 6 conj     PROPN
        .         2 punct    PUNCT
    """
    assert entities(nlp, table) == [("Karadeniz Ligi", "ORG"), ("Superliga", "ORG")]


def test_a_club_of_its_league_is_two_organizations_but_a_bodys_committee_one(nlp) -> None:
    # "The Halden Harbour Sox of the Nordic Baseball League won, as the Appeals Committee of
    # the Nordic Baseball League ruled."
    table = """
        The       4  det      DET
        Halden    4  compound PROPN _ B-ORG
        Harbour   4  compound PROPN _ I-ORG
        Sox       10 nsubj    PROPN _ I-ORG
        of        9  case     ADP   _ I-ORG
        the       9  det      DET   _ I-ORG
        Nordic    9  compound PROPN _ I-ORG
        Baseball  9  compound PROPN _ I-ORG
        League    4  nmod     PROPN _ I-ORG
        won       0  root     VERB  win tag=VBD
        ,         10 punct    PUNCT
        as        21 mark     SCONJ
        the       15 det      DET
        Appeals   15 compound PROPN _ B-ORG
        Committee 21 nsubj    PROPN _ I-ORG
        of        20 case     ADP   _ I-ORG
        the       20 det      DET   _ I-ORG
        Nordic    20 compound PROPN _ I-ORG
        Baseball  20 compound PROPN _ I-ORG
        League    15 nmod     PROPN _ I-ORG
        ruled     10 advcl    VERB  rule tag=VBD
        .         10 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Halden Harbour Sox", "ORG"),
        ("Nordic Baseball League", "ORG"),
        ("Appeals Committee of the Nordic Baseball League", "ORG"),
    ]


def test_a_leagues_finals_a_city_hosts_are_the_event_but_a_surname_stays(nlp) -> None:
    # "Lisbon will host the Atlantic Nations League finals, said Anna de la Tour."
    table = """
        Lisbon    3 nsubj    PROPN _ GPE
        will      3 aux      AUX
        host      0 root     VERB  host
        the       8 det      DET
        Atlantic  7 compound PROPN _ B-ORG
        Nations   7 compound PROPN _ I-ORG
        League    8 compound PROPN _ I-ORG
        finals    3 obj      NOUN  final tag=NNS
        ,         10 punct   PUNCT
        said      3 parataxis VERB say tag=VBD
        Anna      10 nsubj   PROPN _ B-PERSON
        de        11 flat    PROPN _ I-PERSON
        la        11 flat    PROPN _ I-PERSON
        Tour      11 flat    PROPN _ I-PERSON
        .         3 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Lisbon", "GPE"),
        ("Atlantic Nations League", "EVENT"),
        ("Anna de la Tour", "PERSON"),
    ]


def test_a_name_after_a_countrys_possessive_a_club_played_against_is_a_team(nlp) -> None:
    # "The club lost to Spain's Real Castell. Lunde beat Norway's Henrik Ostby."
    table = """
        The       2 det      DET
        club      3 nsubj    NOUN
        lost      0 root     VERB  lose tag=VBD
        to        8 case     ADP
        Spain     8 nmod:poss PROPN _ GPE
        's        5 case     PART  tag=POS
        Real      8 compound PROPN
        Castell   3 obl      PROPN
        .         3 punct    PUNCT

        Lunde     2 nsubj    PROPN _ PERSON
        beat      0 root     VERB  beat tag=VBD
        Norway    6 nmod:poss PROPN _ GPE
        's        3 case     PART  tag=POS
        Henrik    6 compound PROPN
        Ostby     2 obj      PROPN
        .         2 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Spain", "GPE"),
        ("Real Castell", "ORG"),
        ("Lunde", "PERSON"),
        ("Norway", "GPE"),
    ]


ARTICLE = (
    "Striker moves to Turkey\n\n"
    "ISTANBUL, Aug 2 - Striker Rui Valente signed a three-year contract with Kartalspor on "
    "Friday, and will play in Sunday's Marmara Ligi match against Ordu. Valente scored 19 "
    "goals in the Superliga last year.\n\n"
    "Coach Anna de la Tour said the club had followed him for two years. Lisbon will bid to "
    "host the Atlantic Nations League finals in 2028.\n"
)


CUP = (
    "Halden club out of Europe\n\n"
    "OSLO, Oct 3 - Halden's squad flew home on Thursday after the club lost to Spain's Real "
    "Castell 3-1 in the second qualifying round.\n\n"
    "At the tennis in Bergen, Ane Lunde beat Norway's Henrik Ostby-Lie 6-2, 6-3 in the other "
    "semi-final.\n"
)


CLUB = (
    "Bergen Klub win the cup\n\n"
    "OSLO, May 12 - Bergen Klub came from two goals down to beat Brann 3-2 in the cup final on "
    "Sunday, the club's first title since 1988.\n\n"
    "Bergen coach Nils Berg said his players never stopped running.\n"
)


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    files = {"transfer.txt": ARTICLE, "cup.txt": CUP, "club.txt": CLUB}
    with built_nodes(tmp_path_factory.mktemp("leagues"), files) as (_, found):
        yield by_label(found)


@pytest.mark.slow
def test_leagues_are_organizations_and_their_hosted_finals_an_event(nodes) -> None:
    assert nodes["Marmara Ligi"].type == "Organization"  # a person on main
    assert nodes["Superliga"].type == "Organization"  # no entity on main
    assert nodes["Atlantic Nations League"].type == "NamedEvent"  # an organization on main
    assert nodes["Anna de la Tour"].type == "Person"


@pytest.mark.slow
def test_a_club_played_against_after_its_countrys_possessive_is_a_team(nodes) -> None:
    assert nodes["Real Castell"].type == "Organization"  # no entity on main
    assert not any(node.type == "Organization" for name, node in nodes.items() if "Ostby" in name)


@pytest.mark.slow
def test_a_club_and_its_citys_name_for_it_are_one_organization_named_in_full(nodes) -> None:
    club = nodes["Bergen Klub"]  # no entity on main, "Bergen" a node alone
    assert club.type == "Organization"
    assert "Bergen" in club.aliases
