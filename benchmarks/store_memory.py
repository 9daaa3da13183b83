"""What an on-disk store holds in memory as a build writes it, by the lookups made before each
load.

    python benchmarks/store_memory.py [--batches 40] [--reopen-every 10] [--only TEXT]

Each batch is 40 made-up documents of 2,500 quads (100,000 quads), bulk-loaded as the build
does; before it, the lookups the build makes for each new document (its content hash, its
source, whether the store holds its IRI) and the one for the batch's sources. Whether the
store holds the IRI is asked over all graphs (its graph, then the IRI as a subject in any
graph; kg's store did so until 2026-12-05) or naming the graph (its graph, then its lines in
the metadata graph, as kg's store asks it now), each way also with the store reopened every few
batches; ``--only`` runs the ways whose names hold the text. Prints malloc's bytes in use
(glibc) every 5 batches for each way.
Figures, not assertions; benchmarks/results/archive.md keeps a run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from memory import heap  # noqa: E402
from rdflib import Literal  # noqa: E402

from kg.store.embedded import SAME_SOURCE_QUERY, Store  # noqa: E402
from kg.store.sources import hashes_from, sources_of  # noqa: E402
from kg.store.sparqltext import inject_rows  # noqa: E402

DOCUMENTS = 40  # a batch
QUADS = 2_500  # a document
META = "<http://example.org/metadata>"


def batch(n: int) -> str:
    """The N-Quads of batch ``n``: each document's source and hash, and its own terms."""
    lines = []
    for d in range(DOCUMENTS):
        doc = f"<http://example.org/document/{n}-{d}>"
        lines.append(f'{doc} <http://purl.org/dc/terms/source> "file-{n}-{d}" {META} .\n')
        lines.append(f'{doc} <https://kg.example/ontology#contentHash> "h{n}-{d}" {META} .\n')
        for k in range(QUADS // 8):
            subject = f"<http://example.org/entity/{n}-{d}-{k}>"
            for p in range(8):
                value = f'"value {p} of entity {n}-{d}-{k}, {n * d * k * p % 7919}"'
                lines.append(f"{subject} <http://example.org/p{p}> {value} {doc} .\n")
    return "".join(lines)


def look_up(store: Store, n: int, *, any_graph: bool) -> None:
    """The lookups a build makes before writing batch ``n``."""
    for d in range(DOCUMENTS):
        sources_of(store, f"h{n}-{d}")
        hashes_from(store, f"file-{n}-{d}")
        doc = ox.NamedNode(f"http://example.org/document/{n}-{d}")
        store.oxigraph.contains_named_graph(doc)
        graph = None if any_graph else ox.NamedNode(META[1:-1])
        any(True for _ in store.oxigraph.quads_for_pattern(doc, None, None, graph))
    sources = [[Literal(f"file-{n}-{d}")] for d in range(DOCUMENTS)]
    store.query(inject_rows(SAME_SOURCE_QUERY, ["source"], sources))


def run(
    path: Path, *, batches: int, lookups: bool, any_graph: bool, reopen_every: int
) -> list[float]:
    """malloc's MB in use after every 5 batches."""
    shutil.rmtree(path, ignore_errors=True)
    store, used = Store(path), []
    for n in range(1, batches + 1):
        if lookups:
            look_up(store, n, any_graph=any_graph)
        store.oxigraph.bulk_load(batch(n), format=ox.RdfFormat.N_QUADS, lenient=True)
        if reopen_every and n % reopen_every == 0:
            store.close()
            store = Store(path)
        if n % 5 == 0:
            found = heap()
            used.append(found[0] if found else float("nan"))
    store.close()
    return used


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--reopen-every", type=int, default=10)
    parser.add_argument("--only", help="the ways whose names hold this text")
    args = parser.parse_args()
    every = args.reopen_every
    ways = {
        "bulk loads alone": (False, False, 0),
        "lookups naming the graph": (True, False, 0),
        "lookups over all graphs": (True, True, 0),
        f"all graphs, reopened every {every}": (True, True, every),
        f"naming the graph, reopened every {every}": (True, False, every),
    }
    ways = {name: way for name, way in ways.items() if not args.only or args.only in name}
    with tempfile.TemporaryDirectory() as folder:
        for name, (lookups, any_graph, reopen) in ways.items():
            start = time.process_time()
            used = run(
                Path(folder) / "store",
                batches=args.batches,
                lookups=lookups,
                any_graph=any_graph,
                reopen_every=reopen,
            )
            figures = " ".join(f"{mb:4.0f}" for mb in used)
            print(
                f"{name:30} MB in use every 500k quads: {figures}  "
                f"({time.process_time() - start:.0f} CPU-s)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
