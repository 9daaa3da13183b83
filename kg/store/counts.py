"""Counts over a store, through SPARQL, so the same for an embedded and a remote store."""

from __future__ import annotations

from collections.abc import Callable

from kg.store.protocol import GraphStore, StoreStats
from kg.terms import ENTITY_CLASSES, KG, REL

__all__ = ["collect_stats"]


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

# DISTINCT first: an edge stated by two documents is one relation.
_RELATION_TYPES = f"""
SELECT ?p (COUNT(*) AS ?n) WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{REL}")) }}
}}
GROUP BY ?p
"""

_EVENT_PREDICATES = """
SELECT ?predicate (COUNT(DISTINCT ?event) AS ?n)
WHERE { ?event a kg:Event ; kg:predicate ?predicate }
GROUP BY ?predicate
"""


def collect_stats(store: GraphStore) -> StoreStats:
    """Counts of documents, quads, graphs, entities, events, quotes, roles, mentions, relations."""
    counts = store.query(_COUNTS).dicts()[0]
    size = store.query(_SIZE).dicts()[0]
    entity_types = _tally(store, _ENTITY_TYPES, "class", lambda iri: iri.rpartition("#")[2])
    relation_types = _tally(store, _RELATION_TYPES, "p", lambda iri: iri[len(REL) :])
    event_predicates = _tally(store, _EVENT_PREDICATES, "predicate", str)
    return StoreStats(
        documents=int(counts["documents"]),
        quads=int(size["quads"]),
        graphs=int(size["graphs"]),
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


def _tally(store: GraphStore, sparql: str, key: str, name: Callable[[str], str]) -> dict[str, int]:
    rows = [(name(str(row[key])), int(row["n"])) for row in store.query(sparql).dicts()]
    return dict(sorted(rows, key=lambda item: (-item[1], item[0])))
