"""A query's answer as text: an aligned table, CSV, TSV, JSON, JSON lines or the W3C result
formats (``kg.queries.sparqlresults``), written row by row, each ending in one newline.

Every format is written as the rows arrive, so a long answer takes no more memory than a
short one and its first rows show at once. The table sizes its columns from the first
``TABLE_SAMPLE`` rows; cells are whole unless ``max_width`` is given, and then each is cut
to it (a later cell longer than its column is cut to the column), ending in "…". A
CONSTRUCT answer shown as a table is Turtle, a subject's triples together as they come. CSV
and TSV go through ``kg.delimited``: text a spreadsheet would take for a formula gets an
apostrophe before it, unless ``raw_cells``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, NamespaceManager
from rdflib.term import Identifier

from kg.delimited import DelimitedWriter, TextOut
from kg.errors import FormatError
from kg.queries.formats import RESULT_FORMATS
from kg.queries.sparqlresults import write_sparql_json, write_sparql_xml
from kg.store.results import Answer
from kg.terms import PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "TABLE_SAMPLE",
    "compact",
    "json_value",
    "plain",
    "render",
    "write_answer",
]

TABLE_SAMPLE = 100  # rows the table's column widths are taken from


def render(
    answer: Answer,
    *,
    format: str = "table",
    max_width: int | None = None,
    raw_cells: bool = False,
    headers: bool = True,
) -> str:
    """``answer`` as text, as ``write_answer`` writes it."""
    out = io.StringIO()
    write_answer(
        answer, out, format=format, max_width=max_width, raw_cells=raw_cells, headers=headers
    )
    return out.getvalue()


def write_answer(
    answer: Answer,
    out: TextOut,
    *,
    format: str = "table",
    max_width: int | None = None,
    raw_cells: bool = False,
    headers: bool = True,
) -> None:
    """Write ``answer`` to ``out`` as its rows come: an aligned table, CSV, TSV (tabs and
    newlines in values become spaces), JSON (a list of objects; ``{"ask": ...}`` for ASK),
    JSON lines (one object a line), or SPARQL results JSON or XML. ``max_width`` cuts table
    cells; ``raw_cells`` leaves CSV and TSV cells as they are; ``headers=False`` leaves out
    the header line of CSV and TSV."""
    if format not in RESULT_FORMATS:
        known = ", ".join(RESULT_FORMATS)
        raise FormatError(f"unknown output format {format!r}; use one of {known}")
    if format == "table" and answer.kind == "construct":
        _turtle(answer, out)
    elif format == "table":
        _table(answer, out, max_width=max_width)
    elif format == "json":
        _json(answer, out)
    elif format == "jsonl":
        _json_lines(answer, out)
    elif format == "sparql-json":
        write_sparql_json(answer, out)
    elif format == "sparql-xml":
        write_sparql_xml(answer, out)
    else:
        delimiter = "," if format == "csv" else "\t"
        writer = DelimitedWriter(out, delimiter=delimiter, raw_cells=raw_cells)
        _delimited(answer, writer, headers=headers)


def _turtle(answer: Answer, out: TextOut) -> None:
    names = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace)
        out.write(f"@prefix {prefix}: <{namespace}> .\n")
    subject: Identifier | None = None
    for s, p, o in answer.rows:  # type: ignore[misc]
        if subject is not None and s == subject:
            out.write(" ;\n    ")
        else:
            out.write(" .\n\n" if subject is not None else "\n")
            out.write(s.n3(names) + " ")  # type: ignore[union-attr]
            subject = s
        verb = "a" if p == RDF.type else p.n3(names)  # type: ignore[union-attr]
        out.write(f"{verb} {o.n3(names)}")  # type: ignore[union-attr]
    if subject is not None:
        out.write(" .\n")


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


def _table(answer: Answer, out: TextOut, *, max_width: int | None) -> None:
    if answer.kind == "ask":
        out.write("true\n" if answer.boolean else "false\n")
        return
    rows = iter(answer.rows)
    first = [
        [_cut(compact(term), max_width) for term in row]
        for row in itertools.islice(rows, TABLE_SAMPLE)
    ]
    header = list(answer.variables)
    widths = [max([len(h), *(len(row[i]) for row in first)]) for i, h in enumerate(header)]
    out.write(_line(header, widths) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for cells in first:
        out.write(_line(cells, widths) + "\n")
    for row in rows:
        cells = [
            _cut(compact(term), width if max_width is not None else None)
            for term, width in zip(row, widths, strict=True)
        ]
        out.write(_line(cells, widths) + "\n")


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: max(width - 1, 0)] + "…"


def _delimited(answer: Answer, writer: DelimitedWriter, *, headers: bool) -> None:
    if headers:
        writer.writerow(answer.variables)
    if answer.kind == "ask":
        writer.writerow(["true" if answer.boolean else "false"])
        return
    for row in answer.rows:
        writer.writerow([plain(term) for term in row])


def _json(answer: Answer, out: TextOut) -> None:
    """A list of objects, laid out as ``json.dumps(rows, indent=2)`` lays it out, one
    object at a time."""
    if answer.kind == "ask":
        out.write(json.dumps({"ask": bool(answer.boolean)}) + "\n")
        return
    variables = answer.variables
    separator = "[\n  "
    for row in answer.rows:
        value = {
            var: json_value(term)
            for var, term in zip(variables, row, strict=True)
            if term is not None
        }
        out.write(separator + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        separator = ",\n  "
    out.write("[]\n" if separator.startswith("[") else "\n]\n")


def _json_lines(answer: Answer, out: TextOut) -> None:
    """One object a line (the ASK answer is one line too), for line-by-line readers."""
    if answer.kind == "ask":
        out.write(json.dumps({"ask": bool(answer.boolean)}) + "\n")
        return
    variables = answer.variables
    for row in answer.rows:
        value = {
            var: json_value(term)
            for var, term in zip(variables, row, strict=True)
            if term is not None
        }
        out.write(json.dumps(value, ensure_ascii=False) + "\n")
