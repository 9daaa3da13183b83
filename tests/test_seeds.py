"""The 14 competency questions, answered from the real seed articles with a real pipeline.

The seed articles live outside the repository (``../shared/seeds``, see
``../shared/eval/seed-questions.md``); without them this module is skipped. The store is built
once per session (conftest's ``seed_articles_store``), with the shipped pipeline or the one
``KG_TEST_MODEL`` names. Each test asserts what its question asks, by entity name or alias, not
the extractor's incidental extras.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from answers import (
    FACT_COUNT,
    SEEDS,
    SEEDS_MISSING,
    SENTENCES,
    UNLINKED_FACTS,
    Names,
    documents,
    rows,
)

from kg.exporters.projection import project
from kg.queries.shacl import validate_store
from kg.sources import iter_documents
from kg.store.embedded import Store

if not SEEDS.is_dir():
    pytest.skip(SEEDS_MISSING, allow_module_level=True)

pytestmark = pytest.mark.slow
# The two articles by file name: 000 reports eight wounded, 004 nine injured.
A000 = "000_9c9e6484148c6a63.txt"
A004 = "004_91193100aed73cd0.txt"


@pytest.fixture(scope="module")
def names(seed_articles_store: Store) -> Names:
    return Names(seed_articles_store)


@pytest.fixture(scope="module")
def docs(seed_articles_store: Store) -> dict[str, str]:
    found = documents(seed_articles_store)
    assert set(found) == {A000, A004}
    return found


def test_q1_stoltenberg_announced_the_expansion(seed_articles_store: Store, names: Names) -> None:
    top = rows(seed_articles_store, "who-announced")[0]
    assert names.is_named(top["agent"], "Jens Stoltenberg")


def test_q2_stoltenberg_is_secretary_general_of_nato(
    seed_articles_store: Store, names: Names
) -> None:
    found = rows(seed_articles_store, "role-of", name="Jens Stoltenberg")
    nato = {n for e in names.by_entity if names.is_named(e, "NATO") for n in names.of(e)}
    assert any(
        r["role"].casefold() == "secretary general" and r["organization"].casefold() in nato
        for r in found
    ), found


def test_q3_the_mission_grows_from_500_to_4000(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "mission-growth")
    growing = {r["document"] for r in found if (float(r["from"]), float(r["to"])) == (500, 4000)}
    assert growing == {docs[A000], docs[A004]}
    assert any(r.get("approximate") == "true" for r in found)  # "around", "approximately"


def test_q4_the_attack_was_at_a_base_in_erbil_in_northern_iraq(
    seed_articles_store: Store, names: Names
) -> None:
    found = rows(seed_articles_store, "attack-place")
    places = [r["place"] for r in found]
    erbil = [p for p in places if names.is_named(p, "Erbil", "Irbil", "Arbil")]
    assert erbil, found
    assert {"irbil", "arbil"} <= names.of(erbil[0])  # one place, both spellings
    assert any(names.is_named(p, "Iraq") for p in places)
    assert any("military base" in r["placeName"] for r in found)


def test_q5_a_contractor_killed_and_eight_or_nine_wounded_by_article(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "casualties")
    killed = {
        r["document"] for r in found if r["predicate"] == "kill" and "contractor" in r["victims"]
    }
    assert killed == {docs[A000], docs[A004]}
    counts = {
        (r["document"], float(r["count"]))
        for r in found
        if r["predicate"] in ("wound", "injure", "hurt") and "count" in r
    }
    assert counts == {(docs[A000], 8), (docs[A004], 9)}


def test_q5_the_two_counts_are_both_kept_as_a_conflict(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "conflicts")
    claims = {
        frozenset({(r["document1"], float(r["value1"])), (r["document2"], float(r["value2"]))})
        for r in found
        if r["predicate"] == "wound"
    }
    assert frozenset({(docs[A000], 8), (docs[A004], 9)}) in claims


def test_q6_awliya_al_dam_a_group_claimed_responsibility(
    seed_articles_store: Store, names: Names, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "claimed-responsibility")
    (claim,) = found  # one claimant, not also "a Shia group called" as another
    assert names.is_named(claim["claimant"], "Awliya Al Dam")
    assert claim["type"] in ("Organization", "Group")
    assert claim["kinds"] == "attack"  # the attack node, whatever its first words
    assert docs[A004] in claim["documents"].split()


def test_q7_spokespeople_and_whom_they_speak_for(seed_articles_store: Store, names: Names) -> None:
    found = rows(seed_articles_store, "spokespeople")
    expected = {
        "Ned Price": ("spokesman", "state department"),
        "Jen Psaki": ("press secretary", "white house"),
        "Wayne Marotto": ("spokesman", "coalition"),
    }
    for person, (role, organization) in expected.items():
        (row,) = [r for r in found if names.is_named(r["person"], person)]
        assert row["role"].casefold() == role
        assert organization in row["organization"].casefold()
    marotto = rows(seed_articles_store, "role-of", name="Marotto")
    assert any(r["organization"].casefold() == "us army" for r in marotto), marotto


def test_q8_the_united_states_has_2500_troops_in_iraq(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "us-troops")
    assert {(r["document"], float(r["troops"])) for r in found} == {(docs[A004], 2500)}


def test_q9_stoltenberg_spoke_with_al_kadhimi(
    seed_articles_store: Store, names: Names, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "spoke-with")
    assert {r["document"] for r in found if names.is_named(r["partner"], "Al-Kadhimi")} == {
        docs[A000]
    }


def test_q10_stoltenbergs_quotes_each_with_its_article(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "quotes-by")
    said = {(r["document"], r["text"]) for r in found}
    expected = {
        A000: [
            "The size of our mission will increase from 500 personnel to around 4,000",
            "I spoke with Prime Minister Al—Kadhimi this week",
            "And that’s exactly why we are there",
            "prevention is better than intervention",
            "We are faced with many dilemmas",
        ],
        A004: [
            "The size of our mission will increase from 500 personnel to approximately 4,000",
            "Our presence is based on conditions",
            "ISIS is still active in Iraq",
        ],
    }
    for name, quotes in expected.items():
        for quote in quotes:
            assert any(d == docs[name] and quote in text for d, text in said), quote
    # Ned Price's words are not his.
    assert not any("anticipate a response" in text or "Any response" in text for _, text in said)


def test_q11_entities_in_both_articles(seed_articles_store: Store, names: Names) -> None:
    shared = [r["entity"] for r in rows(seed_articles_store, "shared-entities")]
    for name in ("NATO", "Jens Stoltenberg", "Iraq", "Baghdad", "ISIS", "United States"):
        assert any(names.is_named(e, name) for e in shared), name


def test_q12_every_fact_links_to_its_article_and_sentence(seed_articles_store: Store) -> None:
    assert int(rows(seed_articles_store, FACT_COUNT)[0]["n"]) > 50
    assert rows(seed_articles_store, UNLINKED_FACTS) == []
    # Offsets count in the text as read (normalized spaces), which iter_documents gives.
    texts = {Path(d.source).name: d.text for d in iter_documents([SEEDS]) if hasattr(d, "text")}
    for row in rows(seed_articles_store, SENTENCES):
        text = texts[Path(row["source"]).name]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]


def test_q12_sources_of_a_fact_about_stoltenberg(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "sources-of", name="Stoltenberg")
    assert {r["document"] for r in found} == {docs[A000], docs[A004]}
    announced = rows(seed_articles_store, "sources-of", name="Stoltenberg", predicate="announce")
    assert any(r["document"] == docs[A004] and "announced Thursday" in r["text"] for r in announced)


def test_q13_austin_took_part_in_the_meeting_for_the_united_states(
    seed_articles_store: Store, names: Names
) -> None:
    found = rows(seed_articles_store, "meeting-participants")
    (row,) = [r for r in found if names.is_named(r["person"], "Lloyd J. Austin III")]
    assert "Secretary of Defense" in row["titles"].split(" | ")


def test_q14_the_expansion_was_announced_on_thursday_in_february_2021(
    seed_articles_store: Store, docs: dict[str, str]
) -> None:
    found = rows(seed_articles_store, "when-announced")
    thursday = [
        r
        for r in found
        if r["predicate"] == "announce"
        and r.get("when") == "Thursday"
        and r["document"] == docs[A004]
    ]
    assert thursday, found
    assert all(r["date"].startswith("2021-02") for r in thursday if "date" in r)
    dates = [r["date"] for r in rows(seed_articles_store, "documents") if "date" in r]
    assert dates and all(d.startswith("2021-02") for d in dates)


def test_the_seed_articles_graph_conforms_to_the_shapes(seed_articles_store: Store) -> None:
    # Every graph kg builds passes kg validate; the seeds once had an event IRI shared by a
    # clause and an event noun ("It was the deadliest attack").
    report = validate_store(seed_articles_store)
    assert report.conforms, report.violations[:3]


# -- the story as node-to-node paths (issue 12's facts) ---------------------------------------

_PREFIXES = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rel: <https://w3id.org/kg/relation/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# Each fact a path between nodes; a named entity by its label, an unnamed thing by its head.
# A place is labelled as its article spells it ("Irbil"), its other names are skos:altLabel.
STORY = {
    "Awliya Al Dam claimed responsibility for the attack": """
        ?group rdfs:label "Awliya Al Dam" ; rel:claim_responsibility_for ?attack .
        ?attack kg:head "attack" .""",
    "the attack killed a civilian contractor": """
        ?attack kg:head "attack" ; rel:kill ?victim . ?victim kg:head "contractor" .""",
    "the United States has troops, and they are in Iraq": """
        ?us rdfs:label "United States" ; rel:have ?troops .
        ?troops kg:head "troop" ; kg:anchor|kg:placedIn ?iraq . ?iraq rdfs:label "Iraq" .""",
    "Stoltenberg spoke with Al-Kadhimi": """
        ?s rdfs:label "Jens Stoltenberg" ; rel:speak ?k . ?k rdfs:label "Al-Kadhimi" .""",
    "NATO's mission, in Iraq": """
        ?nato rdfs:label "NATO" . ?iraq rdfs:label "Iraq" .
        ?mission kg:head "mission" ; kg:anchor ?nato ; kg:anchor|kg:placedIn ?iraq .""",
    "Stoltenberg announced the expansion": """
        ?s rdfs:label "Jens Stoltenberg" ; rel:announce ?x . ?x kg:head "expansion" .""",
    "the attack was in Erbil": """
        ?attack kg:head "attack" ; kg:placedIn|kg:place ?erbil .
        ?erbil rdfs:label|skos:altLabel "Erbil" .""",
    "the size of our mission is the size of a mission node": """
        ?size kg:head "size" ; kg:of ?mission . ?mission kg:head "mission" .""",
    "the expansion is of NATO's mission": """
        ?x kg:head "expansion" ; rel:expand ?mission . ?mission kg:head "mission" ;
        kg:anchor/rdfs:label "NATO" .""",
    "the expansion carries the change from 500 to 4,000 personnel": """
        ?s rdfs:label "Jens Stoltenberg" ; rel:announce ?x . ?x kg:head "expansion" .
        ?change kg:occurrence ?x ; kg:extent ?by .
        ?by kg:fromValue 500 ; kg:toValue 4000 ; kg:unit "personnel" .""",
    "one attack: claimed, deadly, in Erbil, on Monday the 15th": """
        ?group rdfs:label "Awliya Al Dam" ; rel:claim_responsibility_for ?attack .
        ?attack a kg:Occurrence ; rel:kill ?victim .
        ?attack kg:placedIn/(rdfs:label|skos:altLabel) "Erbil" .
        ?reading kg:occurrence ?attack ; kg:time ?day .
        FILTER(STR(?day) = "2021-02-15")""",
}


@pytest.mark.parametrize("fact", sorted(STORY))
def test_the_story_is_a_path_between_nodes(seed_articles_store: Store, fact: str) -> None:
    ask = f"{_PREFIXES} ASK {{ {STORY[fact]} }}"
    assert seed_articles_store.query(ask).boolean, fact


def test_the_rocket_attack_and_the_missile_strike_are_one_node_with_both_tolls(
    seed_articles_store: Store,
) -> None:
    """One article tells of "a rocket attack Monday at a base in Kurdish northern Iraq" (and
    is dated only by its credit line), the other of "a deadly missile strike in the city of
    Irbil": one attack, with eight wounded in one and nine injured in the other, each a claim
    in its own article."""
    found = rows(
        seed_articles_store,
        """SELECT DISTINCT ?attack ?doc ?predicate ?count WHERE {
             GRAPH ?doc { ?harm kg:agent ?attack ; kg:predicate ?predicate ;
                                kg:theme/kg:value ?count .
                          ?attack a kg:Occurrence ; kg:head "attack" } }""",
    )
    assert len({r["attack"] for r in found}) == 1
    claims = {(r["predicate"], r["count"]) for r in found}
    assert {("wound", "8"), ("injure", "9")} <= claims
    assert len({r["doc"] for r in found}) == 2


def test_the_seeds_default_network_is_a_story_not_a_cloud_of_dots(
    seed_articles_store: Store,
) -> None:
    """As a Gephi user opens it: at least as many edges as nodes, at most 15% of the nodes
    on their own, and one connected part holding most of them."""
    network = project(seed_articles_store)
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    graph.add_edges_from((e.source, e.target) for e in network.edges)
    isolated = [n for n in graph if graph.degree(n) == 0]
    largest = max(nx.connected_components(graph), key=len)
    assert len(network.edges) >= len(network.nodes)
    assert len(isolated) <= 0.15 * len(graph), sorted(isolated)
    assert len(largest) >= 0.6 * len(graph)
