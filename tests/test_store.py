"""The embedded Oxigraph store on disk (and in memory), and the remote SPARQL store."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD
from seed_extractions import ExtractionBuilder, arg

from kg.errors import DiskError, QueryError, StoreError
from kg.exporters import export
from kg.mapping import map_extraction
from kg.queries.runner import list_queries, run_query
from kg.queries.shacl import validate_store
from kg.records import Extraction
from kg.store import disk, embedded
from kg.store.embedded import PENDING_FILE, Store, open_store
from kg.store.oxterms import nquads
from kg.store.protocol import GraphStore, MappedDocument
from kg.store.remote import SparqlStore
from kg.store.sources import any_shared, set_sources, sharing, sources_of, sources_of_each
from kg.terms import KG, REL

BASE = "https://w3id.org/kg/"
DOC_A = URIRef(BASE + "document/a0a0a0a0a0a0a0a0")
DOC_B = URIRef(BASE + "document/b1b1b1b1b1b1b1b1")


def all_quads(docs: list[MappedDocument]) -> set[tuple]:
    return {q for doc in docs for q in doc.quads}


def changed(seed: tuple[Extraction, Extraction]) -> MappedDocument:
    """Article A edited: new text, so a new id, but the same source file."""
    b = ExtractionBuilder(
        "a2a2a2a2a2a2a2a2",
        title="Alliance grows its Iraq mission (updated)",
        source="news/alliance-grows.txt",
    )
    b.entity("jens stoltenberg", "Jens Stoltenberg", "Person", "PERSON")
    n = b.sentence("Jens Stoltenberg spoke again.")
    b.event(n, "speak", "spoke", arg("agent", "Jens Stoltenberg", entity="jens stoltenberg"))
    return map_extraction(b.build())


# -- on disk --------------------------------------------------------------------------------


def test_write_then_read_back_from_disk(
    tmp_path: Path, seed_documents: list[MappedDocument]
) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        summary = store.write_documents(seed_documents)
        assert (summary.documents, summary.replaced) == (2, 0)
        assert summary.quads == sum(len(d.quads) for d in seed_documents)
    with open_store(path, read_only=True) as store:
        assert set(store.quads()) == all_quads(seed_documents)
        assert store.has_document("a0a0a0a0a0a0a0a0")
        assert not store.has_document("ffff")
        stats = store.stats()
        assert (stats.documents, stats.graphs, stats.quotes, stats.roles) == (2, 3, 6, 8)
        assert stats.quads == len(all_quads(seed_documents))
        assert stats.entities == 20
        assert stats.relations == 5
        assert stats.entity_types == {
            "Organization": 7, "Person": 6, "Place": 4, "Group": 2, "TimeExpression": 1
        }  # fmt: skip
        assert list(stats.relation_types.items())[0] == ("holds_role", 4)
        assert stats.event_predicates["say"] == 3 and sum(stats.event_predicates.values()) == 24


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    expected = (
        f"the store at {path} is being written by another process; wait for it to finish or "
        "use another --store"
    )
    with open_store(path):
        code = (
            "import sys\nfrom kg.store.embedded import open_store\n"
            "from kg.errors import StoreError\n"
            "try:\n    open_store(sys.argv[1]).__enter__()\n"
            "except StoreError as err:\n    print(err)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
        )
        assert out.stdout.strip() == expected
        # The same process opening it twice gets the same message.
        with pytest.raises(StoreError) as err:
            Store(path)
        assert str(err.value) == expected
    with open_store(path) as store:  # let go on exit: a new writer may open it
        assert len(store) == 0


def test_readers_share_a_store_and_cannot_write(
    tmp_path: Path, seed_documents: list[MappedDocument]
) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.write_documents(seed_documents)
    with open_store(path, read_only=True) as one, open_store(path, read_only=True) as two:
        assert len(one) == len(two) > 0
        with pytest.raises(StoreError, match="opened read-only; open it without read_only"):
            one.write_documents(seed_documents)
        with pytest.raises(StoreError, match="opened read-only"):
            two.remove_document("a0a0a0a0a0a0a0a0")


def test_a_built_store_conforms_to_the_shapes(seed_store: Store) -> None:
    report = validate_store(seed_store)
    assert report.conforms and report.documents == 2, report.summary()


def test_reading_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing"
    with pytest.raises(StoreError, match=f"there is no store at {missing}; build one first"):
        Store(missing, read_only=True)
    missing.mkdir()
    with pytest.raises(StoreError, match=f"there is no store at {missing}; build one first"):
        Store(missing, read_only=True)
    with pytest.raises(StoreError, match="cannot open the store at .*; check the path"):
        Store(tmp_path / "file.txt" if (tmp_path / "file.txt").write_text("x") else None)
    with pytest.raises(StoreError, match="cannot be read-only"):
        Store(None, read_only=True)


def test_the_store_s_disk_errors_say_what_to_do() -> None:
    # the text of the errors Oxigraph raised on a full tmpfs, and on a failing disk
    full = OSError(
        "IO error: No space left on device: While appending to file: /s/000008.log: No space "
        "left on device"
    )
    failing = OSError("IO error: Input/output error: While appending to file: /s/000008.log")
    assert str(disk.write_error(full, "/s")) == (
        "the disk of the store at /s is full; free space on that disk or use another --store"
    )
    assert str(disk.write_error(failing, "/s")) == (
        "could not write to the store at /s (IO error: Input/output error: While appending to "
        "file: /s/000008.log); check that disk and its free space"
    )
    assert str(disk.open_error(full, "/s")) == (
        "cannot open the store at /s: its disk is full; free space on that disk or use another "
        "--store, then run again (what the store holds is kept)"
    )
    assert disk.open_error(failing, "/s") is None  # said as any other failure to open
    assert isinstance(disk.write_error(failing, "/s"), DiskError)


def test_a_batch_the_disk_has_no_room_for_is_refused_before_it_is_written(
    tmp_path: Path, seed_documents: list[MappedDocument]
) -> None:
    with open_store(tmp_path / "store") as store:
        store.write_documents(seed_documents[:1])  # room enough
        free = shutil.disk_usage(tmp_path).free
        with pytest.raises(DiskError, match=r"^the disk of the store at .* is nearly full \("):
            disk.check_room(store.path, free // disk.BYTES_PER_QUAD + 1)
        assert disk.room_needed(store.path, 10) > 10 * disk.BYTES_PER_QUAD
        assert store.stats().documents == 1


def test_a_closed_store_says_so(seed_documents: list[MappedDocument]) -> None:
    store = Store()
    store.close()
    with pytest.raises(StoreError, match="is closed; open it again"):
        store.stats()


class CountingOx:
    """Wraps a pyoxigraph Store and counts the calls that write."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.writes: list[str] = []

    def __getattr__(self, name: str) -> object:
        if name in ("extend", "bulk_extend", "update", "add", "remove", "load", "bulk_load"):
            self.writes.append(name)
        return getattr(self.inner, name)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.inner)  # type: ignore[call-overload]


