"""What the words around a name say it is: the rules of ``kg.nlp.entity_kinds`` and the
place rules beside them (``kg.nlp.entity_places``), on parse tables with hand-set NER output,
and the entity nodes a short article written for them gives."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from built_nodes import built_nodes, by_label
from doc_table import build
from rule_layer import entities, rules_only
from spacy.attrs import LOWER, ORTH
from spacy.language import Language

from benchmarks.entity_audit import Node
from kg.nlp.entity_spans import capitalized_positions, indexed, positions, values
from kg.nlp.lexicon.labels import CONTEXT_KB_ID

GAZETTEER = {
    "names": {"GPE": ["Oslo", "Norway"], "NORP": ["Danish"], "ORG": []},
    "weak": [],
    "ambiguous": [],
    "aliases": {},
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rules_only(GAZETTEER)


def test_a_name_after_a_noun_of_an_organizations_kind_is_the_organization(nlp) -> None:
    # "He joined the Belgian club Varno Tallin and the lens maker Oskelund ."
    table = """
        He        2  nsubj    PRON
        joined    0  root     VERB  join  tag=VBD
        the       5  det      DET
        Belgian   5  amod     ADJ
        club      2  obj      NOUN
        Varno     5  appos    PROPN _ PERSON
        Tallin    6  flat     PROPN _ PERSON
        and       12 cc       CCONJ
        the       12 det      DET
        lens      11 compound NOUN
        maker     12 compound NOUN
        Oskelund  5  conj     PROPN _ LOC
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [("Varno Tallin", "ORG"), ("Oskelund", "ORG")]


def test_a_name_no_entity_holds_after_a_kinds_noun_or_its_apposition_is_added(nlp) -> None:
    # "Figures from the customs service Tarvel and the regulator , the ACMV ."
    table = """
        Figures   0  root     NOUN  figure tag=NNS
        from      5  case     ADP
        the       5  det      DET
        customs   5  compound NOUN
        service   6  compound NOUN
        Tarvel    1  nmod     NOUN
        and       9  cc       CCONJ
        the       9  det      DET
        regulator 6  conj     NOUN
        ,         12 punct    PUNCT
        the       12 det      DET
        ACMV      9  appos    NOUN
        .         1  punct    PUNCT
    """
    assert entities(nlp, table) == [("Tarvel", "ORG"), ("ACMV", "ORG")]


def test_a_name_that_is_the_subject_of_a_clause_on_the_noun_stays(nlp) -> None:
    # "The group Marek founded grew ."
    table = """
        The       2  det        DET
        group     5  nsubj      NOUN
        Marek     4  nsubj      PROPN _ PERSON
        founded   2  acl:relcl  VERB  found tag=VBD
        grew      0  root       VERB  grow  tag=VBD
        .         5  punct      PUNCT
    """
    assert entities(nlp, table) == [("Marek", "PERSON")]


def test_a_name_that_has_what_only_an_organization_has_is_one(nlp) -> None:
    # "Lumora 's chief executive met Ana Roe , an economist at Heltberg in Oslo ."
    table = """
        Lumora    4  nmod:poss PROPN _ PERSON
        's        1  case      PART  _ _ tag=POS
        chief     4  amod      ADJ
        executive 5  nsubj     NOUN
        met       0  root      VERB  meet tag=VBD
        Ana       5  obj       PROPN _ B-PERSON
        Roe       6  flat      PROPN _ I-PERSON
        ,         10 punct     PUNCT
        an        10 det       DET
        economist 6  appos     NOUN
        at        12 case      ADP
        Heltberg  10 nmod      PROPN _ LOC
        in        14 case      ADP
        Oslo      12 nmod      PROPN
        .         5  punct     PUNCT
    """
    assert entities(nlp, table) == [
        ("Lumora", "ORG"),
        ("Ana Roe", "PERSON"),
        ("Heltberg", "ORG"),
        ("Oslo", "GPE"),
    ]
    # "It met Orvika 's board ." with no entity
    table = """
        It        2  nsubj     PRON
        met       0  root      VERB  meet tag=VBD
        Orvika    5  nmod:poss PROPN
        's        3  case      PART  _ _ tag=POS
        board     2  obj       NOUN
        .         2  punct     PUNCT
    """
    assert entities(nlp, table) == [("Orvika", "ORG")]


