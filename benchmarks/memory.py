"""Memory of `kg build` as it goes: the build process's RSS after each batch, and the store.

    python benchmarks/memory.py SOURCE... --store DIR [--every 100]

Builds SOURCE (files, folders, .jsonl, as `kg build` takes them) into DIR, printing every
``--every`` articles the RSS and peak RSS of this process (the forked parser is apart), the
store's size and its write-ahead logs, and how many memory blocks Python's objects hold (flat
while RSS grows: the growth is native memory); at the end the triples and bytes per triple of
the closed store, the peak RSS when the last batch was in (so a peak set by the store's close,
with its compaction, shows apart), the seconds the build took after it, and the
CPU-seconds of this process and its parser and the words a CPU-second.
Figures, not assertions; benchmarks/results/archive.md keeps a run.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
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


class MallInfo2(ctypes.Structure):
    """glibc's mallinfo2: what malloc holds, over all its arenas."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def heap() -> tuple[float, float] | None:
    """Bytes malloc has handed out and holds free (glibc), in MB; None elsewhere."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1e6, info.fordblks / 1e6


def vocabulary() -> tuple[int, int]:
    """How many strings and lexemes the build's spaCy vocabulary holds."""
    from kg.nlp import pipeline

    vocab = pipeline.load(None).vocab  # the build's own: pipeline.load keeps it
    return len(vocab.strings), len(vocab)


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


def cpu_seconds() -> float:
    """User and system CPU-seconds of this process and of its children that have ended."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--every", type=int, default=100)
    args = parser.parse_args()
    start, shown, last = time.perf_counter(), [0], [0.0]  # last: when the last batch was in
    written = [0.0]  # the peak when the last batch was in, before the close

    def progress(done: Progress) -> None:
        last[0] = done.seconds
        written[0] = memory()[1]
        if done.documents - shown[0] < args.every:
            return
        shown[0] = done.documents
        rss, peak = memory()
        total, logs = sizes(args.store)
        used = heap()
        strings, lexemes = vocabulary()
        print(
            f"{done.documents:6,} articles {time.perf_counter() - start:7.0f} s  "
            f"RSS {rss:6,.0f} MB  peak {peak:6,.0f} MB  store {total:7,.0f} MB  "
            f"logs {logs:6,.0f} MB  Python blocks {sys.getallocatedblocks() / 1e6:5.2f} M  "
            f"strings {strings / 1e3:5.0f} k  lexemes {lexemes / 1e3:5.0f} k"
            + (f"  malloc used {used[0]:5,.0f} MB  free {used[1]:5,.0f} MB" if used else ""),
            flush=True,
        )

    report = api.build(args.sources, store=args.store, progress=progress)
    rss, peak = memory()
    total, logs = sizes(args.store)
    used = heap()
    print(
        f"{report.documents:,} articles, {report.triples:,} triples: RSS {rss:,.0f} MB, peak "
        f"{peak:,.0f} MB ({written[0]:,.0f} MB when the last batch was in); "
        f"closed store {total:,.1f} MB, logs {logs:,.1f} MB, "
        f"{total * 1e6 / max(report.triples, 1):.0f} B/triple"
        + (f"; malloc used {used[0]:,.0f} MB, free {used[1]:,.0f} MB" if used else "")
    )
    cpu = cpu_seconds()
    print(
        f"{report.words:,} words in {report.seconds:,.0f} s ({report.seconds - last[0]:,.0f} s "
        f"after the last batch was in: the copies' sources, the store's close): {cpu:,.0f} CPU-s, "
        f"{report.words / max(cpu, 1e-9):,.0f} words a CPU-second"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
