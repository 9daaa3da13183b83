"""Bind SPARQL parameters as data: a VALUES block at the top of the query's WHERE group.

For endpoints that have no SEP-0007 substitution (kg's embedded store uses Oxigraph's). Values
are written as N-Triples terms by pyoxigraph, so a value can never become query syntax. The
scanner skips comments, strings and IRIs to find the ``{`` that opens the WHERE group; it does
not parse SPARQL, which the endpoint does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.store.oxterms import to_ox

__all__ = ["inject_rows", "inject_values", "replace_update", "where_position"]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_QUERY_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def where_position(sparql: str) -> int:
    """The index just after the ``{`` that opens the query's WHERE group.

    Raises QueryError for a query without one (CONSTRUCT WHERE short form, DESCRIBE <iri>).
    """
    i, n = 0, len(sparql)
    form = None
    previous = ""  # the last keyword seen at depth 0
    parens = 0
    template = False  # a CONSTRUCT template has been skipped
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            i = _skip_string(sparql, i)
            continue
        if c == "<":
            match = _IRI.match(sparql, i)
            i = match.end() if match else i + 1
            continue
        if c in "?$":  # a variable: skip its name so it is not read as a keyword
            match = _WORD.match(sparql, i + 1)
            i = match.end() if match else i + 1
            continue
        if c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == "{" and parens == 0:
            if form == "CONSTRUCT" and not template:
                if previous == "WHERE":
                    raise QueryError(
                        "a CONSTRUCT WHERE short form cannot take parameters; "
                        "write CONSTRUCT { ... } WHERE { ... }"
                    )
                i = _skip_group(sparql, i)  # the CONSTRUCT template
                template = True
                continue
            if form is not None:
                return i + 1
        elif c.isalpha() or c == "_":
            match = _WORD.match(sparql, i)
            assert match is not None
            word = match.group().upper()
            if parens == 0:
                if form is None and word in _QUERY_FORMS:
                    form = word
                previous = word
            i = match.end()
            continue
        i += 1
    raise QueryError("the query has no WHERE { ... } group to bind parameters in; add one")


def inject_values(sparql: str, bindings: Mapping[str, Identifier | None]) -> str:
    """``sparql`` with ``VALUES (?a ?b) { (x y) }`` opening its WHERE group (None: left unbound)."""
    bound = {name: term for name, term in sorted(bindings.items()) if term is not None}
    if not bound:
        return sparql
    return inject_rows(sparql, tuple(bound), [tuple(bound.values())])


def inject_rows(sparql: str, variables: Sequence[str], rows: Iterable[Sequence[Identifier]]) -> str:
    """``sparql`` with a VALUES block of several rows opening its WHERE group."""
    for name in variables:
        if not _WORD.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name; use letters, digits and _")
    lines = []
    for row in rows:
        for name, term in zip(variables, row, strict=True):
            if isinstance(term, BNode):
                raise QueryError(
                    f"parameter ?{name} cannot be a blank node; give an IRI or a literal"
                )
        lines.append("(" + " ".join(str(to_ox(term)) for term in row) + ")")
    at = where_position(sparql)
    head = " ".join(f"?{name}" for name in variables)
    return f"{sparql[:at]} VALUES ({head}) {{ {' '.join(lines)} }} {sparql[at:]}"


def replace_update(drop: Iterable[URIRef], nquads: str = "") -> str:
    """One SPARQL update: drop each document's graph and metadata, then insert the quads of
    ``nquads`` (N-Quads text, as ``MappedDocument`` holds it)."""
    parts = []
    for iri in drop:
        node = str(to_ox(iri))
        parts.append(f"DROP SILENT GRAPH {node}")
        parts.append(f"DELETE WHERE {{ GRAPH ?g {{ {node} ?p ?o }} }}")
    # N-Triples forms of pyoxigraph terms, so every value is escaped as SPARQL expects.
    by_graph: dict[str, list[str]] = {}
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(graph, []).append(f"{q.subject} {q.predicate} {q.object} .")
    if by_graph:
        blocks = [
            "\n".join(triples) if not graph else f"GRAPH {graph} {{\n" + "\n".join(triples) + "\n}"
            for graph, triples in by_graph.items()
        ]
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return ";\n".join(parts)


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    long = text.startswith(quote * 3, i)
    delimiter = quote * 3 if long else quote
    j = i + len(delimiter)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text.startswith(delimiter, j):
            return j + len(delimiter)
        if not long and text[j] == "\n":
            break
        j += 1
    raise QueryError("the query has an unterminated string; close its quotes")


def _skip_group(text: str, i: int) -> int:
    depth = 0
    while i < len(text):
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
            continue
        if c in "\"'":
            i = _skip_string(text, i)
            continue
        if c == "<":
            match = _IRI.match(text, i)
            i = match.end() if match else i + 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise QueryError("the query has an unclosed { ... } group; close it")
