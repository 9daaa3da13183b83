"""Speed of `kg build` on a Dask LocalCluster against the build on this machine alone.

    python benchmarks/cluster.py [--articles 200] [--rounds 1] [--model NAME_OR_PATH]

Articles: the documents of UD English EWT's test split (when ../shared is present), else the
example articles repeated with a counter (``build.articles``), so every one is new to the
store. In one run, on the same articles, each into a fresh store:

- ``local_0``: ``kg build --processes 0``, everything in one process (the baseline);
- ``local_1``: the default build, its parser forked beside kg's own process;
- ``workers_1``, ``workers_2``: ``kg build --workers N`` on a LocalCluster of N worker
  processes, started before the clock (its start, each worker loading the pipeline, is
  printed apart: a long-lived cluster pays it once);
- ``endpoint_2``: the same on 2 workers into a real ``oxigraph serve`` on 127.0.0.1 (the
  Graph Store Protocol, one request a batch) instead of the embedded store.

Each run gives words per second of wall time and its ratio to ``local_0``; the graphs are
checked equal. Then the parts of a build, timed one after the other in CPU seconds
(``build.stages``): the workers' part (spaCy's components, joining pieces, each article's
draft) and the client's part (settling the drafts in reading order, mapping, the store's
writes), with the writer's triples per second, and the number of workers at which the
client, one process, becomes the bound. Figures, not assertions; on a shared 2-core machine
wall times move.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build import articles, stages  # noqa: E402
from distributed import LocalCluster  # noqa: E402

from kg import api  # noqa: E402
from kg.nlp import pipeline  # noqa: E402
from kg.server import server_binary  # noqa: E402
from kg.store.embedded import open_store  # noqa: E402

RUNS = ("local_0", "local_1", "workers_1", "workers_2", "endpoint_2")


@contextmanager
def oxigraph(location: Path) -> Iterator[str]:
    """``oxigraph serve`` over ``location`` on a free loopback port, until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    bind = ["--location", str(location), "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen([server_binary(), "serve", *bind], stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def nquads(store: Path | str) -> bytes:
    out = BytesIO()
    api.export(out, format="nquads", store=store)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)  # closing workers talk at INFO

    texts = articles(args.corpora, args.articles)
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp())
    sources = work / "articles.jsonl"
    sources.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    print(f"{len(texts)} articles, {words:,} words")
    rates: dict[str, list[float]] = {name: [] for name in RUNS}
    clusters: dict[int, tuple[LocalCluster, float]] = {}
    graphs: set[bytes] = set()
    try:
        few = work / "few.jsonl"
        few.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:3]), "utf-8")
        api.build([str(few)], store=work / "warm-up", model=args.model, n_process=0)
        for n in (1, 2):
            start = time.perf_counter()
            local = LocalCluster(
                n_workers=n, threads_per_worker=1, dashboard_address=":0", silence_logs=50
            )
            # the workers load the pipeline on the first build they serve
            api.build(
                [str(few)],
                store=work / f"warm-{n}",
                model=args.model,
                cluster=local.scheduler_address,
            )
            clusters[n] = (local, time.perf_counter() - start)
        for run in range(args.rounds):  # alternate: this machine's speed drifts between runs
            for name in RUNS:
                kind, count = name.split("_")
                options = (
                    {"n_process": int(count)}
                    if kind == "local"
                    else {"cluster": clusters[int(count)][0].scheduler_address}
                )
                with contextlib.ExitStack() as stack:
                    store: Path | str = work / f"{name}-{run}"
                    if kind == "endpoint":
                        store = stack.enter_context(oxigraph(work / f"{name}-{run}"))
                    start = time.perf_counter()
                    report = api.build([str(sources)], store=store, model=args.model, **options)
                    rates[name].append(words / (time.perf_counter() - start))
                    assert report.documents == len(texts), report
                    graphs.add(nquads(store))
        with open_store(work / "local_0-0", read_only=True) as graph:
            triples = len(graph.oxigraph)
        nlp = pipeline.load(args.model)
        spent = stages(nlp, sources, work / "stages")
    finally:
        for local, _ in clusters.values():
            local.close()
        shutil.rmtree(work)

    print(f"same graph from every run: {'yes' if len(graphs) == 1 else 'NO'}")
    base = statistics.median(rates["local_0"])
    for name in RUNS:
        rate = statistics.median(rates[name])
        print(f"{name:10} {rate:8,.0f} words/s  x{rate / base:.2f} of local_0")
    for n, (_, seconds) in clusters.items():
        print(f"LocalCluster of {n}: {seconds:.1f} s to start and load the pipeline")
    client_part = spent["settle"] + spent["map"] + spent["store"]
    worker_part = sum(spent.values()) - client_part
    print("CPU seconds by part: " + ", ".join(f"{k} {v:.2f}" for k, v in spent.items()))
    print(
        f"a worker reads {words / worker_part:,.0f} words/s "
        "(trained and rule components, join, draft)"
    )
    print(f"the client takes {words / client_part:,.0f} words/s (settle, map, store)")
    print(
        f"the writer stores {triples / spent['store']:,.0f} triples/s "
        f"({triples:,} triples, {triples / words:.1f} a word); "
        f"maps and stores {triples / (spent['map'] + spent['store']):,.0f} triples/s"
    )
    print(
        f"the client is the bound from {client_part and worker_part / client_part:.1f} workers "
        "(each worker on a core of its own, the client on another)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
