"""Referents end to end: short news texts written for these tests, built with the tests'
pipeline, and what a user sees of the unnamed things they talk about (the NATO mission in
Iraq, 2,500 troops) in SPARQL, the named queries, validation and the network exports.

The assertions name properties that hold whatever a referent's label turns out to be: that a
node exists, its class, head, anchors, quantity, the joins. Tests marked ``xfail`` state what
a reader would expect and kg does not do yet (issue 12's open points).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from answers import MODEL, documents, rows
from click.testing import CliRunner, Result

import kg
from kg.cli import main
from kg.terms import relation

pytestmark = pytest.mark.slow

# Each article: file name → text (a title, a blank line, then the body).
MISSION = "nato-mission.txt"  # the NATO mission in Iraq, then "the mission"; the expansion
DANES = "danish-soldiers.txt"  # the NATO mission in Iraq again; the EU mission in Mali; US troops
BRITAIN = "british-troops.txt"  # another country's troops in Iraq; pronouns and generic words
ARTICLES = {
    MISSION: "Allies weigh Iraq plans\n\n"
    "BRUSSELS, March 3, 2021 – The NATO mission in Iraq will grow, officials said on "
    "Wednesday. The mission trains Iraqi officers in Baghdad. NATO announced an expansion of "
    "its mission.\n",
    DANES: "Denmark joins Iraq effort\n\n"
    "COPENHAGEN, March 5, 2021 – The NATO mission in Iraq welcomed 200 Danish soldiers on "
    "Friday. The European Union mission in Mali will close, officials said. The United States "
    "has 2,500 troops in Iraq.\n",
    BRITAIN: "Britain keeps forces abroad\n\n"
    "LONDON, March 6, 2021 – Britain has 400 troops in Iraq, the ministry said on Saturday. "
    "They discussed the situation with Iraqi leaders. Others criticized it.\n",
}
MODEL_OPTION = ["--model", MODEL] if MODEL else []

# Every mention of a referent: the referent, its head, the text as written, the article.
MENTIONS = """
SELECT ?referent ?head ?text ?doc WHERE {
  GRAPH ?doc { ?m kg:mentionOf ?referent ; kg:text ?text . ?referent a kg:Referent ;
                  kg:head ?head }
}
"""
ANCHORS = """
SELECT ?referent ?name WHERE { ?referent a kg:Referent ; kg:anchor/rdfs:label ?name }
"""


def build(folder: Path, store: Path, articles: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = kg.build([folder], store=store, model=MODEL)
    assert (report.documents, report.skipped) == (len(articles), [])
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three articles in one store, built once; read it, never write it."""
    root = tmp_path_factory.mktemp("referents")
    return build(root / "news", root / "store", ARTICLES)


@pytest.fixture(scope="module")
def docs(store: Path) -> dict[str, str]:
    return documents(store)


@pytest.fixture()
def cli() -> Callable[..., Result]:
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def referent_of(store: Path, text: str, doc: str | None = None) -> str:
    """The one referent a mention written ``text`` names (in ``doc``, if given)."""
    found = {
        r["referent"]
        for r in rows(store, MENTIONS)
        if r["text"].casefold() == text.casefold() and doc in (None, r["doc"])
    }
    assert len(found) == 1, (text, found)
    return found.pop()


def anchors(store: Path, referent: str) -> set[str]:
    return {r["name"] for r in rows(store, ANCHORS) if r["referent"] == referent}


# -- a noun phrase with no name is a node, and the event's role points to it ------------------


def test_an_unnamed_argument_is_a_referent_node_that_the_event_names(store: Path) -> None:
    found = rows(
        store,
        """
        SELECT ?role ?thing ?label ?head WHERE {
          ?event kg:predicate "train" ; ?role ?thing .
          ?thing a kg:Referent ; rdfs:label ?label ; kg:head ?head .
        }
        """,
    )
    by_head = {(r["role"].rpartition("#")[2], r["head"]): r for r in found}
    # "The mission trains Iraqi officers in Baghdad": both sides are things, not text
    assert {("agent", "mission"), ("theme", "officer")} <= set(by_head), found
    assert all(r["label"].strip() for r in found)
    officers = by_head[("theme", "officer")]["thing"]
    assert {"Iraqi", "Baghdad"} & anchors(store, officers)


# -- resolution within an article and across articles ----------------------------------------


def test_the_mission_later_in_an_article_is_the_nato_mission_in_iraq_before_it(
    store: Path, docs: dict[str, str]
) -> None:
    named = referent_of(store, "The NATO mission in Iraq", docs[MISSION])
    assert referent_of(store, "The mission", docs[MISSION]) == named
    assert anchors(store, named) == {"NATO", "Iraq"}