def test_a_name_whose_shares_trade_is_an_organization_but_a_known_places_market_is_not(
    nlp,
) -> None:
    # "Lumora shares fell and Norway stocks rose , shares of Brenvik too . Ana shares it ."
    table = """
        Lumora    2  compound PROPN _ PERSON
        shares    3  nsubj    NOUN  share tag=NNS
        fell      0  root     VERB  fall tag=VBD
        and       7  cc       CCONJ
        Norway    6  compound PROPN
        stocks    7  nsubj    NOUN  stock tag=NNS
        rose      3  conj     VERB  rise tag=VBD
        ,         9  punct    PUNCT
        shares    7  obj      NOUN  share tag=NNS
        of        11 case     ADP
        Brenvik   9  nmod     PROPN
        too       9  advmod   ADV
        .         3  punct    PUNCT

        Ana       2  nsubj    PROPN _ PERSON
        shares    0  root     VERB  share tag=VBZ
        it        2  obj      PRON
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Lumora", "ORG"),
        ("Norway", "GPE"),
        ("Brenvik", "ORG"),  # no entity to the NER
        ("Ana", "PERSON"),  # a verb, not a firm's shares
    ]


def test_a_person_before_a_possessive_and_a_persons_full_name_is_an_organization(nlp) -> None:
    # "holding off Varnell 's Kenji Ota ."
    table = """
        holding   0  root      VERB  hold tag=VBG
        off       1  compound:prt ADP
        Varnell   6  nmod:poss PROPN _ PERSON
        's        3  case      PART  _ _ tag=POS
        Kenji     1  obj       PROPN _ B-PERSON
        Ota       5  flat      PROPN _ I-PERSON
        .         1  punct     PUNCT
    """
    assert entities(nlp, table) == [("Varnell", "ORG"), ("Kenji Ota", "PERSON")]


def test_a_name_that_goes_on_after_a_bodys_word_over_of_is_an_organization(nlp) -> None:
    # "It joined the Tarnow Institute of Soil ."
    table = """
        It        2  nsubj    PRON
        joined    0  root     VERB  join tag=VBD
        the       4  det      DET
        Tarnow    2  obj      PROPN _ LOC
        Institute 4  flat     PROPN _ LOC
        of        7  case     ADP   _ LOC
        Soil      4  nmod     PROPN _ LOC
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [("Tarnow Institute of Soil", "ORG")]


def test_a_person_in_capitals_in_a_mixed_case_sentence_is_an_organization(nlp) -> None:
    # "Norway 's KVSM runs two plants ."
    table = """
        Norway    3  nmod:poss PROPN
        's        1  case      PART  _ _ tag=POS
        KVSM      4  nsubj     PROPN _ PERSON
        runs      0  root      VERB  run tag=VBZ
        two       6  nummod    NUM
        plants    4  obj       NOUN  plant tag=NNS
        .         4  punct     PUNCT
    """
    assert ("KVSM", "ORG") in entities(nlp, table)


def test_a_name_an_organization_was_made_by_its_words_is_one_throughout(nlp) -> None:
    # "the insurer Varda paid . Varda said so ."
    table = """
        the       2  det       DET
        insurer   4  nsubj     NOUN
        Varda     2  appos     PROPN _ PERSON
        paid      0  root      VERB  pay tag=VBD

        Varda     2  nsubj     PROPN _ PERSON
        said      0  root      VERB  say tag=VBD
        so        2  advmod    ADV
        .         2  punct     PUNCT
    """
    assert entities(nlp, table) == [("Varda", "ORG"), ("Varda", "ORG")]


def test_a_name_that_starts_with_a_natural_features_word_is_a_place(nlp) -> None:
    # "Oil drifted towards Pulau Serang . Lake Bell said so ."
    table = """
        Oil       2  nsubj    NOUN
        drifted   0  root     VERB  drift tag=VBD
        towards   4  case     ADP
        Pulau     2  obl      PROPN _ PERSON
        Serang    4  flat     PROPN _ PERSON
        .         2  punct    PUNCT

        Lake      3  nsubj    PROPN _ PERSON
        Bell      1  flat     PROPN _ PERSON
        said      0  root     VERB  say tag=VBD
        so        3  advmod   ADV
        .         3  punct    PUNCT
    """
    assert entities(nlp, table) == [("Pulau Serang", "LOC"), ("Lake Bell", "PERSON")]


