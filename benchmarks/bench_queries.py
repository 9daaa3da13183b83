"""Time every named query on an on-disk store of synthetic documents plus the seed facts.

    python benchmarks/bench_queries.py [--docs 1000]

The synthetic documents (see bench_store.py) are harsher than news: every event carries a
quantity, so the quantity queries (us-troops, conflicts) meet far more candidates than real
text gives them. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_store import synthetic

from kg.mapping import map_extraction
from kg.queries.runner import list_queries, run_query
from kg.store.embedded import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from seed_extractions import seed_extractions  # noqa: E402

PARAMS = {"sources-of": {"name": "Awliya Al Dam"}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    docs = [map_extraction(synthetic(n)) for n in range(args.docs)]
    docs += [map_extraction(x) for x in seed_extractions()]
    with tempfile.TemporaryDirectory() as tmp:
        with Store(tmp) as store:
            for i in range(0, len(docs), 100):
                store.write_documents(docs[i : i + 100])
        with Store(tmp, read_only=True) as store:
            print(f"{len(docs)} documents, {len(store):,} quads")
            for spec in list_queries():
                start = time.perf_counter()
                result = run_query(store, spec, params=PARAMS.get(spec.name or ""))
                seconds = time.perf_counter() - start
                print(f"{spec.name:24s} {seconds:7.3f}s  {len(result):6d} rows")


if __name__ == "__main__":
    main()
