"""Run SPARQL: a named query from ``queries/``, a ``.rq`` file, or inline text; render results.

A query file starts with one comment line saying what it answers and the parameters it takes:

    # Q2: What role does a person hold, and where? Parameters: ?name (default "Jens Stoltenberg").

Each parameter is ``?name`` followed by ``(default "...")``, ``(optional)`` (left unbound when
not given) or nothing (required). Parameters are bound as values by the store (Oxigraph
substitution, or a VALUES block for a remote endpoint), never formatted into the query text;
the query must name each one in its SELECT clause. Plain strings become plain literals;
``<...>`` becomes an IRI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg import resources
from kg.errors import FormatError, QueryError
from kg.store.protocol import GraphStore
from kg.store.results import QueryResult
from kg.terms import PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "Parameter",
    "QuerySpec",
    "list_queries",
    "load_query",
    "render",
    "run_query",
]

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_PARAMETER = re.compile(
    r'[?$](?P<name>[A-Za-z_]\w*)\s*(?:\((?:default\s+"(?P<default>(?:[^"\\]|\\.)*)"|(?P<optional>optional))\))?'
)
_VARIABLE = re.compile(r"[?$]([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Parameter:
    name: str
    default: str | None = None
    required: bool = True


@dataclass(frozen=True)
class QuerySpec:
    """A query's text with what its header comment says about it."""

    text: str
    name: str | None = None  # the name in queries/, or the file path, None when inline
    description: str = ""
    parameters: tuple[Parameter, ...] | None = None  # None: the query declares none


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
    parameters = tuple(
        Parameter(
            name=m["name"],
            default=None if m["default"] is None else m["default"].replace('\\"', '"'),
            required=m["default"] is None and m["optional"] is None,
        )
        for m in _PARAMETER.finditer(declared)
    )
    return QuerySpec(
        text=text,
        name=name,
        description=description.strip(),
        parameters=parameters if declared else None,
    )


def run_query(
    store: GraphStore,
    query: str | QuerySpec,
    *,
    params: Mapping[str, str | Identifier] | None = None,
) -> QueryResult:
    """Run ``query`` (name, path, inline text or a QuerySpec) on ``store`` with ``params``."""
    spec = query if isinstance(query, QuerySpec) else load_query(query)
    bindings = bind(spec, params or {})
    return store.query(spec.text, bindings=bindings)


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
        bindings[p.name] = to_term(value)
    return bindings


def to_term(value: str | Identifier) -> Identifier:
    """A parameter value as an RDF term: ``<...>`` is an IRI, other text a plain literal."""
    if not isinstance(value, str) or isinstance(value, Identifier):
        return value  # type: ignore[return-value]
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


# -- rendering ------------------------------------------------------------------------------

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def render(result: QueryResult, *, format: str = "table", max_width: int = 60) -> str:
    """``result`` as text: an aligned table, CSV, TSV (tabs and newlines in values become
    spaces) or JSON (a list of objects; ``{"ask": ...}`` for ASK). ``max_width`` cuts table
    cells only. A CONSTRUCT result shown as a table is Turtle instead."""
    if format == "table" and result.kind == "construct":
        return _turtle(result)
    if format == "table":
        return _table(result, max_width=max_width)
    if format in ("csv", "tsv"):
        return _delimited(result, delimiter="," if format == "csv" else "\t")
    if format == "json":
        return _json(result)
    raise FormatError(f"unknown output format {format!r}; use one of {', '.join(RESULT_FORMATS)}")


def _turtle(result: QueryResult) -> str:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in result.rows:
        graph.add(triple)  # type: ignore[arg-type]
    return graph.serialize(format="turtle")


def plain(term: Identifier | None) -> str:
    """A term as plain text: IRIs in full, literals by their lexical form, unbound as ""."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def compact(term: Identifier | None) -> str:
    """Like ``plain``, with IRIs shortened by kg's prefixes (kg:agent, rel:announce)."""
    if isinstance(term, URIRef):
        for prefix, iri in PREFIXES.items():
            if term.startswith(iri) and len(term) > len(iri):
                return f"{prefix}:{term[len(iri) :]}"
    return plain(term)


def json_value(term: Identifier | None) -> object:
    """A term as a JSON value: numbers and booleans native, dates ISO text, the rest text."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float) and not isinstance(value, Literal):
            return value
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, dt.date | dt.datetime):
            return value.isoformat()
    return plain(term)


def _table(result: QueryResult, *, max_width: int) -> str:
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    cells = [[_cut(compact(term), max_width) for term in row] for row in result.rows]
    header = list(result.variables)
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _delimited(result: QueryResult, *, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if delimiter == "\t":
        writer = csv.writer(
            out,
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_NONE,
            escapechar=None,
            quotechar=None,
        )
    writer.writerow(result.variables)
    if result.kind == "ask":
        writer.writerow(["true" if result.boolean else "false"])
    for row in result.rows if result.kind != "ask" else ():
        values = [plain(term) for term in row]
        if delimiter == "\t":
            values = [" ".join(v.split()) if any(c in v for c in "\t\r\n") else v for v in values]
        writer.writerow(values)
    return out.getvalue()


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"ask": bool(result.boolean)}) + "\n"
    rows = [{var: json_value(term) for var, term in row.items()} for row in result.dicts()]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