def test_two_articles_on_the_nato_mission_in_iraq_give_one_node_with_both_as_sources(
    store: Path, docs: dict[str, str]
) -> None:
    mission = referent_of(store, "The NATO mission in Iraq", docs[MISSION])
    assert referent_of(store, "The NATO mission in Iraq", docs[DANES]) == mission
    sources = {r["doc"] for r in rows(store, MENTIONS) if r["referent"] == mission}
    assert sources == {docs[MISSION], docs[DANES]}
    # the events of both articles reach it: "will grow" in one, "welcomed" in the other
    events = rows(
        store,
        "SELECT DISTINCT ?doc ?mission WHERE { GRAPH ?doc { ?event a kg:Event ; ?role ?mission } }",
        mission=f"<{mission}>",
    )
    assert {r["doc"] for r in events} == {docs[MISSION], docs[DANES]}


def test_two_missions_anchored_on_different_entities_stay_two_nodes(
    store: Path, docs: dict[str, str]
) -> None:
    nato = referent_of(store, "The NATO mission in Iraq", docs[DANES])
    eu = referent_of(store, "The European Union mission in Mali", docs[DANES])
    assert nato != eu
    assert anchors(store, eu) == {"European Union", "Mali"}
    assert not anchors(store, eu) & anchors(store, nato)


def test_two_countries_troops_in_one_place_stay_two_nodes(
    store: Path, docs: dict[str, str]
) -> None:
    american = referent_of(store, "2,500 troops in Iraq", docs[DANES])
    british = referent_of(store, "400 troops in Iraq", docs[BRITAIN])
    assert american != british


# -- quantities belong to the thing they count -----------------------------------------------


def test_2500_troops_in_iraq_is_a_referent_counted_2500_and_anchored_on_iraq(
    store: Path, docs: dict[str, str]
) -> None:
    troops = referent_of(store, "2,500 troops in Iraq", docs[DANES])
    counted = rows(
        store,
        """
        SELECT ?value ?troops ?doc WHERE {
          GRAPH ?doc { ?troops kg:quantity ?q . ?q a kg:Quantity ; kg:value ?value }
        }
        """,
        troops=f"<{troops}>",
        doc=f"<{docs[DANES]}>",
    )
    assert [float(r["value"]) for r in counted] == [2500]
    assert "Iraq" in anchors(store, troops)


def test_us_troops_answers_2500_for_the_united_states_in_iraq(
    store: Path, docs: dict[str, str], cli: Callable[..., Result]
) -> None:
    # Britain's 400 troops in Iraq are in the same store: they must not be the United States'.
    found = rows(store, "us-troops", country="United States", place="Iraq")
    assert {(r["document"], float(r["troops"])) for r in found} == {(docs[DANES], 2500)}
    result = cli("query", "us-troops", "--store", str(store), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "2500" in result.output and "400" not in result.output


# -- the agent's direct edge reaches a referent ----------------------------------------------


def test_nato_announce_reaches_the_expansion_node(store: Path, docs: dict[str, str]) -> None:
    found = rows(
        store,
        """
        SELECT ?thing ?head ?announce ?doc WHERE {
          GRAPH ?doc { ?nato ?announce ?thing . ?thing a kg:Referent ; kg:head ?head }
          ?nato rdfs:label "NATO" .
        }
        """,
        announce=f"<{relation('announce')}>",
        doc=f"<{docs[MISSION]}>",
    )
    assert "expansion" in {r["head"] for r in found}, found


# -- validation and the network --------------------------------------------------------------


def test_kg_validate_conforms_on_these_articles(store: Path, cli: Callable[..., Result]) -> None:
    report = kg.validate(store=store)
    assert report.conforms, report.summary()
    result = cli("validate", "--store", str(store))
    assert (result.exit_code, result.stdout) == (0, "3 documents checked: conforms\n")


def referent_count(store: Path) -> int:
    query = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:Referent }"
    return int(rows(store, query)[0]["n"])


def test_the_graphml_network_has_the_referents_and_their_edges(store: Path) -> None:
    out = io.BytesIO()
    kg.export(out, format="graphml", store=store)
    network = nx.read_graphml(io.BytesIO(out.getvalue()))
    referents = {n for n, data in network.nodes(data=True) if data["entity_type"] == "Referent"}
    assert len(referents) == referent_count(store)
    by_iri = {network.nodes[n]["iri"]: n for n in referents}
    mission = rows(
        store,
        'SELECT ?r WHERE { ?m kg:mentionOf ?r ; kg:text "The NATO mission in Iraq" }',
    )[0]["r"]
    node = by_iri[mission]
    neighbours = {network.nodes[n]["label"] for n in nx.all_neighbors(network, node)}
    assert {"NATO", "Iraq"} <= neighbours  # what defines it, at least
    # "NATO announced an expansion": an edge from an entity into a referent
    nato = next(n for n, data in network.nodes(data=True) if data["label"] == "NATO")
    assert any(t in referents for t in network.successors(nato))


