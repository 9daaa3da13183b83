"""The graph as a network: entities as nodes, their relations as edges, literals as attributes.

One projection feeds every network format (GEXF, GraphML, CSV, the viewer), so they agree:

- a node per entity: label, IRI, entity type, mentions, documents, first and last seen (the
  dates of the articles that name it), aliases;
- an edge per (subject, relation, object): the relation's name as its kind, the number of
  statements supporting it as its weight, their best confidence, the articles they come from;
- each event folded into edges besides those, or kept as a node with ``events=True``
  (``kg.exporters.folding``).

The ``cooccurrence`` projection keeps the nodes and joins instead the entities named in one
sentence by an undirected edge, weighted by the number of sentences they share: the usual
network of news analysis, denser than the relations the extractor could read.

Ids are opaque and stable: ``n`` + a hash of the IRI, ``e`` + a hash of subject, relation,
object. Missing values stay ``None`` (writers leave them out).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import URIRef
from rdflib.term import Identifier

from kg.errors import FormatError
from kg.exporters.elements import (
    CLASS_IRIS,
    CLASSES,
    FOLD,
    ROLE_KINDS,
    Doc,
    Edge,
    Node,
    Projection,
    edge_id,
    node_id,
    readable,
    span,
)
from kg.exporters.folding import EventRows, add_events, folded_edges, read_events
from kg.store.counts import relation_properties
from kg.store.protocol import GraphStore
from kg.store.sparqltext import inject_rows
from kg.terms import KG, REL, relation

__all__ = ["PROJECTIONS", "project"]

# What joins two nodes: a relation the text states, or a sentence that names both.
PROJECTIONS = ("relations", "cooccurrence")

# The roles whose filler a rel: edge from the event's agent reaches (kg.mapping).
_EDGE_ROLES = frozenset(str(KG[name]) for name in ("theme", "recipient", "partner"))

_DOCUMENTS = """
SELECT ?doc ?date ?source ?url WHERE {
  ?doc a kg:Document .
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { SELECT ?doc (MIN(?from) AS ?source) WHERE { ?doc dcterms:source ?from } GROUP BY ?doc }
  OPTIONAL { ?doc kg:url ?url }
}
"""
# Every query of a network is bound to a page of its entities (PAGE at a time): those of the
# whole store, listed by the class index, or the candidates of a bounded network (below). Read
# whole, the entities, labels, mentions, edges and event roles of 3 million triples were 35,000
# to 127,000 rows a query, 0.9 to 17 CPU-s each, held at once (a 582 MB peak).
PAGE = 2000
_ENTITY_LIST = f"SELECT DISTINCT ?entity WHERE {{ ?entity a ?type VALUES ?type {{ {CLASSES} }} }}"
# The classes an entity has in each article (those of CLASSES kept), its labels as written.
_CLASSES = "SELECT DISTINCT ?entity ?type ?doc WHERE { GRAPH ?doc { ?entity a ?type } }"
_LABELS = "SELECT DISTINCT ?entity ?label WHERE { ?entity rdfs:label ?label }"
_ALIASES = "SELECT DISTINCT ?entity ?alias WHERE { ?entity skos:altLabel ?alias }"
# The GeoNames place of an entity, and where it lies (articles that link it agree: one place).
# Each article that names a place writes its link and coordinates again: each is read as a
# distinct list first, or a place in 500 articles would join 500 x 500 x 500 rows.
_GEONAMES = """
SELECT ?entity (MIN(STR(?same)) AS ?geonames) (MIN(?lat) AS ?latitude) (MIN(?long) AS ?longitude)
WHERE {
  { SELECT DISTINCT ?entity ?same WHERE { ?entity owl:sameAs ?same } }
  OPTIONAL { { SELECT DISTINCT ?entity ?lat WHERE { ?entity geo:lat ?lat } } }
  OPTIONAL { { SELECT DISTINCT ?entity ?long WHERE { ?entity geo:long ?long } } }
}
GROUP BY ?entity
"""
_MENTIONS = """
SELECT ?entity (COUNT(DISTINCT ?mention) AS ?n) WHERE { ?mention kg:mentionOf ?entity }
GROUP BY ?entity
"""
# The edges of the properties kg writes between entities and referents: the rel: ones it mints
# (relation_properties) and these; read from each entity of a page, the properties kept after
# (both bound in one query, Oxigraph read every edge first).
_STRUCTURE = (KG.locatedIn, KG.placedIn, KG.anchor, KG.of)
_RELATIONS = """
SELECT DISTINCT ?s ?p ?o ?doc WHERE {
  GRAPH ?doc { ?s ?p ?o } FILTER(isIRI(?o) && ?p NOT IN (rdf:type, owl:sameAs))
}
"""
# A network of at most N nodes from a store of many more is drawn from the entities mentioned
# most, CANDIDATES_PER_NODE for each node kept (at least MIN_CANDIDATES): chosen in the store by
# one count over the mentions, so the other queries read their rows only (at 3 million triples
# each read every entity, edge or event role: 35,000 to 127,000 rows, over a second each). Of
# the whole network's 300 nodes of most weighted degree there, 170 are among the 300 shown,
# against 141 drawn from the entities in the most articles. Of given types, they are those in
# the most articles: the class index knows types, and a count of mentions joined with each
# entity's classes takes 1.5 CPU-s. A store with no more entities than that gives them all.
CANDIDATES_PER_NODE = 4
MIN_CANDIDATES = 1000
_MOST_MENTIONED = """
SELECT ?entity (COUNT(?mention) AS ?n) WHERE { ?mention kg:mentionOf ?entity }
GROUP BY ?entity ORDER BY DESC(?n) LIMIT %d
"""
_MOST_REPORTED = """
SELECT ?entity (COUNT(DISTINCT ?doc) AS ?n) WHERE {
  GRAPH ?doc { ?entity a ?type } VALUES ?type { %s }
} GROUP BY ?entity ORDER BY DESC(?n) LIMIT %d
"""
# Each sentence with the entities it names and its article (the graph of the mention): the
# co-occurrence edges. Mentions are many: a lookup binds MENTION_PAGE entities (the 1,111 most
# mentioned at 3 million triples are named in 24,032 sentences, 0.99 CPU-s; with each sentence's
# class joined, 13.4).
_SENTENCE_ENTITIES = """
SELECT DISTINCT ?sentence ?entity ?doc WHERE {
  GRAPH ?doc { ?mention kg:mentionOf ?entity ; dcterms:isPartOf ?sentence }
}
"""
MENTION_PAGE = 500


def project(
    source: GraphStore,
    *,
    events: bool = False,
    min_mentions: int = 0,
    types: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    max_nodes: int | None = None,
    min_degree: int = 0,
    projection: str = "relations",
) -> Projection:
    """The network of ``source``, filtered: entity types (``person``, ``place``...), relation
    names (``announce``, ``holds_role``...), a mention floor, the ``max_nodes`` most connected
    nodes, then only nodes with ``min_degree`` edges or more among those kept. Nodes and edges
    come sorted by id, so the same store gives the same file.

    ``projection`` says what an edge is: a relation (``relations``) or a shared sentence
    (``cooccurrence``, undirected, which has neither relation names nor event nodes).
    """
    _check(projection, events=events, predicates=predicates)
    wanted_types = {t.casefold() for t in types} if types else None
    bound = None if max_nodes is None else _candidates(source, max_nodes, wanted_types)
    entities = _all_entities(source) if bound is None else bound
    pages = [entities[i : i + PAGE] for i in range(0, len(entities), PAGE)]
    docs = _documents(source)
    nodes = _entity_nodes(source, docs, pages)
    if projection == "cooccurrence":
        edges = _cooccurrence_edges(source, docs, nodes, pages)
    else:
        told = read_events(source, pages, whole=bound is None)
        edges = _relation_edges(source, docs, _support(told), pages)
        if events:
            add_events(told, docs, nodes, edges)
        else:
            edges.update(folded_edges(told, docs, nodes))
    wanted_kinds = {p.casefold() for p in predicates} if predicates else None
    kept = {
        n.id: n
        for n in nodes.values()
        if (n.entity_type == "Event" or n.mention_count >= min_mentions)
        and (wanted_types is None or n.entity_type.casefold() in wanted_types | {"event"})
    }
    kept_edges = [
        e
        for e in edges.values()
        if e.source in kept
        and e.target in kept
        and (
            wanted_kinds is None
            or e.kind.partition(FOLD)[0].casefold() in wanted_kinds
            or e.kind in ROLE_KINDS
        )
    ]
    if max_nodes is not None and len(kept) > max_nodes:
        degree: Counter[str] = Counter()
        for e in kept_edges:
            degree[e.source] += e.weight
            degree[e.target] += e.weight
        top = sorted(kept, key=lambda i: (-degree[i], -kept[i].mention_count, i))[:max_nodes]
        kept = {i: kept[i] for i in top}
        kept_edges = [e for e in kept_edges if e.source in kept and e.target in kept]
    if min_degree > 0:
        kept, kept_edges = _with_degree(kept, kept_edges, min_degree)
    return Projection(
        nodes=sorted(kept.values(), key=lambda n: n.id),
        edges=sorted(kept_edges, key=lambda e: e.id),
        directed=projection != "cooccurrence",
    )


def _check(projection: str, *, events: bool, predicates: Iterable[str] | None) -> None:
    if projection not in PROJECTIONS:
        raise FormatError(f"unknown projection {projection!r}; use one of {', '.join(PROJECTIONS)}")
    if projection == "cooccurrence" and (events or predicates):
        option = "--events" if events else "--predicates"
        raise FormatError(
            f"the cooccurrence projection joins entities by sentence, so {option} has nothing to "
            "choose: drop it, or use --projection relations"
        )


def _with_degree(
    kept: dict[str, Node], edges: list[Edge], min_degree: int
) -> tuple[dict[str, Node], list[Edge]]:
    """The nodes with ``min_degree`` edges or more, dropped until every node left has them."""
    while True:
        degree: Counter[str] = Counter()
        for e in edges:
            degree.update({e.source, e.target})
        low = {i for i in kept if degree[i] < min_degree}
        if not low:
            return kept, edges
        kept = {i: n for i, n in kept.items() if i not in low}
        edges = [e for e in edges if e.source in kept and e.target in kept]


def _candidates(
    source: GraphStore, max_nodes: int, wanted_types: set[str] | None
) -> list[URIRef] | None:
    """The entities a network of ``max_nodes`` is drawn from: those mentioned most (of the
    wanted types: in the most articles), all those counted as the last one left out excepted,
    so the same store gives the same ones; None where the store holds no more than that."""
    limit = max(CANDIDATES_PER_NODE * max_nodes, MIN_CANDIDATES)
    if wanted_types is None:
        ranked = _MOST_MENTIONED % (limit + 1)
    else:
        classes = [
            c
            for c in CLASSES.split()
            if c.strip("<>").rpartition("#")[2].casefold() in wanted_types
        ]
        if not classes:
            return []
        ranked = _MOST_REPORTED % (" ".join(classes), limit + 1)
    rows = source.query(ranked).dicts()
    if len(rows) <= limit:
        return None
    cutoff = int(str(rows[-1]["n"]))
    return sorted(URIRef(str(r["entity"])) for r in rows if int(str(r["n"])) > cutoff)


def _all_entities(source: GraphStore) -> list[URIRef]:
    return sorted(URIRef(str(e)) for e in source.query(_ENTITY_LIST).column("entity"))


def _paged(query: str, variable: str, page: list[URIRef]) -> str:
    """``query`` with ``variable`` bound to each entity of ``page``."""
    return inject_rows(query, [variable], [[e] for e in page])


def _documents(source: GraphStore) -> dict[str, Doc]:
    docs = {}
    for row in source.query(_DOCUMENTS).dicts():
        doc = str(row["doc"])
        date = row.get("date")
        name = row.get("source") or row.get("url") or doc
        docs[doc] = Doc(str(date)[:10] if date is not None else None, str(name))
    return docs


def _entity_nodes(
    source: GraphStore, docs: dict[str, Doc], pages: list[list[URIRef]]
) -> dict[str, Node]:
    if not pages:
        return {}
    # Aliases and GeoNames links are few (1,095 and 534 at 3 million triples): read once, as
    # looking them up for each entity of a page costs more than reading them all.
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in source.query(_ALIASES).dicts():
        aliases[str(row["entity"])].add(str(row["alias"]))
    places = {str(r["entity"]): r for r in source.query(_GEONAMES).dicts()}
    nodes = {}
    for page in pages:
        nodes.update(_page_nodes(source, docs, page, aliases, places))
    return nodes


def _page_nodes(
    source: GraphStore,
    docs: dict[str, Doc],
    page: list[URIRef],
    aliases: dict[str, set[str]],
    places: dict[str, dict[str, Identifier]],
) -> dict[str, Node]:
    types: dict[str, Counter[str]] = defaultdict(Counter)
    seen_in: dict[str, set[str]] = defaultdict(set)
    for row in source.query(_paged(_CLASSES, "entity", page)).dicts():
        if str(row["type"]) not in CLASS_IRIS:
            continue
        iri = str(row["entity"])
        types[iri][str(row["type"]).rpartition("#")[2]] += 1
        seen_in[iri].add(str(row["doc"]))
    labels: dict[str, str] = {}
    for row in source.query(_paged(_LABELS, "entity", page)).dicts():
        iri, label = str(row["entity"]), str(row["label"])
        labels[iri] = min(labels.get(iri, label), label)
    counted_mentions = source.query(_paged(_MENTIONS, "entity", page)).dicts()
    mentions = {str(r["entity"]): int(r["n"]) for r in counted_mentions}
    nodes = {}
    for iri, counted in types.items():
        label = labels.get(iri, iri)
        first, last = span(docs[d].date for d in seen_in[iri] if d in docs)
        node = Node(
            id=node_id(iri),
            iri=iri,
            label=label,
            entity_type=min(counted, key=lambda t: (-counted[t], t)),
            mention_count=mentions.get(iri, 0),
            doc_count=len(seen_in[iri]),
            first_seen=first,
            last_seen=last,
            aliases=tuple(sorted(aliases.get(iri, set()) - {label})),
            **_where(places.get(iri)),
        )
        nodes[node.id] = node
    return nodes


def _where(place: Mapping[str, object] | None) -> dict[str, Any]:
    """A node's GeoNames IRI and coordinates, where it has them."""
    if place is None:
        return {}
    lat, long = place.get("latitude"), place.get("longitude")
    return {
        "geonames": str(place["geonames"]),
        "latitude": float(str(lat)) if lat is not None else None,
        "longitude": float(str(long)) if long is not None else None,
    }


