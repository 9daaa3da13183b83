"""Where events happen and what they join, on short texts through the shipped pipeline: the
kg:placedIn edges in the N-Quads (an ASK per fact) and the clause events folded into edges
of the network (GraphML and GEXF read back with networkx, kg's Gephi lint, the GEXF schema)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from conftest import MODEL
from gephi_lint import lint
from rdflib import Dataset, Literal
from test_network_export import relaxng_errors

import kg
from kg.exporters import entity_graph
from kg.exporters.network import NetworkOptions
from kg.store.embedded import Store, open_store

TEXT = """\
The United States deployed 2,500 troops in Iraq on Monday.

NATO will train Iraqi soldiers in Baghdad.

Germany did not deploy troops in Mali.

The base was attacked in Erbil.

The minister spoke about the budget in Paris.

A rocket attack in Kabul on March 3, 2022 killed two guards.

NATO opened a base in Kosovo on March 4, 2022.
"""

PREFIXES = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("fold")
    (folder / "deployments.txt").write_text(TEXT, encoding="utf-8")
    kg.build([folder / "deployments.txt"], store=folder / "store", model=MODEL)
    with open_store(folder / "store", read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def quads(store: Store) -> Dataset:
    out = io.BytesIO()
    kg.export(out, format="nquads", store=store)
    return Dataset().parse(data=out.getvalue(), format="nquads")


def placed(quads: Dataset, thing: str, place: str) -> bool:
    ask = (
        PREFIXES
        + """ASK { GRAPH ?g {
      ?thing kg:placedIn ?place . ?thing rdfs:label ?a . ?place rdfs:label ?b } }"""
    )
    result = quads.query(ask, initBindings={"a": Literal(thing), "b": Literal(place)})
    return bool(result.askAnswer)


@pytest.mark.parametrize(
    ("thing", "place"),
    [
        ("troops", "Iraq"),  # the theme, where the event put it
        ("United States", "Iraq"),  # the agent
        ("Iraqi soldiers", "Baghdad"),
        ("NATO", "Baghdad"),
        ("base", "Erbil"),  # a passive clause: the theme alone
        ("minister", "Paris"),
    ],
)
def test_an_events_participants_are_placed_at_its_place(
    quads: Dataset, thing: str, place: str
) -> None:
    assert placed(quads, thing, place)


def test_a_denied_event_places_nothing(quads: Dataset) -> None:
    assert not placed(quads, "Germany", "Mali") and not placed(quads, "troops", "Mali")
    # where the place lies is still kg:locatedIn's, between places only
    assert not quads.query(PREFIXES + "ASK { ?s kg:placedIn ?s }").askAnswer


def test_the_graph_validates(store: Store) -> None:
    assert kg.validate(store=store).conforms


def labelled_edges(graph: nx.Graph) -> set[tuple[str, str, str]]:
    name = {n: d["label"] for n, d in graph.nodes(data=True)}
    return {(name[s], d["relation"], name[t]) for s, t, d in graph.edges(data=True)}


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_clause_events_fold_into_edges_between_their_participants(
    store: Store, format: str, tmp_path: Path
) -> None:
    out = io.BytesIO()
    kg.export(out, format=format, store=store)
    data = out.getvalue()
    assert lint(data) == []
    if format == "gexf":
        assert relaxng_errors(data) == []
        path = tmp_path / "graph.gexf"
        path.write_bytes(data)
        graph = nx.read_gexf(path)
    else:
        graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    edges = labelled_edges(graph)
    assert {
        ("United States", "deploy", "troops"),  # the rel: edge, as before
        ("United States", "deploy · place", "Iraq"),  # the event, folded
        ("United States", "placedIn", "Iraq"),  # the RDF edge, kept apart
        ("troops", "placedIn", "Iraq"),
        ("NATO", "train · place", "Baghdad"),
        ("base", "attack · place", "Erbil"),  # no agent: from the theme
        ("minister", "speak · topic", "budget"),
        ("minister", "speak · place", "Paris"),
        # what happens is a node: the attack, where and when it was, what it did
        ("rocket attack in Kabul", "placedIn", "Kabul"),
        ("rocket attack in Kabul", "attack · time", "March 3, 2022"),
        ("rocket attack in Kabul", "kill", "guards"),
        ("NATO", "open · time", "March 4, 2022"),  # a day kg resolved is a node, and joined
    } <= edges
    # a denied event joins nothing; no node is joined to itself
    assert not {e for e in edges if "Mali" in (e[0], e[2])}
    assert all(s != t for s, _, t in edges)


def test_folded_edges_count_their_events_and_give_way_to_event_nodes(store: Store) -> None:
    graph = entity_graph(store)
    folded = [d for *_, d in graph.edges(data=True) if " · " in d["relation"]]
    assert folded and all(d["weight"] == 1 and d["sources"] for d in folded)
    with_events = entity_graph(store, NetworkOptions(events=True))
    assert not [d for *_, d in with_events.edges(data=True) if " · " in d["relation"]]
