"""Node positions for a network: a force layout per connected part, packed to fill a screen.

Gephi's GEXF (``--layout``) and the offline viewer share these positions. A force layout of
the whole graph pushes the parts apart and rings a dense centre with lone nodes, so each part
is laid out on its own in a landscape box (so one part that holds most nodes still fills a
window), the parts are packed in rows (largest first) into a box about as wide as a screen, and
the nodes without edges sit in a compact grid below them.
"""

from __future__ import annotations

import math
from typing import Any

from kg.exporters.elements import Projection

__all__ = ["layout"]

ASPECT = 1.6  # width over height of the packed box: a landscape window
GAP = 60.0  # between two parts
PART_UNIT = 100.0  # a part of n nodes gets the area of a square of PART_UNIT * sqrt(n)
LONE_CELL = 50.0  # a lone node's cell in the grid: closer than nodes inside a part


def layout(projection: Projection, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Positions (node id → x, y), about 1,000 units across for a few hundred nodes."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in projection.nodes)
    graph.add_edges_from((e.source, e.target) for e in projection.edges if e.source != e.target)
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    linked = [p for p in parts if len(p) > 1]
    # the lone nodes grouped by type, the most mentioned first, so the grid reads like a legend
    nodes = {n.id: n for n in projection.nodes}
    lone = sorted(
        (node for p in parts if len(p) == 1 for node in p),
        key=lambda i: (nodes[i].entity_type, -nodes[i].mention_count, nodes[i].label, i),
    )
    stretch = math.sqrt(ASPECT)
    boxes = [
        (PART_UNIT * math.sqrt(len(p)) * stretch, PART_UNIT * math.sqrt(len(p)) / stretch)
        for p in linked
    ]
    area = sum((w + GAP) * (h + GAP) for w, h in boxes) + len(lone) * LONE_CELL**2
    width = max([math.sqrt(area * ASPECT), *(w for w, _ in boxes)])
    positions: dict[str, tuple[float, float]] = {}
    corners = _pack(boxes, width)
    for part, (w, h), (x, y) in zip(linked, boxes, corners, strict=True):
        # unweighted: edges seen in many sentences would pull a dense core into one blot
        sub = _ordered(graph, part)
        placed = _spread(nx.spring_layout(sub, seed=seed, iterations=100, weight=None))
        for node in sorted(part):
            px, py = placed[node]
            positions[node] = (round(x + w / 2 + px * w / 2, 2), round(y + h / 2 + py * h / 2, 2))
    top = max((y + h + GAP for (_, h), (_, y) in zip(boxes, corners, strict=True)), default=0.0)
    columns = max(1, int(width // LONE_CELL))
    for i, node in enumerate(lone):
        row, column = divmod(i, columns)
        positions[node] = (column * LONE_CELL, round(top + row * LONE_CELL, 2))
    return positions


def _ordered(graph: Any, part: set[str]) -> Any:
    """The part as a graph of its own, nodes and edges in sorted order.

    A subgraph view of a small part iterates the set of its nodes, whose order changes with
    Python's string hashing from one run to the next, and the force layout's start follows it.
    """
    import networkx as nx

    sub = nx.Graph()
    sub.add_nodes_from(sorted(part))
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(part).edges))
    return sub


def _spread(placed: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Positions moved out from the centre of the part, the nearest most, back within ±1.

    A force layout draws the hubs of a news network (the country, the alliance, its leader)
    into one blot; taking the square root of each distance from the centre opens the core
    and draws the far leaves in, keeping every node on its side.
    """
    cx = sum(float(p[0]) for p in placed.values()) / len(placed)
    cy = sum(float(p[1]) for p in placed.values()) / len(placed)
    moved = {}
    for node, (x, y) in placed.items():
        dx, dy = float(x) - cx, float(y) - cy
        distance = math.hypot(dx, dy)
        factor = 1 / math.sqrt(distance) if distance > 0 else 1.0
        moved[node] = (dx * factor, dy * factor)
    reach = max(max(abs(x), abs(y)) for x, y in moved.values()) or 1.0
    return {node: (x / reach, y / reach) for node, (x, y) in moved.items()}


def _pack(boxes: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """Top-left corners for boxes (width, height; largest first) in rows ``width`` wide.

    A row is as high as its first box; the smaller ones after it stack in columns beside
    it, so a big part does not leave an empty band to its right.
    """
    corners: list[tuple[float, float]] = []
    row_top = row_height = 0.0
    column_x = column_y = column_width = 0.0
    for w, h in boxes:
        if corners and column_y + h <= row_height:  # fits under the last one in its column
            corners.append((column_x, row_top + column_y))
            column_y += h + GAP
            column_width = max(column_width, w)
            continue
        next_x = column_x + column_width + GAP if corners else 0.0
        if corners and next_x + w > width:  # a new row
            row_top += row_height + GAP
            row_height = 0.0
            next_x = 0.0
        if row_height == 0.0:
            row_height = h
        column_x, column_y, column_width = next_x, h + GAP, w
        corners.append((column_x, row_top))
    return corners
