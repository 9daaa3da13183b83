"""The SPARQL that checks one shape (kg.queries.shapes) in every document of a store at once.

A document's data is its graph plus the lines about the document kept in other graphs (its
metadata). So each shape is checked in two forms: on focus nodes other than the document, whose
lines are all in the document's graph (``Form.NODES``), and on the document itself, whose lines
may be anywhere (``Form.DOCUMENT``). A value's classes are read the same way.

Exact checks (``counts``, ``failures``, ``values``) read rows: a focus node (``?target`` 1, or
0 for a node only reached by ``sh:node`` from another shape: checked, but reported through that
shape), then each value ``?v`` of a path, with the path's index ``?k``; they group and count.
That costs seconds on a few hundred articles, so ``Form.NODES`` is screened first: ``screen``
and ``crowded_query`` find every node that could break a shape, with anti-joins and filters
over one property's lines at a time, and give nothing for a graph that conforms. A shape is
checked exactly only where a screen finds something, and in ``Form.DOCUMENT``, which is small.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass

from kg.queries.shapes import Path, Shape, Target, Test

__all__ = ["CROWDED_QUERY", "Form", "Reference", "ShapeQuery"]

# The documents: the graphs that say they are one.
_DOCUMENTS = (
    "{ SELECT DISTINCT ?doc WHERE "
    "{ GRAPH ?doc { ?doc a <https://w3id.org/kg/ontology#Document> } } }"
)


class Form(enum.Enum):
    NODES = "nodes"  # focus nodes other than the document
    DOCUMENT = "document"  # the document itself


@dataclass(frozen=True)
class Reference:
    """The values of ``path`` from the focus nodes of ``shape`` (sh:node to another shape)."""

    shape: Shape
    path: Path


class ShapeQuery:
    """The queries that check ``shape`` in one form."""

    def __init__(self, shape: Shape, form: Form, references: tuple[Reference, ...] = ()):
        self.shape, self.form, self.references = shape, form, references
        self.names = itertools.count(1)
        self.focus = self._focus()

    def fresh(self) -> str:
        return f"?g{next(self.names)}"

    # -- the queries -------------------------------------------------------------------------

    def screen(self) -> str | None:
        """In ``Form.NODES``: ASK whether a target may break the shape in a way that
        ``value_screens`` and ``crowded_query`` do not see. Each branch reads one property's
        lines at the targets and keeps those that could be a breach: a target with no value
        of a required path (an anti-join), a value with none of a class test's classes in the
        document's graph (an anti-join), a target that fails a test of its own; and a node
        only ``sh:node`` reaches. It finds every breach, and sometimes more (a value that is
        the document, classed elsewhere); ``counts`` and ``failures`` then say exactly."""
        if self.form is not Form.NODES:
            return None
        targets = " UNION ".join(
            f"{{ {self._target(target, '?focus', '?doc')} }}" for target in self.shape.targets
        )
        branches = [
            f"{targets} MINUS {{ {self._lines(p)} }}" for p in self.shape.paths if p.min_count
        ]
        own = " && ".join(f"({self._expression(t, '?focus')})" for t in self.shape.tests)
        if own:
            branches.append(f"{targets} FILTER(!COALESCE({own}, false))")
        for path in self.shape.paths:
            for test in path.tests:
                if test.classes:
                    kind = _instances("?v", test.classes, "?doc")
                    branches.append(f"{targets} {self._lines(path)} MINUS {{ {kind} }}")
        for reference in self.references:
            known = f"SELECT ?doc ?focus WHERE {{ {targets} }}"
            branches.append(f"{self._reference(reference)} MINUS {{ {known} }}")
        if not branches:
            return None
        return f"ASK {{ {' UNION '.join(f'{{ {b} }}' for b in branches)} }}"

    def value_screens(self) -> list[str]:
        """ASK, for each path with tests of the value alone (not of its classes), whether
        a line of its property anywhere in the store fails them: that screens every target,
        the shape's or not (a false alarm costs an exact check)."""
        screens = []
        for path in self.shape.paths:
            plain = " && ".join(f"({t.on('?v')})" for t in path.tests if not t.classes)
            if plain:
                lines = self._lines(path, "?g")
                screens.append(f"ASK {{ {lines} FILTER(!COALESCE({plain}, false)) }}")
        return screens

    def _lines(self, path: Path, graph: str = "?doc") -> str:
        """The lines of ``path`` in ``graph``, from ?focus to ?v."""
        lines = [
            f"{{ GRAPH {graph} {{ ?v <{p}> ?focus }} }}"
            if path.inverse
            else f"{{ GRAPH {graph} {{ ?focus <{p}> ?v }} }}"
            for p in path.predicates
        ]
        return " UNION ".join(lines)

    def counts(self) -> str:
        """SELECT ?doc ?focus ?targeted ?counts: each path's number of values ("k=n k=n")
        at the focus nodes where one is out of bounds."""
        rows = [k for k, p in enumerate(self.shape.paths) if _bounded(p)]
        count, required, out = self._bounds(rows)
        return (
            "SELECT ?doc ?focus ?targeted ?counts WHERE { { SELECT ?doc ?focus "
            '(MAX(?target_k) AS ?targeted) (GROUP_CONCAT(?kn; separator=" ") AS ?counts) '
            f"({count} AS ?present) (MAX(COALESCE(IF({out}, 1, 0), 0)) AS ?out) WHERE {{ "
            "{ SELECT ?doc ?focus ?k (MAX(?target) AS ?target_k) (COUNT(DISTINCT ?v) AS ?n) "
            f"WHERE {{ {self.focus} {self._rows(rows)} }} GROUP BY ?doc ?focus ?k }} "
            'BIND(COALESCE(CONCAT(STR(?k), "=", STR(?n)), "") AS ?kn) } GROUP BY ?doc ?focus } '
            f"FILTER(?present < {required} || ?out = 1) }}"
        )

    def failures(self) -> str:
        """SELECT ?doc ?focus ?target ?k ?v ?fails ?own: ``fails`` lists the tests of path
        ``k`` that value ``v`` fails ("0 2"), ``own`` the focus node's own ("0")."""
        rows = [k for k, p in enumerate(self.shape.paths) if p.tests]
        fails = '""'
        for k in reversed(rows):
            fails = f"IF(?k = {k}, {self._failed(self.shape.paths[k].tests, '?v')}, {fails})"
        own = self._failed(self.shape.tests, "?focus")
        return (
            "SELECT DISTINCT ?doc ?focus ?target ?k ?v ?fails ?own "
            f"WHERE {{ {self.focus} {self._rows(rows)} "
            f'BIND(COALESCE({fails}, "") AS ?fails) '
            f'BIND({own} AS ?own) FILTER(?fails != "" || ?own != "") }}'
        )

    def values(self, k: int) -> str:
        """SELECT ?doc ?focus ?target ?v: the values of path ``k`` (for sh:node)."""
        return (
            "SELECT DISTINCT ?doc ?focus ?target ?v "
            f"WHERE {{ {self.focus} {self._rows([k])} FILTER(?k = {k}) }}"
        )

    # -- the rows ----------------------------------------------------------------------------

    def _focus(self) -> str:
        """A subquery binding ?doc, ?focus and ?target: one row a focus node, ?target 1 where
        one of the shape's targets made it one."""
        graph = "?doc" if self.form is Form.NODES else self.fresh()
        branches = [
            f"{{ {self._target(target, '?focus', graph)} BIND(1 AS ?target_of) }}"
            for target in self.shape.targets
        ] + [
            f"{{ {self._reference(reference)} BIND(0 AS ?target_of) }}"
            for reference in self.references
        ]
        focus = " UNION ".join(branches)
        if self.form is Form.NODES:
            focus = f"{focus} FILTER(!sameTerm(?focus, ?doc))"
        else:
            focus = f"{_DOCUMENTS} BIND(?doc AS ?focus) {focus}"
        return (
            "{ SELECT ?doc ?focus (MAX(?target_of) AS ?target) "
            f"WHERE {{ {focus} }} GROUP BY ?doc ?focus }}"
        )

    def _rows(self, chosen: list[int]) -> str:
        """The values ?v of the paths ``chosen`` (indexes), each with its path's index ?k."""
        paths = [(k, self.shape.paths[k]) for k in chosen]
        forward = sorted({q for _, p in paths if not p.inverse for q in p.predicates})
        inverse = sorted({q for _, p in paths if p.inverse for q in p.predicates})
        lines = []
        if forward:
            about = "?doc" if self.form is Form.NODES else self.fresh()
            lines.append(f"GRAPH {about} {{ ?focus ?p ?v }} FILTER(?p IN ({_iris(forward)}))")
        if inverse:  # the subject may be another node (in the document's graph) or the document
            lines.append(
                f"{{ GRAPH ?doc {{ ?v ?p ?focus }} }} UNION "
                f"{{ GRAPH {self.fresh()} {{ ?doc ?p ?focus }} BIND(?doc AS ?v) }} "
                f"FILTER(?p IN ({_iris(inverse)})) BIND(true AS ?inverse)"
            )
        if not lines:
            return ""
        union = " UNION ".join(f"{{ {line} }}" for line in lines)
        chain = "?none"
        for k, path in reversed(paths):
            chain = f"IF({self._on(path)}, {k}, {chain})"
        return f"OPTIONAL {{ {union} }} BIND({chain} AS ?k)"

    def _bounds(self, rows: list[int]) -> tuple[str, int, str]:
        """Of the paths ``rows``: the number with sh:minCount that have values, as an
        aggregate; how many have sh:minCount; whether path ``?k`` has ``?n`` values out of
        bounds."""
        paths = self.shape.paths
        bounded = [k for k in rows if _bounded(paths[k])]
        required = [k for k in bounded if paths[k].min_count]
        out = " || ".join(f"(?k = {k} && ({_out_of_bounds(paths[k])}))" for k in bounded)
        count = f"SUM(COALESCE(IF(?k IN ({_list(required)}), 1, 0), 0))" if required else "0"
        return count, len(required), out or "false"

    def _target(self, target: Target, focus: str, graph: str) -> str:
        """The lines that make ``focus`` a target, read in ``graph``; the subject of a line
        whose object it is may be another node (in the document's graph) or the document
        (anywhere)."""
        if target.kind == "class":
            return _instances(focus, target.classes, graph)
        if target.kind == "subject":
            return f"GRAPH {graph} {{ {focus} <{target.iri}> ?x }}"
        documents = _DOCUMENTS if self.form is Form.NODES else ""
        return (
            f"{{ GRAPH ?doc {{ ?x <{target.iri}> {focus} }} }} UNION "
            f"{{ {documents} GRAPH {self.fresh()} {{ ?doc <{target.iri}> {focus} }} }}"
        )

    def _reference(self, reference: Reference) -> str:
        """The values of another shape's path from its focus nodes: from those other than
        the document (lines in its graph), and from the document (lines anywhere)."""
        targets = reference.shape.targets
        on = f"FILTER(?op IN ({_iris(reference.path.predicates)}))"
        nodes = " UNION ".join(f"{{ {self._target(t, '?o', '?doc')} }}" for t in targets)
        documents = " UNION ".join(
            f"{{ {self._target(t, '?doc', self.fresh())} }}" for t in targets
        )
        return (
            f"{{ {nodes} FILTER(!sameTerm(?o, ?doc)) GRAPH ?doc {{ ?o ?op ?focus }} {on} }} "
            f"UNION {{ {_DOCUMENTS if self.form is Form.NODES else ''} {{ {documents} }} "
            f"GRAPH {self.fresh()} {{ ?doc ?op ?focus }} {on} }}"
        )

    # -- expressions -----------------------------------------------------------------------

    def _on(self, path: Path) -> str:
        """True on a row whose value is one of ``path``'s."""
        direction = "BOUND(?inverse)" if path.inverse else "!BOUND(?inverse)"
        return f"(?p IN ({_iris(path.predicates)}) && {direction})"

    def _failed(self, tests: tuple[Test, ...], value: str) -> str:
        """The indexes of the ``tests`` that ``value`` fails, as "0 2" (an error fails)."""
        if not tests:
            return '""'
        marks = [
            f'IF(COALESCE({self._expression(test, value)}, false), "", "{j} ")'
            for j, test in enumerate(tests)
        ]
        return f"CONCAT({', '.join(marks)})" if len(marks) > 1 else marks[0]

    def _expression(self, test: Test, value: str) -> str:
        types = self._classes(value, test.classes) if test.classes else ""
        return test.on(value, types)

    def _classes(self, value: str, classes: tuple[str, ...]) -> str:
        """True where ``value`` is an instance of one of ``classes``, by a line in the
        document's graph, or anywhere if it is the document."""
        if len(classes) == 1:
            kind, within = f"<{classes[0]}>", ""
        else:
            kind, within = "?c", f"FILTER(?c IN ({_iris(classes)}))"
        anywhere = f"EXISTS {{ GRAPH {self.fresh()} {{ ?doc a {kind} }} {within} }}"
        return (
            f"(EXISTS {{ GRAPH ?doc {{ {value} a {kind} }} {within} }} || "
            f"(sameTerm({value}, ?doc) && {anywhere}))"
        )


