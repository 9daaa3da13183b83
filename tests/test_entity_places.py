"""Places the words around a name call a place (``kg.nlp.entity_places``): on parse tables
with hand-set NER output, and the entity nodes a short article written for them gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from answers import MODEL
from built_nodes import built_nodes, by_label
from rule_layer import cued_entities as entities
from rule_layer import rules_only
from spacy.language import Language

import kg
from benchmarks.entity_audit import Node, stored_nodes
from kg.store.embedded import Store

GAZETTEER = {
    "names": {"GPE": ["Oslo", "Bergen", "Tromso"], "ORG": []},
    "weak": ["Bergen", "Tromso"],
    "ambiguous": [],
    "aliases": {},
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rules_only(GAZETTEER)


def test_known_places_listed_one_after_another_are_all_places(nlp) -> None:
    # "hospitals in Oslo , Bergen and Tromso ."
    table = """
        hospitals  0  root   NOUN  hospital tag=NNS
        in         3  case   ADP
        Oslo       1  nmod   PROPN
        ,          5  punct  PUNCT
        Bergen     3  conj   PROPN _ PERSON
        and        7  cc     CCONJ
        Tromso     3  conj   PROPN _ PERSON
        .          1  punct  PUNCT
    """
    assert entities(nlp, table) == [
        ("Oslo", "GPE", False),
        ("Bergen", "GPE", False),
        ("Tromso", "GPE", False),  # listed after Bergen, itself a place only by the list
    ]


def test_a_known_place_a_persons_name_ran_onto_over_a_comma_is_the_place(nlp) -> None:
    # "Ivar Dahl Rustad , Oslo 's mayor , met Hansen , Bergen ."
    table = """
        Ivar    3  compound PROPN _ B-PERSON
        Dahl    3  compound PROPN _ I-PERSON
        Rustad  9  nsubj    PROPN _ I-PERSON
        ,       3  punct    PUNCT _ I-PERSON
        Oslo    7  nmod     PROPN _ I-PERSON
        's      5  case     PART
        mayor   3  appos    NOUN
        ,       3  punct    PUNCT
        met     0  root     VERB  meet tag=VBD
        Hansen  9  obj      PROPN _ B-PERSON
        ,       10 punct    PUNCT _ I-PERSON
        Bergen  10 appos    PROPN _ I-PERSON
        .       9  punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Ivar Dahl Rustad", "PERSON", False),
        ("Oslo", "GPE", False),
        ("Hansen, Bergen", "PERSON", False),  # one word before the comma: a name surname first
    ]


def test_names_before_a_places_noun_in_lower_case_are_places(nlp) -> None:
    # "down the Tolvan and Marush rivers , near the Kelvo district ; the Barrick and Acacia
    # mines , the Kurdish region"
    table = """
        down      5  case   ADP
        the       5  det    DET
        Tolvan    5  compound  PROPN
        and       5  cc     CCONJ
        Marush    3  conj   PROPN _ PERSON
        rivers    0  root   NOUN  river tag=NNS
        ,         10 punct  PUNCT
        near      10 case   ADP
        the       10 det    DET
        Kelvo     10 compound  PROPN _ ORG
        district  6  nmod   NOUN
        ;         6  punct  PUNCT

        the       5  det    DET
        Barrick   5  compound  PROPN _ ORG
        and       4  cc     CCONJ
        Acacia    2  conj   PROPN _ ORG
        mines     0  root   NOUN  mine tag=NNS
        ,         8  punct  PUNCT
        the       8  det    DET
        Kurdish   8  amod   ADJ   _ tag=JJ
        region    5  conj   NOUN
        .         5  punct  PUNCT
    """
    assert entities(nlp, table) == [
        ("Tolvan", "LOC", True),  # no entity to the NER
        ("Marush", "LOC", True),  # a person to the NER
        ("Kelvo", "ORG", False),  # an organization before an area's noun stays
        ("Barrick", "ORG", False),  # a firm's mines
        ("Acacia", "ORG", False),
    ]