def test_one_write_per_batch(
    tmp_path: Path, seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    with open_store(tmp_path / "store") as store:
        counting = CountingOx(store._ox)
        store._ox = counting  # type: ignore[assignment]
        store.write_documents(seed_documents)  # new documents: one bulk load of their N-Quads
        assert counting.writes == ["bulk_load"]
        assert not (tmp_path / "store" / PENDING_FILE).exists()
        store.write_documents([*seed_documents, changed(seed)])  # replacing: one update
        assert counting.writes == ["bulk_load", "update"]
        store._ox = counting.inner  # type: ignore[assignment]
    with Store() as memory:  # in memory: one transaction
        counting = CountingOx(memory._ox)
        memory._ox = counting  # type: ignore[assignment]
        memory.write_documents(seed_documents)
        assert counting.writes == ["load"]
        memory._ox = counting.inner  # type: ignore[assignment]


def test_a_large_batch_is_loaded_in_pieces_of_whole_documents_and_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_documents: list[MappedDocument]
) -> None:
    monkeypatch.setattr(embedded, "LOAD_QUADS", 1)  # every document a load of its own
    with open_store(tmp_path / "store") as store:
        counting = CountingOx(store._ox)
        store._ox = counting  # type: ignore[assignment]
        store.write_documents(seed_documents)
        assert counting.writes == ["bulk_load", "bulk_load"]
        store._ox = counting.inner  # type: ignore[assignment]
        assert set(store.quads()) == all_quads(seed_documents)
    # the second piece fails after the first is in: the batch leaves nothing
    first, second = seed_documents
    bad = MappedDocument(
        iri=second.iri, nquads=second.nquads + f'<{second.iri}> <{RDFS.label}> "x\n'
    )
    with open_store(tmp_path / "other") as store:
        with pytest.raises(SyntaxError):
            store.write_documents([first, bad])
        assert len(store) == 0
        assert not (tmp_path / "other" / PENDING_FILE).exists()