def _out_of_bounds(path: Path) -> str:
    tests = []
    if path.min_count is not None:
        tests.append(f"?n < {path.min_count}")
    if path.max_count is not None:
        tests.append(f"?n > {path.max_count}")
    return " || ".join(tests)


def _bounded(path: Path) -> bool:
    return path.min_count is not None or path.max_count is not None


def _instances(node: str, classes: tuple[str, ...], graph: str) -> str:
    """``node`` has one of ``classes`` in ``graph``: a pattern a class, each read by index."""
    return " UNION ".join(f"{{ GRAPH {graph} {{ {node} a <{c}> }} }}" for c in classes)


# The properties some node has twice in one graph (more lines than subjects): the only way to
# exceed an sh:maxCount at a node other than the document, so a store-wide screen for them.
# Every property is counted; picking some (FILTER ?p IN) makes the scan slower, not faster.
CROWDED_QUERY = (
    "SELECT DISTINCT ?p WHERE { { SELECT ?p ?g (COUNT(*) AS ?lines) "
    "(COUNT(DISTINCT ?s) AS ?subjects) WHERE { GRAPH ?g { ?s ?p ?v } } GROUP BY ?p ?g } "
    "FILTER(?lines > ?subjects) }"
)


def _iris(iris: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"<{iri}>" for iri in iris)


def _list(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)