def test_a_name_an_area_apposition_follows_is_a_place(nlp) -> None:
    # "In Ostravia , a Turkic - speaking autonomous region in the north , Halden , a district
    # judge , ruled ."
    table = """
        In          2  case   ADP
        Ostravia    14 obl    PROPN _ ORG
        ,           9  punct  PUNCT
        a           9  det    DET
        Turkic      7  amod   PROPN
        -           7  punct  PUNCT   _ _ space=no
        speaking    9  amod   VERB    speak tag=VBG
        autonomous  9  amod   ADJ
        region      2  appos  NOUN
        in          12 case   ADP
        the         12 det    DET
        north       9  nmod   NOUN
        ,           2  punct  PUNCT
        Halden      14 nsubj  PROPN _ PERSON
        ,           18 punct  PUNCT
        a           18 det    DET
        district    18 compound  NOUN
        judge       14 appos  NOUN
        ,           14 punct  PUNCT
        ruled       0  root   VERB  rule tag=VBD
        .           20 punct  PUNCT
    """
    assert entities(nlp, table) == [
        ("Ostravia", "LOC", True),  # an organization to the NER
        ("Halden", "PERSON", False),  # "a district judge": a noun after the area's
    ]


def test_a_name_after_a_capital_and_a_comma_or_a_towns_noun_and_of_is_a_place(nlp) -> None:
    # "They marched in the regional capital , Dovrak , and the city of Aksinor . In the
    # capital , Anna said so ."
    table = """
        They      2  nsubj  PRON
        marched   0  root   VERB  march tag=VBD
        in        6  case   ADP
        the       6  det    DET
        regional  6  amod   ADJ
        capital   2  obl    NOUN
        ,         8  punct  PUNCT
        Dovrak    6  appos  PROPN
        ,         12 punct  PUNCT
        and       12 cc     CCONJ
        the       12 det    DET
        city      6  conj   NOUN
        of        14 case   ADP
        Aksinor   12 nmod   NOUN  _ tag=NN
        .         2  punct  PUNCT

        In        3  case   ADP
        the       3  det    DET
        capital   6  obl    NOUN
        ,         3  punct  PUNCT
        Anna      6  nsubj  PROPN
        said      0  root   VERB  say tag=VBD
        so        6  advmod ADV
        .         6  punct  PUNCT
    """
    assert entities(nlp, table) == [
        ("Dovrak", "LOC", True),
        ("Aksinor", "LOC", True),  # a noun to the tagger, written as a name
    ]  # Anna speaks: no place


def test_a_name_that_ends_in_a_realms_word_is_a_place(nlp) -> None:
    # "before the Velmarian Empire ."
    table = """
        before     4  case   ADP
        the        4  det    DET
        Velmarian  4  compound  PROPN _ PERSON
        Empire     0  root   PROPN _ PERSON
        .          4  punct  PUNCT
    """
    assert entities(nlp, table) == [("Velmarian Empire", "LOC", True)]


def test_a_name_near_or_at_a_place_is_a_place(nlp) -> None:
    # "The ferry sank near Kelbrin , the Tolvan at Dasvik rose , and Ola was angry at Hale ,
    # near Tesla 's plant ."
    table = """
        The      2  det     DET
        ferry    3  nsubj   NOUN
        sank     0  root    VERB  sink tag=VBD
        near     5  case    ADP
        Kelbrin  3  obl     PROPN
        ,        9  punct   PUNCT
        the      7  det     DET
        Tolvan   9  nsubj   PROPN _ LOC
        at       9  case    ADP
        Dasvik   7  nmod    PROPN _ PERSON
        rose     3  conj    VERB  rise tag=VBD
        ,        15 punct   PUNCT
        and      15 cc      CCONJ
        Ola      15 nsubj   PROPN _ PERSON
        was      15 cop     AUX   be tag=VBD
        angry    3  conj    ADJ
        at       17 case    ADP
        Hale     15 obl     PROPN _ PERSON
        ,        21 punct   PUNCT
        near     21 case    ADP
        Tesla    21 nmod:poss PROPN
        's       20 case    PART  _ tag=POS
        plant    15 obl     NOUN
        .        3  punct   PUNCT
    """
    assert entities(nlp, table) == [
        ("Kelbrin", "LOC", True),  # no entity to the NER
        ("Tolvan", "LOC", False),
        ("Dasvik", "LOC", True),  # a person to the NER, "at" after a place
        ("Ola", "PERSON", False),
        ("Hale", "PERSON", False),  # "angry at": no place before "at"
    ]  # "near Tesla's plant": a possessive


