"""kg's GEXF and GraphML exports load with the parsers Gephi Lite uses.

Gephi Lite opens files with graphology-gexf and graphology-graphml; tests/js/load.mjs runs
them under node, with Gephi Lite's options (lenient) and with both leniencies off (strict),
and prints the graph it got as JSON. The examples' store is exported once per module.

Needs node and the parsers: ``npm ci --prefix tests/js`` (versions pinned in its lockfile).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kg

JS = Path(__file__).resolve().parent / "js"
NODE = shutil.which("node")

if NODE is None:
    pytest.skip(
        "node is not on PATH: install Node.js, then run `npm ci --prefix tests/js`",
        allow_module_level=True,
    )
if not (JS / "node_modules").is_dir():
    pytest.skip(
        "the Gephi Lite parsers are not installed: run `npm ci --prefix tests/js`",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")]

FORMATS = ("gexf", "graphml")


@pytest.fixture(scope="module")
def exports(examples_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The examples' store, exported once per format: format → file."""
    folder = tmp_path_factory.mktemp("gephi")
    files = {}
    for format in FORMATS:
        files[format] = folder / f"graph.{format}"
        with files[format].open("wb") as out:
            kg.export(out, format=format, store=examples_store_path)
    return files


def networkx_graph(format: str, path: Path) -> nx.Graph:
    if format == "gexf":
        return nx.read_gexf(path)
    return nx.read_graphml(path, force_multigraph=True)


def load_in_gephi_lite_parser(format: str, mode: str, path: Path) -> dict[str, Any]:
    assert NODE is not None
    result = subprocess.run(
        [NODE, str(JS / "load.mjs"), format, mode, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"{format} ({mode}) does not load: {result.stderr.strip()}"
    return json.loads(result.stdout)


@pytest.mark.parametrize("mode", ["lenient", "strict"])
@pytest.mark.parametrize("format", FORMATS)
def test_export_loads_in_gephi_lite_parser(
    exports: dict[str, Path], format: str, mode: str
) -> None:
    graph = load_in_gephi_lite_parser(format, mode, exports[format])

    assert graph["order"] > 0 and graph["size"] > 0
    reference = networkx_graph(format, exports[format])
    assert (graph["order"], graph["size"]) == (
        reference.number_of_nodes(),
        reference.number_of_edges(),
    )
    assert (len(graph["nodes"]), len(graph["edges"])) == (graph["order"], graph["size"])
    assert graph["type"] == "directed"

    unlabelled = [
        node["key"]
        for node in graph["nodes"]
        if not str(node["attributes"].get("label") or "").strip()
    ]
    assert unlabelled == [], "nodes with no label show as bare ids in Gephi Lite"

    keys = [edge["key"] for edge in graph["edges"]]
    assert all(keys), "edges with an empty id"
    assert len(set(keys)) == len(keys), "edges sharing an id"


@pytest.fixture(scope="module")
def cooccurrence_exports(
    examples_store_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The examples' co-occurrence network, no isolated node, exported once per format."""
    from kg.exporters.network import NetworkOptions

    folder = tmp_path_factory.mktemp("gephi-cooccurrence")
    options = NetworkOptions(projection="cooccurrence", min_degree=1, layout=True)
    files = {}
    for format in FORMATS:
        files[format] = folder / f"cooccurrence.{format}"
        with files[format].open("wb") as out:
            kg.export(out, format=format, store=examples_store_path, options=options)
    return files


@pytest.mark.parametrize("mode", ["lenient", "strict"])
@pytest.mark.parametrize("format", FORMATS)
def test_cooccurrence_export_loads_undirected_in_gephi_lite_parser(
    cooccurrence_exports: dict[str, Path], format: str, mode: str
) -> None:
    graph = load_in_gephi_lite_parser(format, mode, cooccurrence_exports[format])

    reference = networkx_graph(format, cooccurrence_exports[format])
    assert not reference.is_directed()
    assert graph["size"] > 0 and (graph["order"], graph["size"]) == (
        reference.number_of_nodes(),
        reference.number_of_edges(),
    )
    assert graph["type"] == "undirected"
    linked = {end for edge in graph["edges"] for end in (edge["source"], edge["target"])}
    assert linked == {node["key"] for node in graph["nodes"]}  # --min-degree 1: none alone
    assert all(float(edge["attributes"]["weight"]) >= 1 for edge in graph["edges"])


HOSTILE = 'Al-"Qa\'ida" <b>&amp; \u202eRTL\u202c \U0001f600 \u0645\u0631\u062d\u0628\u0627'


@pytest.mark.parametrize("format", FORMATS)
def test_any_kind_of_text_loads_strictly(tmp_path: Path, format: str) -> None:
    """Quotes, markup, ampersands, control and direction characters, emoji and Arabic in
    names and relations load in Gephi Lite's parsers with their text intact."""
    from seed_extractions import ExtractionBuilder, arg

    from kg.exporters import export
    from kg.mapping import map_extraction

    b = ExtractionBuilder("d1")
    n = b.sentence(f"{HOSTILE}\x07 met Kadhimi.")
    b.entity("a", HOSTILE + "\x07", "Person", "PERSON")
    b.entity("b", "Kadhimi", "Person", "PERSON")
    b.event(
        n, "meet", "met", arg("agent", HOSTILE, entity="a"), arg("theme", "Kadhimi", entity="b")
    )
    path = tmp_path / f"hostile.{format}"
    with path.open("wb") as out:
        export(map_extraction(b.build()).quads, out, format=format)
    graph = load_in_gephi_lite_parser(format, "strict", path)
    labels = {node["attributes"]["label"] for node in graph["nodes"]}
    assert labels == {HOSTILE, "Kadhimi"}  # the bell character, which XML cannot hold, is gone
    assert graph["size"] == 1