def _support(told: EventRows) -> dict[tuple[str, str, str], list[float | None]]:
    """The events behind each rel: edge (agent → theme, recipient or partner), one confidence
    for each: an edge's weight and best confidence. A denied event supports none."""
    agents: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    about: dict[str, tuple[str, float | None]] = {}
    for row in told:
        negated = row.get("negated")
        if negated is not None and str(negated) == "true":
            continue
        event, role = str(row["event"]), str(row["role"])
        if role == str(KG.agent):
            agents[event].append(str(row["filler"]))
        elif role in _EDGE_ROLES:
            targets[event].append(str(row["filler"]))
        else:
            continue
        score = row.get("confidence")
        about[event] = (
            str(relation(str(row["predicate"]))),
            float(score) if score is not None else None,
        )
    support: dict[tuple[str, str, str], list[float | None]] = defaultdict(list)
    for event, sources in agents.items():
        rel, confidence = about[event]
        for s in sources:
            for o in targets.get(event, ()):
                support[(s, rel, o)].append(confidence)
    return support


def _relation_edges(
    source: GraphStore,
    docs: dict[str, Doc],
    support: dict[tuple[str, str, str], list[float | None]],
    pages: list[list[URIRef]],
) -> dict[str, Edge]:
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    if not pages:
        return {}
    kept = {str(p) for p in (*relation_properties(source), *_STRUCTURE)}
    for page in pages:
        for row in source.query(_paged(_RELATIONS, "s", page)).dicts():
            if str(row["p"]) in kept:
                found[(str(row["s"]), str(row["p"]), str(row["o"]))].add(str(row["doc"]))
    edges = {}
    for (s, p, o), in_docs in found.items():
        kind = p[len(REL) :] if p.startswith(str(REL)) else p.rpartition("#")[2]
        scores = support.get((s, p, o), [])
        confidences = [c for c in scores if c is not None]
        first, last = span(docs[d].date for d in in_docs if d in docs)
        edge = Edge(
            id=edge_id(s, p, o),
            source=node_id(s),
            target=node_id(o),
            kind=kind,
            label=readable(kind),
            weight=len(scores) or len(in_docs),
            confidence=max(confidences) if confidences else None,
            sources=tuple(sorted({docs[d].name for d in in_docs if d in docs})),
            first_seen=first,
            last_seen=last,
        )
        edges[edge.id] = edge
    return edges


