"""The parts of a network: nodes, edges, the projection that holds them, and their ids.

Shared by the projections (``kg.exporters.projection``), the event folding
(``kg.exporters.folding``) and the writers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.terms import ENTITY_CLASSES, KG, ROLE_PROPERTIES

__all__ = [
    "CLASSES",
    "CLASS_IRIS",
    "FOLD",
    "ROLE_KINDS",
    "ROLE_NAMES",
    "Doc",
    "Edge",
    "Node",
    "Projection",
    "edge_id",
    "node_id",
    "readable",
    "span",
]

# The things a network shows: named entities (a work or a craft of no narrower class is a
# plain kg:Entity) and the referents events name without a name.
CLASSES = " ".join(f"<{c}>" for c in (*ENTITY_CLASSES.values(), KG.Entity, KG.Referent))
CLASS_IRIS = frozenset(c.strip("<>") for c in CLASSES.split())
# An event's role edges are named by their property: agent, theme, place, partner...
ROLE_NAMES = {str(prop): str(prop).rpartition("#")[2] for prop in ROLE_PROPERTIES.values()}
ROLE_KINDS = frozenset(ROLE_NAMES.values())
# Between the relation and the role in a folded edge's kind: "train · in".
FOLD = " · "


@dataclass
class Node:
    id: str
    iri: str
    label: str
    entity_type: str
    mention_count: int = 0
    doc_count: int = 0
    first_seen: str | None = None  # ISO dates of the articles naming it, where they have one
    last_seen: str | None = None
    aliases: tuple[str, ...] = ()
    geonames: str | None = None  # the GeoNames place it is, and where it lies
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Edge:
    id: str
    source: str
    target: str
    kind: str  # the relation: "announce", "holds_role", "locatedIn", "train · in", an event role
    label: str  # the same, readable: "holds role"
    weight: int = 1  # statements supporting it (documents, where no statement is counted)
    confidence: float | None = None
    sources: tuple[str, ...] = ()  # the articles: source path or URL, else the document IRI
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass
class Projection:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    directed: bool = True  # relations point from subject to object; co-occurrence does not


def node_id(iri: str) -> str:
    return "n" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def edge_id(s: str, p: str, o: str) -> str:
    return "e" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]


@dataclass
class Doc:
    """An article as a network credits it: its date and its name (source, URL or IRI)."""

    date: str | None
    name: str


def span(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def readable(kind: str) -> str:
    """ "holds_role" → "holds role", "locatedIn" → "located in"."""
    spaced = "".join(f" {c.lower()}" if c.isupper() else c for c in kind)
    return spaced.replace("_", " ").strip()