def test_a_name_a_places_noun_and_a_preposition_lead_to_is_a_place(nlp) -> None:
    # "the camps around Odrel , the road to Tamsal , a shepherd from Ighar , a letter from Hale"
    table = """
        the       2  det      DET
        camps     0  root     NOUN  camp tag=NNS
        around    4  case     ADP
        Odrel     2  nmod     PROPN _ PERSON
        ,         7  punct    PUNCT
        the       7  det      DET
        road      2  conj     NOUN
        to        9  case     ADP
        Tamsal    7  nmod     PROPN _ ORG
        ,         12 punct    PUNCT
        a         12 det      DET
        shepherd  2  conj     NOUN
        from      14 case     ADP
        Ighar     12 nmod     PROPN _ PERSON
        ,         17 punct    PUNCT
        a         17 det      DET
        letter    2  conj     NOUN
        from      19 case     ADP
        Hale      17 nmod     PROPN _ PERSON
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Odrel", "LOC"),
        ("Tamsal", "LOC"),
        ("Ighar", "LOC"),
        ("Hale", "PERSON"),  # a letter is no place and no person's noun
    ]


def test_a_singular_name_subject_of_a_verb_in_the_plural_is_a_team_or_a_firm(nlp) -> None:
    # "Varnsby have signed Ola . Oslo has grown ."
    table = """
        Varnsby   3  nsubj    PROPN _ LOC
        have      3  aux      AUX   have tag=VBP
        signed    0  root     VERB  sign tag=VBN
        Ola       3  obj      PROPN _ PERSON
        .         3  punct    PUNCT

        Oslo      3  nsubj    PROPN
        has       3  aux      AUX   have tag=VBZ
        grown     0  root     VERB  grow tag=VBN
        .         3  punct    PUNCT
    """
    assert entities(nlp, table) == [("Varnsby", "ORG"), ("Ola", "PERSON"), ("Oslo", "GPE")]


def test_a_capitalized_word_listed_with_organizations_only_is_one(nlp) -> None:
    # "after Halden , Vorn , Brisk and Tavo ." with Halden and Brisk found
    table = """
        after     2  case     ADP
        Halden    0  root     PROPN _ B-ORG
        ,         4  punct    PUNCT
        Vorn      2  conj     PROPN
        ,         6  punct    PUNCT
        Brisk     2  conj     PROPN _ B-ORG
        and       8  cc       CCONJ
        Tavo      2  conj     PROPN
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Halden", "ORG"),
        ("Vorn", "ORG"),
        ("Brisk", "ORG"),
        ("Tavo", "ORG"),
    ]


def test_a_place_written_in_mixed_case_as_no_place_is_an_organization(nlp) -> None:
    # "videos on ClipTok and in McAllen ."
    table = """
        videos    0  root     NOUN  video tag=NNS
        on        3  case     ADP
        ClipTok   1  nmod     PROPN _ LOC
        and       6  cc       CCONJ
        in        6  case     ADP
        McAllen   1  conj     PROPN _ LOC
        .         1  punct    PUNCT
    """
    assert entities(nlp, table) == [("ClipTok", "ORG"), ("McAllen", "LOC")]


def test_a_name_before_a_peoples_members_or_after_speech_in_is_a_group(nlp) -> None:
    # "allied Soraki militias . She spoke in Tavunu before switching to Danish ."
    table = """
        allied    3  amod     ADJ
        Soraki    3  compound PROPN _ LOC
        militias  0  root     NOUN  militia tag=NNS
        .         3  punct    PUNCT

        She       2  nsubj    PRON
        spoke     0  root     VERB  speak tag=VBD
        in        4  case     ADP
        Tavunu    2  obl      PROPN _ LOC
        before    6  mark     SCONJ
        switching 2  advcl    VERB  switch tag=VBG
        to        8  case     ADP
        Danish    6  obl      PROPN
        .         2  punct    PUNCT
    """
    assert entities(nlp, table) == [("Soraki", "NORP"), ("Tavunu", "NORP"), ("Danish", "NORP")]


def test_job_nouns_at_a_name_open_a_sentence_and_a_modifier_is_no_employer(nlp) -> None:
    # "Analysts at Banco Varde said so . Staff at Oslo-based Rekk quit ."
    table = """
        Analysts  5  nsubj    NOUN  analyst tag=NNS
        at        3  case     ADP
        Banco     1  nmod     PROPN _ PERSON
        Varde     3  flat     PROPN _ PERSON
        said      0  root     VERB  say tag=VBD
        so        5  advmod   ADV
        .         5  punct    PUNCT

        Analysts  7  nsubj    NOUN  analyst tag=NNS
        at        6  case     ADP
        Oslo      6  compound PROPN _ _ space=no
        -         5  punct    PUNCT _ _ space=no
        based     6  amod     VERB  base tag=VBN
        Rekk      1  nmod     PROPN _ ORG
        quit      0  root     VERB  quit tag=VBD
        .         7  punct    PUNCT
    """
    assert entities(nlp, table) == [("Banco Varde", "ORG"), ("Oslo", "GPE"), ("Rekk", "ORG")]


