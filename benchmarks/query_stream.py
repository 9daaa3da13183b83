"""Peak memory and time to the first row of `kg query` on a 1,000,000-row answer.

    python benchmarks/query_stream.py [--people 1000] [--formats table,csv,tsv,json]
                                      [--root DIR] [--small 20]

Builds a store of N people (a name each) and asks for every pair of them (N x N rows of two
IRIs and a name), then runs ``kg query`` in a process of its own for each format, its output
read as it comes. Prints, per format: the seconds to the first data row and to the end, and
the peak memory of kg's processes together (their resident sizes summed, read from /proc
every 20 ms; Linux only). Then the seconds a small query takes end to end (``--small`` runs,
the median): the price of starting kg, opening the store and answering. ``--root`` runs the
kg of another checkout (main before a change) against the same store.

Last, where a query can run so that Ctrl-C and a timeout can stop it, the milliseconds the
small query takes from the library (the median of ``--small`` runs, store opened each time):
in kg's own process (what it cost before), in a thread (which the main thread could leave
waiting, but never stop), and in a query process of its own (kg.store.bounded, which can be
ended at any moment). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIRS = "SELECT ?a ?name ?b WHERE { ?a a kg:Person ; rdfs:label ?name . ?b a kg:Person }"
SMALL = "SELECT ?a ?name WHERE { ?a a kg:Person ; rdfs:label ?name } LIMIT 5"
# Lines before the first row: the table's header and rule; the CSV/TSV header; JSON's "[".
HEADER_LINES = {"table": 2, "csv": 1, "tsv": 1, "json": 1}


def build_store(path: Path, people: int) -> None:
    """A store of ``people`` people, each with a name, in one document graph."""
    import pyoxigraph as ox

    person = "https://w3id.org/kg/ontology#Person"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    graph = ox.NamedNode("https://w3id.org/kg/document/bench")
    store = ox.Store(str(path))
    quads = []
    for i in range(people):
        who = ox.NamedNode(f"https://w3id.org/kg/entity/person/p{i}")
        quads.append(ox.Quad(who, ox.NamedNode(rdf_type), ox.NamedNode(person), graph))
        quads.append(ox.Quad(who, ox.NamedNode(label), ox.Literal(f"Person number {i}"), graph))
    store.extend(quads)
    store.flush()
    del store


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        pending.extend(int(c) for c in children)
    return total


def run_kg(root: Path, args: list[str], header_lines: int) -> tuple[float, float, int, int]:
    """Seconds to the first data row and to the end, peak bytes, and output lines."""
    env = dict(os.environ, PYTHONPATH=str(root))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=root,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    assert proc.stdout is not None
    first = float("nan")
    lines = 0
    for _ in proc.stdout:
        lines += 1
        if lines == header_lines + 1:
            first = time.perf_counter() - started
    stderr = proc.stderr.read() if proc.stderr else b""
    proc.wait()
    total = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"kg query failed ({proc.returncode}): {stderr.decode()[-500:]}")
    return first, total, peak, lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--formats", default="table,csv,tsv,json")
    parser.add_argument("--root", type=Path, default=ROOT, help="the kg checkout to run")
    parser.add_argument("--small", type=int, default=20, help="runs of a small query")
    args = parser.parse_args()
    root = args.root.resolve()
    env = dict(os.environ, PYTHONPATH=str(root))
    help_text = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=True,
    ).stdout
    no_limit = ["--timeout", "0"] if "--timeout" in help_text else []
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        build_store(store, args.people)
        rows = args.people * args.people
        print(f"kg at {root}; {rows:,} rows of (IRI, name, IRI)")
        print(f"{'format':8} {'first row s':>12} {'total s':>9} {'peak MB':>9} {'lines':>11}")
        for fmt in args.formats.split(","):
            query = ["query", PAIRS, "--store", str(store), "--format", fmt, *no_limit]
            first, total, peak, lines = run_kg(root, query, HEADER_LINES[fmt])
            print(f"{fmt:8} {first:12.2f} {total:9.1f} {peak / 1e6:9.0f} {lines:11,}")
        times = []
        for _ in range(args.small):
            small = ["query", SMALL, "--store", str(store), "--format", "csv"]
            _, total, _, _ = run_kg(root, small, 1)
            times.append(total)
        print(f"small query, end to end: median {statistics.median(times):.3f} s over {len(times)}")
        if root == ROOT:
            where_to_run(store, args.small)


def where_to_run(store: Path, runs: int) -> None:
    """The small query from the library: in this process, in a thread, in a query process."""
    from kg.queries.runner import run_query
    from kg.store.bounded import bounded_query
    from kg.store.embedded import Store

    def in_process() -> None:
        with Store(store, read_only=True) as opened:
            run_query(opened, SMALL)

    def in_thread() -> None:
        thread = threading.Thread(target=in_process)
        thread.start()
        thread.join()

    def in_query_process() -> None:
        with bounded_query(store, SMALL) as answer:
            list(answer.rows)

    for name, run in (
        ("in kg's process", in_process),
        ("in a thread", in_thread),
        ("in a query process", in_query_process),
    ):
        run()  # warm: imports, the file cache
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        median = statistics.median(times) * 1e3
        print(f"small query from the library, {name:20} median {median:6.1f} ms")


if __name__ == "__main__":
    main()
