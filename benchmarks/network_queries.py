"""Time each query a network export or the viewer runs on a store, in CPU-seconds.

    python benchmarks/network_queries.py STORE viz|cooccurrence|bounded|whole

viz: kg viz (300 nodes); cooccurrence: kg viz --projection cooccurrence; bounded: kg export
--format graphml --max-nodes 300; whole: kg export --format graphml. Prints, for each query,
its CPU-seconds (time.process_time around store.query, the rows made rdflib terms included),
wall seconds, rows and first words, then the whole call's CPU-seconds and peak RSS. CPU time,
not wall time: on a shared machine the wall time is mostly the load's. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import io
import resource
import time
from typing import Any

from kg.exporters import export
from kg.exporters.network import NetworkOptions
from kg.store.embedded import Store
from kg.store.results import QueryResult
from kg.viewer import write_viewer


class Timed:
    """A store whose queries are timed, one line each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lines: list[str] = []

    def query(self, sparql: str, **options: Any) -> QueryResult:
        cpu, wall = time.process_time(), time.perf_counter()
        result = self.store.query(sparql, **options)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        words = " ".join(sparql.split())[:100]
        self.lines.append(f"{cpu:6.2f} {wall:6.2f} {len(result):7d}  {words}")
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("what", choices=("viz", "cooccurrence", "bounded", "whole"))
    args = parser.parse_args()
    with Store(args.store, read_only=True) as store:
        timed: Any = Timed(store)
        start = time.process_time()
        if args.what == "viz":
            write_viewer(timed, io.StringIO())
        elif args.what == "cooccurrence":
            options = NetworkOptions(max_nodes=300, projection="cooccurrence")
            write_viewer(timed, io.StringIO(), options=options)
        else:
            options = NetworkOptions(max_nodes=300 if args.what == "bounded" else None)
            export(timed, io.BytesIO(), format="graphml", options=options)
        total = time.process_time() - start
    print("CPU-s  wall-s    rows  query")
    print("\n".join(timed.lines))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"total {total:.2f} CPU-s, peak RSS {peak} MB")


if __name__ == "__main__":
    main()