def test_a_name_a_storms_word_starts_or_follows_is_the_storm(nlp) -> None:
    # "damaged by Typhoon Vena and Hurricane Oro ."
    table = """
        damaged   0  root     VERB  damage tag=VBN
        by        3  case     ADP
        Typhoon   1  obl      PROPN _ ORG
        Vena      3  flat     PROPN _ ORG
        and       6  cc       CCONJ
        Hurricane 6  compound PROPN
        Oro       3  conj     PROPN _ PERSON
        .         1  punct    PUNCT
    """
    assert entities(nlp, table) == [("Typhoon Vena", "EVENT"), ("Hurricane Oro", "EVENT")]


def test_a_name_before_a_noun_joined_to_a_nouns_group_is_a_group(nlp) -> None:
    # "born to a Soraki father and a Danish mother ."
    table = """
        born      0  root     VERB  bear tag=VBN
        to        5  case     ADP
        a         5  det      DET
        Soraki    5  compound PROPN
        father    1  obl      NOUN
        and       9  cc       CCONJ
        a         9  det      DET
        Danish    9  amod     ADJ   _ _ tag=JJ
        mother    5  conj     NOUN
        .         1  punct    PUNCT
    """
    assert entities(nlp, table) == [("Soraki", "NORP"), ("Danish", "NORP")]


def test_a_name_that_qualifies_a_person_after_first_or_an_article_is_a_group(nlp) -> None:
    # "the first Ovimbe president , a Tavunu trading family and the Soraki family"
    table = """
        the       3  det      DET
        first     3  amod     ADJ
        Ovimbe    4  compound PROPN _ LOC
        president 0  root     NOUN
        ,         8  punct    PUNCT
        a         8  det      DET
        Tavunu    8  compound PROPN
        trading   9  compound NOUN
        family    4  conj     NOUN
        and       13 cc       CCONJ
        the       13 det      DET
        Soraki    13 compound PROPN _ PERSON
        family    4  conj     NOUN
    """
    assert entities(nlp, table) == [
        ("first", "ORDINAL"),
        ("Ovimbe", "NORP"),
        ("Tavunu", "NORP"),
        ("Soraki", "PERSON"),  # "the Smith family" is a person's
    ]


def test_a_label_the_words_around_a_name_gave_is_marked_for_the_whole_article(nlp) -> None:
    # "Varnsby have signed Ola ." with the NER's place and person
    table = """
        Varnsby   3  nsubj    PROPN _ LOC
        have      3  aux      AUX   have tag=VBP
        signed    0  root     VERB  sign tag=VBN
        Ola       3  obj      PROPN _ PERSON
        .         3  punct    PUNCT
    """
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Varnsby", "ORG", CONTEXT_KB_ID),
        ("Ola", "PERSON", ""),  # the NER's label, as it was
    ]


def test_a_place_the_words_around_it_named_is_marked_for_the_whole_article(nlp) -> None:
    # "in the province of Tamlil ." with the NER's person
    table = """
        in        4  case     ADP
        the       3  det      DET
        province  0  root     NOUN
        of        5  case     ADP
        Tamlil    3  nmod     PROPN _ PERSON
        .         3  punct    PUNCT
    """
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("Tamlil", "LOC", CONTEXT_KB_ID)]


def test_the_words_a_rule_looks_for_are_found_off_the_docs_arrays() -> None:
    doc = spacy.blank("en")("Typhoon Vena hit the HSBC branch and a Club.")
    assert positions(doc, ORTH, frozenset({"Typhoon", "hit"})) == [0, 2]
    assert positions(doc, LOWER, frozenset({"club", "the"})) == [3, 8]
    assert capitalized_positions(doc) == [0, 1, 4, 8]


def test_the_arrays_kept_for_one_doc_answer_as_the_doc_does_and_for_it_alone() -> None:
    blank = spacy.blank("en")
    for text in ("Typhoon Vena hit the HSBC branch and a Club.", "The Club hit back, Vena said."):
        doc = blank(text)
        alone = [
            positions(doc, ORTH, frozenset({"Vena", "hit"})),
            positions(doc, LOWER, frozenset({"club", "storm"})),
            capitalized_positions(doc),
            values(doc, LOWER),
        ]
        with indexed(doc):  # a second doc may take the first one's id once it is gone
            assert positions(doc, ORTH, frozenset({"Vena", "hit"})) == alone[0]
            assert positions(doc, LOWER, frozenset({"club", "storm"})) == alone[1]
            assert capitalized_positions(doc) == alone[2]
            assert values(doc, LOWER) == alone[3]
            assert positions(doc, ORTH, frozenset({"storm"})) == []
        del doc


