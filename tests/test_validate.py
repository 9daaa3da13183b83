"""kg validate checks the shapes in the store, with SPARQL; pyshacl is the reference it must
agree with (tests/shacl_reference.py).

One violation of each kind the shapes hold is planted into the seed graphs (and into nodes
added for the shapes the seeds have no instance of), in a real store on disk; kg's findings
must be exactly pyshacl's, document by document, focus node by focus node, constraint by
constraint, value by value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from shacl_reference import Finding, findings_of_store

import kg
from kg.queries.shacl import ValidationReport, validate_quads, validate_store
from kg.queries.shapes import read_shapes
from kg.store.embedded import open_store
from kg.store.protocol import MappedDocument, Quad
from kg.terms import KG, ROLE_PROPERTIES

BASE = "https://w3id.org/kg/"
META = URIRef(BASE + "graph/meta")
X = URIRef(BASE + "test/")


class Plant:
    """The quads of the first seed document, to break in one way."""

    def __init__(self, doc: MappedDocument) -> None:
        self.doc = doc.iri
        self.quads: set[Quad] = set(doc.quads)

    def first(self, cls: URIRef, *, n: int = 0) -> URIRef:
        """The ``n``-th node of ``cls`` (sorted by IRI) in the document's graph."""
        nodes = sorted({s for s, p, o, g in self.quads if p == RDF.type and o == cls})
        return nodes[n]

    def value(self, node: URIRef, predicate: URIRef) -> URIRef | Literal:
        return next(o for s, p, o, g in sorted(self.quads) if s == node and p == predicate)

    def drop(self, node: URIRef, predicate: URIRef) -> None:
        self.quads = {q for q in self.quads if not (q[0] == node and q[1] == predicate)}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal, graph: URIRef | None = None) -> None:
        self.quads.add((s, p, o, graph or self.doc))

    def new(self, name: str, *classes: URIRef) -> URIRef:
        node = URIRef(f"{X}{name}")
        for cls in classes:
            self.add(node, RDF.type, cls)
        return node


ROLES = sorted(set(ROLE_PROPERTIES.values()))  # the roles the Event shape needs one of


def integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


# One plant a kind of breach: (name, what it does to the first seed document).
PLANTS: dict[str, Callable[[Plant], None]] = {}


def plant(fn: Callable[[Plant], None]) -> Callable[[Plant], None]:
    PLANTS[fn.__name__] = fn
    return fn


@plant
def document_without_hash(p: Plant) -> None:
    p.drop(p.doc, KG.contentHash)  # minCount, on the document, whose lines are metadata


@plant
def document_with_two_titles(p: Plant) -> None:
    p.add(p.doc, DCTERMS.title, Literal("One title"), META)
    p.add(p.doc, DCTERMS.title, Literal("Another title"), META)  # maxCount across graphs


@plant
def document_date_as_text(p: Plant) -> None:
    p.add(p.doc, DCTERMS.date, Literal("last Tuesday"), META)  # datatype


@plant
def document_source_as_iri(p: Plant) -> None:
    p.add(p.doc, DCTERMS.source, URIRef("file:///tmp/a.txt"), META)  # nodeKind sh:Literal


@plant
def document_typed_as_an_event(p: Plant) -> None:
    p.add(p.doc, RDF.type, KG.Event, META)  # the document is an Event focus node, from metadata


@plant
def sentence_with_negative_index(p: Plant) -> None:
    sentence = p.first(KG.Sentence)
    p.drop(sentence, KG.index)
    p.add(sentence, KG.index, integer(-1))  # minInclusive; events reach it by sh:node


@plant
def sentence_without_text(p: Plant) -> None:
    p.drop(p.first(KG.Sentence, n=1), KG.text)  # minCount; sh:node from its events and quotes


@plant
def sentence_part_of_a_mention(p: Plant) -> None:
    sentence = p.first(KG.Sentence, n=2)
    p.drop(sentence, DCTERMS.isPartOf)
    p.add(sentence, DCTERMS.isPartOf, p.first(KG.Mention))  # class


@plant
def entity_without_label(p: Plant) -> None:
    p.drop(p.first(KG.Person), RDFS.label)  # minCount


@plant
def entity_with_two_labels(p: Plant) -> None:
    p.add(p.first(KG.Organization), RDFS.label, Literal("Another name"))  # maxCount


