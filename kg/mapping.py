"""Map an Extraction to RDF quads: one named graph per document, metadata in ``<base>graph/meta``.

Rules, in the order ``map_extraction`` applies them:

- the document's own graph (IRI = document IRI) holds its sentences, the entities it names
  (type, label, aliases, mentions), its events, quantities, quotes, positions and the direct
  ``rel:`` edges, so dropping the graph removes exactly what the document supported;
- a sentence with an attack's word in its text ("strike", "bombing": ATTACK_WORDS) tells of an
  attack (kg:tellsOf "attack"), for a query to find those sentences without reading each text;
- the metadata graph holds the document's title, date, source, URL and content hash, and the
  number of quads in its graph (void:triples), so that a store's size is a sum, not a count;
- no blank nodes: every node gets a minted IRI (see kg.iris);
- event roles the ontology names map to kg: properties (Argument.role "with" → kg:partner,
  "source" → kg:accordingTo); other roles (prepositions: "for", "after") to role:<name>;
- an event without one of kg's own roles carries no fact and is left out, with any link to it;
- a referent (an unnamed thing: "the NATO mission in Iraq") is a kg:Referent node with its
  label, head, mentions, quantity, kg:anchor edges to the entities that define it and kg:of
  edges to the referents its of-phrase names ("the size of our mission" → the mission); an
  event's role names it as it names an entity (its text stays on the mention);
- a referent that happens (an occurrence: "the attack") is also a kg:Occurrence; an event read
  from an event noun, or a reported clause a noun names ("expand" → the expansion), points to
  it with kg:occurrence;
- the agent (an entity or a referent) gets a direct rel:<predicate> edge to each entity or
  referent that is its theme, recipient or partner, unless the event is negated; an event's
  occurrence gets the same edges as an agent would, and its agent an edge to it ("Awliya Al
  Dam's attack on the base": Awliya Al Dam → attack → base);
- each of those participants (agent, theme, recipient, partner, occurrence) gets a direct
  kg:placedIn edge to the event's place, where that is an entity or a referent, unless the event is
  negated: "troops in Iraq" puts the troops in Iraq;
- the output has no duplicates, and the same Extraction gives the same set of quads (exports
  sort; the store does not need an order).

The quads are N-Quads text from the start: each term is written as N-Quads writes it (the
namespaces' terms and the literals that recur made once), each quad a tuple of four such
terms, and the document the lines they make (``MappedDocument``), which a store loads as they
are. IRIs minted by kg.iris under a checked base need no check of their own.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterator
from decimal import Decimal

from rdflib import Literal, URIRef, namespace

from kg import iris, terms
from kg.nlp.lexicon.nouns import ATTACK_WORDS
from kg.records import Argument, Entity, Event, Extraction, GeoPlace, Mention, Quantity
from kg.store.oxterms import iri_text, string_text, term_text
from kg.store.protocol import MappedDocument
from kg.terms import ENTITY_CLASSES, HOLDS_ROLE, ROLE_PROPERTIES, Terms, relation, role_property

__all__ = ["map_extraction"]

# A quad as N-Quads text: subject, predicate, object and graph, each as N-Quads writes it.
Quad = tuple[str, str, str, str]

KG = Terms(terms.KG, write=iri_text)
DCTERMS, OWL, PROV, RDF, RDFS, SKOS, GEO = (
    Terms(ns, write=iri_text)
    for ns in (
        namespace.DCTERMS,
        namespace.OWL,
        namespace.PROV,
        namespace.RDF,
        namespace.RDFS,
        namespace.SKOS,
        terms.GEO,
    )
)

VOID_TRIPLES = iri_text(namespace.VOID.triples)

# The roles whose entity gets a direct edge from the agent: "Stoltenberg announce expansion",
# "Stoltenberg speak Al-Kadhimi" (spoke with), "Stoltenberg assure Al-Kadhimi" (assured him).
EDGE_TARGET_ROLES = frozenset({"theme", "recipient", "with"})
# A sentence with one of these in its text tells of an attack (queries/attack-place.rq).
TELLS_OF_ATTACK = re.compile("|".join(sorted(ATTACK_WORDS)), re.IGNORECASE)


def map_extraction(extraction: Extraction, *, base: str = iris.DEFAULT_BASE) -> MappedDocument:
    """The RDF quads for one document's Extraction."""
    base = iris.check_base(base)
    iri_text(base)  # the IRIs minted under it are then IRIs too
    doc_iri = iris.document_iri(base, extraction.document.id)
    mapper = _Mapper(extraction, base, node(doc_iri))
    quads = set(mapper.document())
    # only the document's own quads are counted; the metadata graph's are all made above
    in_meta = sum(1 for quad in quads if quad[3] != mapper.graph)
    quads.update(mapper.sentences())
    quads.update(mapper.entities())
    quads.update(mapper.referents())
    quads.update(mapper.events())
    quads.update(mapper.quotes())
    quads.update(mapper.roles())
    quads.update(mapper.places())
    quads.add((mapper.doc, VOID_TRIPLES, integer(len(quads) - in_meta), mapper.meta))
    lines = " .\n".join(map(" ".join, quads)) + " .\n"  # never empty: the document's own
    return MappedDocument(iri=doc_iri, nquads=lines)


