"""Firms by their legal form, by what they do and by their short names: the rules of
``kg.nlp.entity_firms`` and the firm's nouns of ``kg.nlp.entity_kinds`` and
``kg.nlp.entity_bodies`` on parse tables with hand-set NER output, the folding and merging of
``kg.extract.names`` and ``kg.extract.merges``, and the entity nodes two short articles written
for them give."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import built_nodes, by_label
from doc_table import build
from rule_layer import entities, rules_only
from spacy.language import Language
from spacy.tokens import Doc, Span

from benchmarks.entity_audit import Node
from kg.extract.entities import EntityIndex
from kg.extract.names import without_legal_form
from kg.extract.parse import Parse
from kg.nlp.lexicon.labels import CONTEXT_KB_ID

GAZETTEER = {
    "names": {"GPE": ["Henderson", "Tallinn"], "ORG": []},
    "weak": [],
    "ambiguous": [],
    "aliases": {},
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return rules_only(GAZETTEER)


def test_a_name_the_ner_stopped_before_a_corporate_suffix_takes_it_in(nlp) -> None:
    # "Vadso Copper Mining Ltd, a joint venture, cut output."
    table = """
        Vadso    4  compound PROPN _ B-LOC
        Copper   4  compound PROPN _ I-LOC
        Mining   4  compound PROPN _ I-LOC
        Ltd      9  nsubj    PROPN
        ,        7  punct    PUNCT
        a        7  det      DET
        joint    7  amod     ADJ
        venture  4  appos    NOUN
        ,        4  punct    PUNCT
        cut      0  root     VERB  cut tag=VBD
        output   9  obj      NOUN
        .        9  punct    PUNCT
    """
    assert entities(nlp, table) == [("Vadso Copper Mining Ltd", "ORG")]


def test_a_person_that_ends_in_a_corporate_suffix_is_a_firm(nlp) -> None:
    # "Harlan Pharma Nyrt agreed to buy Orvika AB."
    table = """
        Harlan   3  compound PROPN _ B-PERSON
        Pharma   3  compound PROPN _ I-PERSON
        Nyrt     4  nsubj    PROPN _ I-PERSON
        agreed   0  root     VERB  agree tag=VBD
        to       6  mark     PART
        buy      4  xcomp    VERB
        Orvika   8  compound PROPN _ B-PERSON
        AB       6  obj      PROPN
        .        4  punct    PUNCT
    """
    assert entities(nlp, table) == [("Harlan Pharma Nyrt", "ORG"), ("Orvika AB", "ORG")]


def test_capitalized_words_in_no_entity_before_a_corporate_suffix_are_a_firm(nlp) -> None:
    # "Shares of Norrvik Marine Holdings AG fell."
    table = """
        Shares   7  nsubj    NOUN
        of       6  case     ADP
        Norrvik  6  compound PROPN
        Marine   6  compound PROPN
        Holdings 6  compound PROPN
        AG       1  nmod     PROPN
        fell     0  root     VERB  fall tag=VBD
        .        7  punct    PUNCT
    """
    assert entities(nlp, table) == [("Norrvik Marine Holdings AG", "ORG")]


def test_a_legal_form_before_a_name_makes_it_a_firm(nlp) -> None:
    # "owned by PT Bahari Karya Teknik" with no entity, "PJSC Volgaprom said" with a person,
    # "THE PT BOSS QUITS" in capitals
    table = """
        owned     0 root     VERB  own tag=VBN
        by        6 case     ADP
        PT        6 compound PROPN
        Bahari    6 compound PROPN
        Karya     6 compound PROPN
        Teknik    1 obl      PROPN
        .         1 punct    PUNCT

        PJSC      2 compound PROPN
        Volgaprom 3 nsubj    PROPN _ PERSON
        said      0 root     VERB  say tag=VBD
        .         3 punct    PUNCT

        THE       3 det      DET
        PT        3 compound PROPN
        BOSS      4 nsubj    PROPN
        QUITS     0 root     VERB
    """
    assert entities(nlp, table) == [
        ("PT Bahari Karya Teknik", "ORG"),
        ("PJSC Volgaprom", "ORG"),
    ]


def test_a_known_place_before_a_states_letters_or_a_headline_in_capitals_is_no_firm(
    nlp,
) -> None:
    # "The plant in Henderson NV closed." and "STRIKE SHUTS MINES SA WIDE"
    table = """
        The       2  det      DET
        plant     6  nsubj    NOUN
        in        5  case     ADP
        Henderson 5  compound PROPN _ GPE
        NV        2  nmod     PROPN
        closed    0  root     VERB  close tag=VBD
        .         6  punct    PUNCT

        STRIKE    2  nsubj    PROPN
        SHUTS     0  root     VERB
        MINES     5  compound PROPN
        SA        5  compound PROPN
        WIDE      2  obj      PROPN
    """
    assert entities(nlp, table) == [("Henderson", "GPE")]


def test_the_agent_of_what_a_firm_does_to_what_it_sells_is_a_firm(nlp) -> None:
    # "a router sold by Velpro", "released in Tallinn by Sahamongkol Film", "a house built
    # by Frank Wright", "a chapel built by Franciscans"
    table = """
        a          2 det      DET
        router     0 root     NOUN
        sold       2 acl      VERB  sell tag=VBN
        by         5 case     ADP
        Velpro     3 obl      PROPN
        .          2 punct    PUNCT

        It         3 nsubj:pass PRON
        was        3 aux:pass AUX
        released   0 root     VERB  release tag=VBN
        in         5 case     ADP
        Tallinn    3 obl      PROPN _ GPE
        by         8 case     ADP
        Sahamongkol 8 compound PROPN _ B-LOC
        Film       3 obl      PROPN _ I-LOC
        .          3 punct    PUNCT

        a          2 det      DET
        house      0 root     NOUN
        built      2 acl      VERB  build tag=VBN
        by         6 case     ADP
        Frank      6 compound PROPN _ B-PERSON
        Wright     3 obl      PROPN _ I-PERSON
        ,          2 punct    PUNCT
        a          9 det      DET
        chapel     2 appos    NOUN
        built      9 acl      VERB  build tag=VBN
        by         12 case    ADP
        Franciscans 10 obl    PROPN _ _ tag=NNPS
        .          2 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Velpro", "ORG"),
        ("Tallinn", "GPE"),
        ("Sahamongkol Film", "ORG"),
        ("Frank Wright", "PERSON"),
    ]