def test_a_name_after_in_and_the_people_who_live_there_is_a_place(nlp) -> None:
    # "farmers in Dalvora , reporters in Athova , villagers in Sorvik , investors in Tesla and
    # lawmakers in Congress"
    table = """
        farmers    0  root   NOUN  farmer tag=NNS
        in         3  case   ADP
        Dalvora    1  nmod   PROPN
        ,          5  punct  PUNCT
        reporters  1  conj   NOUN  reporter tag=NNS
        in         7  case   ADP
        Athova     5  nmod   PROPN _ ORG
        ,          9  punct  PUNCT
        villagers  1  conj   NOUN  villager tag=NNS
        in         11 case   ADP
        Sorvik     9  nmod   PROPN _ PERSON
        ,          13 punct  PUNCT
        investors  1  conj   NOUN  investor tag=NNS
        in         15 case   ADP
        Tesla      13 nmod   PROPN _ PERSON
        and        17 cc     CCONJ
        lawmakers  1  conj   NOUN  lawmaker tag=NNS
        in         19 case   ADP
        Congress   17 nmod   PROPN _ ORG
    """
    assert entities(nlp, table) == [
        ("Dalvora", "LOC", True),  # no entity to the NER
        ("Athova", "LOC", True),  # an organization to the NER
        ("Sorvik", "LOC", True),  # a person to the NER
        ("Tesla", "PERSON", False),  # investors are no people who live there
        ("Congress", "ORG", False),  # an institution's noun
    ]


ARTICLE = (
    "Floods cut off villages in the north\n\n"
    "Heavy rain sent water pouring down the Tolvan and Marush rivers on Monday, officials "
    "said. A ferry capsized near the town of Kelbrin, and hundreds protested in the "
    "provincial capital, Dovrak, on Tuesday.\n\n"
    "In Ostravia, a mountainous autonomous region in the north, schools were closed. "
    "Ambulances were sent to hospitals in Hanover, Braunschweig and Göttingen.\n\n"
    "The flooded ruins date from the Velmarian Empire, whose temples still stand in the city "
    "of Aksinor. A ferry capsized on the Tolvan near Fenchal on Thursday.\n\n"
    "Villagers in Sorvik and fishermen in Maluku lost their boats.\n"
)


PRODUCTS = (
    "Launch and deal\n\n"
    "An H7 rocket carrying Norway's Sarvan-2 weather satellite lifted off on Friday, the "
    "agency said. The air force will send two Pelican aircraft to the launch site next "
    "year.\n\n"
    "Norvik Biotech said on Monday that Selvarin, its pill for a rare liver disease, had been "
    "approved. The firm also said KT-208, its second drug, would enter trials.\n"
)


LANGUAGE = (
    "Language law\n\n"
    "In the south, the regional leader said Ostrani would stay an official language whatever "
    "the capital decided. An inscription in the Velmic script was found at the site.\n\n"
    "Many Ostranis marched on Friday, and one Ostrani teacher said the law was unfair.\n"
)


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    files = {"floods.txt": ARTICLE, "launch.txt": PRODUCTS, "law.txt": LANGUAGE}
    with built_nodes(tmp_path_factory.mktemp("places"), files) as (_, found):
        yield by_label(found)


@pytest.mark.slow
def test_places_the_words_around_them_name_are_places(nodes) -> None:
    assert nodes["Tolvan"].type == "Place"  # nothing on main
    assert nodes["Marush"].type == "Place"  # a person on main
    assert nodes["Ostravia"].type == "Place"  # nothing on main
    assert nodes["Göttingen"].type == "Place"  # a person on main
    assert nodes["Fenchal"].type == "Place"  # nothing on main
    assert nodes["Sorvik"].type == "Place"  # a person on main
    for name in ("Kelbrin", "Dovrak", "Velmarian Empire", "Aksinor"):
        assert nodes[name].type == "Place"


