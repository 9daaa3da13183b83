"""Counts over a store, through SPARQL, so the same for an embedded and a remote store.

Each query starts from an indexed pattern (a class, a property), so that the counts of a store
of millions of quads take a second or two: no query reads every statement. The direct
relations are counted for the rel: properties kg mints, from the predicates of the events and
quotes, and rel:holds_role; an embedded store counts its quads and graphs itself.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef

from kg.store.protocol import GraphStore, StoreStats
from kg.store.sparqltext import inject_rows
from kg.terms import ENTITY_CLASSES, HOLDS_ROLE, KG, REL, relation

__all__ = ["collect_stats", "kept_sizes", "relation_properties"]


_CLASSES = " ".join(f"<{c}>" for c in ENTITY_CLASSES.values())

_COUNTS = """
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents)
  (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?quote) AS ?quotes)
  (COUNT(DISTINCT ?role) AS ?roles)
  (COUNT(DISTINCT ?mention) AS ?mentions)
  (COUNT(DISTINCT ?referent) AS ?referents)
WHERE {
  { ?doc a kg:Document }
  UNION { ?event a kg:Event }
  UNION { ?quote a kg:Quote }
  UNION { ?role a kg:Role }
  UNION { ?mention a kg:Mention }
  UNION { ?referent a kg:Referent }
}
"""

_SIZE = """
SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }
"""

_ENTITY_TYPES = f"""
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)
WHERE {{ ?entity a ?class VALUES ?class {{ {_CLASSES} <{KG.Entity}> }} }}
GROUP BY ?class
"""

# The size of each document's graph as its mapping counted it, beside the document in the
# metadata graph (a loaded RDF file has none: its graph is counted).
_KEPT_SIZES = """
SELECT ?doc ?quads WHERE {
  GRAPH ?meta { ?doc a kg:Document ; <http://rdfs.org/ns/void#triples> ?quads }
}
"""

_PREDICATES = "SELECT DISTINCT ?predicate WHERE { ?thing kg:predicate ?predicate }"

# DISTINCT first: an edge stated by two documents is one relation. ?p is bound by VALUES.
_EDGES = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"

# Events and quotes have a predicate: all but the quotes, which a hash of the quotes leaves
# out at once (a join on kg:Event looks each event up again).
_EVENT_PREDICATES = """
SELECT ?predicate (COUNT(DISTINCT ?event) AS ?n)
WHERE { ?event kg:predicate ?predicate MINUS { ?event a kg:Quote } }
GROUP BY ?predicate
"""


def collect_stats(store: GraphStore, *, size: tuple[int, int] | None = None) -> StoreStats:
    """Counts of documents, quads, graphs, entities, events, quotes, roles, mentions, relations;
    ``size`` is the quads and graphs when the store knows them."""
    counts = store.query(_COUNTS).dicts()[0]
    if size is None:
        row = store.query(_SIZE).dicts()[0]
        size = int(row["quads"]), int(row["graphs"])
    entity_types = _tally(store, _ENTITY_TYPES, "class", lambda iri: iri.rpartition("#")[2])
    relation_types = _tally(store, _relations_query(store), "p", lambda iri: iri[len(REL) :])
    event_predicates = _tally(store, _EVENT_PREDICATES, "predicate", str)
    return StoreStats(
        documents=int(counts["documents"]),
        quads=size[0],
        graphs=size[1],
        entities=sum(entity_types.values()),  # the type is part of an entity's IRI
        events=int(counts["events"]),
        quotes=int(counts["quotes"]),
        roles=int(counts["roles"]),
        mentions=int(counts["mentions"]),
        relations=sum(relation_types.values()),
        referents=int(counts["referents"]),
        entity_types=entity_types,
        relation_types=relation_types,
        event_predicates=event_predicates,
    )


def kept_sizes(store: GraphStore) -> dict[str, int]:
    """The quads in each document's graph, by graph IRI, where the build kept the number."""
    rows = store.query(_KEPT_SIZES).rows
    return {str(doc): int(str(quads)) for doc, quads in rows if doc is not None and quads}


def relation_properties(store: GraphStore) -> list[URIRef]:
    """The rel: properties kg can have written in ``store``: one for each predicate of its
    events and quotes, and rel:holds_role (read from an index, not from every statement)."""
    found = store.query(_PREDICATES).rows
    predicates = {relation(str(row[0])) for row in found if row[0] is not None}
    return sorted({*predicates, HOLDS_ROLE})


def _relations_query(store: GraphStore) -> str:
    """The count of each rel: property's distinct edges, for the properties kg mints."""
    edges = inject_rows(_EDGES, ["p"], [[p] for p in relation_properties(store)])
    return f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {edges} }} GROUP BY ?p"


def _tally(store: GraphStore, sparql: str, key: str, name: Callable[[str], str]) -> dict[str, int]:
    rows = [(name(str(row[key])), int(row["n"])) for row in store.query(sparql).dicts()]
    return dict(sorted(rows, key=lambda item: (-item[1], item[0])))
