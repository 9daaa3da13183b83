"""RDF exports: deterministic (sorted, duplicates dropped), with kg's prefixes bound.

N-Quads and TriG keep the per-document named graphs; Turtle, N-Triples, JSON-LD and RDF/XML
write their union. pyoxigraph serializes all but JSON-LD, which rdflib writes compacted with a
@context of the same prefixes. N-Quads and N-Triples of an embedded store are written in
memory that does not grow with the store (kg.exporters.rdflines); the other formats, and
statements given as they are, are sorted in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import FormatError
from kg.exporters import rdflines
from kg.store.oxterms import from_ox, quad_to_ox
from kg.terms import PREFIXES

__all__ = ["RDF_FORMATS", "export_rdf"]

# format name → (pyoxigraph format, keeps named graphs)
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, False),
    "rdfxml": (ox.RdfFormat.RDF_XML, False),
}


# formats written from an embedded store without holding it in memory; neither has prefixes
_STREAMED = {"nquads": rdflines.write_nquads, "ntriples": rdflines.write_ntriples}


def export_rdf(
    source: object,
    out: BinaryIO,
    *,
    format: str,
    prefixes: dict[str, str] | None = None,
) -> int:
    """Write ``source`` (a kg store or an iterable of rdflib quads) as ``format``; returns the
    number of statements written."""
    if format not in RDF_FORMATS:
        names = ", ".join(RDF_FORMATS)
        raise FormatError(f"unknown RDF format {format!r}; use one of {names}")
    rdf_format, datasets = RDF_FORMATS[format]
    native = getattr(source, "oxigraph", None)
    if isinstance(native, ox.Store) and format in _STREAMED:
        return _STREAMED[format](native, out)
    prefixes = dict(PREFIXES if prefixes is None else prefixes)
    quads = _ox_quads(source)
    statements: list[ox.Quad] | list[ox.Triple]
    if datasets:
        keyed_quads = {
            (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)): q for q in quads
        }
        statements = [keyed_quads[k] for k in sorted(keyed_quads)]
    else:
        keyed = {(str(q.subject), str(q.predicate), str(q.object)): q.triple for q in quads}
        statements = [keyed[k] for k in sorted(keyed)]
    if format == "jsonld":
        _write_jsonld(statements, out, prefixes)  # type: ignore[arg-type]
    elif format == "rdfxml":
        _check_xml_text(statements)  # type: ignore[arg-type]
        # Oxigraph writes a carriage return as it is, and an XML reader takes a bare one for a
        # line feed: written as a character reference, it comes back as written.
        written = ox.serialize(statements, None, rdf_format, prefixes=prefixes) or b""
        out.write(written.replace(b"\r", b"&#13;"))
    else:
        ox.serialize(statements, out, rdf_format, prefixes=prefixes)
    return len(statements)


# Characters XML 1.0 cannot hold, even escaped: most C0 controls, surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_xml_text(triples: list[ox.Triple]) -> None:
    """FormatError when a literal holds a character RDF/XML cannot carry."""
    for t in triples:
        if isinstance(t.object, ox.Literal) and (bad := _NOT_XML.search(t.object.value)):
            raise FormatError(
                f"{t.subject} has text with U+{ord(bad.group()):04X}, which XML cannot hold; "
                "export it as turtle, ntriples or jsonld"
            )


def _ox_quads(source: object) -> Iterator[ox.Quad]:
    """pyoxigraph quads from an embedded store (no conversion), another store, or quads."""
    native = getattr(source, "oxigraph", None)
    if isinstance(native, ox.Store):
        yield from native
        return
    quads = getattr(source, "quads", None)
    items: Iterable = quads() if callable(quads) else source  # type: ignore[assignment]
    for quad in items:
        yield quad_to_ox(quad)


def _write_jsonld(triples: list[ox.Triple], out: BinaryIO, prefixes: dict[str, str]) -> None:
    import json

    from rdflib import Graph

    graph = Graph()
    for t in triples:
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    # rdflib compacts with the prefixes as @context; its node and value order follows Python's
    # hash seed, so sort both before writing.
    document = json.loads(
        graph.serialize(format="json-ld", context=prefixes, auto_compact=True, sort_keys=True)
    )
    if isinstance(document, dict) and isinstance(document.get("@graph"), list):
        document["@graph"] = sorted((_sorted(node) for node in document["@graph"]), key=_key)
    out.write(json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    out.write(b"\n")


def _sorted(value: object) -> object:
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=_key)
    return value


def _key(value: object) -> str:
    import json

    if isinstance(value, dict) and "@id" in value:
        return "0" + str(value["@id"])
    return "1" + json.dumps(value, sort_keys=True, ensure_ascii=False)
