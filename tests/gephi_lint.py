"""Checks a GEXF or GraphML file against what Gephi's importers need (``../shared/docs/gephi.md``).

Each check names a way an import goes wrong in Gephi or Gephi Lite: an empty id aborts it,
a duplicate edge id drops an edge, an edge to a missing node is lost, parallel edges of one
type merge, a reserved attribute name becomes a visual property, an unknown type drops the
column, a missing direction makes Gephi Lite read the graph as undirected, a ``viz:size``
without ``value`` first crashes Gephi. ``lint(data)`` returns the problems, one line each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

__all__ = ["lint"]

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
# Names Gephi takes over as visual properties or its own columns.
RESERVED = frozenset(
    {"size", "color", "r", "g", "b", "x", "y", "z", "id", "timeset", "degree", "indegree"}
    | {"outdegree", "type"}
)
GRAPHML_TYPES = frozenset({"boolean", "int", "long", "float", "double", "string"})
GEXF_TYPES = frozenset({"boolean", "integer", "long", "float", "double", "string", "liststring"})
# How a missing number gets written by mistake; any text may be a real string value.
MISSING_NUMBERS = frozenset({"", "None", "nan", "NaN", "null"})
NUMERIC = frozenset({"int", "long", "float", "double", "integer"})


def _missing(value: str, kind: str) -> bool:
    return not value.strip() or (kind in NUMERIC and value.strip() in MISSING_NUMBERS)


def lint(data: bytes) -> list[str]:
    """The problems of a GEXF or GraphML file (by its root element)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        return [f"not well-formed XML: {err}"]
    if root.tag == f"{GEXF}gexf":
        return _gexf(root)
    if root.tag == f"{GRAPHML}graphml":
        return _graphml(root)
    return [f"neither GEXF 1.3 nor GraphML: root element {root.tag}"]


def _ids(elements: list[ET.Element], what: str) -> tuple[list[str], set[str]]:
    problems = []
    ids = [e.get("id", "") for e in elements]
    if any(not i.strip() for i in ids):
        problems.append(f"{what} with an empty id (Gephi aborts the import)")
    for i, n in Counter(ids).items():
        if n > 1:
            problems.append(f"{what} id {i!r} used {n} times (Gephi keeps one)")
    return problems, set(ids)


def _structure(nodes: list[ET.Element], edges: list[ET.Element], kind: str) -> list[str]:
    """Ids of nodes and edges, edge ends, and the types (``kind``) of parallel edges."""
    problems, node_ids = _ids(nodes, "node")
    problems += _ids(edges, "edge")[0]
    return problems + _edges(edges, node_ids, kind)


def _edges(edges: list[ET.Element], nodes: set[str], kind: str) -> list[str]:
    problems = []
    kinds: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in edges:
        s, t = e.get("source", ""), e.get("target", "")
        for end in (s, t):
            if end not in nodes:
                problems.append(f"edge {e.get('id')} ends at a missing node {end!r}")
        kinds[(s, t)].append(e.get(kind, ""))
    for (s, t), found in kinds.items():
        if len(found) != len(set(found)):
            problems.append(f"parallel edges {s} → {t} share a type (Gephi merges them)")
    return problems


def _graphml(root: ET.Element) -> list[str]:
    problems = []
    keys = root.findall(f"{GRAPHML}key")
    for key in keys:
        name, kind = key.get("attr.name", ""), key.get("attr.type", "")
        if kind not in GRAPHML_TYPES:
            problems.append(f"key {name!r} has type {kind!r}, which readers do not all know")
        if name in RESERVED:
            problems.append(f"key {name!r} is a name Gephi reserves")
    graph = root.find(f"{GRAPHML}graph")
    if graph is None:
        return [*problems, "no graph element"]
    if graph.get("edgedefault") not in ("directed", "undirected"):
        problems.append("graph has no edgedefault (Gephi Lite then reads it as undirected)")
    nodes = graph.findall(f"{GRAPHML}node")
    problems += _structure(nodes, graph.findall(f"{GRAPHML}edge"), "label")
    kinds = {key.get("id"): key.get("attr.type", "") for key in keys}
    for data in root.iter(f"{GRAPHML}data"):
        if _missing(data.text or "", kinds.get(data.get("key"), "")):
            problems.append(f"data {data.get('key')!r} written empty (leave it out instead)")
    return problems


def _gexf(root: ET.Element) -> list[str]:
    problems = []
    if root.get("version") != "1.3":
        problems.append(f"GEXF version {root.get('version')!r}, not 1.3")
    graph = root.find(f"{GEXF}graph")
    if graph is None:
        return [*problems, "no graph element"]
    if graph.get("defaultedgetype") not in ("directed", "undirected", "mutual"):
        problems.append("graph has no defaultedgetype")
    for attribute in graph.iter(f"{GEXF}attribute"):
        title, kind = attribute.get("title", ""), attribute.get("type", "")
        if kind not in GEXF_TYPES:
            problems.append(f"attribute {title!r} has type {kind!r}, which Gephi drops")
        if title in RESERVED | {"label", "weight"}:
            problems.append(f"attribute {title!r} is a name Gephi reserves")
    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    problems += _structure(nodes, graph.findall(f"{GEXF}edges/{GEXF}edge"), "kind")
    for node in nodes:
        if not node.get("label"):
            problems.append(f"node {node.get('id')} has no label (Gephi shows its id)")
        size = node.find(f"{VIZ}size")
        if size is not None and next(iter(size.attrib), None) != "value":
            problems.append(f"node {node.get('id')}: viz:size without value first crashes Gephi")
    kinds = {a.get("id"): a.get("type", "") for a in graph.iter(f"{GEXF}attribute")}
    for value in graph.iter(f"{GEXF}attvalue"):
        if _missing(value.get("value", ""), kinds.get(value.get("for"), "")):
            problems.append(f"attvalue {value.get('for')!r} written empty (leave it out instead)")
    return problems
