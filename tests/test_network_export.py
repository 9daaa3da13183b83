"""Network exports (GEXF 1.3, GraphML, CSV): the projection, the options, and proof that the
files load: the GEXF 1.3 RelaxNG schema, networkx and igraph readers, and kg's lint of Gephi's
importer rules on every file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from gephi_lint import lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seed_extractions import ExtractionBuilder, arg

from kg.exporters import entity_graph, export, export_csv
from kg.exporters.network import NetworkOptions
from kg.exporters.projection import node_id, project
from kg.mapping import map_extraction
from kg.store.embedded import Store

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