ARTICLE = (
    "Port deal signed\n\n"
    "The port signed a deal with the state copper company Valtara on Monday and with the "
    "Danish lens maker Oskelund, which will supply cameras for its cranes. Figures from the "
    "customs service Tarvel showed exports rose 4 percent, and shares of Orvika rose too. "
    "Corvin Baines, an analyst at "
    "Heltberg in Oslo, said the deal was a good one, and Typhoon Kalmae had not hurt "
    "trade. Scientists at the Ningbo Institute of Materia Medica said the paint held.\n\n"
    "The rebels hold much of Jebel Sorra, and oil drifted towards Pulau Tekari last week. "
    "The camps around Odrelle were cleared.\n"
)
GROUPS = (
    "Mayor elected\n\n"
    "The new mayor opened her speech in Quenadun before switching to Spanish. The hall was "
    "guarded by allied Berenu militias. She was born to a Quenadun father and a Danish "
    "mother. Her phone maker is the fifth-largest brand after "
    "Samsung, Ruvio, Apple and Tenxia.\n"
)
CLUB = (
    "Striker signs\n\n"
    "Malmvik have signed the Ghana striker Kwame Asante for a fee that was not disclosed.\n\n"
    "Asante, 23, will wear the number nine shirt at Malmvik. He played two seasons in Accra "
    "before his move to Malmvik.\n"
)
MATCH = (
    "Test won\n\n"
    "Uganda won the first Test by two wickets on Sunday, and their captain Okello Mugisha "
    "thanked the fans. Ssekandi, 19, took four wickets, holding off Halvorsen's Kenji "
    "Watanabe-Hart, who ended on 40.\n\n"
    '"She never belonged to one school," said her son, Dariusz Olúwasèun, who runs a '
    "gallery in her name in Gdańsk. Kasera, 52, would be the first Ovimbe president of the "
    "republic.\n"
)


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    files = {"port.txt": ARTICLE, "mayor.txt": GROUPS, "match.txt": MATCH, "club.txt": CLUB}
    with built_nodes(tmp_path_factory.mktemp("kinds"), files) as (_, found):
        yield by_label(found)


@pytest.mark.slow
def test_firms_a_kinds_noun_or_an_employee_introduces_are_organizations(nodes) -> None:
    assert nodes["Valtara"].type == "Organization"  # a person to the NER
    assert nodes["Oskelund"].type == "Organization"  # no entity to the NER
    assert nodes["Tarvel"].type == "Organization"  # no entity to the NER
    assert nodes["Heltberg"].type == "Organization"  # a place to the NER
    assert nodes["Typhoon Kalmae"].type == "NamedEvent"
    assert nodes["Orvika"].type == "Organization"  # no entity to the NER
    assert nodes["Ningbo Institute of Materia Medica"].type == "Organization"  # a place


@pytest.mark.slow
def test_places_a_features_word_or_a_places_noun_introduces_are_places(nodes) -> None:
    assert nodes["Jebel Sorra"].type == "Place"  # a person to the NER
    assert nodes["Pulau Tekari"].type == "Place"  # a person to the NER
    assert nodes["Odrelle"].type == "Place"  # a person to the NER


@pytest.mark.slow
def test_a_language_a_people_and_firms_by_their_words_are_groups_and_organizations(
    nodes,
) -> None:
    assert nodes["Quenadun"].type == "Group"  # a language; a person to the NER
    assert nodes["Berenu"].type == "Group"  # a people; no entity to the NER
    assert nodes["Ruvio"].type == "Organization"  # listed with firms; no entity to the NER


@pytest.mark.slow
def test_a_country_that_won_a_match_is_its_team(nodes) -> None:
    assert nodes["Uganda"].type == "Organization"  # a place on main


@pytest.mark.slow
def test_a_name_with_an_age_is_a_person_and_one_with_a_persons_member_a_team(nodes) -> None:
    assert nodes["Ssekandi"].type == "Person"
    assert nodes["Halvorsen"].type == "Organization"
    assert nodes["Dariusz Olúwasèun"].type == "Person"  # a place on main, "her son"
    assert nodes["Ovimbe"].type == "Group"  # a place on main


@pytest.mark.slow
def test_a_name_typed_by_its_words_in_one_paragraph_is_so_typed_in_all(nodes) -> None:
    club = nodes["Malmvik"]
    assert club.type == "Organization"  # a place on main, by two paragraphs against one
    assert len(club.mentions) == 3