def test_a_code_or_a_name_before_a_crafts_noun_is_the_product(nlp) -> None:
    # "An H7 rocket carried the Sarvan-2 weather satellite , and two Pelican aircraft , a
    # rocket maker and Coalition aircraft flew ."
    table = """
        An         3  det       DET
        H7         3  compound  NOUN   _ tag=NN
        rocket     4  nsubj     NOUN
        carried    0  root      VERB   carry tag=VBD
        the        8  det       DET
        Sarvan-2   8  compound  PROPN
        weather    8  compound  NOUN
        satellite  4  obj       NOUN
        ,          12 punct     PUNCT
        and        12 cc        CCONJ
        two        12 nummod    NUM
        Pelican    12 compound  PROPN  _ tag=NNS
        aircraft   8  conj      NOUN
        ,          16 punct     PUNCT
        a          16 det       DET
        rocket     16 compound  NOUN
        maker      8  conj      NOUN
        and        20 cc        CCONJ
        Coalition  20 compound  PROPN
        aircraft   8  conj      NOUN
        flew       4  conj      VERB   fly tag=VBD
        .          4  punct     PUNCT
    """
    assert entities(nlp, table) == [
        ("H7", "PRODUCT", True),
        ("Sarvan-2", "PRODUCT", True),  # one noun between it and the craft's noun
        ("two", "CARDINAL", False),
        ("Pelican", "PRODUCT", True),
    ]  # "a rocket maker": a noun after; "Coalition aircraft": an organization's noun


def test_a_name_a_medicines_apposition_follows_is_the_product(nlp) -> None:
    # "It said KT-208 , Norvik 's second drug , and Selvarin , its pill for gout , sold . Pfizer
    # , the drug maker , and Ikorodu , a drug hub , grew ."
    table = """
        It         2  nsubj     PRON
        said       0  root      VERB   say tag=VBD
        KT-208     16 nsubj     PROPN  _ PERSON
        ,          8  punct     PUNCT
        Norvik     8  nmod:poss PROPN
        's         5  case      PART   _ tag=POS
        second     8  amod      ADJ    _ tag=JJ
        drug       3  appos     NOUN
        ,          11 punct     PUNCT
        and        11 cc        CCONJ
        Selvarin   3  conj      PROPN
        ,          14 punct     PUNCT
        its        14 nmod:poss PRON   _ tag=PRP$
        pill       11 appos     NOUN
        for        16 case      ADP
        gout       14 nmod      NOUN
        sold       2  ccomp     VERB   sell tag=VBD
        .          2  punct     PUNCT

        Pfizer     12 nsubj     PROPN  _ ORG
        ,          5  punct     PUNCT
        the        5  det       DET
        drug       5  compound  NOUN
        maker      1  appos     NOUN
        ,          8  punct     PUNCT
        and        8  cc        CCONJ
        Ikorodu    1  conj      PROPN
        ,          11 punct     PUNCT
        a          11 det       DET
        drug       11 compound  NOUN
        hub        8  appos     NOUN
        grew       0  root      VERB   grow tag=VBD
        .          13 punct     PUNCT
    """
    assert entities(nlp, table) == [
        ("KT-208", "PRODUCT", True),  # a person to the NER
        ("second", "ORDINAL", False),
        ("Selvarin", "PRODUCT", True),  # no entity to the NER
        ("Pfizer", "ORG", False),  # "the drug maker": a noun after the medicine's
    ]  # "a drug hub": no product


@pytest.mark.slow
def test_products_a_crafts_or_a_medicines_noun_names_are_things(nodes) -> None:
    for name in ("H7", "Sarvan-2", "Pelican", "KT-208"):
        assert nodes[name].type == "Entity"  # nothing on main
    assert nodes["Selvarin"].type == "Entity"  # a place on main


def test_a_name_said_to_be_a_language_or_before_a_script_is_a_group(nlp) -> None:
    # "Ostrani would stay an official language . The Velmic script survives . Python is a
    # programming language ."
    table = """
        Ostrani    3  nsubj     PROPN  _ LOC
        would      3  aux       AUX    _ tag=MD
        stay       0  root      VERB   stay tag=VB
        an         7  det       DET
        official   7  amod      ADJ    _ tag=JJ
        language   3  xcomp     NOUN
        .          3  punct     PUNCT

        The        3  det       DET
        Velmic     3  amod      PROPN
        script     4  nsubj     NOUN
        survives   0  root      VERB   survive tag=VBZ
        .          4  punct     PUNCT

        Python     5  nsubj     PROPN  _ PERSON
        is         5  cop       AUX    be tag=VBZ
        a          5  det       DET
        programming  5  compound  NOUN _ tag=NN
        language   0  root      NOUN
        .          5  punct     PUNCT
    """
    assert entities(nlp, table) == [
        ("Ostrani", "NORP", True),  # a place to the NER
        ("Velmic", "NORP", True),  # no entity to the NER
        ("Python", "PERSON", False),  # a noun before the language's: no language of a people
    ]