def test_a_bulk_load_cut_short_is_dropped_when_the_store_is_opened_again(
    tmp_path: Path, seed_documents: list[MappedDocument]
) -> None:
    path = tmp_path / "store"
    whole, cut = seed_documents
    with open_store(path) as store:
        store.write_documents([whole])
        # what a crash in the middle of the next batch leaves: its note, half its quads
        (path / PENDING_FILE).write_text(f"{cut.iri}\n", encoding="utf-8")
        half = cut.quads[: len(cut.quads) // 2]
        store.oxigraph.bulk_load(nquads(half), format=ox.RdfFormat.N_QUADS)
    with open_store(path, read_only=True) as store:
        assert len(store) == len(whole.quads) + len(half)
    with open_store(path) as store:
        assert set(store.quads()) == set(whole.quads)
        assert not (path / PENDING_FILE).exists()
        store.write_documents([cut])  # a new build reads it again
        assert set(store.quads()) == all_quads(seed_documents)


def test_a_closed_store_leaves_no_write_ahead_log(
    tmp_path: Path, seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.write_documents(seed_documents)
        store.write_documents([changed(seed)])
        assert disk.log_bytes(path) > 0
    assert disk.log_bytes(path) == 0
    with open_store(path, read_only=True) as store:
        assert {q for q in store.quads()} == all_quads([seed_documents[1], changed(seed)])


def test_a_store_reopened_as_it_is_written_answers_queries_throughout_and_loses_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    seed: tuple[Extraction, Extraction],
    seed_documents: list[MappedDocument],
) -> None:
    # a build writes on one thread while another asks about the documents already stored;
    # here the store is closed and opened again after every batch
    monkeypatch.setattr(embedded, "REOPEN_EVERY", 1)
    path = tmp_path / "store"
    counts: list[int] = []
    with open_store(path) as store:
        writing = threading.Event()

        def ask() -> None:
            documents = "SELECT DISTINCT ?doc WHERE { ?doc a kg:Document }"
            while not writing.is_set():
                counts.append(len(store.query(documents).rows))

        asker = threading.Thread(target=ask)
        asker.start()
        try:
            for batch in ([seed_documents[0]], [seed_documents[1]], [changed(seed)]):
                store.write_documents(batch)
        finally:
            writing.set()
            asker.join()
    assert counts and set(counts) <= {0, 1, 2}
    assert disk.log_bytes(path) == 0
    with open_store(path, read_only=True) as store:
        assert set(store.quads()) == all_quads([seed_documents[1], changed(seed)])


def test_stats_are_the_counts_of_the_statements(
    tmp_path: Path, seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    # counted from indexes, not by reading every statement: the same as counting them all
    def counted(store: Store) -> tuple[int, int, dict[str, int]]:
        quads = list(store.quads())
        edges = {(s, p, o) for s, p, o, _ in quads if str(p).startswith(str(REL))}
        relations: dict[str, int] = {}
        for _, p, _ in edges:
            name = str(p)[len(REL) :]
            relations[name] = relations.get(name, 0) + 1
        return len(quads), len({q[3] for q in quads}), relations

    with open_store(tmp_path / "store") as store:
        store.write_documents(seed_documents)
        stats = store.stats()
        assert stats.relation_types and "holds_role" in stats.relation_types
        assert (stats.quads, stats.graphs, stats.relation_types) == counted(store)
        store.write_documents([changed(seed)])  # a replacement, then a removal
        store.remove_document(str(seed_documents[1].iri))
        stats = store.stats()
        assert (stats.quads, stats.graphs, stats.relation_types) == counted(store)
        assert stats.documents == 1
        # a graph whose size no mapping kept (an RDF file loaded) is counted
        loaded = URIRef("https://w3id.org/kg/document/loaded")
        store.replace_document(loaded, [(loaded, RDF.type, KG.Document, loaded)])
        assert store.stats().quads == counted(store)[0]


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_failing_batch_writes_nothing(
    seed_documents: list[MappedDocument], tmp_path: Path, on_disk: bool
) -> None:
    doc = seed_documents[1]
    bad = MappedDocument(iri=doc.iri, nquads=doc.nquads + f'<{doc.iri}> <{RDFS.label}> "x\n')
    with Store(tmp_path / "store" if on_disk else None) as store:
        with pytest.raises(SyntaxError):
            store.write_documents([seed_documents[0], bad])
        assert len(store) == 0


def test_quads_with_an_iri_that_is_none_make_no_document(
    seed_documents: list[MappedDocument],
) -> None:
    doc = seed_documents[1]
    with pytest.raises(ValueError):
        MappedDocument.of(doc.iri, [(doc.iri, RDFS.label, Literal("x"), URIRef("not an iri"))])


def test_replace_a_changed_document(
    tmp_path: Path, seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    new = changed(seed)
    with open_store(tmp_path / "store") as store:
        store.write_documents(seed_documents)
        summary = store.write_documents([new])
        assert summary.replaced == 1
        assert not store.has_document("a0a0a0a0a0a0a0a0")
        assert store.has_document("a2a2a2a2a2a2a2a2")
        assert set(store.quads()) == all_quads([new, seed_documents[1]])
        # What only the old version supported is gone: Al-Kadhimi was named only there.
        kadhimi = URIRef(BASE + "entity/person/al-kadhimi")
        assert not any(s == kadhimi for s, *_ in store.quads())
        # Writing the same document again changes nothing.
        before = set(store.quads())
        assert store.replace_document(new.iri, new.quads).replaced == 1
        assert set(store.quads()) == before


def test_a_document_with_only_its_metadata_stored_is_replaced(
    tmp_path: Path, seed_documents: list[MappedDocument]
) -> None:
    doc = seed_documents[0]
    meta = [q for q in doc.quads if q[3] != doc.iri]
    assert any(p == DCTERMS.title for _, p, _, _ in meta)
    retitled = [(s, p, Literal("Retitled") if p == DCTERMS.title else o, g) for s, p, o, g in meta]
    with open_store(tmp_path / "store") as store:
        store.write_documents([MappedDocument.of(doc.iri, meta)])
        assert store.replace_document(doc.iri, retitled).replaced == 1
        assert set(store.quads()) == set(retitled)


def test_stdin_documents_do_not_replace_each_other() -> None:
    docs = []
    for n, source in enumerate(["-", "-", "-:2"]):
        b = ExtractionBuilder(f"s{n}", source=source)
        b.sentence(f"Story {n}.")
        docs.append(map_extraction(b.build()))
    with Store() as store:
        for doc in docs:
            assert store.write_documents([doc]).replaced == 0
        assert store.stats().documents == 3
        assert len(store.remove_document("-")) == 2  # an explicit removal still matches


@pytest.mark.parametrize(
    "key",
    ["a0a0a0a0a0a0a0a0", "news/alliance-grows.txt", str(DOC_A)],
    ids=["content hash", "source", "document IRI"],
)
def test_remove_a_document(key: str, seed_documents: list[MappedDocument]) -> None:
    with Store() as store:
        store.write_documents(seed_documents)
        assert store.remove_document(key) == [DOC_A]
        assert set(store.quads()) == all_quads(seed_documents[1:])
        assert store.stats().documents == 1


def test_remove_by_url_and_a_missing_document(seed_documents: list[MappedDocument]) -> None:
    with Store() as store:
        store.write_documents(seed_documents)
        assert store.remove_document("https://example.org/news/nato-widens") == [DOC_B]
        assert store.remove_document("nope", missing_ok=True) == []
        with pytest.raises(StoreError) as err:
            store.remove_document("nope")
        assert str(err.value) == (
            "no document with id, source or URL 'nope' in the store at memory; list them "
            "with the 'documents' query"
        )


def test_query_errors(seed_store: Store) -> None:
    with pytest.raises(QueryError, match="^invalid SPARQL: .*; fix the query text$"):
        seed_store.query("SELEKT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="add it there"):
        seed_store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"o": Literal("x")})


def test_bindings_are_values_not_text(seed_store: Store) -> None:
    evil = '") } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o #'
    result = seed_store.query(
        "SELECT ?name ?e WHERE { ?e rdfs:label ?name }", bindings={"name": Literal(evil)}
    )
    assert result.rows == ()
    assert seed_store.stats().documents == 2


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=60).filter(lambda t: t.strip()))
def test_any_text_round_trips_through_the_store(text: str) -> None:
    b = ExtractionBuilder("h1", title=text)
    b.sentence(text)
    doc = map_extraction(b.build())
    with Store() as store:
        store.write_documents([doc])
        assert set(store.quads()) == set(doc.quads)
        found = store.query(
            "SELECT ?t ?d WHERE { ?d dcterms:title ?t }", bindings={"t": Literal(text)}
        )
        assert found.column("d") == [doc.iri]


