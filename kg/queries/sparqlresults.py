"""A query's answer in the W3C SPARQL 1.1 result formats (JSON and XML), written row by row.

The text is the one a SPARQL endpoint answers with (byte for byte what Oxigraph writes for
the same solutions, plus the closing newline of a text file), so other tools read it as they
read an endpoint's answer. pyoxigraph can serialize only the solutions of its own store's
query, held whole; kg writes the rows as they arrive instead, from any store, so a long answer
takes no more memory than a short one. A CONSTRUCT answer is written as solutions of
``subject``, ``predicate`` and ``object``.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.delimited import TextOut
from kg.store.results import Answer

__all__ = ["write_sparql_json", "write_sparql_xml"]

_XML_HEAD = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
_XML_QUOTES = {'"': "&quot;", "'": "&apos;"}


def write_sparql_json(answer: Answer, out: TextOut) -> None:
    """``answer`` as SPARQL 1.1 Query Results JSON."""
    if answer.kind == "ask":
        out.write('{"head":{},"boolean":' + ("true" if answer.boolean else "false") + "}\n")
        return
    variables = answer.variables
    out.write('{"head":{"vars":' + _json(list(variables)) + '},"results":{"bindings":[')
    separator = ""
    for row in answer.rows:
        binding = {
            var: _json_term(term)
            for var, term in zip(variables, row, strict=True)
            if term is not None
        }
        out.write(separator + _json(binding))
        separator = ","
    out.write("]}}\n")


def write_sparql_xml(answer: Answer, out: TextOut) -> None:
    """``answer`` as SPARQL Query Results XML."""
    out.write(_XML_HEAD)
    if answer.kind == "ask":
        out.write("<head></head><boolean>" + ("true" if answer.boolean else "false"))
        out.write("</boolean></sparql>\n")
        return
    variables = answer.variables
    out.write("<head>")
    out.write("".join(f'<variable name="{_attr(var)}"/>' for var in variables))
    out.write("</head><results>")
    for row in answer.rows:
        cells = "".join(
            f'<binding name="{_attr(var)}">{_xml_term(term)}</binding>'
            for var, term in zip(variables, row, strict=True)
            if term is not None
        )
        out.write(f"<result>{cells}</result>")
    out.write("</results></sparql>\n")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        found = {"type": "literal", "value": str(term)}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            found["datatype"] = str(term.datatype)
        return found
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term), _XML_QUOTES)}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term), _XML_QUOTES)}</bnode>"
    text = escape(str(term), _XML_QUOTES)
    if isinstance(term, Literal) and term.language:
        return f'<literal xml:lang="{_attr(term.language)}">{text}</literal>'
    if isinstance(term, Literal) and term.datatype is not None and term.datatype != XSD.string:
        return f'<literal datatype="{_attr(str(term.datatype))}">{text}</literal>'
    return f"<literal>{text}</literal>"


def _attr(text: str) -> str:
    return escape(text, _XML_QUOTES)