def node(iri: URIRef) -> str:
    """An IRI kg.iris minted, as N-Quads writes it."""
    return f"<{iri}>"


# A typed literal is written as rdflib writes it (its lexical form normalized by rdflib, as
# before the mapping wrote text), and the same offsets, counts, scores and flags recur in
# every document: each is made once.
@functools.lru_cache(maxsize=1 << 16)
def number(value: float) -> str:
    """A number as a canonical xsd:integer or xsd:decimal (the forms Oxigraph stores)."""
    if value.is_integer() and abs(value) < 1e15:
        return integer(int(value))
    return decimal(value)


@functools.lru_cache(maxsize=1 << 16)
def decimal(value: float) -> str:
    text = format(Decimal(repr(value)).normalize(), "f")
    return term_text(Literal(text, datatype=namespace.XSD.decimal))


@functools.lru_cache(maxsize=1 << 16)
def boolean(value: bool) -> str:
    return term_text(Literal("true" if value else "false", datatype=namespace.XSD.boolean))


@functools.lru_cache(maxsize=1 << 16)
def integer(value: int) -> str:
    return term_text(Literal(str(value), datatype=namespace.XSD.integer))


# Names, labels, heads, predicates, kinds and days recur within a document and across
# documents (sentences and quotes do not, and are made as they come).
@functools.lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    return string_text(text)


@functools.lru_cache(maxsize=1 << 12)
def day(value: dt.date) -> str:
    return term_text(Literal(value.isoformat(), datatype=namespace.XSD.date))


# The open vocabularies' terms (kg.terms.relation, role_property) recur too.
@functools.lru_cache(maxsize=1 << 12)
def edge_property(predicate: str) -> str:
    return iri_text(relation(predicate))


@functools.lru_cache(maxsize=1 << 12)
def role_text(role: str) -> str:
    return iri_text(role_property(role))


def name_keys(name: str) -> list[str]:
    """The keys a name is found by: itself in lower case and each ending after a space, so that
    a key equal to a given name in lower case is what "equals the name or ends with a space and
    the name, case aside" finds."""
    lowered = name.lower()
    keys = [lowered] + [lowered[i + 1 :] for i, c in enumerate(lowered) if c == " "]
    return [k for k in dict.fromkeys(keys) if k.strip()]


