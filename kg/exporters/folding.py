"""Events in a network: folded into edges between the nodes they name, or kept as nodes.

- each event folded into edges from its agent (or, with none, its theme; or the occurrence
  it tells of: "attack · time") to each other node it names, its day too, kind
  "<relation> · <role>" ("train · in": trained in Iraq), weighted by the events that say so;
- with ``events=True`` (``add_events``), events are nodes instead, linked to the entities
  that fill their roles.

Both read the rows of ``read_events``, asked once per export: the same rows give the weight and
confidence of the rel: edges (``kg.exporters.projection``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib.term import Identifier, Literal, URIRef

from kg.exporters.elements import (
    CLASS_IRIS,
    FOLD,
    ROLE_KINDS,
    ROLE_NAMES,
    Doc,
    Edge,
    Node,
    edge_id,
    node_id,
    readable,
    span,
)
from kg.store.protocol import GraphStore
from kg.store.sparqltext import inject_rows
from kg.terms import KG, ROLE, relation_name

__all__ = ["OUTSIDE", "EventRows", "add_events", "folded_edges", "read_events"]

# One row per (event, role, filler): ?event ?predicate ?confidence ?negated ?doc ?role ?filler.
EventRows = list[dict[str, Identifier]]

# The roles an event folds into edges, with any role:<preposition>; a time only where it is a
# node (a day kg resolved: "NATO announce · time February 18, 2021"). Source, attribute and
# extent say on whose word, what and how much: no participant to join.
_FOLDED_ROLES = frozenset({"recipient", "partner", "place", "topic", "instrument", "time"})
# From the agent, the rel: edges already reach these.
_AGENT_EDGE_ROLES = frozenset({"theme", "recipient", "partner"})
# An event that tells of an occurrence folds into edges from it ("attack · time"); its agent,
# its targets and its place have rel: and kg:placedIn edges.
_OCCURRENCE = {str(KG.occurrence): "occurrence"}
_OCCURRENCE_EDGE_ROLES = _AGENT_EDGE_ROLES | {"agent", "place", "occurrence"}


@dataclass
class _Told:
    """The events behind one folded edge."""

    docs: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)


# The roles the given entities fill, in the events' graphs (their mentions and the structure
# edges that point at them are left in the store: half the triples whose object they are);
# then what each of those events tells, looked up by the bound events (a query joining the
# events with their type read every event's first: a minute at 3 million triples).
_FILLED = f"""
SELECT DISTINCT ?event ?doc ?role ?filler WHERE {{
  GRAPH ?doc {{ ?event ?role ?filler }}
  FILTER(?role IN ({", ".join(f"<{r}>" for r in (*ROLE_NAMES, *_OCCURRENCE))})
         || STRSTARTS(STR(?role), "{ROLE}"))
}}
"""
_TOLD = """
SELECT DISTINCT ?event ?predicate ?confidence ?negated WHERE {
  ?event kg:predicate ?predicate
  OPTIONAL { ?event kg:confidence ?confidence }
  OPTIONAL { ?event kg:negated ?negated }
}
"""
# An event folds from its occurrence or its agent where it has one among the store's nodes,
# whether or not the network holds it: those outside, with the classes of each.
_SOURCES = {
    role: f"SELECT ?event ?filler WHERE {{ ?event <{role}> ?filler FILTER(isIRI(?filler)) }}"
    for role in (str(KG.occurrence), str(KG.agent))
}
_CLASSES_OF = "SELECT DISTINCT ?filler ?type WHERE { ?filler a ?type }"
# Events (or their fillers) a lookup binds at a time: what 5,000 events tell took up to 0.84
# CPU-s at 3 million triples on a loaded machine.
EVENT_PAGE = 3000
# The key of a row whose filler is a node of the store outside the network: an event's
# occurrence or agent, which it folds from (kg.exporters.folding.folded_edges).
OUTSIDE = "outside"


def read_events(source: GraphStore, pages: list[list[URIRef]], *, whole: bool) -> EventRows:
    """The roles the entities of ``pages`` fill in events, each with the event's predicate,
    confidence, negation and article; the callers keep the network's nodes.

    Unless the pages hold every node of the store (``whole``), the occurrences and agents of
    those events that are nodes outside them come too, marked ``OUTSIDE``: an event folds from
    them as in the whole network, so its edges are left out instead of drawn from its theme."""
    filled: EventRows = []
    for page in pages:
        filled += source.query(inject_rows(_FILLED, ["filler"], [[e] for e in page])).dicts()
    in_doc = {row["event"]: row["doc"] for row in filled}
    told: dict[Identifier, dict[str, Identifier]] = defaultdict(dict)
    for events in _pages_of(in_doc):
        for row in source.query(inject_rows(_TOLD, ["event"], events)).dicts():
            told[row["event"]] = row
    inside = {str(e) for page in pages for e in page}
    outside = [] if whole else _outside_sources(source, in_doc, inside)
    return [
        {**told[row["event"]], **row}
        for row in (*filled, *outside)
        if "predicate" in told[row["event"]]
    ]


def _pages_of(terms: Iterable[Identifier]) -> list[list[list[Identifier]]]:
    """``terms`` (events, or their fillers) in sorted pages of EVENT_PAGE, as VALUES rows."""
    ordered = [[t] for t in sorted(terms)]
    return [ordered[i : i + EVENT_PAGE] for i in range(0, len(ordered), EVENT_PAGE)]


def _outside_sources(
    source: GraphStore, in_doc: dict[Identifier, Identifier], inside: set[str]
) -> EventRows:
    """The occurrences and agents of the events of ``in_doc`` (event → its article) that are
    nodes of the store but not ``inside``, as rows marked ``OUTSIDE`` (a quantity, no node, is
    no event's source)."""
    found = []
    for events in _pages_of(in_doc):
        for role, query in _SOURCES.items():
            for row in source.query(inject_rows(query, ["event"], events)).dicts():
                event, filler = row["event"], row["filler"]
                if str(filler) not in inside:
                    found.append(
                        {
                            "event": event,
                            "doc": in_doc[event],
                            "role": URIRef(role),
                            "filler": filler,
                        }
                    )
    nodes = set()
    for fillers in _pages_of({row["filler"] for row in found}):
        classes = source.query(inject_rows(_CLASSES_OF, ["filler"], fillers)).dicts()
        nodes |= {row["filler"] for row in classes if str(row["type"]) in CLASS_IRIS}
    return [{**row, OUTSIDE: Literal(True)} for row in found if row["filler"] in nodes]


def folded_edges(rows: EventRows, docs: dict[str, Doc], nodes: dict[str, Node]) -> dict[str, Edge]:
    """Each event as edges from its agent (or, with none, its theme) to the other nodes it names:
    "NATO trains forces in Iraq" gives NATO → Iraq, "train · place". An event whose agent or
    occurrence is a node outside ``nodes`` (a row marked ``OUTSIDE``) folds from it, so into
    no edge here."""
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    about: dict[str, tuple[str, str, float | None]] = {}
    for row in rows:
        negated = row.get("negated")
        filler = str(row["filler"])
        if negated is not None and str(negated) == "true":
            continue  # a denied event joins nothing, as it asserts no rel: edge
        if node_id(filler) not in nodes and OUTSIDE not in row:
            continue
        event = str(row["event"])
        role_iri = str(row["role"])
        role = (
            ROLE_NAMES.get(role_iri)
            or _OCCURRENCE.get(role_iri)
            or (role_iri[len(ROLE) :] if role_iri.startswith(str(ROLE)) else None)
        )
        if role is not None:
            roles[event][role].add(filler)
            confidence = row.get("confidence")
            about[event] = (
                str(row["predicate"]),
                str(row["doc"]),
                float(confidence) if confidence is not None else None,
            )
    told: dict[tuple[str, str, str], _Told] = defaultdict(_Told)
    for event, filled in roles.items():
        predicate, doc, score = about[event]
        for s, kind, o in _fold(relation_name(predicate), filled):
            if node_id(s) not in nodes:
                continue  # the event folds from a node outside the network
            t = told[(s, kind, o)]
            t.docs.append(doc)
            if score is not None:
                t.confidences.append(score)
    edges = {}
    for (s, kind, o), t in told.items():
        first, last = span(docs[d].date for d in t.docs if d in docs)
        name, _, role = kind.partition(FOLD)
        edge = Edge(
            id=edge_id(s, kind, o),
            source=node_id(s),
            target=node_id(o),
            kind=kind,
            label=f"{readable(name)}{FOLD}{readable(role)}",
            weight=len(t.docs),
            confidence=max(t.confidences) if t.confidences else None,
            sources=tuple(sorted({docs[d].name for d in t.docs if d in docs})),
            first_seen=first,
            last_seen=last,
        )
        edges[edge.id] = edge
    return edges


def _fold(name: str, filled: dict[str, set[str]]) -> Iterable[tuple[str, str, str]]:
    """The (source, kind, target) edges one event folds into, from its roles' nodes."""
    if filled.get("occurrence"):  # "Monday's attack": the attack, on Monday
        sources, skipped = filled["occurrence"], _OCCURRENCE_EDGE_ROLES
    elif filled.get("agent"):
        sources, skipped = filled["agent"], _AGENT_EDGE_ROLES
    else:
        sources, skipped = filled.get("theme", set()), frozenset()
    for role, targets in filled.items():
        if role in skipped or (role in ROLE_KINDS and role not in _FOLDED_ROLES):
            continue
        for s in sources:
            for o in targets - {s}:
                yield s, f"{name}{FOLD}{role}", o


def add_events(
    rows: EventRows, docs: dict[str, Doc], nodes: dict[str, Node], edges: dict[str, Edge]
) -> None:
    """Events as nodes, each linked to the entities in its roles (agent, theme, place...)."""
    for row in rows:
        role = ROLE_NAMES.get(str(row["role"]))
        filler = node_id(str(row["filler"]))
        if role is None or filler not in nodes:
            continue
        event, doc = str(row["event"]), str(row["doc"])
        date = docs[doc].date if doc in docs else None
        event_node = nodes.setdefault(
            node_id(event),
            Node(
                id=node_id(event),
                iri=event,
                label=str(row["predicate"]),
                entity_type="Event",
                mention_count=1,
                doc_count=1,
                first_seen=date,
                last_seen=date,
            ),
        )
        confidence = row.get("confidence")
        # the agent acts on the event; every other role hangs from it
        s, o = (filler, event_node.id) if role == "agent" else (event_node.id, filler)
        edge = Edge(
            id=edge_id(event, role, str(row["filler"])),
            source=s,
            target=o,
            kind=role,
            label=role,
            confidence=float(confidence) if confidence is not None else None,
            sources=(docs[doc].name,) if doc in docs else (),
            first_seen=date,
            last_seen=date,
        )
        edges[edge.id] = edge