def _cooccurrence_edges(
    source: GraphStore, docs: dict[str, Doc], nodes: dict[str, Node], pages: list[list[URIRef]]
) -> dict[str, Edge]:
    """An undirected edge per pair of entities named in one sentence, weighted by how many."""
    named: dict[str, set[str]] = defaultdict(set)
    in_doc: dict[str, str] = {}
    parts = [p[i : i + MENTION_PAGE] for p in pages for i in range(0, len(p), MENTION_PAGE)]
    for part in parts:
        for row in source.query(_paged(_SENTENCE_ENTITIES, "entity", part)).dicts():
            entity = str(row["entity"])
            if node_id(entity) in nodes:
                named[str(row["sentence"])].add(entity)
                in_doc[str(row["sentence"])] = str(row["doc"])
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence, entities in named.items():
        ordered = sorted(entities)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                shared[(a, b)].append(in_doc[sentence])
    edges = {}
    for (a, b), sentence_docs in shared.items():
        first, last = span(docs[d].date for d in sentence_docs if d in docs)
        edge = Edge(
            id=edge_id(a, "cooccurrence", b),
            source=node_id(a),
            target=node_id(b),
            kind="cooccurrence",
            label="same sentence",
            weight=len(sentence_docs),
            sources=tuple(sorted({docs[d].name for d in sentence_docs if d in docs})),
            first_seen=first,
            last_seen=last,
        )
        edges[edge.id] = edge
    return edges