@plant
def entity_with_empty_label_and_tagged_alias(p: Plant) -> None:
    place = p.first(KG.Place)
    p.drop(place, RDFS.label)
    p.add(place, RDFS.label, Literal(""))  # minLength
    p.add(place, SKOS.altLabel, Literal("Irak", lang="de"))  # datatype (rdf:langString)


@plant
def holder_that_is_no_entity(p: Plant) -> None:
    role = p.first(KG.Role)
    p.drop(role, KG.holder)
    p.add(role, KG.holder, p.new("nobody"))  # sh:class on a target by sh:targetObjectsOf


@plant
def mention_with_bad_offsets(p: Plant) -> None:
    mention = p.first(KG.Mention)
    p.drop(mention, KG.start)
    p.add(mention, KG.start, Literal("abc", datatype=XSD.integer))  # ill-typed: datatype
    p.add(mention, KG.end, integer(-4))  # maxCount and minInclusive


@plant
def mention_of_a_sentence(p: Plant) -> None:
    mention = p.first(KG.Mention, n=1)
    p.drop(mention, KG.mentionOf)
    p.add(mention, KG.mentionOf, p.first(KG.Sentence))  # sh:or of classes


@plant
def event_without_roles(p: Plant) -> None:
    event = p.first(KG.Event)
    for role in ROLES:
        p.drop(event, role)  # minCount on a choice of paths, with the shape's own message


@plant
def event_sure_beyond_sure(p: Plant) -> None:
    event = p.first(KG.Event, n=1)
    p.drop(event, KG.confidence)
    p.add(event, KG.confidence, Literal("1.5", datatype=XSD.decimal))  # maxInclusive
    p.add(event, KG.predicate, Literal("another"))  # maxCount


@plant
def event_from_no_sentence(p: Plant) -> None:
    event = p.first(KG.Event, n=2)
    p.drop(event, PROV.wasDerivedFrom)
    # A node reached only by sh:node: not a kg:Sentence, and none of a sentence's lines.
    p.add(event, PROV.wasDerivedFrom, p.new("elsewhere"))


@plant
def quantity_of_an_odd_kind(p: Plant) -> None:
    quantity = p.first(KG.Quantity)
    p.add(quantity, KG.quantityKind, Literal("weight"))  # in
    p.drop(quantity, KG.value)
    p.add(quantity, KG.value, Literal("many"))  # sh:or of datatypes


@plant
def quote_empty_and_spoken_by_a_sentence(p: Plant) -> None:
    quote = p.first(KG.Quote)
    p.drop(quote, KG.text)
    p.add(quote, KG.text, Literal(""))  # minLength
    p.drop(quote, KG.speaker)
    p.add(quote, KG.speaker, p.first(KG.Sentence))  # class (and the Entity shape's target)


@plant
def role_without_holder(p: Plant) -> None:
    p.drop(p.first(KG.Role, n=1), KG.holder)  # minCount


@plant
def referent_without_mentions(p: Plant) -> None:
    referent = p.new("mission", KG.Referent)  # inverse path minCount, and no head
    p.add(referent, RDFS.label, Literal("the mission"))
    p.add(referent, KG.anchor, p.first(KG.Mention))  # class
    occurrence = p.new("attack", KG.Referent, KG.Occurrence)
    p.add(occurrence, RDFS.label, Literal("the attack"))
    p.add(occurrence, KG.head, Literal("attack"))
    p.add(p.first(KG.Sentence), KG.mentionOf, occurrence)  # a mention that is no kg:Mention


@plant
def containment_of_no_place(p: Plant) -> None:
    box = p.new("box", KG.Containment)
    p.add(box, KG.part, p.first(KG.Person))  # class
    p.add(box, KG.whole, p.first(KG.Place))
    p.add(box, PROV.wasDerivedFrom, p.first(KG.Sentence))


@plant
def located_and_placed_oddly(p: Plant) -> None:
    p.add(p.first(KG.Person), KG.locatedIn, p.first(KG.Organization))  # class, twice
    p.add(p.first(KG.Sentence), KG.placedIn, Literal("Erbil"))  # sh:or, node and value


def _store(tmp_path: Path, documents: list[MappedDocument]) -> Path:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.write_documents(documents)
    return path