@pytest.mark.parametrize(
    "text", ['say "no" \\ \n\r\t\x00\x1f\x7f é 𝄞 <a> ^^x @en .', "\\u0041 \\n", " "]
)
def test_a_batch_is_stored_as_its_quads_say(text: str) -> None:
    """New documents go to the store as N-Quads text: whatever a literal holds comes back."""
    node, graph = URIRef(BASE + "entity/x"), DOC_A
    quads = {
        (node, RDFS.label, Literal(text), graph),
        (node, RDFS.comment, Literal(text, lang="en-GB"), graph),
        (node, DCTERMS.date, Literal(text, datatype=XSD.token), graph),
        (node, DCTERMS.isPartOf, URIRef(BASE + "document/%C3%A9"), graph),
    }
    with Store() as store:
        store.write_documents([MappedDocument.of(graph, quads)])
        assert set(store.quads()) == quads


# -- remote: a real `oxigraph serve` --------------------------------------------------------


def _normalized(rows: tuple) -> list[tuple]:
    """Rows with GROUP_CONCAT lists sorted: their order is up to the server."""

    def norm(term: object) -> object:
        text = str(term) if term is not None else None
        if text and (" | " in text or text.count(" https://") > 0):
            sep = " | " if " | " in text else " "
            return sep.join(sorted(text.split(sep)))
        return term

    return sorted((tuple(norm(t) for t in row) for row in rows), key=str)


