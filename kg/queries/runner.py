"""Run SPARQL on a store: a named query from ``queries/``, a ``.rq`` file, or inline text.

A query file starts with one comment line saying what it answers and the parameters it takes:

    # Q2: What role does a person hold, and where? Parameters: ?name (default "Jens Stoltenberg").

Each parameter is ``?name`` followed by ``(default "...")``, ``(optional)`` (left unbound when
not given) or nothing (required), then, after a comma, what it means; parameters are parted by
semicolons, and those that share one part share its meaning (``?from (optional) and ?until
(optional), YYYY-MM-DD bounds``). Parameters are bound as values by the store (Oxigraph
substitution, or a VALUES block for a remote endpoint), never formatted into the query text;
the query must name each one in its SELECT clause. Plain strings become plain literals;
``<...>`` becomes an IRI.

A long listing is read a page at a time: ``limit`` and ``offset`` (``kg query --limit N
--offset M``) add ``LIMIT N OFFSET M`` after the query's own ORDER BY, so that pages of an
ordered query follow one another without gaps or repeats. A query with its own LIMIT or OFFSET
is refused a page rather than given a second one.

A listing that can be long says where its page goes and how many rows it reads by default, with
a comment line ``# PAGE 100`` after the ORDER BY of the subquery that picks the rows: the page
is taken there, before the rows are described, and a query without ``limit`` reads its first
100 rows (``offset`` and ``limit`` read the others).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kg import resources
from kg.errors import QueryError
from kg.iris import check_iri
from kg.store.protocol import GraphStore
from kg.store.results import QueryResult, QueryRows

__all__ = [
    "Parameter",
    "QuerySpec",
    "list_queries",
    "load_query",
    "page",
    "parse_header",
    "run_query",
    "stream_query",
]

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_PARAMETER = re.compile(
    r'[?$](?P<name>[A-Za-z_]\w*)\s*(?:\((?:default\s+"(?P<default>(?:[^"\\]|\\.)*)"|(?P<optional>optional))\))?'
)
_VARIABLE = re.compile(r"[?$]([A-Za-z_]\w*)")
# The solution modifiers a query may end with; a page goes after them.
_OWN_PAGE = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+\s*(?:(?:LIMIT|OFFSET)\s+\d+\s*)?$", re.I)
_COMMENT = re.compile(r"(?:^|\s)#.*$", re.M)  # a comment; "#" within an IRI follows no space
# Where a listing takes its page, and its rows by default (see the module's docstring).
_PAGE_HERE = re.compile(r"^[ \t]*#[ \t]*PAGE[ \t]+(\d+)[ \t]*$", re.M)


@dataclass(frozen=True)
class Parameter:
    name: str
    default: str | None = None
    required: bool = True
    meaning: str = ""  # what the header says the value is ("the person's name, alias or ...")


@dataclass(frozen=True)
class QuerySpec:
    """A query's text with what its header comment says about it."""

    text: str
    name: str | None = None  # the name in queries/, or the file path, None when inline
    description: str = ""
    parameters: tuple[Parameter, ...] | None = None  # None: the query declares none
    page_rows: int | None = None  # the rows of its first page, where it is a paged listing

    def describe(self) -> dict[str, object]:
        """Name, question and parameters as plain values (for JSON)."""
        return {
            "name": self.name,
            "description": self.description,
            "page_rows": self.page_rows,
            "parameters": [
                {
                    "name": p.name,
                    "required": p.required,
                    "default": p.default,
                    "meaning": p.meaning,
                }
                for p in self.parameters or ()
            ],
        }


def load_query(query: str) -> QuerySpec:
    """A query from a name in queries/ (``who-announced``), a path to a .rq file, or inline text."""
    if any(c.isspace() for c in query.strip()) or "{" in query:
        return parse_header(query, name=None)
    if query.endswith(".rq") or "/" in query or "\\" in query:
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"no query file {query}; check the path")
        return parse_header(path.read_text(encoding="utf-8"), name=query)
    text = resources.query_text(query) if _NAME.fullmatch(query) else None
    if text is None:
        names = ", ".join(resources.query_names()) or "none"
        raise QueryError(f"no query named {query!r}; the named queries are: {names}")
    return parse_header(text, name=query)


def list_queries() -> list[QuerySpec]:
    """Every named query, sorted by name."""
    return [load_query(name) for name in resources.query_names()]


def parse_header(text: str, *, name: str | None) -> QuerySpec:
    """Read the description and parameters from a query's first comment line."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first.startswith("#"):
        return QuerySpec(text=text, name=name)
    header = first.lstrip("#").strip()
    description, _, declared = header.partition("Parameters:")
    parameters = tuple(parameter for part in declared.split(";") for parameter in _declared(part))
    marks = _PAGE_HERE.findall(text)
    if len(marks) > 1:
        raise QueryError(f"{name or 'the query'} marks more than one page (# PAGE N)")
    return QuerySpec(
        text=text,
        name=name,
        description=description.strip(),
        parameters=parameters if declared else None,
        page_rows=int(marks[0]) if marks else None,
    )


def _declared(part: str) -> Iterator[Parameter]:
    """The parameters one part of a header declares, with the meaning written after them."""
    found = list(_PARAMETER.finditer(part))
    if not found:
        return
    meaning = part[found[-1].end() :].strip().lstrip(",").strip().rstrip(".").strip()
    for m in found:
        yield Parameter(
            name=m["name"],
            default=None if m["default"] is None else m["default"].replace('\\"', '"'),
            required=m["default"] is None and m["optional"] is None,
            meaning=meaning,
        )


def run_query(
    store: GraphStore,
    query: str | QuerySpec,
    *,
    params: Mapping[str, str | Identifier] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run ``query`` (name, path, inline text or a QuerySpec) on ``store`` with ``params``;
    ``limit`` and ``offset`` read one page of its rows (see ``page``)."""
    spec = query if isinstance(query, QuerySpec) else load_query(query)
    bindings = bind(spec, params or {})
    return store.query(page(spec, limit=limit, offset=offset), bindings=bindings)


