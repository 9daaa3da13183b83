"""How much memory one bulk load of an on-disk store takes, whole or cut into loads.

    python benchmarks/bulk_load_memory.py FILE.nq [--quads 65000 130000] [--parts 1 2 4]

Loads the first 100,000 lines of FILE (N-Quads, e.g. `kg export --format nquads` of a store)
into a fresh store, then, in a fresh process for each case, the next ``--quads`` lines in
``--parts`` bulk loads, and prints how far the process's peak RSS rose over its RSS before
them, and the CPU-seconds of the loads. A build's batch is up to some 65,000 quads. Figures,
not assertions; benchmarks/results/archive.md keeps a run.
"""

from __future__ import annotations

import argparse
import ctypes
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = 100_000  # lines loaded before the measured loads, so the store is not empty


def rss() -> tuple[float, float]:
    """RSS and peak RSS of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


def case(path: Path, quads: int, parts: int) -> None:
    """One case, in this process: print the peak's rise and the loads' CPU-seconds."""
    import pyoxigraph as ox

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)[: FIRST + quads]
    if len(lines) < FIRST + quads:
        sys.exit(f"{path} has fewer than {FIRST + quads:,} lines; give a larger file")
    step = -(-quads // parts)
    with tempfile.TemporaryDirectory() as folder:
        store = ox.Store(folder)
        store.bulk_load("".join(lines[:FIRST]), format=ox.RdfFormat.N_QUADS, lenient=True)
        texts = ["".join(lines[i : i + step]) for i in range(FIRST, FIRST + quads, step)]
        ctypes.CDLL(None).malloc_trim(0)
        before, _ = rss()
        Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
        cpu = time.process_time()
        for text in texts:
            store.bulk_load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
        cpu = time.process_time() - cpu
        _, peak = rss()
        del store
    rise = peak - before
    print(f"{quads:7,} quads in {parts} loads: peak {rise:4.0f} MB over RSS, {cpu:.2f} CPU-s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--quads", type=int, nargs="+", default=[65_000, 130_000])
    parser.add_argument("--parts", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--case", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        case(args.file, *args.case)
        return 0
    for quads in args.quads:
        for parts in args.parts:
            command = [sys.executable, __file__, str(args.file), "--case", str(quads), str(parts)]
            subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
