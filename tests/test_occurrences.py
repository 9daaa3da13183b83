"""Occurrences end to end: what happens ("the bombing", "the expansion") is one node per
happening, with its story as edges, one across articles told at one place on one day.

Short articles written for these tests (not the seeds), built with the shipped pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from answers import MODEL, documents, rows

import kg

pytestmark = pytest.mark.slow

KABUL = "kabul-bombing.txt"  # a bombing in Kabul on March 3; another attack elsewhere
CLAIM = "kabul-claim.txt"  # the same bombing, claimed, another toll; an announced expansion
LAGOS = "lagos-bombing.txt"  # a bombing on the same day in another city
ARTICLES = {
    KABUL: "Blast hits Kabul market\n\n"
    "KABUL, March 4, 2022 – A suicide bombing in Kabul on March 3, 2022 killed ten people, "
    "police said. The Taliban condemned the bombing. Another attack in Herat wounded two "
    "guards on Friday.\n",
    CLAIM: "Group claims Kabul blast\n\n"
    "ISLAMABAD, March 5, 2022 – The bombing in Kabul on March 3, 2022 was claimed by a "
    "militant group. The bombing killed twelve people. The interior ministry said it would "
    "investigate the attack. Officials announced that they would expand the security zone "
    "around the city. Traders criticized the expansion.\n",
    LAGOS: "Bombing in Lagos\n\n"
    "LAGOS, April 2, 2022 – A bombing in Lagos on March 3, 2022 damaged a bridge, officials "
    "said.\n",
}

# Every occurrence with the text of each mention and the article it is in.
MENTIONS = """
SELECT ?occurrence ?head ?text ?doc WHERE {
  GRAPH ?doc { ?m kg:mentionOf ?occurrence ; kg:text ?text .
               ?occurrence a kg:Occurrence ; kg:head ?head }
}
"""
# The direct edges an occurrence has, out and in, by the labels at both ends.
EDGES = """
SELECT ?occurrence ?from ?edge ?to WHERE {
  { ?occurrence a kg:Occurrence ; ?edge ?other . ?other rdfs:label ?to .
    ?occurrence rdfs:label ?from }
  UNION
  { ?occurrence a kg:Occurrence . ?other ?edge ?occurrence ; rdfs:label ?from .
    ?occurrence rdfs:label ?to }
  FILTER(STRSTARTS(STR(?edge), STR(rel:)) || ?edge = kg:placedIn)
}
"""
# What each article's sentences say of where and when an occurrence happened.
READINGS = """
SELECT ?occurrence ?place ?time ?doc WHERE {
  GRAPH ?doc { ?reading kg:occurrence ?occurrence ; prov:wasDerivedFrom ?sentence .
               OPTIONAL { ?reading kg:place/rdfs:label ?place }
               OPTIONAL { ?reading kg:time ?time FILTER(isLiteral(?time)) } }
}
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three articles in one store, built once; read it, never write it."""
    root = tmp_path_factory.mktemp("occurrences")
    (root / "news").mkdir()
    for name, text in ARTICLES.items():
        (root / "news" / name).write_text(text, encoding="utf-8")
    report = kg.build([root / "news"], store=root / "store", model=MODEL)
    assert (report.documents, report.skipped) == (len(ARTICLES), [])
    return root / "store"


def occurrence_of(store: Path, text: str) -> str:
    """The one occurrence a mention written ``text`` names."""
    found = {r["occurrence"] for r in rows(store, MENTIONS) if r["text"] == text}
    assert len(found) == 1, (text, found)
    return found.pop()


def edges(store: Path, occurrence: str) -> set[tuple[str, str, str]]:
    return {
        (r["from"], r["edge"].rsplit("/", 1)[-1].rsplit("#", 1)[-1], r["to"])
        for r in rows(store, EDGES)
        if r["occurrence"] == occurrence
    }


def test_one_bombing_told_by_two_articles_at_one_place_on_one_day_is_one_node(
    store: Path,
) -> None:
    docs = documents(store)
    bombing = occurrence_of(store, "A suicide bombing in Kabul on March 3, 2022")
    assert occurrence_of(store, "The bombing in Kabul on March 3, 2022") == bombing
    told_in = {r["doc"] for r in rows(store, MENTIONS) if r["occurrence"] == bombing}
    assert told_in == {docs[KABUL], docs[CLAIM]}
    # Each article's own words for it, "the bombing" and "the attack", are the same node.
    texts = {(r["text"], r["doc"]) for r in rows(store, MENTIONS) if r["occurrence"] == bombing}
    assert ("the bombing", docs[KABUL]) in texts and ("the attack", docs[CLAIM]) in texts
    assert {r["head"] for r in rows(store, MENTIONS) if r["occurrence"] == bombing} == {"attack"}


def test_the_evidence_for_the_merge_is_each_articles_place_and_day(store: Path) -> None:
    docs = documents(store)
    bombing = occurrence_of(store, "A suicide bombing in Kabul on March 3, 2022")
    readings = {
        (r["doc"], r.get("place"), r.get("time"))
        for r in rows(store, READINGS)
        if r["occurrence"] == bombing
    }
    for doc in (docs[KABUL], docs[CLAIM]):
        assert (doc, "Kabul", "2022-03-03") in readings


def test_two_articles_that_disagree_on_the_toll_are_two_claims_on_the_one_bombing(
    store: Path,
) -> None:
    docs = documents(store)
    bombing = occurrence_of(store, "A suicide bombing in Kabul on March 3, 2022")
    tolls = rows(
        store,
        f"""SELECT ?doc ?dead WHERE {{ GRAPH ?doc {{ ?kill kg:predicate "kill" ;
                kg:agent <{bombing}> ; kg:theme/kg:quantity/kg:value ?dead }} }}""",
    )
    assert {(r["doc"], r["dead"]) for r in tolls} == {(docs[KABUL], "10"), (docs[CLAIM], "12")}


def test_a_bombing_elsewhere_on_the_same_day_and_another_attack_stay_apart(
    store: Path,
) -> None:
    kabul = occurrence_of(store, "A suicide bombing in Kabul on March 3, 2022")
    lagos = occurrence_of(store, "A bombing in Lagos on March 3, 2022")
    herat = occurrence_of(store, "Another attack in Herat")
    assert len({kabul, lagos, herat}) == 3


def test_the_bombing_node_carries_its_story(store: Path) -> None:
    bombing = occurrence_of(store, "A suicide bombing in Kabul on March 3, 2022")
    labels = {
        r["label"] for r in rows(store, f"SELECT ?label WHERE {{ <{bombing}> rdfs:label ?label }}")
    }
    found = edges(store, bombing)
    outgoing = {(edge, b) for a, edge, b in found if a in labels}
    incoming = {(a, edge) for a, edge, b in found if b in labels}
    assert ("kill", "people") in outgoing  # it killed ten people
    assert ("placedIn", "Kabul") in outgoing
    assert ("militant group", "claim") in incoming  # it was claimed by a militant group
    assert any(edge == "investigate" for _, edge in incoming)  # "would investigate the attack"


def test_a_reported_clause_is_the_occurrence_its_statement_is_about(store: Path) -> None:
    (expansion,) = {r["occurrence"] for r in rows(store, MENTIONS) if r["head"] == "expansion"}
    found = edges(store, expansion)
    assert ("officials", "announce", "expansion of security zone") in found
    assert ("expansion of security zone", "expand", "security zone") in found


def test_the_expansion_after_a_clause_that_tells_of_it_is_that_occurrence(store: Path) -> None:
    (expansion,) = {r["occurrence"] for r in rows(store, MENTIONS) if r["head"] == "expansion"}
    texts = {r["text"] for r in rows(store, MENTIONS) if r["occurrence"] == expansion}
    assert texts == {"expand", "the expansion"}
    assert ("traders", "condemn", "expansion of security zone") in edges(store, expansion)


def test_kg_validate_conforms(store: Path) -> None:
    report = kg.validate(store=store)
    assert report.conforms, report.violations[:3]


def test_the_event_noun_a_light_verb_takes_in_is_the_occurrence_it_tells_of(
    tmp_path: Path,
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "announcement.txt").write_text(
        "Kabul police speak\n\nKABUL, March 6, 2022 – Police chief Abdul Rahman made the "
        "announcement on Saturday.\n",
        encoding="utf-8",
    )
    kg.build([tmp_path / "news"], store=tmp_path / "store", model=MODEL)
    found = rows(
        tmp_path / "store",
        """SELECT ?who ?what WHERE { ?a rel:announce ?o ; rdfs:label ?who .
                                    ?o a kg:Occurrence ; kg:head ?what }""",
    )
    assert found == [{"who": "Abdul Rahman", "what": "announcement"}]


def test_the_expansion_carries_the_change_of_size_the_article_states(tmp_path: Path) -> None:
    """ "The army announced that it would expand its training mission. The size of the
    mission will increase from 300 soldiers to 900": the increase tells of the expansion,
    and a second growth of another thing does not."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "mission.txt").write_text(
        "Army grows mission\n\nNAIROBI, June 2, 2022 – The Kenyan army announced on Thursday "
        "that it would expand its training mission in Somalia. The size of the mission will "
        "increase from 300 soldiers to 900. Fuel prices rose from 90 shillings to 120.\n",
        encoding="utf-8",
    )
    kg.build([tmp_path / "news"], store=tmp_path / "store", model=MODEL)
    found = rows(
        tmp_path / "store",
        """SELECT ?label ?from ?to WHERE { ?x a kg:Occurrence ; kg:head "expansion" ;
             rdfs:label ?label . ?change kg:occurrence ?x ;
             kg:extent [ kg:fromValue ?from ; kg:toValue ?to ] }""",
    )
    assert [(r["from"], r["to"]) for r in found] == [("300", "900")]
    assert "mission" in found[0]["label"]
