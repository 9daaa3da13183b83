"""RDF in and out through the command line: Turtle by default, RDF/XML, one article's graph,
and `kg load` of files in every RDF syntax, each a named graph of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from test_cli import Cli

from kg.store.embedded import Store

EX = Namespace("http://example.org/")
SUFFIXES = {
    "turtle": ".ttl",
    "nt": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
    "json-ld": ".jsonld",
    "xml": ".rdf",
}


def _store(tmp_path: Path, seed_documents: list) -> Path:
    path = tmp_path / "store"
    with Store(path) as store:
        store.write_documents(seed_documents)
    return path


def test_export_writes_turtle_by_default_and_rdf_xml_on_asking(
    seed_documents: list, tmp_path: Path, cli: Cli
) -> None:
    path = str(_store(tmp_path, seed_documents))
    plain = cli("export", "--store", path)
    assert plain.exit_code == 0, plain.output
    turtle = cli("export", "--format", "turtle", "--store", path)
    assert plain.stdout == turtle.stdout
    rdfxml = cli("export", "--format", "rdfxml", "--store", path)
    assert rdfxml.stdout.startswith("<?xml")
    assert isomorphic(
        Graph().parse(data=plain.stdout, format="turtle"),
        Graph().parse(data=rdfxml.stdout, format="xml"),
    )
    assert cli("export", "-o", str(tmp_path / "graph.rdf"), "--store", path).exit_code == 0
    assert (tmp_path / "graph.rdf").read_text() == rdfxml.stdout


def test_export_of_one_article_is_its_graph_and_its_metadata(
    seed_documents: list, tmp_path: Path, cli: Cli
) -> None:
    path = str(_store(tmp_path, seed_documents))
    first = seed_documents[0]
    result = cli("export", "--document", str(first.iri), "--format", "nquads", "--store", path)
    assert result.exit_code == 0, result.output
    written = {(s, p, o, g) for s, p, o, g in _quads(result.stdout)}
    assert written == set(first.quads)
    missing = cli("export", "--document", "no-such-article", "--store", path)
    assert missing.exit_code == 1
    assert missing.stderr == (
        "Error: no document with id, source or URL 'no-such-article'; list them with "
        "`kg query documents`\n"
    )
    network = cli("export", "--document", str(first.iri), "--format", "gexf", "--store", path)
    assert network.exit_code == 1 and "in an RDF format, not gexf" in network.stderr


def _quads(nquads: str) -> list[tuple]:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return [(s, p, o, g) for s, p, o, g in dataset.quads() if g is not None]


def _facts() -> Graph:
    graph = Graph()
    graph.add((EX.nato, EX.foundedIn, Literal(1949)))
    graph.add((EX.nato, EX.headquarters, EX.brussels))
    graph.add((EX.brussels, EX.name, Literal("Brussels", lang="en")))
    return graph


@pytest.mark.parametrize("syntax", SUFFIXES)
def test_load_reads_each_rdf_syntax_into_a_graph_of_its_own(
    syntax: str, tmp_path: Path, cli: Cli
) -> None:
    file = tmp_path / f"facts{SUFFIXES[syntax]}"
    facts = _facts()
    if syntax in ("nquads", "trig"):
        from rdflib import Dataset

        dataset = Dataset()
        named = dataset.graph(URIRef("http://example.org/graph"))
        for triple in facts:
            named.add(triple)
        dataset.serialize(file, format=syntax, encoding="utf-8")
    else:
        facts.serialize(file, format=syntax, encoding="utf-8")
    store = str(tmp_path / "store")
    result = cli("load", str(file), "--store", store)
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 file, 8 triples\n"  # 3 facts, the document's 5 lines
    again = cli("load", str(file), "--store", store)
    assert again.stdout == "0 files, 0 triples (1 unchanged)\n"
    exported = cli("export", "--document", str(file), "--format", "nquads", "--store", store)
    assert set(facts) <= {(s, p, o) for s, p, o, _ in _quads(exported.stdout)}
    assert cli("validate", "--store", store).stdout == "1 documents checked: conforms\n"
    removed = cli("remove", str(file), "--store", store)
    assert removed.exit_code == 0 and removed.stdout.startswith("removed ")
    assert "documents  0" in cli("stats", "--store", store).stdout


def test_load_skips_what_does_not_parse_or_conform_and_loads_the_rest(
    tmp_path: Path, cli: Cli
) -> None:
    good = tmp_path / "good.ttl"
    _facts().serialize(good, format="turtle")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/b> .\n")
    odd = tmp_path / "sentence.ttl"  # a kg:Sentence without its text breaks the shapes
    odd.write_text(
        "@prefix kg: <https://w3id.org/kg/ontology#> .\n<http://example.org/s> a kg:Sentence .\n"
    )
    blank = tmp_path / "blank.nt"
    blank.write_text('_:x <http://example.org/name> "someone" .\n')
    store = str(tmp_path / "store")
    result = cli("load", *map(str, (good, broken, odd, blank)), "--store", store)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"skipped: {broken}: is not valid Turtle: ")
    assert lines[0].endswith("; fix the file")
    assert lines[1].startswith(f"skipped: {odd}: does not conform to kg's shapes (")
    assert lines[2] == "Error: 2 files skipped (reasons above); the others were loaded"
    assert result.stdout == "2 files, 14 triples\n"
    names = cli("query", "SELECT ?s WHERE { ?s <http://example.org/name> ?o }", "--store", store)
    assert "/node/b1" in names.stdout  # the blank node, named under its document


def test_relative_iris_of_a_loaded_file_resolve_under_its_document(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("relative.ttl").write_text('<#nato> <http://example.org/name> "NATO" .\n')
    assert cli("load", "relative.ttl", "--store", "store").exit_code == 0
    exported = cli("export", "--format", "nt", "--store", "store").stdout
    assert str(tmp_path) not in exported  # nothing of this machine's folders
    assert '<http://purl.org/dc/terms/source> "relative.ttl"' in exported  # as given
    subject = exported.split('<http://example.org/name> "NATO"')[0].split()[-1]
    assert subject.startswith("<https://w3id.org/kg/document/") and subject.endswith("/#nato>")