@pytest.mark.slow
def test_a_language_by_what_it_is_said_to_be_or_its_script_is_a_group(nodes) -> None:
    assert nodes["Ostrani"].type == "Group"  # a person on main, in both paragraphs
    assert len(nodes["Ostrani"].mentions) == 2
    assert nodes["Velmic"].type == "Group"  # nothing on main


def test_a_known_place_after_and_at_an_entitys_end_is_a_place_of_its_own(nlp) -> None:
    # "The Nordic Council and Oslo agreed , and Fjord and Coast Oslo said so ."
    table = """
        The      2  det     DET
        Nordic   3  compound PROPN _ B-ORG
        Council  6  nsubj   PROPN _ I-ORG
        and      5  cc      CCONJ _ I-ORG
        Oslo     3  conj    PROPN _ I-ORG
        agreed   0  root    VERB  agree tag=VBD
        ,        14 punct   PUNCT
        and      14 cc      CCONJ
        Fjord    14 nsubj   PROPN _ B-ORG
        and      11 cc      CCONJ _ I-ORG
        Coast    9  conj    PROPN _ I-ORG
        Oslo     9  flat    PROPN _ I-ORG
        said     6  conj    VERB  say tag=VBD
        so       13 advmod  ADV
        .        6  punct   PUNCT
    """
    assert entities(nlp, table) == [
        ("Nordic Council", "ORG", False),
        ("Oslo", "GPE", False),
        ("Fjord and Coast Oslo", "ORG", False),  # a body named for the place: no "and" before it
    ]


def test_a_known_body_after_and_is_its_own_only_after_a_known_name() -> None:
    # "The Nordic Council and Arctic Forum met , as did Safety and Arctic Forum ."
    known = {"names": {"ORG": ["Nordic Council", "Arctic Forum"]}, "weak": [], "ambiguous": []}
    table = """
        The      3  det     DET
        Nordic   3  compound PROPN _ B-ORG
        Council  7  nsubj   PROPN _ I-ORG
        and      6  cc      CCONJ _ I-ORG
        Arctic   6  compound PROPN _ I-ORG
        Forum    3  conj    PROPN _ I-ORG
        met      0  root    VERB  meet tag=VBD
        ,        10 punct   PUNCT
        as       10 mark    SCONJ
        did      7  advcl   VERB  do tag=VBD
        Safety   10 nsubj   PROPN _ B-ORG
        and      14 cc      CCONJ _ I-ORG
        Arctic   14 compound PROPN _ I-ORG
        Forum    11 conj    PROPN _ I-ORG
        .        7  punct   PUNCT
    """
    assert entities(rules_only({**known, "aliases": {}}), table) == [
        ("Nordic Council", "ORG", False),
        ("Arctic Forum", "ORG", False),
        ("Safety and Arctic Forum", "ORG", False),  # no known name before "and"
    ]


@pytest.mark.slow
def test_a_body_and_a_country_the_ner_took_as_one_name_are_two_nodes(tmp_path) -> None:
    text = (
        "Talks resume\n\n"
        "Relations between the European Union and Turkey improved on Monday, and the United "
        "Nations and Sudan agreed to reopen the border crossing, officials said.\n"
    )
    (tmp_path / "talks.txt").write_text(text, encoding="utf-8")
    kg.build([tmp_path / "talks.txt"], store=tmp_path / "store", model=MODEL)
    with Store(tmp_path / "store", read_only=True) as store:
        found = {node.label: node.type for nodes in stored_nodes(store).values() for node in nodes}
    assert found["European Union"] == "Organization"  # one organization with Turkey on main
    assert found["Turkey"] == "Place"
    assert found["United Nations"] == "Organization"
    assert found["Sudan"] == "Place"
