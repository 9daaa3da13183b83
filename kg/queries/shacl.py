"""Validation of built graphs against ``ontology/shapes.ttl``, in the store that holds them.

Each document is checked on its own: its graph plus its lines in the metadata graph, with the
ontology's class tree, so that ``sh:class kg:Entity`` sees a kg:Person. Per document because the
union may rightly hold two labels for one entity (two articles naming it differently), while
within one document an entity has exactly one. The shapes run as SPARQL, a query per shape over
every document at once (kg.queries.shapesparql), so that validating 200 articles takes seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Literal
from rdflib.term import Identifier

from kg.queries.shapes import Path, read_shapes
from kg.queries.shapesparql import CROWDED_QUERY, Form, Reference, ShapeQuery
from kg.store.protocol import GraphStore, Quad

__all__ = ["Violation", "ValidationReport", "validate_quads", "validate_store"]

DOCUMENTS_QUERY = "SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?doc a kg:Document } }"


@dataclass(frozen=True)
class Violation:
    """A node of a document that breaks a shape: the constraint broken (its SHACL name, such as
    ``minCount``), the property (``path``: its IRI; empty for the node itself or a composite
    path) and the value at fault, if one is."""

    document: str
    focus: str
    path: str
    message: str
    constraint: str = ""
    value: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """``conforms`` when every document's graph satisfies the shapes."""

    conforms: bool
    documents: int
    violations: tuple[Violation, ...] = ()

    def by_document(self) -> dict[str, list[Violation]]:
        """The violations of each document that has any."""
        found: dict[str, list[Violation]] = {}
        for violation in self.violations:
            found.setdefault(violation.document, []).append(violation)
        return found

    def summary(self, *, limit: int = 20) -> str:
        """One line per violation (at most ``limit``), then a count line."""
        lines = [f"{v.document}: {v.focus} {v.path}: {v.message}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        state = "conforms"
        if self.violations:
            state = (
                f"{_count(len(self.violations), 'violation')} in "
                f"{_count(len(self.by_document()), 'document')}"
            )
        lines.append(f"{self.documents} documents checked: {state}")
        return "\n".join(lines)


def validate_store(store: GraphStore) -> ValidationReport:
    """Validate every document in ``store``."""
    documents = {str(row[0]) for row in store.query(DOCUMENTS_QUERY).rows}
    found = {v for v in _Validation(store).violations() if v.document in documents}
    violations = tuple(sorted(found, key=lambda v: (v.document, v.focus, v.path, v.message)))
    return ValidationReport(
        conforms=not violations, documents=len(documents), violations=violations
    )


def validate_quads(quads: Iterable[Quad]) -> ValidationReport:
    """Validate the documents in ``quads`` (as ``map_extraction`` or a store gives them)."""
    from kg.store.embedded import Store
    from kg.store.oxterms import quad_to_ox

    with Store() as store:
        store.oxigraph.extend(quad_to_ox(q) for q in quads)
        return validate_store(store)


Key = tuple[str, str]  # (document, focus node)


class _Validation:
    """One run of the shapes over a store."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.shapes = read_shapes()
        self.failing: dict[str, set[Key]] = {}  # shape → nodes that break it, targets or not
        self.asked: dict[str, bool] = {}

    def violations(self) -> Iterator[Violation]:
        referenced = [
            Reference(shape, path) for shape in self.shapes for path in shape.paths if path.node
        ]
        queries = [
            ShapeQuery(shape, form, tuple(r for r in referenced if r.path.node == shape.name))
            for shape in self.shapes
            for form in Form
        ]
        crowded = self.crowded()
        for query in queries:
            if query.form is Form.NODES:
                found = any(self.ask(screen) for screen in query.value_screens())
                found = found or self.ask(query.screen())
                counted = found or any(_crowded(p, crowded) for p in query.shape.paths)
            else:
                found = counted = True
            if counted:
                yield from self.counts(query)
            if found:
                yield from self.failures(query)
        for query in queries:  # sh:node, once the shapes it names are checked
            yield from self.nodes(query)

    def ask(self, sparql: str | None) -> bool:
        """The answer to an ASK screen, each asked once."""
        if sparql is None:
            return False
        if sparql not in self.asked:
            self.asked[sparql] = bool(self.store.query(sparql).boolean)
        return self.asked[sparql]

    def crowded(self) -> set[str]:
        """The properties that some node has twice in one graph."""
        return {str(row[0]) for row in self.store.query(CROWDED_QUERY).rows}

    def counts(self, query: ShapeQuery) -> Iterator[Violation]:
        """Paths with too few or too many values."""
        shape = query.shape
        for row in self.store.query(query.counts()).dicts():
            key = _key(row)
            self.failing.setdefault(shape.name, set()).add(key)
            if not _number(row.get("targeted")):
                continue
            counts = dict(part.split("=") for part in str(row.get("counts", "")).split() if part)
            for k, path in enumerate(shape.paths):
                n = int(counts.get(str(k), 0))
                if path.min_count is not None and n < path.min_count:
                    message = path.message or _count_message(path, n, low=True)
                    yield _violation(key, path.printed, "minCount", message, None)
                if path.max_count is not None and n > path.max_count:
                    message = path.message or _count_message(path, n, low=False)
                    yield _violation(key, path.printed, "maxCount", message, None)

    def failures(self, query: ShapeQuery) -> Iterator[Violation]:
        """Values that fail a test, and focus nodes that fail one of their own."""
        shape = query.shape
        rows = self.store.query(query.failures()).dicts()
        targeted = {(str(r["doc"]), str(r["focus"])) for r in rows if _number(r.get("target"))}
        for row in rows:
            key = _key(row)
            self.failing.setdefault(shape.name, set()).add(key)
            if key not in targeted:
                continue
            for j in str(row.get("own", "")).split():
                test = shape.tests[int(j)]
                yield _violation(key, "", test.constraint, test.message, row["focus"])
            for j in str(row.get("fails", "")).split():
                path = shape.paths[_number(row["k"])]
                test = path.tests[int(j)]
                message = path.message or test.message
                yield _violation(key, path.printed, test.constraint, message, row["v"])

    def nodes(self, query: ShapeQuery) -> Iterator[Violation]:
        """sh:node: a value breaks it where it breaks the shape named."""
        for k, path in enumerate(query.shape.paths):
            failing = self.failing.get(path.node or "", set())
            if not failing:
                continue
            for row in self.store.query(query.values(k)).dicts():
                key = (str(row["doc"]), str(row["focus"]))
                if _number(row.get("target")) and (key[0], str(row["v"])) in failing:
                    message = path.message or f"{{value}} does not conform to {path.node}"
                    yield _violation(key, path.printed, "node", message, row["v"])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _crowded(path: Path, crowded: set[str]) -> bool:
    """Whether ``path`` may have too many values at some node other than the document."""
    if path.max_count is None:
        return False
    if path.max_count == 0 or path.inverse or len(path.predicates) > 1:
        return True  # not screened: check exactly
    return path.predicates[0] in crowded


def _key(row: dict[str, Identifier]) -> Key:
    return str(row["doc"]), str(row["focus"])


def _number(term: Identifier | None) -> int:
    return int(term) if isinstance(term, Literal) else 0


def _count_message(path: Path, n: int, *, low: bool) -> str:
    bound = f"at least {path.min_count}" if low else f"at most {path.max_count}"
    return f"has {n} values of {path.shown}, needs {bound}"


def _violation(
    key: Key, path: str, constraint: str, message: str, value: Identifier | None
) -> Violation:
    return Violation(
        document=key[0],
        focus=key[1],
        path=path,
        message=message.replace("{value}", _shown(value)),
        constraint=constraint,
        value="" if value is None else str(value),
    )


def _shown(term: Identifier | None, width: int = 60) -> str:
    if not isinstance(term, Literal):
        return str(term)
    text = str(term) if len(str(term)) <= width else str(term)[: width - 1] + "…"
    return f'"{text}"' + (f"^^<{term.datatype}>" if term.datatype else "")
