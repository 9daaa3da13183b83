"""kg's vocabulary, declared once in code; ``ontology/kg.ttl`` is its source of truth.

``tests/test_terms.py`` checks that the two agree term for term. ``_fail = True`` makes a
typo (``KG.agnet``) raise instead of minting a new IRI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.records import ARGUMENT_ROLES, ENTITY_TYPE_NAMES

__all__ = [
    "ENTITY_CLASSES",
    "HOLDS_ROLE",
    "KG",
    "PREFIXES",
    "REL",
    "RELATIONS",
    "ROLE",
    "ROLE_PROPERTIES",
    "SEM",
    "Terms",
    "relation",
    "relation_name",
    "role_property",
]


class KG(DefinedNamespace):
    """The kg ontology: https://w3id.org/kg/ontology#"""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    # Classes
    Document: URIRef
    Sentence: URIRef
    Mention: URIRef
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Group: URIRef
    NamedEvent: URIRef
    TimeExpression: URIRef
    Event: URIRef
    Statement: URIRef
    Quote: URIRef
    Quantity: URIRef
    Role: URIRef
    Containment: URIRef
    Referent: URIRef
    Occurrence: URIRef

    # Referents
    head: URIRef
    anchor: URIRef
    of: URIRef
    quantity: URIRef

    # Event roles
    agent: URIRef
    theme: URIRef
    recipient: URIRef
    place: URIRef
    time: URIRef
    instrument: URIRef
    topic: URIRef
    attribute: URIRef
    extent: URIRef
    partner: URIRef
    accordingTo: URIRef

    # Event description
    predicate: URIRef
    negated: URIRef
    modality: URIRef
    confidence: URIRef
    statementOf: URIRef
    occurrence: URIRef

    # Names found by lookup
    nameKey: URIRef

    # Time expressions: the days they can name
    earliest: URIRef
    latest: URIRef

    # Quantities
    value: URIRef
    fromValue: URIRef
    toValue: URIRef
    unit: URIRef
    approximate: URIRef
    quantityKind: URIRef

    # Quotes
    speaker: URIRef
    speakerText: URIRef
    direct: URIRef

    # Roles (positions held)
    holder: URIRef
    title: URIRef
    organization: URIRef
    organizationText: URIRef

    # Places inside places
    part: URIRef
    whole: URIRef
    locatedIn: URIRef

    # Where an event puts its participants
    placedIn: URIRef

    # Text and provenance
    text: URIRef
    start: URIRef
    end: URIRef
    index: URIRef
    tellsOf: URIRef
    mentionOf: URIRef
    url: URIRef
    contentHash: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model terms kg uses: http://semanticweb.cs.vu.nl/2009/11/sem/"""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef


# Direct entity→entity edges, one property per predicate: an open vocabulary, so a plain
# Namespace; ``relation()`` is the one way to mint its terms.
REL = Namespace("https://w3id.org/kg/relation/")

# The one fixed relation: person → organization for a position held.
HOLDS_ROLE = REL.holds_role

# Event roles beyond kg's own (mostly prepositions: "for", "after"), one property per role
# name: an open vocabulary like REL, minted by ``role_property()``.
ROLE = Namespace("https://w3id.org/kg/role/")

# Where a place is: GeoNames for its identity, W3C's WGS84 vocabulary for its coordinates.
GEONAMES = "https://sws.geonames.org/"
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "rel": str(REL),
    "role": str(ROLE),
    "sem": str(SEM._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "geo": str(GEO),
}

# The ontology's property for each argument role (Argument.role → property); two roles read
# better in the graph under another name.
_ROLE_PROPERTY_NAMES = {"with": "partner", "source": "accordingTo"}
ROLE_PROPERTIES: dict[str, URIRef] = {
    role: KG[_ROLE_PROPERTY_NAMES.get(role, role)] for role in ARGUMENT_ROLES
}
# The ontology's class for each entity type.
ENTITY_CLASSES: dict[str, URIRef] = {name: KG[name] for name in ENTITY_TYPE_NAMES}


class Terms:
    """A namespace's terms by attribute or key, each looked up once and then kept.

    A DefinedNamespace lookup (``KG.text``) checks the name on every access; the mapping
    makes one per triple, so its hot path goes through this instead. ``write`` gives each
    term as kept (the mapping keeps its N-Quads text).
    """

    def __init__(
        self,
        namespace: type[DefinedNamespace] | Namespace,
        *,
        write: Callable[[URIRef], Any] = URIRef,
    ) -> None:
        self._namespace = namespace
        self._write = write

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._write(getattr(self._namespace, name))
        self.__dict__[name] = term
        return term

    def __getitem__(self, name: str) -> Any:
        return self.__dict__.get(name) or self.__getattr__(name)


_NON_WORD = re.compile(r"[^a-z0-9]+")


# The relations kg's ontology declares (ontology/kg.ttl, rel:), each with the predicate lemmas
# that mean it; any other predicate keeps its own rel:<lemma>. tests/test_terms.py checks that
# this table and the ontology's skos:altLabel lists agree.
RELATIONS: dict[str, tuple[str, ...]] = {
    "announce": ("announce", "unveil"),
    "say": ("say", "state", "declare", "remark"),
    "attack": ("attack", "strike", "bomb", "shell", "raid", "target"),
    "kill": ("kill", "slay", "murder", "assassinate"),
    "injure": ("injure", "wound", "hurt"),
    "claim_responsibility_for": ("claim responsibility for", "take responsibility for"),
    "condemn": ("condemn", "denounce", "criticize", "criticise"),
    "support": ("support", "back", "endorse"),
    "meet": ("meet", "meet with"),
    "speak": ("speak", "talk"),
    "deploy": ("deploy", "station"),
    "expand": ("expand", "enlarge", "extend"),
    "lead": ("lead", "head"),
    "arrest": ("arrest", "detain"),
    "accuse": ("accuse", "blame"),
    "visit": ("visit",),
    "sign": ("sign",),
}
_CANONICAL = {
    _NON_WORD.sub("_", synonym).strip("_"): name
    for name, synonyms in RELATIONS.items()
    for synonym in synonyms
}


def relation_name(predicate: str) -> str:
    """The local name for a predicate: "claim responsibility for" → claim_responsibility_for,
    "wound" → injure (the relation the ontology declares for it)."""
    folded = unicodedata.normalize("NFKD", predicate).encode("ascii", "ignore").decode("ascii")
    name = _NON_WORD.sub("_", folded.lower()).strip("_")
    return _CANONICAL.get(name, name) or "related_to"


def relation(predicate: str) -> URIRef:
    """The rel: property for a predicate lemma or phrase."""
    return REL[relation_name(predicate)]


def role_property(role: str) -> URIRef:
    """The property for an Argument.role: kg's own where it has one, else role:<name>."""
    return ROLE_PROPERTIES.get(role) or ROLE[relation_name(role)]
