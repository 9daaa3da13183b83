"""A query's answer as text: an aligned table, CSV, TSV or JSON.

CSV and TSV go through ``kg.delimited``: text a spreadsheet would take for a formula gets an
apostrophe before it, unless ``raw_cells``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.delimited import DelimitedWriter
from kg.errors import FormatError
from kg.store.results import QueryResult
from kg.terms import PREFIXES

__all__ = ["RESULT_FORMATS", "compact", "json_value", "plain", "render"]

RESULT_FORMATS = ("table", "csv", "tsv", "json")


def render(
    result: QueryResult, *, format: str = "table", max_width: int = 60, raw_cells: bool = False
) -> str:
    """``result`` as text: an aligned table, CSV, TSV (tabs and newlines in values become
    spaces) or JSON (a list of objects; ``{"ask": ...}`` for ASK). ``max_width`` cuts table
    cells only; ``raw_cells`` leaves CSV and TSV cells as they are. A CONSTRUCT result shown
    as a table is Turtle instead."""
    if format == "table" and result.kind == "construct":
        return _turtle(result)
    if format == "table":
        return _table(result, max_width=max_width)
    if format in ("csv", "tsv"):
        delimiter = "," if format == "csv" else "\t"
        return _delimited(result, delimiter=delimiter, raw_cells=raw_cells)
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


def _delimited(result: QueryResult, *, delimiter: str, raw_cells: bool) -> str:
    out = io.StringIO()
    writer = DelimitedWriter(out, delimiter=delimiter, raw_cells=raw_cells)
    writer.writerow(result.variables)
    if result.kind == "ask":
        writer.writerow(["true" if result.boolean else "false"])
    for row in result.rows if result.kind != "ask" else ():
        writer.writerow([plain(term) for term in row])
    return out.getvalue()


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"ask": bool(result.boolean)}) + "\n"
    rows = [{var: json_value(term) for var, term in row.items()} for row in result.dicts()]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
