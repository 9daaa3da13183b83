"""The plain records that pass between kg's stages (read → extract → map → store).

No spaCy or rdflib objects cross a stage boundary: each stage is testable alone.
Character offsets are into ``Document.text``; ``sentence`` fields index ``Extraction.sentences``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

# Where a key holds: across documents (one IRI for the same key everywhere) or in its own.
Scope = Literal["global", "document"]

# The ontology's entity classes (subclasses of kg:Entity), by local name.
EntityType = Literal["Person", "Organization", "Place", "Group", "NamedEvent", "TimeExpression"]
ENTITY_TYPE_NAMES: tuple[EntityType, ...] = get_args(EntityType)
# A named thing of none of those classes (a book, a film, software, a spacecraft) is a plain
# kg:Entity.
NodeType = EntityType | Literal["Entity"]

# The argument roles the ontology names (kg:agent ...; "with" is kg:partner and "source"
# kg:accordingTo). Any other role an argument takes is its preposition: "for", "after".
ArgumentRole = Literal[
    "agent",
    "theme",
    "recipient",
    "place",
    "time",
    "instrument",
    "topic",
    "attribute",
    "extent",
    "source",
    "with",
]
ARGUMENT_ROLES: tuple[ArgumentRole, ...] = get_args(ArgumentRole)


@dataclass(frozen=True)
class Document:
    """One article. ``id`` is a hash of the text, so the same content gets the same id."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None  # file path, "path:line" for .jsonl, or "-" for stdin

    @property
    def citation(self) -> str:
        """The article as a reader names it: "Title, 2021-02-18"; its source, address or id
        where it has no title."""
        name = (self.title or "").strip() or self.source or self.url or self.id
        return f"{name}, {self.published.isoformat()}" if self.published else name


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    text: str
    start: int
    end: int
    sentence: int


# Entity types: the ontology's class local names, keyed by spaCy entity label.
ENTITY_TYPES: dict[str, NodeType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "NamedEvent",
    "WORK_OF_ART": "Entity",
    "LAW": "Entity",
    "PRODUCT": "Entity",
    "DATE": "TimeExpression",
    "TIME": "TimeExpression",
}


@dataclass(frozen=True)
class Entity:
    """A real-world entity as one document names it.

    ``key`` is the normalized canonical name used to mint its IRI, so the same entity
    in two documents gets the same key (``scope`` "global"; with ``scope`` "document" the
    IRI holds within the document). ``type`` is an ontology class local name.
    """

    key: str
    name: str
    type: NodeType
    label: str  # the spaCy label it was found with (PERSON, ORG, GPE, ...)
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    geo: GeoPlace | None = None  # the GeoNames place a place entity is, where it is sure
    # Where its key holds: across documents, or in its own only (a person named by one word).
    scope: Scope = "global"


@dataclass(frozen=True)
class GeoPlace:
    """A place in GeoNames: its id, and its coordinates where the gazetteer has them."""

    geonameid: int
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Quantity:
    """A number as the text states it: "from 500 to around 4,000 personnel"."""

    text: str
    value: float | None = None  # a single amount ("2,500 troops", "eight others")
    low: float | None = None  # change: from ...
    high: float | None = None  # change: ... to
    unit: str | None = None  # counted noun or unit lemma: "personnel", "troop", "USD", "%"
    approximate: bool = False
    kind: str = "count"  # count | change | money | percent | measure


@dataclass(frozen=True)
class Argument:
    """One role of an event: an entity (by key), a quantity, or plain text."""

    # an ArgumentRole (extent: a from..to change; source: "according to X"; with: a
    # partner), or the preposition that names any other role ("for", "after")
    role: str
    text: str
    entity: str | None = None  # Entity.key when the argument is a known entity
    quantity: Quantity | None = None
    date: dt.date | None = None  # a time argument resolved to a calendar date
    period: tuple[dt.date, dt.date] | None = None  # or to a span of days: "last week"
    referent: str | None = None  # Referent.key when the argument is an unnamed thing


ReferentScope = Scope


