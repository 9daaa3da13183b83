"""Network exports (GEXF 1.3, GraphML, CSV): the projection, the options, and proof that the
files load: the GEXF 1.3 RelaxNG schema, networkx and igraph readers, and kg's lint of Gephi's
importer rules on every file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from gephi_lint import lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_extractions import ExtractionBuilder, arg

from kg.errors import FormatError
from kg.exporters import entity_graph, export, export_csv
from kg.exporters.elements import FOLD, Edge, Node, Projection, node_id
from kg.exporters.layout import layout
from kg.exporters.network import NetworkOptions
from kg.exporters.network_xml import write_gexf, write_graphml
from kg.exporters.projection import project
from kg.mapping import map_extraction
from kg.store.embedded import Store
from kg.store.oxterms import quad_to_ox
from kg.store.protocol import MappedDocument

BASE = "https://w3id.org/kg/"
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "gexf-1.3" / "gexf.rng"
STOLTENBERG = BASE + "entity/person/jens-stoltenberg"


def exported(source: object, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    export(source, out, format=format, options=NetworkOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def relaxng_errors(data: bytes) -> list[str]:
    if not SCHEMA.exists():
        pytest.skip(f"the GEXF 1.3 RelaxNG schema is not at {SCHEMA}")
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    ok = schema.validate(etree.fromstring(data))
    return [] if ok else [str(e) for e in schema.error_log]


def test_projection_nodes_carry_counts_dates_and_aliases(seed_store: Store) -> None:
    projection = project(seed_store)
    node = next(n for n in projection.nodes if n.iri == STOLTENBERG)
    assert (node.id, node.label, node.entity_type) == (
        node_id(STOLTENBERG),
        "Jens Stoltenberg",
        "Person",
    )
    assert (node.mention_count, node.doc_count) == (7, 2)
    assert node.first_seen is not None and node.first_seen <= (node.last_seen or "")
    edges = {
        (e.source, e.kind, e.target): e
        for e in projection.edges
        if e.source == node_id(STOLTENBERG)
    }
    holds = edges[(node_id(STOLTENBERG), "holds_role", node_id(BASE + "entity/organization/nato"))]
    assert holds.weight == 2 and len(holds.sources) == 2 and holds.label == "holds role"
    assert all(e.id.startswith("e") and e.sources for e in projection.edges)


def test_options_filter_types_relations_mentions_and_size(seed_store: Store) -> None:
    everything = project(seed_store)
    people = project(seed_store, types=["person"])
    assert people.nodes and {n.entity_type for n in people.nodes} == {"Person"}
    assert all(n.mention_count >= 3 for n in project(seed_store, min_mentions=3).nodes)
    roles = project(seed_store, predicates=["holds_role"])
    assert roles.edges and {e.kind for e in roles.edges} == {"holds_role"}
    top = project(seed_store, max_nodes=3)
    assert len(top.nodes) == 3 < len(everything.nodes)
    assert node_id(STOLTENBERG) in {n.id for n in top.nodes}  # the most connected stays
    with_events = project(seed_store, events=True)
    assert any(n.entity_type == "Event" for n in with_events.nodes)
    kinds = {e.kind for e in with_events.edges if e.kind not in {x.kind for x in everything.edges}}
    assert "agent" in kinds and kinds <= {"agent", "theme", "recipient", "place", "time"} | {
        "instrument",
        "topic",
        "attribute",
        "extent",
        "partner",
        "accordingTo",
    }


@pytest.mark.parametrize("events", [False, True])
@pytest.mark.parametrize("layout", [False, True])
def test_gexf_is_valid_1_3_and_passes_the_gephi_lint(
    seed_store: Store, events: bool, layout: bool
) -> None:
    data = exported(seed_store, "gexf", events=events, layout=layout, timeline=True)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<gexf')
    assert lint(data) == []
    assert relaxng_errors(data) == []
    graph = nx.read_gexf(io.BytesIO(data))
    assert graph.is_directed() and graph.number_of_nodes() == len(
        project(seed_store, events=events).nodes
    )
    stoltenberg = graph.nodes[node_id(STOLTENBERG)]
    assert stoltenberg["label"] == "Jens Stoltenberg" and stoltenberg["mention_count"] == 7
    assert ("position" in stoltenberg["viz"]) == layout and "color" in stoltenberg["viz"]


def test_parallel_edges_of_different_relations_keep_their_own_kind(tmp_path: Path) -> None:
    b = ExtractionBuilder("d1")
    n = b.sentence("Stoltenberg met and thanked Kadhimi.")
    b.entity("a", "Stoltenberg", "Person", "PERSON")
    b.entity("b", "Kadhimi", "Person", "PERSON")
    b.event(
        n,
        "meet",
        "met",
        arg("agent", "Stoltenberg", entity="a"),
        arg("theme", "Kadhimi", entity="b"),
    )
    b.event(
        n,
        "thank",
        "thanked",
        arg("agent", "Stoltenberg", entity="a"),
        arg("theme", "Kadhimi", entity="b"),
    )
    data = exported(map_extraction(b.build()).quads, "gexf")
    assert lint(data) == []
    assert data.count(b'kind="meet"') == 1 and data.count(b'kind="thank"') == 1
    graphml = exported(map_extraction(b.build()).quads, "graphml")
    assert lint(graphml) == [] and b'label="meet"' in graphml and b'label="thank"' in graphml


def test_lint_names_what_gephi_would_do_wrong() -> None:
    broken = (
        b'<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>'
        b'<attributes class="node"><attribute id="0" title="size" type="anyURI"/></attributes>'
        b'<nodes><node id="" label="x"/><node id="a"/></nodes>'
        b'<edges><edge id="e" source="a" target="b"/><edge id="e" source="a" target="a"/>'
        b'<edge id="f" source="a" target="a"/></edges></graph></gexf>'
    )
    problems = "\n".join(lint(broken))
    for expected in (
        "no defaultedgetype",
        "type 'anyURI'",
        "'size' is a name Gephi reserves",
        "empty id",
        "edge id 'e' used 2 times",
        "missing node 'b'",
        "share a type",
        "node a has no label",
    ):
        assert expected in problems, expected


def test_graphml_reads_back_in_networkx_and_igraph(seed_store: Store, tmp_path: Path) -> None:
    data = exported(seed_store, "graphml")
    assert lint(data) == []
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    expected = entity_graph(seed_store)
    assert graph.is_directed()
    assert set(graph.nodes) == set(expected.nodes)
    assert graph.number_of_edges() == expected.number_of_edges()
    assert graph.nodes[node_id(STOLTENBERG)]["label"] == "Jens Stoltenberg"
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "graph.graphml"
    path.write_bytes(data)
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert loaded.is_directed()
    assert (loaded.vcount(), loaded.ecount()) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )


def test_csv_tables_have_gephis_columns(seed_store: Store, tmp_path: Path) -> None:
    nodes_csv, edges_csv = export_csv(seed_store, tmp_path / "tables")
    nodes = list(csv.DictReader(io.StringIO(nodes_csv.read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO(edges_csv.read_text(encoding="utf-8"))))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    row = next(n for n in nodes if n["Label"] == "Jens Stoltenberg")
    assert row["entity_type"] == "Person" and row["mention_count"] == "7"


NASTY = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda t: t.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=NASTY, b=NASTY, predicate=NASTY)
def test_any_text_makes_well_formed_files_that_load(a: str, b: str, predicate: str) -> None:
    x = ExtractionBuilder("d1")
    n = x.sentence(f"{a} {predicate} {b} <&>\"' \u202e\U0001f600")
    x.entity("a", a, "Person", "PERSON")
    x.entity("b", b + " & <Co>", "Organization", "ORG")
    x.event(n, predicate, predicate, arg("agent", a, entity="a"), arg("theme", b, entity="b"))
    quads = map_extraction(x.build()).quads
    for format, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        data = exported(quads, format, timeline=True)
        assert lint(data) == [], format
        graph = read(io.BytesIO(data))
        assert graph.number_of_nodes() == 2, format
    if SCHEMA.exists():
        assert relaxng_errors(exported(quads, "gexf")) == []


# -- the co-occurrence projection and the degree floor ---------------------------------------


def talks() -> list[object]:
    """Two short articles: who is named with whom, sentence by sentence (see the weights)."""
    a = ExtractionBuilder(
        "c1c1c1c1c1c1c1c1",
        title="Talks in Paris",
        published=dt.date(2024, 3, 1),
        source="news/talks.txt",
    )
    b = ExtractionBuilder(
        "c2c2c2c2c2c2c2c2",
        title="Keller returns",
        published=dt.date(2024, 3, 5),
        source="news/keller.txt",
    )
    for x in (a, b):
        x.entity("alice", "Alice Moreau", "Person", "PERSON")
        x.entity("bruno", "Bruno Keller", "Person", "PERSON")
        x.entity("paris", "Paris", "Place", "GPE")
    a.entity("clara", "Clara Ortiz", "Person", "PERSON")
    a.entity("madrid", "Madrid", "Place", "GPE")
    a.entity("elena", "Elena Ruiz", "Person", "PERSON")
    a.entity("dmitri", "Dmitri Volkov", "Person", "PERSON")
    met = a.sentence("Alice Moreau met Bruno Keller in Paris on Monday.")
    a.sentence("Alice Moreau thanked Bruno Keller, and Bruno Keller smiled.")
    a.sentence("Bruno Keller later flew home from Paris.")
    a.sentence("Clara Ortiz stayed in Madrid.")
    a.sentence("Madrid welcomed Elena Ruiz.")
    a.sentence("Dmitri Volkov declined to comment.")
    a.event(
        met,
        "meet",
        "met",
        arg("agent", "Alice Moreau", entity="alice"),
        arg("theme", "Bruno Keller", entity="bruno"),
    )
    b.sentence("Bruno Keller and Alice Moreau spoke again in Paris.")
    b.sentence("Nobody else was there.")
    return [q for x in (a, b) for q in map_extraction(x.build()).quads]


def person(name: str) -> str:
    return node_id(BASE + "entity/person/" + name)


def place(name: str) -> str:
    return node_id(BASE + "entity/place/" + name)


@pytest.fixture(scope="module")
def talks_store() -> Iterator[Store]:
    with Store() as store:
        store.oxigraph.extend([quad_to_ox(q) for q in talks()])  # type: ignore[arg-type]
        yield store


def test_cooccurrence_weights_are_the_sentences_two_entities_share(talks_store: Store) -> None:
    projection = project(talks_store, projection="cooccurrence")
    assert not projection.directed
    weights = {frozenset((e.source, e.target)): e.weight for e in projection.edges}
    alice, bruno, paris = person("alice"), person("bruno"), place("paris")
    clara, madrid, elena = person("clara"), place("madrid"), person("elena")
    assert weights == {
        frozenset((alice, bruno)): 3,  # Bruno twice in one sentence counts once
        frozenset((alice, paris)): 2,
        frozenset((bruno, paris)): 3,
        frozenset((clara, madrid)): 1,
        frozenset((madrid, elena)): 1,
    }
    pair = next(e for e in projection.edges if {e.source, e.target} == {alice, bruno})
    assert (pair.kind, pair.label, pair.confidence) == ("cooccurrence", "same sentence", None)
    assert pair.sources == ("news/keller.txt", "news/talks.txt")
    assert (pair.first_seen, pair.last_seen) == ("2024-03-01", "2024-03-05")
    assert (pair.source, pair.target) == (alice, bruno)  # in the order of their IRIs, stably
    # the same nodes as the relation network, with the same attributes
    relations = project(talks_store)
    assert projection.nodes == relations.nodes and relations.directed
    assert person("dmitri") in {n.id for n in projection.nodes}


def test_min_degree_drops_nodes_until_each_has_that_many_edges(talks_store: Store) -> None:
    def ids(**options: object) -> set[str]:
        return {n.id for n in project(talks_store, **options).nodes}  # type: ignore[arg-type]

    alice, bruno, paris = person("alice"), person("bruno"), place("paris")
    assert ids(min_degree=1) == {alice, bruno}  # the one relation: Alice met Bruno
    assert len(ids()) == 7 and ids(min_degree=0) == ids()
    everyone = ids(projection="cooccurrence", min_degree=1)
    assert person("dmitri") not in everyone and len(everyone) == 6
    # Madrid has two edges, but only to nodes that have one: it goes with them
    assert ids(projection="cooccurrence", min_degree=2) == {alice, bruno, paris}
    assert ids(projection="cooccurrence", min_degree=3) == set()
    # after the other options: the people alone share sentences only with each other
    people = project(talks_store, projection="cooccurrence", types=["person"], min_degree=1)
    assert {n.id for n in people.nodes} == {alice, bruno}
    assert [e.weight for e in people.edges] == [3]


def test_min_degree_on_the_seeds_leaves_no_isolated_node(seed_store: Store) -> None:
    everything = project(seed_store)
    linked = {i for e in everything.edges for i in (e.source, e.target)}
    kept = project(seed_store, min_degree=1)
    assert {n.id for n in kept.nodes} == linked < {n.id for n in everything.nodes}
    assert kept.edges == everything.edges


def test_cooccurrence_takes_no_relation_options_and_names_the_projections(
    talks_store: Store,
) -> None:
    with pytest.raises(FormatError, match="drop it, or use --projection relations"):
        project(talks_store, projection="cooccurrence", events=True)
    with pytest.raises(FormatError, match="--predicates has nothing to choose"):
        project(talks_store, projection="cooccurrence", predicates=["meet"])
    with pytest.raises(FormatError, match="use one of relations, cooccurrence"):
        project(talks_store, projection="sentences")


@pytest.mark.parametrize("layout", [False, True])
def test_cooccurrence_gexf_is_valid_undirected_and_passes_the_lint(
    talks_store: Store, layout: bool
) -> None:
    data = exported(talks_store, "gexf", projection="cooccurrence", layout=layout, timeline=True)
    assert lint(data) == [] and relaxng_errors(data) == []
    assert b'defaultedgetype="undirected"' in data
    graph = nx.read_gexf(io.BytesIO(data))
    assert not graph.is_directed()
    alice, bruno = person("alice"), person("bruno")
    assert graph.edges[alice, bruno]["weight"] == 3.0
    assert graph.edges[alice, bruno]["relation"] == "cooccurrence"


def test_cooccurrence_graphml_and_csv_read_back_undirected(
    talks_store: Store, tmp_path: Path
) -> None:
    data = exported(talks_store, "graphml", projection="cooccurrence", min_degree=1)
    assert lint(data) == [] and b'edgedefault="undirected"' in data
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    expected = entity_graph(talks_store, NetworkOptions(projection="cooccurrence", min_degree=1))
    assert not graph.is_directed() and not expected.is_directed()
    assert set(graph.nodes) == set(expected.nodes) and len(graph) == 6
    assert graph.number_of_edges() == expected.number_of_edges() == 5
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "graph.graphml"
    path.write_bytes(data)
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert not loaded.is_directed() and (loaded.vcount(), loaded.ecount()) == (6, 5)
    options = NetworkOptions(projection="cooccurrence")
    _, edges_csv = export_csv(talks_store, tmp_path / "tables", options=options)
    edges = list(csv.DictReader(io.StringIO(edges_csv.read_text(encoding="utf-8"))))
    assert {e["Type"] for e in edges} == {"Undirected"} and len(edges) == 5


def test_layout_packs_lone_nodes_in_a_block_below_the_linked_ones(seed_store: Store) -> None:
    projection = project(seed_store)
    positions = layout(projection)
    assert set(positions) == {n.id for n in projection.nodes}
    linked = {i for e in projection.edges for i in (e.source, e.target)}
    lone = set(positions) - linked
    assert linked and lone
    assert max(positions[i][1] for i in linked) < min(positions[i][1] for i in lone)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert max(xs) - min(xs) > max(ys) - min(ys)  # landscape, like a window
    # no two nodes on one spot
    assert len(set(positions.values())) == len(positions)


def test_gexf_with_layout_is_the_same_file_on_every_run(
    seed_store_folder: Path, tmp_path: Path
) -> None:
    # Each run in its own process with its own string hashing, as two runs of kg export are.
    files = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"graph-{hash_seed}.gexf"
        command = [sys.executable, "-m", "kg.cli", "export", "--store", str(seed_store_folder)]
        command += ["--format", "gexf", "--layout", "-o", str(out)]
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(command, env=env, check=True, capture_output=True)
        files.append(out.read_bytes())
    assert b"<viz:position" in files[0]
    assert files[0] == files[1]


@pytest.mark.parametrize("edges", [True, False])
@pytest.mark.parametrize("nodes", [True, False])
def test_files_written_element_by_element_are_whole_with_or_without_nodes_and_edges(
    nodes: bool, edges: bool
) -> None:
    a, b = (Node(node_id(i), i, i.rpartition("/")[2], "Place", 1, 1) for i in ("x/a", "x/b"))
    link = Edge("e1", a.id, b.id, "locatedIn", "located in", sources=("a.txt",))
    projection = Projection(nodes=[a, b] if nodes else [], edges=[link] if nodes and edges else [])
    for write in (write_gexf, write_graphml):
        out = io.BytesIO()
        write(projection, out)
        data = out.getvalue()
        assert lint(data) == []
        graph = (
            nx.read_gexf(io.BytesIO(data))
            if write is write_gexf
            else nx.read_graphml(io.BytesIO(data))
        )
        assert set(graph.nodes) == {n.id for n in projection.nodes}
        assert graph.number_of_edges() == len(projection.edges)


def test_a_store_larger_than_the_bound_gives_the_network_of_its_most_mentioned_entities(
    seed_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = project(seed_store)
    assert len(whole.nodes) > 6
    # as on a store with more entities than a network of 3 nodes is drawn from
    monkeypatch.setattr("kg.exporters.projection.MIN_CANDIDATES", 6)
    monkeypatch.setattr("kg.exporters.projection.CANDIDATES_PER_NODE", 2)
    bounded = project(seed_store, max_nodes=3)
    assert 0 < len(bounded.nodes) <= 3
    nodes = {n.id: n for n in whole.nodes}
    assert all(nodes[n.id] == n for n in bounded.nodes)  # the same counts, dates and labels
    shown = {n.id for n in bounded.nodes}
    related = [e for e in whole.edges if e.source in shown and e.target in shown]
    assert [e for e in bounded.edges if FOLD not in e.kind] == [
        e for e in related if FOLD not in e.kind
    ]
    # an event whose agent is left out folds from it, as in the whole network: into no edge
    folded = [e for e in bounded.edges if FOLD in e.kind]
    assert folded
    assert all(e in related for e in folded)


def _patrols(n: int) -> MappedDocument:
    b = ExtractionBuilder(f"{n:016x}", title=f"Patrol {n}", published=dt.date(2021, 3, n))
    b.entity("army", "Iraqi Army", "Organization", "ORG")
    b.entity("baghdad", "Baghdad", "Place", "GPE")
    s = b.sentence("The Iraqi Army patrolled Baghdad.")
    b.event(s, "patrol", "patrolled", arg("agent", "Iraqi Army", entity="army"))
    return map_extraction(b.build())


def test_an_event_whose_agent_is_left_out_of_a_bounded_network_folds_into_no_edge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    b = ExtractionBuilder("f0f0f0f0f0f0f0f0", title="Training", published=dt.date(2021, 3, 9))
    b.entity("nato", "NATO", "Organization", "ORG")
    b.entity("army", "Iraqi Army", "Organization", "ORG")
    b.entity("baghdad", "Baghdad", "Place", "GPE")
    s = b.sentence("NATO will train the Iraqi Army in Baghdad.")
    b.event(
        s,
        "train",
        "train",
        arg("agent", "NATO", entity="nato"),
        arg("theme", "the Iraqi Army", entity="army"),
        arg("place", "Baghdad", entity="baghdad"),
    )
    with Store() as store:
        store.write_documents([map_extraction(b.build()), _patrols(1), _patrols(2)])
        whole = project(store)
        # the army and Baghdad, in three articles, are the candidates; NATO, in one, is not
        monkeypatch.setattr("kg.exporters.projection.MIN_CANDIDATES", 2)
        monkeypatch.setattr("kg.exporters.projection.CANDIDATES_PER_NODE", 1)
        bounded = project(store, max_nodes=2)
    assert sorted(n.label for n in bounded.nodes) == ["Baghdad", "Iraqi Army"]
    assert ("Iraqi Army", "train · place", "Baghdad") not in _named(bounded)
    assert ("NATO", "train · place", "Baghdad") in _named(whole)
    shown = {n.id for n in bounded.nodes}
    assert bounded.edges == [e for e in whole.edges if e.source in shown and e.target in shown]


def _named(projection: Projection) -> set[tuple[str, str, str]]:
    label = {n.id: n.label for n in projection.nodes}
    return {(label[e.source], e.kind, label[e.target]) for e in projection.edges}
