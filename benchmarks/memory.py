"""Memory of `kg build` as it goes: the build process's RSS after each batch, and the store.

    python benchmarks/memory.py SOURCE... --store DIR [--every 100]

Builds SOURCE (files, folders, .jsonl, as `kg build` takes them) into DIR, printing every
``--every`` articles the RSS and peak RSS of this process (the forked parser is apart), the
store's size and its write-ahead logs, and how many memory blocks Python's objects hold (flat
while RSS grows: the growth is native memory); at the end the triples and bytes per triple of
the closed store. Figures, not assertions; benchmarks/results/archive.md keeps a run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.builder import Progress  # noqa: E402


def memory() -> tuple[float, float]:
    """RSS and peak RSS of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024  # kB
    return found["VmRSS"], found["VmHWM"]


def sizes(store: Path) -> tuple[float, float]:
    """The store's files and its write-ahead logs, in MB."""
    total = logs = 0
    for entry in os.scandir(store):
        try:
            size = entry.stat().st_size if entry.is_file() else 0
        except FileNotFoundError:  # merged away by a compaction since the listing
            continue
        total += size
        logs += size if entry.name.endswith(".log") else 0
    return total / 1e6, logs / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--every", type=int, default=100)
    args = parser.parse_args()
    start, shown = time.perf_counter(), [0]

    def progress(done: Progress) -> None:
        if done.documents - shown[0] < args.every:
            return
        shown[0] = done.documents
        rss, peak = memory()
        total, logs = sizes(args.store)
        print(
            f"{done.documents:6,} articles {time.perf_counter() - start:7.0f} s  "
            f"RSS {rss:6,.0f} MB  peak {peak:6,.0f} MB  store {total:7,.0f} MB  "
            f"logs {logs:6,.0f} MB  Python blocks {sys.getallocatedblocks() / 1e6:5.2f} M",
            flush=True,
        )

    report = api.build(args.sources, store=args.store, progress=progress)
    rss, peak = memory()
    total, logs = sizes(args.store)
    print(
        f"{report.documents:,} articles, {report.triples:,} triples: RSS {rss:,.0f} MB, peak "
        f"{peak:,.0f} MB; closed store {total:,.1f} MB, logs {logs:,.1f} MB, "
        f"{total * 1e6 / max(report.triples, 1):.0f} B/triple"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