@dataclass(frozen=True)
class Referent:
    """A thing the text talks about without naming it: "the NATO mission in Iraq".

    ``key`` is ``"<head>|<anchor keys, sorted>"`` for a referent anchored on entities, so the
    same thing anchored on the same entities in two documents gets the same key (``scope``
    "global"); an occurrence's is ``"<kind>|<place key>|<ISO day>"`` where its events name one
    place and one day (the attack in Erbil on 15 February 2021); otherwise it holds within its
    document only (``scope`` "document").
    """

    key: str
    head: str  # the head noun's lemma: "mission"
    label: str  # head with its defining modifiers and anchors: "NATO mission in Iraq"
    anchors: tuple[str, ...] = ()  # Entity.key of each entity that defines it, sorted
    mentions: tuple[Mention, ...] = ()
    quantity: Quantity | None = None  # what counts it: "2,500 troops"
    scope: ReferentScope = "document"
    # For an occurrence (something that happens: "the attack"), the kind of happening
    # ("attack" for a strike too); None for a thing.
    kind: str | None = None
    # The referents its of-phrase names, by key: "the size of our mission" → the mission.
    of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A clause: predicate, roles, polarity, modality; traceable to its sentence.

    ``statement_of`` names (by ``id``) the event this one reports, for "X said that Y".
    """

    id: str  # unique within the document, e.g. "e12"
    predicate: str  # lemma or phrase: "announce", "claim responsibility for", "be"
    sentence: int
    start: int  # the trigger's character span
    end: int
    arguments: tuple[Argument, ...] = ()
    negated: bool = False
    modality: str | None = None  # e.g. "will", "may", "believed"
    confidence: float = 1.0
    statement_of: str | None = None
    occurrence: str | None = None  # Referent.key of the happening this event tells of


@dataclass(frozen=True)
class Quote:
    """Reported speech, direct or indirect, attributed to its speaker."""

    id: str
    text: str
    sentence: int
    start: int
    end: int
    speaker: str | None = None  # Entity.key
    verb: str = "say"
    direct: bool = True
    speaker_text: str | None = None  # the speaker as the text names them, where no entity does


@dataclass(frozen=True)
class Role:
    """A position someone holds: "NATO Secretary General Jens Stoltenberg"."""

    holder: str  # Entity.key of the person
    title: str  # "Secretary General", "spokesman", "press secretary"
    sentence: int
    start: int  # the title's character span
    end: int
    organization: str | None = None  # Entity.key of the organization, where the text names it
    # The organization as written, also when it is no named entity: "the coalition fighting ISIS"
    organization_text: str | None = None


@dataclass(frozen=True)
class Containment:
    """A place the text puts inside another: "Brussels, Belgium", "Irbil, the capital of ..."."""

    place: str  # Entity.key of the inner place
    within: str  # Entity.key of the place it lies in
    sentence: int
    start: int  # character span from the inner place to the containing one
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    roles: tuple[Role, ...] = ()
    places: tuple[Containment, ...] = ()
    referents: tuple[Referent, ...] = ()


@dataclass(frozen=True)
class Thing:
    """A referent as one article alone tells it, before its key (``kg.extract.settle``)."""

    head: str  # the lemma of its first mention's head: "strike"
    label: str
    anchors: tuple[str, ...] = ()  # Entity.key of each entity that defines it
    mentions: tuple[Mention, ...] = ()
    quantity: Quantity | None = None
    kind: str | None = None  # an occurrence's kind: "attack"
    # An occurrence's one place (Entity.key) and ISO day, where its events name one of each
    place: str | None = None
    day: str | None = None
    local: bool = False  # it holds within its article whatever others tell
    of: tuple[int, ...] = ()  # the other things its of-phrase names, by index


@dataclass(frozen=True)
class Draft:
    """One article read alone: its extraction before the step that reads what other articles
    told (``kg.extract.settle``), which any worker can make in any order.

    ``extraction`` has its events before their referents and no referents; ``things`` are
    those referents, ``referent_at`` the thing each noun-phrase argument (sentence, text)
    names and ``occurrence_of`` the one each event noun's event tells of. ``named_once``
    holds the entity key of each person the article names one way only, with every name it
    writes for them: another article may name that person in full."""

    extraction: Extraction
    things: tuple[Thing, ...] = ()
    referent_at: dict[tuple[int, str], int] = field(default_factory=dict)
    occurrence_of: dict[str, int] = field(default_factory=dict)
    named_once: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    times: tuple[Entity, ...] = ()  # the calendar days its events name, as entities
