"""Extraction → quads: graphs, IRIs, typed literals, edges, determinism; SHACL on the result."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, VOID, XSD
from seed_extractions import ExtractionBuilder, arg

from kg.errors import KgError
from kg.iris import check_base, entity_iri, slugify
from kg.mapping import map_extraction
from kg.queries.shacl import validate_quads
from kg.records import Extraction, Quantity
from kg.store.protocol import MappedDocument
from kg.terms import KG, REL, ROLE

BASE = "https://w3id.org/kg/"
META = URIRef(BASE + "graph/meta")
STOLTENBERG = URIRef(BASE + "entity/person/jens-stoltenberg")
NATO = URIRef(BASE + "entity/organization/nato")


def triples(doc: MappedDocument) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in doc.quads}


def event_with(doc: MappedDocument, predicate: str) -> URIRef:
    return event_in(triples(doc), predicate)


def event_in(graph: set[tuple], predicate: str) -> URIRef:
    (event,) = {s for s, p, o in graph if p == KG.predicate and o == Literal(predicate)}
    return event


def test_no_blank_nodes_and_only_rdflib_terms(seed_documents: list[MappedDocument]) -> None:
    for doc in seed_documents:
        for quad in doc.quads:
            assert len(quad) == 4
            assert not any(isinstance(term, BNode) for term in quad)
            s, p, o, g = quad
            assert type(s) is URIRef and type(p) is URIRef and type(g) is URIRef
            assert type(o) in (URIRef, Literal)


def test_same_extraction_gives_identical_quads(seed: tuple[Extraction, Extraction]) -> None:
    first = map_extraction(seed[0])
    again = map_extraction(dataclasses.replace(seed[0]))
    assert first.iri == again.iri and set(first.quads) == set(again.quads)
    assert len(set(first.quads)) == len(first.quads)  # no duplicates


def test_one_graph_per_document_and_metadata_in_the_meta_graph(
    seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    a = seed_documents[0]
    assert a.iri == URIRef(BASE + "document/a0a0a0a0a0a0a0a0")
    assert {g for *_, g in a.quads} == {a.iri, META}
    meta = {(s, p, o) for s, p, o, g in a.quads if g == META}
    own = sum(g == a.iri for *_, g in a.quads)
    assert meta == {
        (a.iri, RDF.type, KG.Document),
        (a.iri, KG.contentHash, Literal("a0a0a0a0a0a0a0a0")),
        (a.iri, DCTERMS.title, Literal("Alliance grows its Iraq mission")),
        (a.iri, DCTERMS.date, Literal("2021-02-17", datatype=XSD.date)),
        (a.iri, DCTERMS.source, Literal("news/alliance-grows.txt")),
        (
            a.iri,
            DCTERMS.bibliographicCitation,
            Literal("Alliance grows its Iraq mission, 2021-02-17"),
        ),
        # the size of its graph, which kg stats adds up instead of counting every quad
        (a.iri, VOID.triples, Literal(str(own), datatype=XSD.integer)),
    }
    b = seed_documents[1]
    url = Literal("https://example.org/news/nato-widens", datatype=XSD.anyURI)
    assert (b.iri, KG.url, url, META) in b.quads


def test_entities_get_one_iri_across_documents(seed_documents: list[MappedDocument]) -> None:
    a, b = (triples(doc) for doc in seed_documents)
    for graph in (a, b):
        assert (STOLTENBERG, RDF.type, KG.Person) in graph
        assert (STOLTENBERG, RDFS.label, Literal("Jens Stoltenberg")) in graph
        assert (STOLTENBERG, SKOS.altLabel, Literal("Stoltenberg")) in graph
    # The type and label are written in each document's graph, so each stands alone.
    graphs = {g for doc in seed_documents for s, p, o, g in doc.quads if s == STOLTENBERG}
    assert graphs == {doc.iri for doc in seed_documents}
    erbil = URIRef(BASE + "entity/place/erbil")
    assert (erbil, RDFS.label, Literal("Irbil")) in b
    assert {o for s, p, o in b if s == erbil and p == SKOS.altLabel} == {
        Literal("Arbil"),
        Literal("Erbil"),
    }


def test_names_and_surnames_are_keys_beside_the_labels(
    seed_documents: list[MappedDocument],
) -> None:
    # what a query given "Stoltenberg" or "jens STOLTENBERG" looks up, lower-cased
    for doc in seed_documents:
        graph = triples(doc)
        keys = {str(o) for s, p, o in graph if s == STOLTENBERG and p == KG.nameKey}
        assert keys == {"jens stoltenberg", "stoltenberg"}
        for s, p, o in graph:
            if p in (RDFS.label, SKOS.altLabel):
                assert (s, KG.nameKey, Literal(str(o).lower())) in graph


def test_a_sentence_with_an_attacks_word_tells_of_an_attack() -> None:
    b = ExtractionBuilder("c0c0c0c0c0c0c0c0")
    told = [
        b.sentence("Airstrikes hit the city overnight."),
        b.sentence("A BOMBING near the market was reported."),
    ]
    plain = b.sentence("The talks resumed on Monday.")
    doc = map_extraction(b.build())
    graph = triples(doc)
    telling = {s for s, p, o in graph if p == KG.tellsOf and o == Literal("attack")}
    by_index = {int(o): s for s, p, o in graph if p == KG.index}
    assert telling == {by_index[n] for n in told}
    assert by_index[plain] not in telling


def test_mentions_point_into_the_text(
    seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    text = seed[0].document.text
    graph = triples(seed_documents[0])
    mentions = {s for s, p, o in graph if p == RDF.type and o == KG.Mention}
    assert len(mentions) == sum(len(e.mentions) for e in seed[0].entities)
    for m in mentions:
        values = {p: o for s, p, o in graph if s == m}
        start, end = values[KG.start], values[KG.end]
        assert start.datatype == XSD.integer and end.datatype == XSD.integer
        assert text[int(start) : int(end)] == str(values[KG.text])
        sentence = values[DCTERMS.isPartOf]
        assert (sentence, DCTERMS.isPartOf, seed_documents[0].iri) in graph


def test_events_roles_quantities_and_provenance(seed_documents: list[MappedDocument]) -> None:
    a = seed_documents[0]
    graph = triples(a)
    lift = event_with(a, "raise")
    assert lift == URIRef(BASE + "event/a0a0a0a0a0a0a0a0/e1")
    assert (lift, RDF.type, KG.Event) in graph
    assert (lift, KG.agent, Literal("Defence ministers of the alliance")) in graph
    assert (lift, KG.place, URIRef(BASE + "entity/place/iraq")) in graph
    assert (lift, KG.negated, Literal("false", datatype=XSD.boolean)) in graph
    assert (lift, KG.confidence, Literal("1", datatype=XSD.decimal)) in graph
    sentence = URIRef(BASE + "sentence/a0a0a0a0a0a0a0a0/0")
    assert (lift, PROV.wasDerivedFrom, sentence) in graph
    assert (sentence, DCTERMS.isPartOf, a.iri) in graph
    assert (sentence, KG.index, Literal("0", datatype=XSD.integer)) in graph
    (quantity,) = {o for s, p, o in graph if s == lift and p == KG.extent}
    assert quantity == URIRef(BASE + "quantity/a0a0a0a0a0a0a0a0/e1-2")
    assert (quantity, RDF.type, KG.Quantity) in graph
    assert (quantity, KG.fromValue, Literal("500", datatype=XSD.integer)) in graph
    assert (quantity, KG.toValue, Literal("4000", datatype=XSD.integer)) in graph
    assert (quantity, KG.unit, Literal("troop")) in graph
    assert (quantity, KG.quantityKind, Literal("change")) in graph
    assert (quantity, KG.approximate, Literal("false", datatype=XSD.boolean)) in graph
    # "X told ...": a statement of the event it reports.
    tell = event_with(a, "tell")
    assert (tell, RDF.type, KG.Statement) in graph
    assert (tell, KG.statementOf, lift) in graph


def test_dates_modality_negation_and_confidence(seed_documents: list[MappedDocument]) -> None:
    b = seed_documents[1]
    graph = triples(b)
    announce = event_with(b, "announce")
    assert (announce, KG.time, URIRef(BASE + "entity/time-expression/2021-02-18")) in graph
    assert (announce, KG.time, Literal("2021-02-18", datatype=XSD.date)) in graph
    assert (event_with(b, "expand"), KG.modality, Literal("will")) in graph
    confirm = event_with(b, "confirm")
    assert (confirm, KG.negated, Literal("true", datatype=XSD.boolean)) in graph
    front = {s for s, p, o in graph if p == KG.modality and o == Literal("believed")}
    (believed,) = front
    assert (believed, KG.confidence, Literal("0.7", datatype=XSD.decimal)) in graph


def test_time_expressions_carry_the_first_and_last_day_they_name() -> None:
    b = ExtractionBuilder("d4")
    n = b.sentence("The decision was taken last week and announced on Monday.")
    week = b.entity("2021-02-22/2021-02-28", "last week", "TimeExpression", "DATE")
    monday = b.entity("2021-03-01", "Monday", "TimeExpression", "DATE")
    first, last = dt.date(2021, 2, 22), dt.date(2021, 2, 28)
    b.event(n, "take", "taken", arg("theme", "The decision"),
            arg("time", "last week", entity=week, period=(first, last)))  # fmt: skip
    b.event(n, "announce", "announced",
            arg("time", "Monday", entity=monday, date=dt.date(2021, 3, 1)))  # fmt: skip
    graph = triples(map_extraction(b.build()))
    week_iri = URIRef(BASE + "entity/time-expression/2021-02-22-2021-02-28")
    assert (event_in(graph, "take"), KG.time, week_iri) in graph
    assert (week_iri, KG.earliest, Literal("2021-02-22", datatype=XSD.date)) in graph
    assert (week_iri, KG.latest, Literal("2021-02-28", datatype=XSD.date)) in graph
    # A period is no day: the event gets no xsd:date for it.
    assert not any(
        s == event_in(graph, "take") and p == KG.time and isinstance(o, Literal)
        for s, p, o in graph
    )
    monday_iri = URIRef(BASE + "entity/time-expression/2021-03-01")
    day = Literal("2021-03-01", datatype=XSD.date)
    assert {(monday_iri, KG.earliest, day), (monday_iri, KG.latest, day)} <= graph


def test_direct_edges_between_entities(seed_documents: list[MappedDocument]) -> None:
    a, b = (triples(doc) for doc in seed_documents)
    kadhimi = URIRef(BASE + "entity/person/al-kadhimi")
    assert (STOLTENBERG, REL.discuss, kadhimi) in a  # "discussed ... with Al-Kadhimi"
    assert (STOLTENBERG, REL.holds_role, NATO) in a
    # A denied event asserts no edge ("have not confirmed").
    white_house = URIRef(BASE + "entity/organization/white-house")
    assert not any(s == white_house and p.startswith(str(REL)) for s, p, o in b)
    # Entity roles the ontology does not name go to the role: namespace.
    austin = event_with(seed_documents[0], "participate")
    assert (austin, ROLE["for"], URIRef(BASE + "entity/place/united-states")) in a


def test_edge_name_comes_from_the_predicate() -> None:
    b = ExtractionBuilder("c2", published=dt.date(2021, 2, 16))
    b.entity("awliya al dam", "Awliya Al Dam", "Organization", "ORG")
    b.entity("erbil attack", "Erbil attack", "NamedEvent", "EVENT")
    n = b.sentence("Awliya Al Dam claimed responsibility for the Erbil attack.")
    b.event(
        n,
        "claim responsibility for",
        "claimed",
        arg("agent", "Awliya Al Dam", entity="awliya al dam"),
        arg("theme", "the Erbil attack", entity="erbil attack"),
    )
    graph = triples(map_extraction(b.build()))
    group = URIRef(BASE + "entity/organization/awliya-al-dam")
    attack = URIRef(BASE + "entity/named-event/erbil-attack")
    assert (group, REL.claim_responsibility_for, attack) in graph


def test_quotes_and_roles(seed_documents: list[MappedDocument]) -> None:
    b = seed_documents[1]
    graph = triples(b)
    price = URIRef(BASE + "entity/person/ned-price")
    (quote,) = {s for s, p, o in graph if p == KG.speaker and o == price}
    assert (quote, RDF.type, KG.Quote) in graph
    assert (quote, KG.direct, Literal("true", datatype=XSD.boolean)) in graph
    assert (quote, KG.predicate, Literal("tell")) in graph
    assert (quote, PROV.wasDerivedFrom, URIRef(BASE + "sentence/b1b1b1b1b1b1b1b1/8")) in graph
    texts = {o for s, p, o in graph if s == quote and p == KG.text}
    assert texts == {Literal("Every group responsible for this attack will face consequences")}
    marotto = URIRef(BASE + "entity/person/wayne-marotto")
    roles = {s for s, p, o in graph if p == KG.holder and o == marotto}
    assert len(roles) == 2
    assert (marotto, KG.title, Literal("spokesman")) in graph
    assert any(
        (r, KG.organizationText, Literal("the coalition fighting ISIS")) in graph for r in roles
    )
    assert (marotto, REL.holds_role, URIRef(BASE + "entity/organization/us-army")) in graph


def test_events_without_kg_roles_are_left_out() -> None:
    b = ExtractionBuilder("d3")
    n = b.sentence("It rained for days.")
    kept = b.event(n, "rain", "rained", arg("time", "for days"))
    b.event(n, "rain", "rained", arg("for", "days"))  # only a role the ontology does not name
    b.event(n, "rain", "rained")  # no arguments at all
    b.event(n, "say", "It", arg("agent", "someone"), statement_of="e3")
    graph = triples(map_extraction(b.build()))
    events = {s for s, p, o in graph if p == RDF.type and o == KG.Event}
    assert events == {URIRef(BASE + f"event/d3/{kept}"), URIRef(BASE + "event/d3/e4")}
    assert not any(p == KG.statementOf for s, p, o in graph)  # its target was left out


def test_a_missing_sentence_is_an_error() -> None:
    b = ExtractionBuilder("e4")
    b.entity("x", "X", "Person", "PERSON")
    n = b.sentence("X spoke.")
    b.event(n, "speak", "spoke", arg("agent", "X", entity="x"))
    x = b.build()
    broken = dataclasses.replace(x, sentences=())
    with pytest.raises(ValueError, match="sentence 0 is referenced"):
        map_extraction(broken)


def test_base_iri_and_percent_safe_ids() -> None:
    b = ExtractionBuilder("id with/space", title="T")
    b.entity("Zürich Ärzte", "Zürich", "Place", "GPE")
    b.entity("بغداد", "بغداد", "Place", "GPE")
    b.entity("odd", "Odd", "Product", "PRODUCT")
    b.sentence("Zürich and بغداد and Odd.")
    doc = map_extraction(b.build(), base="urn:x-kg:test/")
    assert doc.iri == URIRef("urn:x-kg:test/document/id%20with%2Fspace")
    subjects = {str(s) for s, *_ in doc.quads}
    assert "urn:x-kg:test/entity/place/zurich-arzte" in subjects
    assert "urn:x-kg:test/entity/place/%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF" in subjects
    assert "urn:x-kg:test/entity/entity/odd" in subjects  # a type the ontology lacks
    assert all(s.isascii() for s in subjects)
    assert map_extraction(b.build(), base="https://example.org/kg").iri.startswith(
        "https://example.org/kg/document/"
    )


@pytest.mark.parametrize("base", ["kg", "example.org/kg/", "https://exa mple.org/", ""])
def test_a_bad_base_says_what_to_use(base: str) -> None:
    with pytest.raises(KgError, match="is not an absolute IRI; use one like https://"):
        check_base(base)


@pytest.mark.parametrize(
    ("key", "slug"),
    [
        ("jens stoltenberg", "jens-stoltenberg"),
        ("Al—Kadhimi", "al-kadhimi"),
        ("U.S.", "u-s"),
        ("Zürich", "zurich"),
        ("  NATO  ", "nato"),
        ("2021-02-18", "2021-02-18"),
        (
            "0ࠀऄ০௦௦ᐁᐁᐁᐁ",
            "0%E0%A0%80%E0%A4%84%E0%A7%A6%E0%AF%A6%E0%AF%A6%E1%90%81%E1%90%81-dde9db7ba4",
        ),
    ],
)
def test_slugify(key: str, slug: str) -> None:
    assert slugify(key) == slug


@given(st.text(min_size=1, max_size=300))
def test_slugs_are_ascii_iri_safe_and_bounded(key: str) -> None:
    slug = slugify(key)
    assert slug and slug.isascii() and len(slug) <= 80
    assert set(slug) <= set(string.ascii_lowercase + string.digits + "-%ABCDEF")
    assert slugify(key) == slug
    ox.NamedNode(entity_iri(BASE, "Person", key))  # a valid IRI: pyoxigraph checks escapes


def test_numbers_are_canonical() -> None:
    b = ExtractionBuilder("f5")
    n = b.sentence("Prices rose 2.50 percent to 1e3.")
    b.event(
        n,
        "rise",
        "rose",
        arg("extent", "2.50 percent", quantity=Quantity("2.50 percent", value=2.5, unit="%")),
        arg("theme", "x", quantity=Quantity("1e3", value=1000.0)),
        confidence=0.95,
    )
    graph = triples(map_extraction(b.build()))
    values = {o for s, p, o in graph if p == KG.value}
    assert values == {Literal("2.5", datatype=XSD.decimal), Literal("1000", datatype=XSD.integer)}
    assert Literal("0.95", datatype=XSD.decimal) in {o for s, p, o in graph if p == KG.confidence}


# -- SHACL ----------------------------------------------------------------------------------


def test_mapped_seed_graphs_conform_to_the_shapes(seed_documents: list[MappedDocument]) -> None:
    report = validate_quads(q for doc in seed_documents for q in doc.quads)
    assert report.conforms, report.summary()
    assert report.documents == 2


def test_a_broken_graph_does_not_conform(seed_documents: list[MappedDocument]) -> None:
    doc = seed_documents[0]
    g = doc.iri
    lift = event_with(doc, "raise")
    quads = [
        q
        for q in doc.quads
        if not (q[0] == STOLTENBERG and q[1] == RDFS.label)  # entity loses its label
        and not (q[0] == lift and q[1] == KG.confidence)
    ]
    quads += [
        (NATO, RDFS.label, Literal("North Atlantic Alliance"), g),  # a second label
        (lift, KG.confidence, Literal("1.5", datatype=XSD.decimal), g),  # out of [0, 1]
        (URIRef(BASE + "event/x/e9"), RDF.type, KG.Event, g),  # no predicate, role, sentence
    ]
    report = validate_quads(quads)
    assert not report.conforms
    focus = {(v.focus, v.path) for v in report.violations}
    assert (str(STOLTENBERG), str(RDFS.label)) in focus
    assert (str(NATO), str(RDFS.label)) in focus
    assert (str(lift), str(KG.confidence)) in focus
    assert (BASE + "event/x/e9", str(KG.predicate)) in focus
    assert (BASE + "event/x/e9", str(PROV.wasDerivedFrom)) in focus
    assert "violations" in report.summary()