def page(spec: QuerySpec, *, limit: int | None = None, offset: int = 0) -> str:
    """``spec``'s text reading at most ``limit`` rows (None: all) after the first ``offset``.

    The page follows the query's ORDER BY, so consecutive pages neither skip nor repeat a row
    of an ordered query. QueryError where the query pages itself or the numbers are negative.
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError("a page needs a limit and an offset of 0 or more")
    if spec.page_rows is not None:  # a paged listing: its page goes where it says
        rows = spec.page_rows if limit is None else limit
        here = f"LIMIT {int(rows)}" + (f" OFFSET {int(offset)}" if offset else "")
        return _PAGE_HERE.sub(here, spec.text, count=1)
    if limit is None and not offset:
        return spec.text
    label = spec.name or "the query"
    body = _COMMENT.sub("", spec.text).rstrip()
    if _OWN_PAGE.search(body):
        raise QueryError(f"{label} has its own LIMIT or OFFSET; give no --limit or --offset")
    if body.endswith("}") and re.search(r"\bVALUES\s+[^{]*\{[^{}]*\}$", body, re.I):
        raise QueryError(f"{label} ends with a VALUES block; write its LIMIT before it")
    modifiers = ([f"LIMIT {int(limit)}"] if limit is not None else []) + (
        [f"OFFSET {int(offset)}"] if offset else []
    )
    return f"{spec.text.rstrip()}\n{' '.join(modifiers)}\n"


@contextmanager
def stream_query(
    store: GraphStore | str | os.PathLike[str],
    query: str | QuerySpec,
    *,
    params: Mapping[str, str | Identifier] | None = None,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[QueryRows]:
    """``query``'s rows as they come, for the length of a ``with`` block.

    On a store folder the query runs in a process of its own (``kg.store.bounded``): it ends
    with QueryTimeout after ``timeout`` seconds (None: no limit) and at once on Ctrl-C. An
    open store answers in this process, whole, and ``timeout`` does not apply. ``limit`` and
    ``offset`` read one page (see ``page``).
    """
    spec = query if isinstance(query, QuerySpec) else load_query(query)
    bindings = bind(spec, params or {})
    text = page(spec, limit=limit, offset=offset)
    if isinstance(store, str | os.PathLike):
        from kg.store.bounded import bounded_query

        with bounded_query(store, text, bindings=bindings, timeout=timeout) as rows:
            yield rows
        return
    result = store.query(text, bindings=bindings)
    yield QueryRows(result.kind, result.variables, iter(result.rows), result.boolean)


def bind(spec: QuerySpec, params: Mapping[str, str | Identifier]) -> dict[str, Identifier]:
    """The bindings for ``params``: defaults filled in, unknown and missing ones refused."""
    label = spec.name or "the query"
    given = {name.lstrip("?$"): value for name, value in params.items()}
    if spec.parameters is None:  # undeclared: any variable the query mentions
        known = set(_VARIABLE.findall(spec.text))
        declared: tuple[Parameter, ...] = tuple(
            Parameter(name, required=False) for name in sorted(known)
        )
    else:
        declared = spec.parameters
    names = {p.name for p in declared}
    for name in given:
        if name not in names:
            takes = ", ".join(f"?{p.name}" for p in declared if spec.parameters) or "none"
            raise QueryError(f"{label} has no parameter ?{name}; it takes: {takes}")
    bindings: dict[str, Identifier] = {}
    for p in declared:
        value = given.get(p.name, p.default)
        if value is None:
            if p.required:
                example = f"kg query {spec.name}" if spec.name else "kg query"
                raise QueryError(
                    f"{label} needs a value for ?{p.name}; give one with "
                    f"{example} --param {p.name}=VALUE"
                )
            continue
        bindings[p.name] = to_term(value, name=p.name)
    return bindings


def to_term(value: str | Identifier, *, name: str = "value") -> Identifier:
    """A parameter value as an RDF term: ``<...>`` is an IRI, other text a plain literal.

    Raises QueryError for ``<...>`` that holds no absolute IRI.
    """
    if not isinstance(value, str) or isinstance(value, Identifier):
        return value
    if value.startswith("<") and value.endswith(">"):
        if (problem := check_iri(value[1:-1])) is not None:
            raise QueryError(
                f"parameter ?{name}: {value} is not an IRI ({problem}); write a full one such as "
                "<https://w3id.org/kg/entity/person/jens-stoltenberg>, or leave out the "
                "angle brackets to pass text"
            )
        return URIRef(value[1:-1])
    return Literal(value)
