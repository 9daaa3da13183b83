"""The store's share of a build's memory: a build's own documents written again into a copy of
its store, through kg's Store, with no parsing beside it.

    python benchmarks/replay_memory.py STORE --work DIR [--documents 700] [--rounds 2]
        [--reopen-every N] [--load-quads N] [--empty]

Reads ``--documents`` document graphs of STORE (a built store: each graph and its document's
lines in the metadata graph), copies STORE to DIR (or starts DIR empty with ``--empty``), and
writes those documents ``--rounds`` times into it as new ones (a fresh content hash and source
each round) in batches of 30, as a build's writer does: malloc tuned, a trim after each batch.
Reads the process's RSS every 20 ms and prints the RSS before the writes, the median, 90th and
99th percentiles of the readings and the peak; the CPU-seconds of the writes; and the highest
readings with what the store was doing then (a bulk load, a lookup, a reopening). DIR is
removed at the end. Figures, not assertions; benchmarks/results/archive.md keeps a run.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import re
import shutil
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from bulk_load_memory import rss  # noqa: E402
from rdflib import URIRef  # noqa: E402

from kg import heap  # noqa: E402
from kg.store import embedded  # noqa: E402
from kg.store.protocol import MappedDocument  # noqa: E402

BATCH = 30  # documents a batch: a build's batch of news articles, some 65,000 quads
DOCUMENT = "https://w3id.org/kg/document/"
META = ox.NamedNode("https://w3id.org/kg/graph/meta")
HASH = re.compile(r"/document/([0-9a-f]{32})>")


def documents(store: Path, count: int) -> list[str]:
    """The N-Quads of ``count`` documents of ``store``: each graph and its metadata lines."""
    source = ox.Store.read_only(str(store))
    graphs = (g for g in source.named_graphs() if g.value.startswith(DOCUMENT))
    texts = []
    for graph in itertools.islice(graphs, count):
        quads = [*source.quads_for_pattern(None, None, None, graph)]
        quads += source.quads_for_pattern(graph, None, None, META)
        texts.append(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"))
    return texts


def renamed(texts: list[str], round_: int) -> Iterator[MappedDocument]:
    """The documents as new ones: another content hash (so other IRIs) and another source."""
    for text in texts:
        match = HASH.search(text)
        assert match is not None
        old = match.group(1)
        new = hashlib.md5(f"{old}-{round_}".encode()).hexdigest()
        text = text.replace(old, new).replace('.txt"', f'.replay{round_}.txt"')
        yield MappedDocument(URIRef(DOCUMENT + new), text)


class Readings:
    """The process's RSS every 20 ms on a thread of its own, with what the store was doing."""

    def __init__(self) -> None:
        self.doing = "writing"
        self.rows: list[tuple[float, float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)

    def _read(self) -> None:
        start = time.perf_counter()
        while not self._stop.is_set():
            self.rows.append((time.perf_counter() - start, rss()[0], self.doing))
            time.sleep(0.02)

    def __enter__(self) -> Readings:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def during(self, name: str, function):  # type: ignore[no-untyped-def]
        """``function`` (a Store method), noting ``name`` as what the store does meanwhile."""

        def noted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.doing = name
            try:
                return function(*args, **kwargs)
            finally:
                self.doing = "writing"

        return noted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--documents", type=int, default=700)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--reopen-every", type=int, default=embedded.REOPEN_EVERY)
    parser.add_argument("--load-quads", type=int, default=embedded.LOAD_QUADS)
    parser.add_argument("--empty", action="store_true", help="start from an empty store")
    args = parser.parse_args()
    embedded.REOPEN_EVERY, embedded.LOAD_QUADS = args.reopen_every, args.load_quads
    texts = documents(args.store, args.documents)
    shutil.rmtree(args.work, ignore_errors=True)
    if not args.empty:
        shutil.copytree(args.store, args.work)
    heap.tune()
    trim = heap.trimmer()
    readings = Readings()
    noted = (("load", "_bulk_load"), ("lookup", "_holds_document"), ("reopen", "_reopen"))
    for name, method in noted:
        setattr(embedded.Store, method, readings.during(name, getattr(embedded.Store, method)))
    store = embedded.Store(args.work)
    trim()
    before = rss()[0]
    Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
    quads, cpu = 0, time.process_time()
    with readings:
        for round_ in range(args.rounds):
            for at in range(0, len(texts), BATCH):
                batch = list(renamed(texts[at : at + BATCH], round_))
                quads += store.write_documents(batch).quads
                del batch
                trim()
    cpu = time.process_time() - cpu
    peak = rss()[1]
    store._close(compact=False)
    shutil.rmtree(args.work, ignore_errors=True)
    values = [v for _, v, _ in readings.rows]
    cut = statistics.quantiles(values, n=100)
    print(
        f"{quads:,} quads (reopened every {args.reopen_every:,}, loads of {args.load_quads:,}): "
        f"RSS before {before:.0f} MB; readings median {statistics.median(values):.0f}, 90% "
        f"{cut[89]:.0f}, 99% {cut[98]:.0f} MB; peak {peak:.0f} MB; {cpu:.1f} CPU-s"
    )
    high = Counter(doing for _, v, doing in readings.rows if v > cut[89])
    print(f"readings over the 90th percentile: {dict(high)}")
    for at, value, doing in sorted(readings.rows, key=lambda row: -row[1])[:5]:
        print(f"  {at:6.1f} s  {value:4.0f} MB  {doing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