def _findings(report: ValidationReport) -> list[Finding]:
    return sorted((v.document, v.focus, v.path, v.constraint, v.value) for v in report.violations)


def _reference(found: list[Finding]) -> list[Finding]:
    """pyshacl's findings, its constraint components named as kg names them."""
    return sorted(
        (doc, focus, path, _constraint(component), value)
        for doc, focus, path, component, value in found
    )


def _constraint(component: str) -> str:
    name = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return name[0].lower() + name[1:]


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_each_planted_breach_is_found_as_the_reference_finds_it(
    name: str, seed_documents: list[MappedDocument], tmp_path: Path
) -> None:
    broken = Plant(seed_documents[0])
    PLANTS[name](broken)
    path = _store(tmp_path, [MappedDocument.of(broken.doc, broken.quads), seed_documents[1]])
    with open_store(path, read_only=True) as store:
        report = validate_store(store)
        reference = _reference(findings_of_store(store))
    assert not report.conforms
    assert _findings(report) == reference
    assert {v.document for v in report.violations} == {str(broken.doc)}
    assert report.documents == 2


def test_all_breaches_at_once_are_found_as_the_reference_finds_them(
    seed_documents: list[MappedDocument], tmp_path: Path
) -> None:
    broken = Plant(seed_documents[0])
    for fn in PLANTS.values():
        fn(broken)
    documents = [MappedDocument.of(broken.doc, broken.quads), seed_documents[1]]
    with open_store(_store(tmp_path, documents), read_only=True) as store:
        report = validate_store(store)
        reference = _reference(findings_of_store(store))
    assert _findings(report) == reference
    # Every kind of constraint in the shapes was planted and found.
    kinds = {v.constraint for v in report.violations}
    assert kinds == {"minCount", "maxCount", "datatype", "nodeKind", "class", "minLength"} | {
        "minInclusive",
        "maxInclusive",
        "in",
        "or",
        "node",
    }
    by_document = report.by_document()
    assert list(by_document) == [str(broken.doc)]
    assert f"{len(report.violations)} violations in 1 document" in report.summary()
    # The same quads, validated without a store on disk, give the same report.
    assert validate_quads(q for d in documents for q in d.quads) == report


def test_the_shapes_message_is_kept(seed_documents: list[MappedDocument]) -> None:
    broken = Plant(seed_documents[0])
    event_without_roles(broken)
    report = validate_quads(broken.quads)
    assert [v.message for v in report.violations] == [
        "An event needs at least one of kg's roles (agent, theme, recipient, place, time, "
        "instrument, topic, attribute, extent, partner, accordingTo)."
    ]
    line = report.summary().splitlines()[0]
    assert line.startswith(f"{broken.doc}: {broken.first(KG.Event)} : An event needs")


def test_messages_say_what_is_wrong(seed_documents: list[MappedDocument]) -> None:
    broken = Plant(seed_documents[0])
    mention_with_bad_offsets(broken)
    messages = {(v.constraint, v.message) for v in validate_quads(broken.quads).violations}
    assert messages == {
        (
            "datatype",
            '"abc"^^<http://www.w3.org/2001/XMLSchema#integer> is not of type xsd:integer',
        ),
        ("maxCount", "has 2 values of kg:end, needs at most 1"),
        ("minInclusive", '"-4"^^<http://www.w3.org/2001/XMLSchema#integer> is not >= 0'),
        ("minInclusive", '"abc"^^<http://www.w3.org/2001/XMLSchema#integer> is not >= 0'),
    }


def test_every_shape_is_read(seed_documents: list[MappedDocument]) -> None:
    names = {shape.name for shape in read_shapes()}
    assert names == {
        "kgsh:Document",
        "kgsh:Sentence",
        "kgsh:Entity",
        "kgsh:Referent",
        "kgsh:Mention",
        "kgsh:Event",
        "kgsh:Quantity",
        "kgsh:Quote",
        "kgsh:Role",
        "kgsh:Containment",
        "kgsh:LocatedIn",
        "kgsh:PlacedIn",
    }


def test_a_clean_build_conforms_as_the_reference_says(examples_store_path: Path) -> None:
    with open_store(examples_store_path, read_only=True) as store:
        report = kg.validate(store=store)
        assert report.conforms and report.documents == 2, report.summary()
        assert findings_of_store(store) == []