class _Mapper:
    """Holds one Extraction's lookups while its quads are generated."""

    def __init__(self, extraction: Extraction, base: str, doc_iri: str) -> None:
        self.x = extraction
        self.base = base
        self.doc_id = extraction.document.id
        self.doc = doc_iri
        self.graph = doc_iri
        self.meta = node(iris.meta_graph_iri(base))
        self.sentence_iris = {
            sent.index: node(iris.sentence_iri(base, self.doc_id, sent.index))
            for sent in extraction.sentences
        }
        # One IRI per (type, key); the first record with a key decides its type.
        self.entity_by_key: dict[str, str] = {}
        for ent in extraction.entities:
            self.entity_by_key.setdefault(ent.key, self.entity_iri(ent))
        self.referent_by_key = {
            r.key: node(iris.referent_iri(base, self.doc_id, r.key, scope=r.scope))
            for r in extraction.referents
        }
        self.mention_spans: dict[tuple[int, int], int] = {}  # mentions minted per span
        self.keyed: set[tuple[str, str]] = set()  # name keys written
        self.events_kept = {ev.id for ev in extraction.events if self._keeps(ev)}

    def entity_iri(self, ent: Entity) -> str:
        type_name = ent.type if ent.type in ENTITY_CLASSES else "Entity"
        within = self.doc_id if ent.scope == "document" else None
        return node(iris.entity_iri(self.base, type_name, ent.key, doc_id=within))

    def sentence(self, index: int) -> str:
        found = self.sentence_iris.get(index)
        if found is None:
            raise ValueError(
                f"document {self.doc_id}: sentence {index} is referenced but not in "
                "Extraction.sentences; the extractor must include every sentence it cites"
            )
        return found

    def traced(self, n: str, cls: str, start: int, end: int, sentence: int) -> Iterator[Quad]:
        """What every node read from the text carries: its class, its character span and the
        sentence it was derived from."""
        g = self.graph
        yield n, RDF.type, cls, g
        yield n, KG.start, integer(start), g
        yield n, KG.end, integer(end), g
        yield n, PROV.wasDerivedFrom, self.sentence(sentence), g

    def document(self) -> Iterator[Quad]:
        doc, meta, d = self.doc, self.meta, self.x.document
        yield doc, RDF.type, KG.Document, self.graph
        yield doc, RDF.type, KG.Document, meta
        yield doc, KG.contentHash, string_text(d.id), meta
        if d.title:
            yield doc, DCTERMS.title, string_text(d.title), meta
        if d.published:
            yield doc, DCTERMS.date, day(d.published), meta
        if d.source:
            yield doc, DCTERMS.source, string_text(d.source), meta
        if d.url:
            yield doc, KG.url, term_text(Literal(d.url, datatype=namespace.XSD.anyURI)), meta
        yield doc, DCTERMS.bibliographicCitation, string_text(d.citation), meta

    def sentences(self) -> Iterator[Quad]:
        g = self.graph
        for sent in self.x.sentences:
            s = self.sentence_iris[sent.index]
            yield s, RDF.type, KG.Sentence, g
            yield s, KG.text, string_text(sent.text), g
            yield s, KG.index, integer(sent.index), g
            yield s, KG.start, integer(sent.start), g
            yield s, KG.end, integer(sent.end), g
            yield s, DCTERMS.isPartOf, self.doc, g
            if TELLS_OF_ATTACK.search(sent.text):
                yield s, KG.tellsOf, plain("attack"), g

    def entities(self) -> Iterator[Quad]:
        g = self.graph
        labels: dict[str, str] = {}
        for ent in self.x.entities:
            e = self.entity_iri(ent)
            type_name = ent.type if ent.type in ENTITY_CLASSES else "Entity"
            yield e, RDF.type, KG[type_name], g
            # The first record of an entity gives its one label; other names become aliases.
            label = labels.setdefault(e, ent.name)
            yield e, RDFS.label, plain(label), g
            yield from self.name_keys(e, label)
            for name in (ent.name, *ent.aliases):
                if name.strip() and name != label:
                    yield e, SKOS.altLabel, plain(name), g
                    yield from self.name_keys(e, name)
            if ent.geo is not None:
                yield from self.geonames(e, ent.geo)
            for mention in ent.mentions:
                yield from self.mention(mention, e)

    def geonames(self, place_node: str, place: GeoPlace) -> Iterator[Quad]:
        """The GeoNames place a place entity is (owl:sameAs), and where it lies."""
        g, decimal_type = self.graph, namespace.XSD.decimal
        yield place_node, OWL.sameAs, iri_text(f"{terms.GEONAMES}{place.geonameid}/"), g
        if place.latitude is not None and place.longitude is not None:
            latitude = term_text(Literal(repr(place.latitude), datatype=decimal_type))
            longitude = term_text(Literal(repr(place.longitude), datatype=decimal_type))
            yield place_node, GEO.lat, latitude, g
            yield place_node, GEO.long, longitude, g

    def name_keys(self, named: str, name: str) -> Iterator[Quad]:
        """kg:nameKey: ``name`` in lower case, and each ending of it after a space ("jens
        stoltenberg", "stoltenberg"), for a query to find a name or a surname with one lookup."""
        for key in name_keys(name):
            if (named, key) not in self.keyed:
                self.keyed.add((named, key))
                yield named, KG.nameKey, plain(key), self.graph

    def mention(self, mention: Mention, of: str) -> Iterator[Quad]:
        """One mention of an entity or a referent: its text, span and sentence."""
        g = self.graph
        span = (mention.start, mention.end)
        n = self.mention_spans[span] = self.mention_spans.get(span, 0) + 1
        m = node(iris.mention_iri(self.base, self.doc_id, mention.start, mention.end, n))
        yield m, RDF.type, KG.Mention, g
        yield m, KG.mentionOf, of, g
        yield m, KG.text, plain(mention.text), g
        yield m, KG.start, integer(mention.start), g
        yield m, KG.end, integer(mention.end), g
        yield m, DCTERMS.isPartOf, self.sentence(mention.sentence), g

    def referents(self) -> Iterator[Quad]:
        g = self.graph
        for referent in self.x.referents:
            r = self.referent_by_key[referent.key]
            yield r, RDF.type, KG.Referent, g
            if referent.kind is not None:
                yield r, RDF.type, KG.Occurrence, g
            yield r, RDFS.label, plain(referent.label), g
            yield from self.name_keys(r, referent.label)
            yield r, KG.head, plain(referent.head), g
            for key in referent.anchors:
                anchor = self.entity_by_key.get(key)
                if anchor is not None:
                    yield r, KG.anchor, anchor, g
            for key in referent.of:
                yield r, KG.of, self.referent_by_key[key], g
            if referent.quantity is not None:
                q = node(iris.referent_quantity_iri(self.base, self.doc_id, referent.key))
                yield r, KG.quantity, q, g
                yield from self.quantity(q, referent.quantity)
            for mention in referent.mentions:
                yield from self.mention(mention, r)

    def _args(self, event: Event) -> Iterator[tuple[int, Argument]]:
        """The arguments of ``event`` that have something to write."""
        for n, arg in enumerate(event.arguments):
            if (
                arg.entity in self.entity_by_key
                or arg.referent in self.referent_by_key
                or arg.quantity
                or arg.date
                or arg.text.strip()
            ):
                yield n, arg

    def _keeps(self, event: Event) -> bool:
        """Whether ``event`` has a role the ontology names (the shapes require one)."""
        return any(arg.role in ROLE_PROPERTIES for _, arg in self._args(event))

    def events(self) -> Iterator[Quad]:
        for event in self.x.events:
            if event.id in self.events_kept:
                yield from self.event(event)

    def event(self, event: Event) -> Iterator[Quad]:
        """One event: its node, its arguments, and the plain edges from its agents."""
        g = self.graph
        ev = node(iris.event_iri(self.base, self.doc_id, event.id))
        yield from self.traced(ev, KG.Event, event.start, event.end, event.sentence)
        yield ev, KG.predicate, plain(event.predicate), g
        yield ev, KG.negated, boolean(event.negated), g
        yield ev, KG.confidence, decimal(event.confidence), g
        if event.modality:
            yield ev, KG.modality, plain(event.modality), g
        if event.statement_of in self.events_kept:
            reported = node(iris.event_iri(self.base, self.doc_id, event.statement_of))
            yield ev, RDF.type, KG.Statement, g
            yield ev, KG.statementOf, reported, g
        agents: list[str] = []
        targets: list[str] = []
        places: list[str] = []
        occurrence = self.referent_by_key.get(event.occurrence) if event.occurrence else None
        if occurrence is not None:
            yield ev, KG.occurrence, occurrence, g
        for n, arg in self._args(event):
            entity = self.entity_by_key.get(arg.entity) if arg.entity else None
            thing = entity or (self.referent_by_key.get(arg.referent) if arg.referent else None)
            yield from self.argument(ev, event, n, arg, entity, thing)
            if thing is not None and arg.role == "agent":
                agents.append(thing)
            elif thing is not None and arg.role in EDGE_TARGET_ROLES:
                targets.append(thing)
            elif thing is not None and arg.role == "place":
                places.append(thing)
        if not event.negated:  # a denied event asserts no edge
            yield from self.edges(event.predicate, agents, targets, places, occurrence)

    def edges(
        self,
        predicate: str,
        agents: list[str],
        targets: list[str],
        places: list[str],
        occurrence: str | None,
    ) -> Iterator[Quad]:
        """The plain edges of one event, for simple SPARQL and Gephi: agent → target, each
        participant → place. The occurrence an event tells of stands on both sides."""
        g = self.graph
        edge = edge_property(predicate)
        if occurrence is not None:
            agents, targets = [*agents, occurrence], [*targets, occurrence]
        for agent in agents:
            for target in targets:
                if agent != target:
                    yield agent, edge, target, g
        # Its agent and those targets are where it happened: "2,500 troops in Iraq"
        # (troops → Iraq), "the attack on a base in Erbil" (attack → Erbil).
        for participant in dict.fromkeys((*agents, *targets)):
            for place in places:
                if participant != place:
                    yield participant, KG.placedIn, place, g

    def argument(
        self,
        ev: str,
        event: Event,
        n: int,
        arg: Argument,
        entity: str | None,
        thing: str | None,
    ) -> Iterator[Quad]:
        """Argument ``n`` of ``event``: its entity or referent (``thing``), quantity, date or
        text, and the time an entity it names is bounded by."""
        g = self.graph
        prop = role_text(arg.role)
        if thing is not None:  # a referent's quantity hangs from the referent
            yield ev, prop, thing, g
        elif arg.quantity is not None:
            q = node(iris.quantity_iri(self.base, self.doc_id, event.id, n))
            yield ev, prop, q, g
            yield from self.quantity(q, arg.quantity)
        elif not arg.date:
            yield ev, prop, plain(arg.text), g
        if arg.date:
            yield ev, prop, day(arg.date), g
        bounds = arg.period or (arg.date and (arg.date, arg.date))
        if bounds and entity is not None:
            yield entity, KG.earliest, day(bounds[0]), g
            yield entity, KG.latest, day(bounds[1]), g

    def quantity(self, q: str, quantity: Quantity) -> Iterator[Quad]:
        g = self.graph
        yield q, RDF.type, KG.Quantity, g
        yield q, KG.text, string_text(quantity.text), g
        yield q, KG.approximate, boolean(quantity.approximate), g
        yield q, KG.quantityKind, plain(quantity.kind), g
        for prop, value in (
            (KG.value, quantity.value),
            (KG.fromValue, quantity.low),
            (KG.toValue, quantity.high),
        ):
            if value is not None and math.isfinite(value):
                yield q, prop, number(float(value)), g
        if quantity.unit:
            yield q, KG.unit, plain(quantity.unit), g

    def quotes(self) -> Iterator[Quad]:
        g = self.graph
        for quote in self.x.quotes:
            if not quote.text.strip():
                continue
            q = node(iris.quote_iri(self.base, self.doc_id, quote.id))
            yield from self.traced(q, KG.Quote, quote.start, quote.end, quote.sentence)
            yield q, KG.text, string_text(quote.text), g
            yield q, KG.predicate, plain(quote.verb), g
            yield q, KG.direct, boolean(quote.direct), g
            speaker = self.entity_by_key.get(quote.speaker) if quote.speaker else None
            if speaker is not None:
                yield q, KG.speaker, speaker, g
            elif quote.speaker_text:
                yield q, KG.speakerText, string_text(quote.speaker_text), g

    def places(self) -> Iterator[Quad]:
        g = self.graph
        for n, link in enumerate(self.x.places, start=1):
            part = self.entity_by_key.get(link.place)
            whole = self.entity_by_key.get(link.within)
            if part is None or whole is None:
                continue
            c = node(iris.containment_iri(self.base, self.doc_id, n))
            yield from self.traced(c, KG.Containment, link.start, link.end, link.sentence)
            yield c, KG.part, part, g
            yield c, KG.whole, whole, g
            yield part, KG.locatedIn, whole, g

    def roles(self) -> Iterator[Quad]:
        g = self.graph
        for n, role in enumerate(self.x.roles, start=1):
            holder = self.entity_by_key.get(role.holder)
            if holder is None or not role.title.strip():
                continue
            r = node(iris.role_iri(self.base, self.doc_id, n))
            title = plain(role.title)
            yield from self.traced(r, KG.Role, role.start, role.end, role.sentence)
            yield r, KG.holder, holder, g
            yield r, KG.title, title, g
            yield holder, KG.title, title, g
            if role.organization_text:
                yield r, KG.organizationText, string_text(role.organization_text), g
            org = self.entity_by_key.get(role.organization) if role.organization else None
            if org is not None:
                yield r, KG.organization, org, g
                if org != holder:
                    yield holder, iri_text(HOLDS_ROLE), org, g