def test_a_trades_noun_opening_a_sentence_a_fund_and_a_name_a_group_calls_itself(nlp) -> None:
    # "Distributor Lumenfilm bought it, and the venture fund Baltora backed it. A group
    # calling itself Grauwolf said so, and a man calling himself Vogel laughed."
    table = """
        Distributor 2 compound NOUN
        Lumenfilm  3 nsubj    PROPN
        bought     0 root     VERB  buy tag=VBD
        it         3 obj      PRON
        ,          10 punct   PUNCT
        and        10 cc      CCONJ
        the        9 det      DET
        venture    9 compound NOUN
        fund       10 nsubj   NOUN
        Baltora    9 appos    PROPN
        backed     3 conj     VERB  back tag=VBD
        it         11 obj     PRON
        .          3 punct    PUNCT

        A          2 det      DET
        group      5 nsubj    NOUN
        calling    2 acl      VERB  call tag=VBG
        itself     3 obj      PRON
        Grauwolf   3 xcomp    PROPN _ PERSON
        said       0 root     VERB  say tag=VBD
        so         6 advmod   ADV
        ,          15 punct   PUNCT
        and        15 cc      CCONJ
        a          11 det     DET
        man        15 nsubj   NOUN
        calling    11 acl     VERB  call tag=VBG
        himself    12 obj     PRON
        Vogel      12 xcomp   PROPN _ PERSON
        laughed    6 conj     VERB  laugh tag=VBD
        .          6 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Lumenfilm", "ORG"),
        ("Baltora", "ORG"),
        ("Grauwolf", "ORG"),
        ("Vogel", "PERSON"),
    ]


def test_a_word_listed_with_one_firm_is_a_firm_as_a_brand_or_a_deals_adviser(nlp) -> None:
    # "a loan from Nordvest Bank and SparKreditt", "Kestrel Partners and Tarnvik advised it",
    # "Harwick Capital and Jobs said so"
    table = """
        a         2 det      DET
        loan      0 root     NOUN
        from      5 case     ADP
        Nordvest  5 compound PROPN _ B-ORG
        Bank      2 nmod     PROPN _ I-ORG
        and       7 cc       CCONJ
        SparKreditt 5 conj   PROPN
        .         2 punct    PUNCT

        Kestrel   2 compound PROPN _ B-ORG
        Partners  5 nsubj    PROPN _ I-ORG
        and       4 cc       CCONJ
        Tarnvik   2 conj     PROPN _ PERSON
        advised   0 root     VERB  advise tag=VBD
        it        5 obj      PRON
        .         5 punct    PUNCT

        Harwick   2 compound PROPN _ B-ORG
        Capital   5 nsubj    PROPN _ I-ORG
        and       4 cc       CCONJ
        Jobs      2 conj     PROPN
        said      0 root     VERB  say tag=VBD
        so        5 advmod   ADV
        .         5 punct    PUNCT
    """
    assert entities(nlp, table) == [
        ("Nordvest Bank", "ORG"),
        ("SparKreditt", "ORG"),
        ("Kestrel Partners", "ORG"),
        ("Tarnvik", "ORG"),
        ("Harwick Capital", "ORG"),
    ]


def test_an_unknown_place_worked_with_and_a_name_ending_in_fund_are_bodies(nlp) -> None:
    # "Police were investigating with Nordpol, and the Vestland Cinema Fund paid."
    table = """
        Police    3 nsubj    NOUN
        were      3 aux      AUX
        investigating 0 root VERB  investigate tag=VBG
        with      5 case     ADP
        Nordpol   3 obl      PROPN _ LOC
        ,         12 punct   PUNCT
        and       12 cc      CCONJ
        the       11 det     DET
        Vestland  11 compound PROPN
        Cinema    11 compound PROPN
        Fund      12 nsubj   PROPN
        paid      3 conj     VERB  pay tag=VBD
        .         3 punct    PUNCT
    """
    assert entities(nlp, table) == [("Nordpol", "ORG"), ("Vestland Cinema Fund", "ORG")]


def test_a_firms_name_without_its_legal_form_is_the_same_name() -> None:
    assert without_legal_form("Kilimanjaro Resources Inc.") == "Kilimanjaro Resources"
    assert without_legal_form("Acme Holdings, Ltd") == "Acme Holdings"
    assert without_legal_form("Pannonia Pharma Nyrt") == "Pannonia Pharma"
    assert without_legal_form("Mário Sá") == "Mário Sá"  # a surname, not "SA"
    assert without_legal_form("Limited") == "Limited"  # one word stays
    assert without_legal_form("PT Samudra Lintas Energi") == "Samudra Lintas Energi"


def _index(table: str, cued: tuple[str, ...] = ()) -> EntityIndex:
    """The entity index of a table, with the entities that start at ``cued`` words marked as
    typed by the words around them (as the rule layer marks them)."""
    doc: Doc = build(table)
    doc.ents = [
        Span(doc, e.start, e.end, label=e.label_, kb_id=CONTEXT_KB_ID if e.text in cued else "")
        for e in doc.ents
    ]
    return EntityIndex(Parse(doc))


def _key(index: EntityIndex, word: str, nth: int = 1) -> str | None:
    found = [i for i, w in enumerate(index.parse.words) if w == word]
    return index.key_at(found[nth - 1])


def test_a_short_name_that_starts_one_firms_name_is_that_firm() -> None:
    # "Velsano Robotics agreed. Velsano's board backed it. Staff in Velsano stay."
    table = """
        Velsano   2 compound PROPN _ B-ORG
        Robotics  3 nsubj    PROPN _ I-ORG
        agreed    0 root     VERB  agree tag=VBD
        .         3 punct    PUNCT

        Velsano   3 nmod:poss PROPN _ ORG
        's        1 case     PART  tag=POS
        board     4 nsubj    NOUN
        backed    0 root     VERB  back tag=VBD
        it        4 obj      PRON
        .         4 punct    PUNCT

        Staff     4 nsubj    NOUN
        in        3 case     ADP
        Velsano   1 nmod     PROPN _ LOC
        stay      0 root     VERB  tag=VBP
        .         4 punct    PUNCT
    """
    index = _index(table, cued=("Velsano",))
    keys = {_key(index, "Velsano", k) for k in (1, 2, 3)}
    assert keys == {"velsano robotics"}


def test_a_short_name_used_as_a_place_or_shared_by_two_firms_stays_apart() -> None:
    # "The Tallinn Port Authority met in Tallinn. Deltaro Bank and Deltaro Insurance
    # merged, Deltaro said. Senate Republicans met in the Senate."
    table = """
        The       4 det      DET
        Tallinn   4 compound PROPN _ B-ORG
        Port      4 compound PROPN _ I-ORG
        Authority 5 nsubj    PROPN _ I-ORG
        met       0 root     VERB  meet tag=VBD
        in        7 case     ADP
        Tallinn   5 obl      PROPN _ GPE
        .         5 punct    PUNCT

        Deltaro   2 compound PROPN _ B-ORG
        Bank      6 nsubj    PROPN _ I-ORG
        and       5 cc       CCONJ
        Deltaro   5 compound PROPN _ B-ORG
        Insurance 2 conj     PROPN _ I-ORG
        merged    0 root     VERB  merge tag=VBD
        ,         6 punct    PUNCT
        Deltaro   9 nsubj    PROPN _ ORG
        said      6 parataxis VERB say tag=VBD
        .         6 punct    PUNCT

        Senate    2 compound PROPN _ B-ORG
        Republicans 3 nsubj  PROPN _ I-ORG
        met       0 root     VERB  meet tag=VBD
        in        6 case     ADP
        the       6 det      DET
        Senate    3 obl      PROPN _ ORG
        .         3 punct    PUNCT
    """
    index = _index(table)
    assert _key(index, "Tallinn", 2) == "tallinn"
    assert _key(index, "Deltaro", 3) == "deltaro"
    assert _key(index, "Senate", 2) == "senate"


def test_a_citys_name_for_its_team_joins_the_clubs_name_it_starts() -> None:
    # "Bergen Klub won the cup. Bergen coach Nils Berg said so."
    table = """
        Bergen    2 compound PROPN _ B-ORG
        Klub      3 nsubj    PROPN _ I-ORG
        won       0 root     VERB  win tag=VBD
        the       5 det      DET
        cup       3 obj      NOUN
        .         3 punct    PUNCT

        Bergen    2 compound PROPN _ GPE
        coach     5 nsubj    NOUN
        Nils      2 appos    PROPN _ B-PERSON
        Berg      3 flat     PROPN _ I-PERSON
        said      0 root     VERB  say tag=VBD
        so        5 advmod   ADV
        .         5 punct    PUNCT
    """
    index = _index(table)
    assert _key(index, "Bergen", 2) == "bergen klub"


ARTICLE = (
    "Harbour group to buy drone maker\n\n"
    "TALLINN, May 4 - Norrvik Marine Holdings AG agreed on Monday to buy Velsano Robotics, a "
    "maker of underwater drones, for 310 million euros. The Tallinn Port Authority backed the "
    "deal.\n\n"
    "Velsano's chief executive, Mari Kask, said the company would keep its staff in Tallinn. "
    "Shares of Oskar Lind Ltd fell 3 percent after the news, and Birkeland Kemi ASA said it "
    "would not bid.\n\n"
    "The deal would close in June, Norrvik Marine Holdings said, and Velsano shares rose 9 "
    "percent. The Tallinn exchange was closed on Friday.\n"
)


ACTS = (
    "Hackers hit city systems\n\n"
    "BERGEN, March 2 - Hackers used a flaw in a router sold by Velpro to shut down the city's "
    "payment systems, officials said on Monday. A group calling itself Grauwolf said it had "
    "taken data from 40,000 residents.\n\n"
    "The city's new flood satellite, built by Velpro for the weather office, was not "
    "affected. Distributor Lumenfilm, which streams the city's council meetings, said its "
    "service was down for a day, and the venture fund Baltora, its largest shareholder, said "
    "it would pay for an audit.\n\n"
    "The old chapel by the harbour, built by Franciscans in 1350, kept its paper records.\n"
)


REPAIRS = (
    "City repairs paid for\n\n"
    "BERGEN, March 9 - Kestrel Partners and Tarnvik advised the city on the repairs, which it "
    "paid for with a loan from Nordvest Bank and SparKreditt. Apple and Jobs were not "
    "involved.\n\n"
    "The Vestland Cinema Fund and the city of Bergen gave two million crowns to the archive. "
    "Its tug, owned by Surabaya-based PT Bahari Karya Teknik, sank in 1998.\n"
)


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    files = {"deal.txt": ARTICLE, "hack.txt": ACTS, "repairs.txt": REPAIRS}
    with built_nodes(tmp_path_factory.mktemp("firms"), files) as (_, found):
        yield by_label(found)


@pytest.mark.slow
def test_a_firm_with_and_without_its_legal_form_is_one_organization(nodes) -> None:
    firm = nodes["Norrvik Marine Holdings AG"]  # two nodes on main, "Marine Holdings" one
    assert firm.type == "Organization"
    assert "Norrvik Marine Holdings" in firm.aliases
    assert nodes["Oskar Lind Ltd"].type == "Organization"  # "Oskar" on main
    assert nodes["Birkeland Kemi ASA"].type == "Organization"  # a person on main


@pytest.mark.slow
def test_a_firms_short_name_joins_it_but_a_place_that_starts_a_name_does_not(nodes) -> None:
    assert "Velsano" not in nodes  # its own node on main
    assert "Velsano" in nodes["Velsano Robotics"].aliases
    assert nodes["Tallinn"].type == "Place"
    assert nodes["Tallinn Port Authority"].type == "Organization"


@pytest.mark.slow
def test_firms_by_what_they_do_by_their_trade_and_a_group_by_what_it_calls_itself(
    nodes,
) -> None:
    assert nodes["Velpro"].type == "Organization"  # no entity on main
    assert nodes["Lumenfilm"].type == "Organization"  # no entity on main
    assert nodes["Baltora"].type == "Organization"  # no entity on main
    assert nodes["Grauwolf"].type == "Organization"  # a person on main
    assert "Franciscans" not in nodes


@pytest.mark.slow
def test_a_firm_listed_with_a_bank_or_an_adviser_and_a_fund_are_organizations(nodes) -> None:
    assert nodes["SparKreditt"].type == "Organization"  # no entity on main
    assert nodes["Tarnvik"].type == "Organization"  # a person on main
    assert nodes["Vestland Cinema Fund"].type == "Organization"  # no entity on main
    assert nodes["PT Bahari Karya Teknik"].type == "Organization"  # a person without "PT"
    assert "Jobs" not in nodes or nodes["Jobs"].type != "Organization"


def test_a_name_with_a_rulers_number_after_a_firms_act_is_no_firm(nlp) -> None:
    # "a mosque built by Shah Abbas II"
    table = """
        a          2 det      DET
        mosque     0 root     NOUN
        built      2 acl      VERB  build tag=VBN
        by         7 case     ADP
        Shah       7 compound PROPN
        Abbas      7 compound PROPN
        II         3 obl      PROPN
        .          2 punct    PUNCT
    """
    assert entities(nlp, table) == []  # an organization "Shah Abbas II" on 67ab376
