"""kg's SHACL shapes (``ontology/shapes.ttl``) read into plain records for the SPARQL that
checks them (kg.queries.shapesparql).

The shapes use a small part of SHACL, and only that part is read: targets by class, by subject
of and by object of a property; paths of a property, its inverse, or a choice of properties;
``sh:minCount`` and ``sh:maxCount``; the value tests in ``_TESTS`` (and ``sh:or`` of them); and
``sh:node`` to a shape that has no ``sh:node`` of its own. Anything else in a shape raises
ShapeError, so a constraint added to shapes.ttl is never skipped in silence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal as OneOf

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg import resources

__all__ = ["Path", "Shape", "ShapeError", "Target", "Test", "read_shapes"]

# Datatypes whose values a SPARQL cast proves well formed ("abc"^^xsd:integer is not).
_CASTS = frozenset({XSD.integer, XSD.decimal, XSD.boolean, XSD.date, XSD.double, XSD.float})
_NODE_KINDS: dict[Node, tuple[str, str]] = {
    SH.IRI: ("isIRI", "an IRI"),
    SH.Literal: ("isLiteral", "a literal"),
}
TargetKind = OneOf["class", "subject", "object"]
_TARGETS: dict[URIRef, TargetKind] = {
    SH.targetClass: "class",
    SH.targetSubjectsOf: "subject",
    SH.targetObjectsOf: "object",
}
_NOTES = frozenset({RDF.type, RDFS.label, RDFS.comment})
_TESTS = frozenset(
    {SH.datatype, SH["class"], SH.nodeKind, SH.minLength, SH.minInclusive, SH.maxInclusive}
    | {SH["in"], SH["or"]}
)


class ShapeError(Exception):
    """A shape uses a part of SHACL kg does not check (fix ontology/shapes.ttl or kg)."""


@dataclass(frozen=True)
class Test:
    """A test of one value: ``expression`` is SPARQL, true where the value ``{v}`` passes;
    ``{types}`` stands for the value's classes and their superclasses where ``classes`` (the
    classes whose instances pass, subclasses included) is not empty."""

    constraint: str  # its SHACL name: "datatype", "class", "or", ...
    expression: str
    message: str  # "{value}" stands for the value
    classes: tuple[str, ...] = ()

    def on(self, value: str, types: str = "") -> str:
        """The expression on the variable ``value``, ``types`` the test of its classes."""
        return self.expression.replace("{v}", value).replace("{types}", types)


@dataclass(frozen=True)
class Path:
    """A property shape: the values a path leads to from a focus node, and their tests."""

    printed: str  # the predicate's IRI as reports show it; "" for an inverse or a choice
    shown: str  # for messages: "kg:start", "^kg:mentionOf"
    predicates: tuple[str, ...]
    inverse: bool
    min_count: int | None
    max_count: int | None
    tests: tuple[Test, ...]
    node: str | None  # the shape every value must conform to (sh:node)
    message: str | None  # the shape's own sh:message, which replaces kg's


@dataclass(frozen=True)
class Target:
    """The instances of a class (and of its subclasses, ``classes``), or the subjects or the
    objects of a property."""

    kind: TargetKind
    iri: str
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shape:
    """A node shape: its targets, tests of the focus node itself, and its property shapes."""

    name: str
    targets: tuple[Target, ...]
    tests: tuple[Test, ...]
    paths: tuple[Path, ...]


@functools.cache
def read_shapes() -> tuple[Shape, ...]:
    """The shapes of ``ontology/shapes.ttl``, by name."""
    shapes = Graph().parse(data=resources.ontology_text("shapes.ttl"), format="turtle")
    ontology = Graph().parse(data=resources.ontology_text("kg.ttl"), format="turtle")
    reader = _Reader(shapes, ontology)
    found = tuple(
        reader.shape(s) for s in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str)
    )
    names = {shape.name for shape in found}
    for shape in found:
        for path in shape.paths:
            if path.node is None:
                continue
            if path.node not in names:
                raise ShapeError(f"sh:node to {path.node}, which is no shape in shapes.ttl")
            target = next(s for s in found if s.name == path.node)
            if path.inverse or any(p.node for p in target.paths):
                raise ShapeError(f"sh:node to {path.node}: on a property, one level deep")
    return found


class _Reader:
    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.g = shapes
        self.ontology = ontology

    def short(self, term: Node) -> str:
        return term.n3(self.g.namespace_manager)

    def subclasses(self, cls: Node) -> tuple[str, ...]:
        """``cls`` and every class under it in the ontology."""
        found = set(self.ontology.transitive_subjects(RDFS.subClassOf, cls)) | {cls}
        return tuple(sorted(str(c) for c in found))

    def known(self, node: Node, allowed: frozenset[Node]) -> None:
        for p in self.g.predicates(node):
            if p not in allowed:
                raise ShapeError(f"{self.short(p)} in ontology/shapes.ttl is not checked by kg")

    def shape(self, shape: Node) -> Shape:
        self.known(shape, _NOTES | frozenset(_TARGETS) | _TESTS | {SH.property})
        targets = tuple(
            Target(kind, str(term), self.subclasses(term) if kind == "class" else ())
            for predicate, kind in _TARGETS.items()
            for term in sorted(self.g.objects(shape, predicate), key=str)
        )
        return Shape(
            name=self.short(shape),
            targets=targets,
            tests=self.tests(shape),
            paths=tuple(self.path(prop) for prop in self.g.objects(shape, SH.property)),
        )

    def path(self, prop: Node) -> Path:
        self.known(prop, _NOTES | _TESTS | {SH.path, SH.minCount, SH.maxCount, SH.node, SH.message})
        path = self.g.value(prop, SH.path)
        inverse = self.g.value(path, SH.inversePath) if not isinstance(path, URIRef) else None
        choice = self.g.value(path, SH.alternativePath) if not isinstance(path, URIRef) else None
        predicates: tuple[Node, ...]
        if isinstance(path, URIRef):
            predicates, shown = (path,), self.short(path)
        elif isinstance(inverse, URIRef):
            predicates, shown = (inverse,), f"^{self.short(inverse)}"
        elif choice is not None and all(isinstance(p, URIRef) for p in Collection(self.g, choice)):
            predicates = tuple(Collection(self.g, choice))
            shown = " | ".join(self.short(p) for p in predicates)
        else:
            raise ShapeError(f"a path in ontology/shapes.ttl that kg does not check: {path!r}")
        node = self.g.value(prop, SH.node)
        message = self.g.value(prop, SH.message)
        least = _int(self.g.value(prop, SH.minCount))
        if least not in (None, 0, 1):
            raise ShapeError(f"sh:minCount {least} in ontology/shapes.ttl: kg checks 1 only")
        return Path(
            printed=str(path) if isinstance(path, URIRef) else "",
            shown=shown,
            predicates=tuple(str(p) for p in predicates),
            inverse=inverse is not None,
            min_count=least or None,
            max_count=_int(self.g.value(prop, SH.maxCount)),
            tests=self.tests(prop),
            node=self.short(node) if node is not None else None,
            message=str(message) if message is not None else None,
        )

    def tests(self, node: Node) -> tuple[Test, ...]:
        return tuple(
            self.test(parameter, term)
            for parameter, term in sorted(self.g.predicate_objects(node))
            if parameter in _TESTS
        )

    def test(self, parameter: Node, term: Node) -> Test:
        """The SPARQL test of one constraint on a value ``{v}``."""
        if parameter == SH.datatype:
            expression = "isLiteral({v}) && sameTerm(DATATYPE({v}), " + f"<{term}>)"
            if term in _CASTS:  # well formed: its cast is a value equal to it ("abc" has none)
                expression += f" && COALESCE(<{term}>" + "({v}) = {v}, false)"
            return Test("datatype", expression, f"{{value}} is not of type {self.short(term)}")
        if parameter == SH["class"]:
            classes = self.subclasses(term)
            return Test("class", "{types}", f"{{value}} is not a {self.short(term)}", classes)
        if parameter == SH.nodeKind and isinstance(term, URIRef) and term in _NODE_KINDS:
            function, kind = _NODE_KINDS[term]
            return Test("nodeKind", function + "({v})", f"{{value}} is not {kind}")
        if parameter == SH.minLength:
            expression = "!isBlank({v}) && STRLEN(STR({v})) >= " + str(_int(term))
            return Test("minLength", expression, f"{{value}} is shorter than {term} characters")
        if parameter in (SH.minInclusive, SH.maxInclusive) and isinstance(term, Literal):
            op = ">=" if parameter == SH.minInclusive else "<="
            expression = "COALESCE({v} " + f"{op} {term.n3()}, false)"
            return Test(_local(parameter), expression, f"{{value}} is not {op} {term}")
        if parameter == SH["in"]:
            members = list(Collection(self.g, term))
            expression = " || ".join("sameTerm({v}, " + f"{m.n3()})" for m in members)
            listed = ", ".join(str(m) for m in members)
            return Test("in", f"({expression})", f"{{value}} is not one of {listed}")
        if parameter == SH["or"]:
            return self.either(list(Collection(self.g, term)))
        raise ShapeError(f"{self.short(parameter)} {self.short(term)} is not checked by kg")

    def either(self, options: list[Node]) -> Test:
        """sh:or of value tests: a class test of each option folds into one set of classes."""
        expressions: list[str] = []
        names: list[str] = []
        classes: list[str] = []
        for option in options:
            self.known(option, _NOTES | _TESTS - {SH["or"]})
            tests = self.tests(option)
            plain = [t.expression for t in tests if not t.classes]
            if len(tests) != 1 or (tests[0].classes and plain):
                raise ShapeError("sh:or of one test per option is all kg checks")
            if tests[0].classes:
                classes.extend(tests[0].classes)
            else:
                expressions.append(tests[0].expression)
            names.append(tests[0].message.removeprefix("{value} is not "))
        if classes:
            expressions.append("{types}")
        expression = " || ".join(f"({e})" for e in expressions)
        message = f"{{value}} is none of: {'; '.join(names)}"
        return Test("or", expression, message, tuple(sorted(set(classes))))


def _int(term: Node | None) -> int | None:
    if term is None:
        return None
    if not isinstance(term, Literal) or not isinstance(term.toPython(), int):
        raise ShapeError(f"{term!r} in ontology/shapes.ttl: a count must be an integer")
    return int(term.toPython())


def _local(term: Node) -> str:
    return str(term).rsplit("#", 1)[-1]
