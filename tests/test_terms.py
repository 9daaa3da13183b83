"""The vocabulary in code (kg.terms) and in ontology/kg.ttl agree term for term."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import resources
from kg.records import ARGUMENT_ROLES, ENTITY_TYPE_NAMES, ENTITY_TYPES
from kg.terms import (
    ENTITY_CLASSES,
    KG,
    PREFIXES,
    REL,
    RELATIONS,
    ROLE,
    ROLE_PROPERTIES,
    SEM,
    relation,
    role_property,
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=resources.ontology_text("kg.ttl"), format="turtle")


def _declared(namespace: type) -> set[URIRef]:
    return {namespace._NS[name] for name in namespace.__annotations__}  # type: ignore[attr-defined]


def _defined_in(graph: Graph, prefix: str) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(prefix)}


def test_code_and_ontology_declare_the_same_kg_terms(ontology: Graph) -> None:
    in_code = _declared(KG)
    in_ttl = _defined_in(ontology, str(KG._NS))
    assert in_code - in_ttl == set(), "declared in kg/terms.py but missing from kg.ttl"
    assert in_ttl - in_code == set(), "defined in kg.ttl but missing from kg/terms.py"


def test_argument_roles_are_the_ontologys_event_roles(ontology: Graph) -> None:
    # an event role is a plain rdf:Property on kg:Event (kg:confidence and the other
    # attributes of an event are datatype properties)
    in_ttl = {
        p
        for p in ontology.subjects(RDFS.domain, KG.Event)
        if (p, RDF.type, RDF.Property) in ontology
    }
    assert set(ROLE_PROPERTIES) == set(ARGUMENT_ROLES)
    assert set(ROLE_PROPERTIES.values()) == in_ttl
    assert len(set(ROLE_PROPERTIES.values())) == len(ARGUMENT_ROLES)


def test_every_event_role_is_in_the_shape_that_requires_one() -> None:
    shapes = Graph().parse(data=resources.ontology_text("shapes.ttl"), format="turtle")
    listed = {o for o in shapes.objects() if isinstance(o, URIRef) and o in KG}
    assert set(ROLE_PROPERTIES.values()) <= listed


def test_entity_types_are_the_ontologys_entity_classes(ontology: Graph) -> None:
    in_ttl = set(ontology.subjects(RDFS.subClassOf, KG.Entity))
    assert set(ENTITY_CLASSES.values()) == in_ttl
    assert set(ENTITY_CLASSES) == set(ENTITY_TYPE_NAMES)
    # Each type has a label; works and products are plain kg:Entity.
    assert set(ENTITY_TYPES.values()) == {*ENTITY_TYPE_NAMES, "Entity"}


def test_every_term_has_a_label_a_comment_and_a_kind(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
    for term in _defined_in(ontology, str(KG._NS)) | _defined_in(ontology, str(REL)):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
        assert set(ontology.objects(term, RDF.type)) & kinds, term


def test_sem_terms_used_by_the_ontology_are_declared(ontology: Graph) -> None:
    sem = str(SEM._NS)
    used = {o for o in ontology.objects() if isinstance(o, URIRef) and o.startswith(sem)} - {
        URIRef(sem)  # rdfs:seeAlso of the ontology
    }
    assert used <= _declared(SEM)
    assert (KG.Event, RDFS.subClassOf, SEM.Event) in ontology
    assert (KG.agent, RDFS.subPropertyOf, SEM.hasActor) in ontology
    assert (KG.place, RDFS.subPropertyOf, SEM.hasPlace) in ontology
    assert (KG.time, RDFS.subPropertyOf, SEM.hasTime) in ontology


def test_entity_classes_are_subclasses_of_entity(ontology: Graph) -> None:
    for name in ("Person", "Organization", "Place", "Group", "NamedEvent", "TimeExpression"):
        assert (KG[name], RDFS.subClassOf, KG.Entity) in ontology


def test_a_typo_raises() -> None:
    with pytest.raises(AttributeError):
        _ = KG.agnet
    with pytest.raises(AttributeError):
        _ = SEM.hasActr


def test_declared_relations_and_their_lemmas_agree_with_the_ontology(ontology: Graph) -> None:
    from rdflib.namespace import SKOS

    declared = {
        str(p)[len(str(REL)) :]: {str(a) for a in ontology.objects(p, SKOS.altLabel)}
        for p in _defined_in(ontology, str(REL))
        if p != REL.holds_role
    }
    assert declared == {name: set(lemmas) for name, lemmas in RELATIONS.items()}


def test_synonyms_share_the_declared_relation() -> None:
    assert relation("wound") == relation("injure") == REL.injure
    assert relation("take responsibility for") == REL.claim_responsibility_for
    assert relation("evacuate") == REL.evacuate  # not declared: its own lemma


def test_relation_names() -> None:
    assert relation("announce") == URIRef("https://w3id.org/kg/relation/announce")
    assert relation("claim responsibility for") == REL.claim_responsibility_for
    assert relation("Take part-in") == REL.take_part_in
    assert relation("été") == REL.ete
    assert relation("!!!") == REL.related_to


def test_role_properties() -> None:
    assert role_property("agent") == KG.agent
    assert role_property("with") == KG.partner
    assert role_property("source") == KG.accordingTo
    assert role_property("for") == ROLE["for"]
    assert role_property("according to") == ROLE.according_to
    assert set(ROLE_PROPERTIES.values()) <= _declared(KG)


def test_prefixes_match_the_ontology_file(ontology: Graph) -> None:
    bound = {prefix: str(iri) for prefix, iri in ontology.namespaces()}
    for prefix in ("kg", "rel", "role", "sem", "skos", "prov", "dcterms"):
        assert bound[prefix] == PREFIXES[prefix]


def test_shapes_parse() -> None:
    shapes = Graph().parse(data=resources.ontology_text("shapes.ttl"), format="turtle")
    assert len(shapes) > 50


def test_resources_in_a_checkout() -> None:
    assert "who-announced" in resources.query_names()
    assert resources.query_text("who-announced").startswith("# Q1")  # type: ignore[union-attr]
    assert resources.query_text("no-such-query") is None


def test_resources_in_an_installed_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A wheel carries them as kg/_resources/{ontology,queries}; that copy wins when present.
    installed = tmp_path / "kg"
    (installed / "_resources" / "queries").mkdir(parents=True)
    (installed / "_resources" / "ontology").mkdir()
    (installed / "_resources" / "queries" / "only-here.rq").write_text("# Only here.\nASK {}\n")
    (installed / "_resources" / "ontology" / "kg.ttl").write_text("# installed\n")
    monkeypatch.setattr(resources, "files", lambda package: installed)
    assert resources.query_names() == ["only-here"]
    assert resources.ontology_text() == "# installed\n"