def test_remote_store_against_oxigraph_server(
    oxigraph_server: str, seed: tuple[Extraction, Extraction], seed_documents: list[MappedDocument]
) -> None:
    remote = SparqlStore.oxigraph(oxigraph_server)
    summary = remote.write_documents(seed_documents)  # one Graph Store Protocol request
    assert (summary.documents, summary.replaced) == (2, 0)
    assert set(remote.quads()) == all_quads(seed_documents)
    assert remote.has_document("a0a0a0a0a0a0a0a0")
    assert remote.stats().documents == 2
    with Store() as local:
        local.write_documents(seed_documents)
        for spec in list_queries():
            if spec.name == "sources-of":  # needs ?name: below
                continue
            here, there = run_query(local, spec), run_query(remote, spec)
            assert _normalized(here.rows) == _normalized(there.rows), spec.name
        # Parameters: substituted by Oxigraph here, a VALUES block there; same answers.
        for name, params in [
            ("sources-of", {"name": "Awliya Al Dam", "predicate": "be"}),
            ("sources-of", {"name": "Awliya Al Dam"}),
            ("relations", {"name": "NATO"}),
            ("entities", {"type": "person"}),
            ("us-troops", {"country": "US"}),
        ]:
            here = run_query(local, name, params=params).rows
            there = run_query(remote, name, params=params).rows
            assert here and _normalized(here) == _normalized(there), (name, params)
    # Write a document again, replace a changed one (one SPARQL update each), remove one.
    assert remote.write_documents(seed_documents[1:]).replaced == 1
    assert set(remote.quads()) == all_quads(seed_documents)
    assert remote.write_documents([changed(seed)]).replaced == 1
    assert not remote.has_document("a0a0a0a0a0a0a0a0")
    for key in ("news/nato-widens.txt", "https://example.org/news/nato-widens", str(DOC_B)):
        assert remote.write_documents(seed_documents[1:]).documents == 1
        assert remote.remove_document(key) == [DOC_B], key
    assert remote.stats().documents == 1
    with pytest.raises(StoreError, match="no document with id, source or URL 'nope'"):
        remote.remove_document("nope")
    with pytest.raises(QueryError, match="^invalid SPARQL: "):
        remote.query("SELEKT * WHERE { ?s ?p ?o }")
    ask = remote.query("ASK { ?d kg:contentHash ?h }", bindings={"h": Literal("a2a2a2a2a2a2a2a2")})
    assert ask.boolean is True
    construct = remote.query("CONSTRUCT { ?d a kg:Document } WHERE { ?d a kg:Document }")
    assert construct.kind == "construct" and len(construct) == 1
    # Exports and validation work on a remote store too.
    out = io.BytesIO()
    export(remote, out, format="nquads")
    assert len(out.getvalue().splitlines()) == remote.stats().quads
    assert validate_store(remote).conforms


