"""RDF exports round-trip; GraphML and GEXF load back in networkx."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from seed_extractions import ExtractionBuilder

from kg.errors import FormatError
from kg.exporters import FORMATS, RDF_FORMATS, export, export_rdf
from kg.mapping import map_extraction
from kg.store.embedded import Store
from kg.store.protocol import MappedDocument

# rdflib 7.6's own parsers call its deprecated ConjunctiveGraph / default_context.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                 "jsonld": "json-ld", "rdfxml": "xml"}  # fmt: skip
BASE = "https://w3id.org/kg/"


def export_bytes(source: object, format: str) -> bytes:
    out = io.BytesIO()
    export(source, out, format=format)
    return out.getvalue()


@pytest.mark.parametrize("format", ["nquads", "trig"])
def test_dataset_formats_keep_the_named_graphs(seed_store: Store, format: str) -> None:
    data = export_bytes(seed_store, format)
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMAT[format])
    assert set(dataset.quads()) == set(seed_store.quads())
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert {BASE + "document/a0a0a0a0a0a0a0a0", BASE + "graph/meta"} <= graphs


@pytest.mark.parametrize("format", ["turtle", "ntriples", "jsonld"])
def test_graph_formats_write_the_union(seed_store: Store, format: str) -> None:
    data = export_bytes(seed_store, format)
    parsed = Graph().parse(data=data, format=RDFLIB_FORMAT[format])
    union = Graph()
    for s, p, o, _ in seed_store.quads():
        union.add((s, p, o))
    assert len(union) < sum(1 for _ in seed_store.quads())  # shared entities merged
    assert isomorphic(parsed, union)
    assert set(parsed) == set(union)  # no blank nodes: the same triples, term for term


@pytest.mark.parametrize("format", sorted(RDF_FORMATS))
def test_exports_are_deterministic(
    seed_store: Store, seed_documents: list[MappedDocument], format: str
) -> None:
    with Store() as other:  # the same documents, written the other way round, one by one
        for doc in reversed(seed_documents):
            other.write_documents([doc])
        assert export_bytes(other, format) == export_bytes(seed_store, format)
    quads = [q for doc in seed_documents for q in doc.quads]
    assert export_bytes(quads, format) == export_bytes(seed_store, format)


@pytest.mark.parametrize("format", ["nquads", "ntriples"])
def test_a_store_s_line_formats_match_the_sorted_statements_whatever_the_graphs(
    seed_documents: list[MappedDocument], format: str
) -> None:
    # written from the store graph by graph (or merged from sorted runs), they are the bytes
    # of every statement sorted at once, with a default graph and a blank graph name too
    import pyoxigraph as ox

    with Store() as store:
        store.write_documents(seed_documents)
        a, p = ox.NamedNode(BASE + "a"), ox.NamedNode(BASE + "p")
        extra = [
            ox.Quad(a, p, ox.Literal("x y")),
            ox.Quad(a, p, ox.Literal("x"), ox.BlankNode("g1")),
            ox.Quad(a, p, ox.Literal("x", language="en"), ox.NamedNode(BASE + "g")),
        ]
        store.oxigraph.extend(extra)
        everything = io.BytesIO()
        export_rdf(list(store.quads()), everything, format=format)
        assert export_bytes(store, format) == everything.getvalue()


# lines of N-Quads text: any character but line ends and lone surrogates, which no UTF-8
# text holds
LINE_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(LINE_CHARACTERS, max_size=6), max_size=40))
def test_sorted_runs_merge_into_the_sorted_lines(texts: list[str]) -> None:
    from kg.exporters.rdflines import sorted_unique

    lines = [text + "\n" for text in texts]
    assert list(sorted_unique(lines, run=3)) == sorted(set(lines))


def test_exports_do_not_depend_on_the_hash_seed(seed_documents: list[MappedDocument]) -> None:
    # rdflib's JSON-LD writer orders nodes by Python's (per-process) string hashes; kg sorts.
    code = (
        "import hashlib, io, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from seed_extractions import seed_extractions\n"
        "from kg.exporters import FORMATS, export\n"
        "from kg.mapping import map_extraction\n"
        "quads = [q for x in seed_extractions() for q in map_extraction(x).quads]\n"
        "for f in [f for f in FORMATS if f != 'csv']:\n"
        "    out = io.BytesIO()\n"
        "    export(quads, out, format=f)\n"
        "    print(f, hashlib.sha256(out.getvalue()).hexdigest())\n"
    )
    quads = [q for doc in seed_documents for q in doc.quads]
    streams = [f for f in FORMATS if f != "csv"]  # csv is a folder of two files
    here = "".join(f"{f} {hashlib.sha256(export_bytes(quads, f)).hexdigest()}\n" for f in streams)
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=Path(__file__).resolve().parent.parent,
            check=True,
        )
        assert done.stdout == here


def test_prefixes_are_bound(seed_store: Store) -> None:
    turtle = export_bytes(seed_store, "turtle").decode()
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in turtle
    assert "kg:predicate" in turtle and "rel:holds_role" in turtle
    trig = export_bytes(seed_store, "trig").decode()
    assert "@prefix dcterms: <http://purl.org/dc/terms/> ." in trig
    jsonld = export_bytes(seed_store, "jsonld").decode()
    assert '"@context"' in jsonld and '"kg": "https://w3id.org/kg/ontology#"' in jsonld


def test_export_counts_and_unknown_formats(seed_store: Store) -> None:
    out = io.BytesIO()
    written = export_rdf(seed_store, out, format="nquads")
    assert written == len(out.getvalue().splitlines()) == sum(1 for _ in seed_store.quads())
    with pytest.raises(FormatError) as err:
        export(seed_store, io.BytesIO(), format="docx")
    assert str(err.value) == f"unknown export format 'docx'; use one of {', '.join(FORMATS)}"
    with pytest.raises(FormatError, match="unknown RDF format 'gexf'"):
        export_rdf(seed_store, io.BytesIO(), format="gexf")


@settings(max_examples=30, deadline=None)
@given(text=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
@example(text="0\r")  # a bare carriage return, which an XML reader reads as a line feed
def test_any_text_round_trips_through_every_format(text: str) -> None:
    b = ExtractionBuilder("t1", title=text)
    b.entity(text, text, "Person", "PERSON")
    b.sentence(text)
    quads = map_extraction(b.build()).quads
    for format in RDF_FORMATS:
        if format == "rdfxml" and re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text):
            with pytest.raises(FormatError, match="which XML cannot hold; export it as turtle"):
                export_bytes(quads, format)
            continue
        data = export_bytes(quads, format)
        if format in ("nquads", "trig"):
            dataset = Dataset()
            dataset.parse(data=data, format=RDFLIB_FORMAT[format])
            assert set(dataset.quads()) == set(quads), format
        else:
            parsed = Graph().parse(data=data, format=RDFLIB_FORMAT[format])
            assert set(parsed) == {(s, p, o) for s, p, o, _ in quads}, format
