"""Write speed into the embedded Oxigraph store: prints quads/s for each write strategy.

    python benchmarks/bench_store.py [--docs 2000] [--batch 100] [--remote http://127.0.0.1:7878]

Strategies, each writing the same synthetic documents batch by batch into a fresh on-disk store:

- write (new):     Store.write_documents on new documents: one bulk load per batch
- write (replace): Store.write_documents again over the same documents: one SPARQL update
                   per batch (drop the old graphs + INSERT DATA), still one transaction
- update:          one SPARQL update per batch for new documents (INSERT DATA only)
- bulk_extend:     Store.bulk_extend per batch (not transactional)
- convert only:    the rdflib → pyoxigraph term conversion, which every strategy pays

With --remote (an empty ``oxigraph serve --union-default-graph``), also the remote store's two
write paths: one Graph Store Protocol N-Quads POST per batch, and one SPARQL INSERT DATA update.

Figures, not assertions: wall-clock depends on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time

import pyoxigraph as ox

from kg.mapping import map_extraction
from kg.records import Argument, Document, Entity, Event, Extraction, Mention, Quantity, Sentence
from kg.store.embedded import Store
from kg.store.oxterms import quad_to_ox
from kg.store.remote import SparqlStore
from kg.store.sparqltext import replace_update


def synthetic(n: int) -> Extraction:
    """A document of 20 sentences, 12 entities, 20 events: about the size of a news article."""
    doc = Document(
        id=f"{n:016x}",
        text="",
        title=f"Story {n}",
        published=dt.date(2021, 2, 17),
        source=f"news/{n}.txt",
    )
    sents = tuple(
        Sentence(index=i, start=i * 100, end=i * 100 + 99, text=f"Sentence {i} of {n}.")
        for i in range(20)
    )
    ents = tuple(
        Entity(
            key=f"person {(n * 7 + k) % 5000}",
            name=f"Person {(n * 7 + k) % 5000}",
            type=("Person", "Organization", "Place")[k % 3],
            label="PERSON",
            aliases=(f"P{k}",),
            mentions=tuple(
                Mention(text="P", start=j * 100 + k, end=j * 100 + k + 1, sentence=j)
                for j in range(k % 4 + 1)
            ),
        )
        for k in range(12)
    )
    events = tuple(
        Event(
            id=f"e{i}",
            predicate=("announce", "say", "kill", "meet")[i % 4],
            sentence=i,
            start=i * 100,
            end=i * 100 + 5,
            arguments=(
                Argument(role="agent", text="x", entity=ents[i % 12].key),
                Argument(role="theme", text="y", entity=ents[(i + 1) % 12].key),
                Argument(
                    role="theme",
                    text="3 troops",
                    quantity=Quantity(text="3 troops", value=3.0, unit="troop"),
                ),
            ),
            confidence=0.9,
        )
        for i in range(20)
    )
    return Extraction(document=doc, sentences=sents, entities=ents, events=events)


def run(strategy: str, docs: list, batch: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store(tmp) as store:
        if strategy == "write (replace)":
            for i in range(0, len(docs), batch):
                store.write_documents(docs[i : i + batch])
        start = time.perf_counter()
        total = 0
        for i in range(0, len(docs), batch):
            chunk = docs[i : i + batch]
            total += sum(d.size for d in chunk)
            if strategy.startswith("write"):
                store.write_documents(chunk)
            elif strategy == "update":
                store.oxigraph.update(replace_update([], "".join(d.nquads for d in chunk)))
            elif strategy == "bulk_extend":
                store.oxigraph.bulk_extend([quad_to_ox(q) for d in chunk for q in d.quads])
            else:
                [quad_to_ox(q) for d in chunk for q in d.quads]
        store.oxigraph.flush()
        return time.perf_counter() - start, total


def run_remote(url: str, docs: list, batch: int, *, gsp: bool) -> tuple[float, int]:
    remote = SparqlStore.oxigraph(url)
    if not gsp:
        remote.store_url = None
    start = time.perf_counter()
    total = 0
    for i in range(0, len(docs), batch):
        chunk = docs[i : i + batch]
        total += remote.write_documents(chunk).quads
    seconds = time.perf_counter() - start
    for doc in docs:  # leave the server empty for the next run
        remote.remove_document(str(doc.iri), missing_ok=True)
    return seconds, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--remote", help="URL of an empty oxigraph serve to time as well")
    args = parser.parse_args()
    start = time.perf_counter()
    docs = [map_extraction(synthetic(n)) for n in range(args.docs)]
    mapped = time.perf_counter() - start
    quads = sum(len(d.quads) for d in docs)
    print(
        f"mapping: {args.docs} documents, {quads} quads in {mapped:.2f}s "
        f"({quads / mapped:,.0f} quads/s)"
    )
    for strategy in ("write (new)", "write (replace)", "update", "bulk_extend", "convert only"):
        seconds, total = run(strategy, docs, args.batch)
        print(
            f"{strategy:16s} {total} quads in {seconds:.2f}s ({total / seconds:,.0f} quads/s)"
            f" [batch {args.batch}]"
        )
    if args.remote:
        for gsp in (True, False):
            seconds, total = run_remote(args.remote, docs, args.batch, gsp=gsp)
            how = "remote GSP POST" if gsp else "remote INSERT"
            print(f"{how:16s} {total} quads in {seconds:.2f}s ({total / seconds:,.0f} quads/s)")
    print(f"pyoxigraph {ox.__version__}")


if __name__ == "__main__":
    main()