def test_remote_store_without_update_url_or_server(seed_documents: list[MappedDocument]) -> None:
    read_only = SparqlStore("http://127.0.0.1:9/query")
    with pytest.raises(StoreError, match="without an update URL; give one to write"):
        read_only.write_documents(seed_documents)
    with pytest.raises(
        StoreError, match="cannot reach the SPARQL endpoint http://127.0.0.1:9/query"
    ):
        read_only.query("ASK {}")


def test_mapping_changes_nothing_in_a_copy(seed: tuple[Extraction, Extraction]) -> None:
    # Frozen records: mapping twice from copies gives the same quads.
    assert map_extraction(dataclasses.replace(seed[1])) == map_extraction(seed[1])


# -- a document's sources ----------------------------------------------------------------------


def _check_sources(store: GraphStore, seed_documents: list[MappedDocument]) -> None:
    store.write_documents(seed_documents)
    before = set(store.quads())
    assert sources_of(store, "b1b1b1b1b1b1b1b1") == (DOC_B, ["news/nato-widens.txt"])
    assert sources_of(store, "ffff") is None
    assert not any_shared(store)  # each document has one source
    set_sources(store, DOC_B, ["news/nato-widens.txt", "copies/nato-widens.txt"])
    assert any_shared(store)
    assert sources_of(store, "b1b1b1b1b1b1b1b1") == (
        DOC_B,
        ["copies/nato-widens.txt", "news/nato-widens.txt"],
    )
    hashes = ["b1b1b1b1b1b1b1b1", "a0a0a0a0a0a0a0a0", "ffff"]  # several in one query
    assert sources_of_each(store, hashes) == {h: sources_of(store, h) for h in hashes}
    added = set(store.quads()) - before
    assert [(s, p, str(o)) for s, p, o, _ in added] == [
        (DOC_B, DCTERMS.source, "copies/nato-widens.txt")
    ]
    assert before <= set(store.quads())  # nothing else changed
    assert sharing(store, "copies/nato-widens.txt") == {DOC_B: ["news/nato-widens.txt"]}
    set_sources(store, DOC_B, ["news/nato-widens.txt"])
    assert set(store.quads()) == before and not any_shared(store)
    assert validate_store(store).conforms


def test_a_documents_sources_are_read_and_rewritten_in_the_embedded_store(
    seed_documents: list[MappedDocument],
) -> None:
    with Store() as store:
        _check_sources(store, seed_documents)


def test_a_documents_sources_are_read_and_rewritten_at_an_endpoint(
    oxigraph_server: str, seed_documents: list[MappedDocument]
) -> None:
    _check_sources(SparqlStore.oxigraph(oxigraph_server), seed_documents)


def test_a_documents_lines_of_one_subject_are_the_lines_it_starts(
    seed_documents: list[MappedDocument],
) -> None:
    # A document's IRI ends every line of its own graph and starts its lines in the metadata
    # graph: only the lines it starts are its subject's
    for doc in seed_documents:
        quads = doc.quads
        own = sorted(q for q in quads if q[0] == doc.iri)
        assert own and any(q[3] == doc.iri and q[0] != doc.iri for q in quads)
        found = MappedDocument(iri=doc.iri, nquads=doc.lines(doc.iri)).quads
        assert sorted(found) == own
        titled = [q for q in own if q[1] == DCTERMS.title]
        assert titled and doc.statements(doc.iri, DCTERMS.title) == titled