def test_export_types_referent_keeps_only_the_referents(
    store: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "referents.graphml"
    result = cli(
        "export", "--format", "graphml", "--types", "referent", "--store", str(store), "-o",
        str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    network = nx.read_graphml(out)
    assert network.number_of_nodes() == referent_count(store)
    assert {data["entity_type"] for _, data in network.nodes(data=True)} == {"Referent"}
    assert network.number_of_edges() > 0  # "The mission trains Iraqi officers", at least


# -- what is not a thing of its own ----------------------------------------------------------


def test_pronouns_the_situation_and_others_alone_are_not_referents(store: Path) -> None:
    found = rows(store, MENTIONS)
    heads = {r["head"].casefold() for r in found}
    texts = {r["text"].casefold() for r in found}
    assert not heads & {"they", "it", "them", "situation", "other", "others"}, heads
    assert not texts & {"they", "it", "others", "the situation"}, texts
    # the events keep them as the text they are
    kept = rows(
        store,
        """
        SELECT ?text WHERE { ?event kg:predicate "criticize" ; kg:agent ?text .
                             FILTER(isLiteral(?text)) }
        """,
    )
    assert [r["text"] for r in kept] == ["Others"]


def test_a_weekday_is_not_a_referent(tmp_path: Path) -> None:
    text = (
        "Alliance plans\n\nBRUSSELS, March 3, 2021 – NATO announced an expansion of its "
        "mission in Iraq on Wednesday.\n"
    )
    path = build(tmp_path / "news", tmp_path / "store", {"plans.txt": text})
    heads = {r["head"].casefold() for r in rows(path, MENTIONS)}
    assert "expansion" in heads
    assert "wednesday" not in heads


# -- resolution a reader expects and kg does not do yet --------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason='"the NATO mission in Iraq" as an object ("will take over the NATO mission in Iraq '
    'in May") gets "in Iraq" attached to the verb by the parser, so its mention reads "the '
    'NATO mission", anchored on NATO only, and is not the NATO mission in Iraq of the other '
    "article",
)
def test_the_nato_mission_in_iraq_as_an_object_is_the_same_node(tmp_path: Path) -> None:
    text = (
        "Denmark to lead allies\n\nCOPENHAGEN, March 5, 2021 – Denmark will take over the NATO "
        "mission in Iraq in May, the Danish government said on Friday.\n"
    )
    articles = {MISSION: ARTICLES[MISSION], "danish-lead.txt": text}
    path = build(tmp_path / "news", tmp_path / "store", articles)
    built = documents(path)
    # the mention is the whole phrase as written, and its node the mission of the other article
    taken_over = referent_of(path, "the NATO mission in Iraq", built["danish-lead.txt"])
    assert anchors(path, taken_over) == {"NATO", "Iraq"}
    assert referent_of(path, "The NATO mission in Iraq", built[MISSION]) == taken_over


def test_a_headline_and_its_body_on_one_mission_give_one_node(tmp_path: Path) -> None:
    text = (
        "NATO widens its mission in Iraq\n\nBRUSSELS, March 3, 2021 – The NATO mission in Iraq "
        "will grow, officials said on Wednesday. The mission trains Iraqi officers.\n"
    )
    path = build(tmp_path / "news", tmp_path / "store", {"widens.txt": text})
    found = {referent_of(path, t) for t in ("its mission in Iraq", "The NATO mission in Iraq")}
    assert len(found) == 1
    assert referent_of(path, "The mission") in found


def test_we_in_a_quote_is_the_organization_its_speaker_holds_a_position_in(
    tmp_path: Path,
) -> None:
    quote = {
        "nato-quote.txt": "NATO widens Iraq role\n\nBRUSSELS, March 5, 2022 – NATO Secretary "
        'General Jens Stoltenberg met defence ministers on Friday. "Our mission will grow, and '
        'we will train more officers," Stoltenberg said.\n'
    }
    built = build(tmp_path / "news", tmp_path / "store", quote)
    assert anchors(built, referent_of(built, "Our mission")) == {"NATO"}
    trains = """ASK { ?nato rdfs:label "NATO" ; rel:train ?officers .
                      ?officers kg:head "officer" }"""
    assert kg.query(trains, store=built).boolean
