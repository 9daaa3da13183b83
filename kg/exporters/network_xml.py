"""GEXF 1.3 and GraphML, written directly from a Projection, the way Gephi's importers read them.

The rules they follow (``../shared/docs/gephi.md``): opaque non-empty ids; data attributes with
plain names that Gephi does not take over (``entity_type``, never ``type``); only the types
every reader knows; missing values left out; direction always declared; each edge's relation
as its GEXF ``kind`` and its GraphML ``label`` attribute, so Gephi keeps parallel edges of
different relations apart; ``viz:size`` with ``value`` as its only attribute.

The file is written as it is made: the document around the nodes and edges first, then each
node and edge, serialized and let go, so an archive's network is never a whole tree in memory.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, TypeVar

from kg.exporters.elements import Edge, Node, Projection

__all__ = ["COLOURS", "write_gexf", "write_graphml"]

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
GRAPHML = "http://graphml.graphdrawing.org/xmlns"

# Colour by entity type (colour-blind-safe palette), RGB.
COLOURS = {
    "Person": (213, 94, 0),
    "Organization": (0, 114, 178),
    "Place": (0, 158, 115),
    "Group": (230, 159, 0),
    "NamedEvent": (204, 121, 167),
    "TimeExpression": (120, 120, 120),
    "Event": (240, 228, 66),
}
_OTHER_COLOUR = (86, 180, 233)
# XML 1.0 cannot carry these characters at all, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# (name, GEXF type, GraphML type, getter); a getter's None means "leave it out".
Item = TypeVar("Item", Node, Edge)
Column = tuple[str, str, str, Callable[[Item], object]]
NODE_COLUMNS: tuple[Column[Node], ...] = (
    ("iri", "string", "string", lambda n: n.iri),
    ("entity_type", "string", "string", lambda n: n.entity_type),
    ("mention_count", "integer", "int", lambda n: n.mention_count),
    ("doc_count", "integer", "int", lambda n: n.doc_count),
    ("first_seen", "string", "string", lambda n: n.first_seen),
    ("last_seen", "string", "string", lambda n: n.last_seen),
    ("aliases", "string", "string", lambda n: " | ".join(n.aliases) or None),
    ("geonames", "string", "string", lambda n: n.geonames),
    # the names Gephi's Geo Layout looks for; absent, never 0, where a node has no place
    ("latitude", "double", "double", lambda n: n.latitude),
    ("longitude", "double", "double", lambda n: n.longitude),
)
EDGE_COLUMNS: tuple[Column[Edge], ...] = (
    ("relation", "string", "string", lambda e: e.kind),
    ("confidence", "double", "double", lambda e: e.confidence),
    ("sources", "string", "string", lambda e: " | ".join(e.sources) or None),
    ("first_seen", "string", "string", lambda e: e.first_seen),
    ("last_seen", "string", "string", lambda e: e.last_seen),
)


def clean(value: object) -> str:
    """A value as XML text: characters XML 1.0 cannot hold are dropped."""
    if isinstance(value, float):
        return repr(round(value, 6))
    return _NOT_XML.sub("", str(value))


def node_size(node: Node) -> float:
    return round(4.0 + 4.0 * math.sqrt(max(node.mention_count, 1)), 2)


def _values(item: Item, columns: Iterable[Column[Item]]) -> list[tuple[str, object]]:
    return [(name, v) for name, _, _, get in columns if (v := get(item)) is not None]


def write_gexf(
    projection: Projection,
    out: BinaryIO,
    *,
    positions: dict[str, tuple[float, float]] | None = None,
    timeline: bool = False,
    description: str = "",
) -> None:
    """GEXF 1.3: colours and sizes always, positions if given, dates for Gephi's timeline."""
    ET.register_namespace("", GEXF)
    ET.register_namespace("viz", VIZ)
    root = ET.Element(f"{{{GEXF}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{GEXF}}}meta")
    ET.SubElement(meta, f"{{{GEXF}}}creator").text = "kg"
    if description:
        ET.SubElement(meta, f"{{{GEXF}}}description").text = clean(description)
    graph_attributes = {"defaultedgetype": _direction(projection), "mode": "static"}
    if timeline:
        graph_attributes.update(mode="dynamic", timeformat="date")
    graph = ET.SubElement(root, f"{{{GEXF}}}graph", graph_attributes)
    for kind, columns in (("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)):
        declared = ET.SubElement(graph, f"{{{GEXF}}}attributes", {"class": kind, "mode": "static"})
        for name, gexf_type, _, _ in columns:
            ET.SubElement(
                declared, f"{{{GEXF}}}attribute", {"id": name, "title": name, "type": gexf_type}
            )
    nodes = ET.SubElement(graph, f"{{{GEXF}}}nodes")
    edges = ET.SubElement(graph, f"{{{GEXF}}}edges")
    streams = {
        nodes: _gexf_nodes(projection, positions, timeline=timeline),
        edges: _gexf_edges(projection, timeline=timeline),
    }
    _write(root, out, streams, level=3)


def _gexf_nodes(
    projection: Projection, positions: dict[str, tuple[float, float]] | None, *, timeline: bool
) -> Iterator[ET.Element]:
    for n in projection.nodes:
        element = ET.Element(f"{{{GEXF}}}node", {"id": n.id, "label": _label(n)})
        if timeline:
            _dates(element, n.first_seen, n.last_seen)
        _attvalues(element, _values(n, NODE_COLUMNS))
        ET.SubElement(element, f"{{{VIZ}}}size", {"value": str(node_size(n))})
        r, g, b = COLOURS.get(n.entity_type, _OTHER_COLOUR)
        ET.SubElement(element, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        if positions and n.id in positions:
            x, y = positions[n.id]
            ET.SubElement(element, f"{{{VIZ}}}position", {"x": str(x), "y": str(y), "z": "0.0"})
        yield element


def _gexf_edges(projection: Projection, *, timeline: bool) -> Iterator[ET.Element]:
    for e in projection.edges:
        attributes = {
            "id": e.id,
            "source": e.source,
            "target": e.target,
            "kind": clean(e.kind),
            "label": clean(e.label),
            "weight": str(float(e.weight)),
        }
        element = ET.Element(f"{{{GEXF}}}edge", attributes)
        if timeline:
            _dates(element, e.first_seen, e.last_seen)
        _attvalues(element, _values(e, EDGE_COLUMNS))
        yield element


def _direction(projection: Projection) -> str:
    return "directed" if projection.directed else "undirected"


def _label(node: Node) -> str:
    """The node's name as XML can carry it; its IRI where nothing printable is left."""
    return clean(node.label).strip() or node.iri


def _dates(element: ET.Element, first: str | None, last: str | None) -> None:
    if first:
        element.set("start", first)
    if last:
        element.set("end", last)


def _attvalues(element: ET.Element, values: list[tuple[str, object]]) -> None:
    if values:
        holder = ET.SubElement(element, f"{{{GEXF}}}attvalues")
        for name, value in values:
            ET.SubElement(holder, f"{{{GEXF}}}attvalue", {"for": name, "value": clean(value)})


def write_graphml(projection: Projection, out: BinaryIO) -> None:
    """GraphML: ``label`` keys for nodes and edges, the relation as Gephi's edge type.

    Each edge also carries a ``label="..."`` XML attribute: Gephi reads it as the edge type
    (keeping parallel edges of different relations apart); networkx, igraph and graphology
    ignore it.
    """
    ET.register_namespace("", GRAPHML)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    for kind, columns in (("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)):
        ET.SubElement(
            root,
            f"{{{GRAPHML}}}key",
            {"id": f"{kind[0]}_label", "for": kind, "attr.name": "label", "attr.type": "string"},
        )
        for name, _, graphml_type, _ in columns:
            key = {"id": f"{kind[0]}_{name}", "for": kind, "attr.name": name}
            key["attr.type"] = graphml_type
            ET.SubElement(root, f"{{{GRAPHML}}}key", key)
    ET.SubElement(
        root,
        f"{{{GRAPHML}}}key",
        {"id": "e_weight", "for": "edge", "attr.name": "weight", "attr.type": "double"},
    )
    graph = ET.SubElement(
        root, f"{{{GRAPHML}}}graph", {"id": "kg", "edgedefault": _direction(projection)}
    )
    _write(root, out, {graph: _graphml_elements(projection)}, level=2)


def _graphml_elements(projection: Projection) -> Iterator[ET.Element]:
    for n in projection.nodes:
        element = ET.Element(f"{{{GRAPHML}}}node", {"id": n.id})
        _data(element, "n", [("label", _label(n)), *_values(n, NODE_COLUMNS)])
        yield element
    for e in projection.edges:
        attributes = {"id": e.id, "source": e.source, "target": e.target, "label": clean(e.kind)}
        element = ET.Element(f"{{{GRAPHML}}}edge", attributes)
        values = [("label", e.label), *_values(e, EDGE_COLUMNS), ("weight", float(e.weight))]
        _data(element, "e", values)
        yield element


def _data(element: ET.Element, prefix: str, values: list[tuple[str, object]]) -> None:
    for name, value in values:
        ET.SubElement(element, f"{{{GRAPHML}}}data", {"key": f"{prefix}_{name}"}).text = clean(
            value
        )


# Where a stream of elements goes in the document around them, while that is serialized.
_HERE = "kg-elements-here"
_MARKER = re.compile(rf"<(?:\w+:)?{_HERE} />")


def _write(
    root: ET.Element, out: BinaryIO, streams: dict[ET.Element, Iterator[ET.Element]], *, level: int
) -> None:
    """``root``, indented two spaces a level, with each container of ``streams`` holding its
    elements (at depth ``level``), written one element at a time: the same bytes as the whole
    tree serialized at once. A container without elements stays an empty element."""
    parts: list[Iterator[ET.Element]] = []
    for container, elements in streams.items():
        first = next(elements, None)
        if first is not None:
            # the marker takes the namespace of the first element's descendants, so that the
            # document around declares the prefixes the elements use
            ET.SubElement(container, _marker_tag(first))
            parts.append(_chain(first, elements))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    prefixes = _prefixes(text)
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    for elements in parts:
        marker = _MARKER.search(text)
        assert marker is not None
        out.write(text[: marker.start()].encode("utf-8"))
        text = text[marker.end() :]
        between = "\n" + "  " * level
        for n, element in enumerate(elements):
            if n:
                out.write(between.encode("utf-8"))
            _unqualify(element, prefixes)
            ET.indent(element, level=level)
            element.tail = None
            out.write(ET.tostring(element, encoding="unicode").encode("utf-8"))
    out.write(text.encode("utf-8"))
    out.write(b"\n")


def _chain(first: ET.Element, rest: Iterator[ET.Element]) -> Iterator[ET.Element]:
    yield first
    yield from rest


def _marker_tag(element: ET.Element) -> str:
    """A marker tag in the namespace of the last namespace ``element`` uses (viz: in GEXF)."""
    namespaces = [e.tag[1:].partition("}")[0] for e in element.iter() if e.tag.startswith("{")]
    return f"{{{namespaces[-1]}}}{_HERE}" if namespaces else _HERE


def _prefixes(text: str) -> dict[str, str]:
    """The prefix the document gives each namespace (its root's xmlns declarations)."""
    found = re.findall(r'xmlns(?::(\w+))?="([^"]+)"', text[: text.find(">")])
    return {uri: f"{prefix}:" if prefix else "" for prefix, uri in found}


def _unqualify(element: ET.Element, prefixes: dict[str, str]) -> None:
    """Tags written as the document around declares them: ``node``, ``viz:size``."""
    for e in element.iter():
        if e.tag.startswith("{"):
            uri, _, local = e.tag[1:].partition("}")
            e.tag = prefixes[uri] + local
