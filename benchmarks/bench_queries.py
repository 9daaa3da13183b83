"""Time every named query on an on-disk store of synthetic documents plus the seed facts.

    python benchmarks/bench_queries.py [--docs 1000] [--baseline REV] [--only NAME,...]

--baseline REV times each query also as queries/NAME.rq was at git revision REV, on the same
store in the same run (best of three each, taken in turn), and prints the ratio.

The synthetic documents (see bench_store.py) are harsher than news: every event carries a
quantity, so the quantity queries (us-troops, conflicts) meet far more candidates than real
text gives them. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_store import synthetic

from kg.mapping import map_extraction
from kg.queries.runner import QuerySpec, list_queries, parse_header, run_query
from kg.store.embedded import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from seed_extractions import seed_extractions  # noqa: E402

PARAMS = {"sources-of": {"name": "Awliya Al Dam"}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--baseline", metavar="REV", default=None)
    parser.add_argument("--only", metavar="NAMES", default="")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    docs = [map_extraction(synthetic(n)) for n in range(args.docs)]
    docs += [map_extraction(x) for x in seed_extractions()]
    with tempfile.TemporaryDirectory() as tmp:
        with Store(tmp) as store:
            for i in range(0, len(docs), 100):
                store.write_documents(docs[i : i + 100])
        with Store(tmp, read_only=True) as store:
            print(f"{len(docs)} documents, {len(store):,} quads")
            for spec in list_queries():
                if only and spec.name not in only:
                    continue
                params = PARAMS.get(spec.name or "")
                old = _at_revision(args.baseline, spec) if args.baseline else None
                if old is None:
                    seconds, count = _timed(store, spec, params)
                    print(f"{spec.name:24s} {seconds:7.3f}s  {count:6d} rows")
                    continue
                now, before = [], []
                for _ in range(3):
                    before.append(_timed(store, old, params)[0])
                    seconds, count = _timed(store, spec, params)
                    now.append(seconds)
                print(
                    f"{spec.name:24s} {min(now):7.3f}s  {count:6d} rows  "
                    f"{args.baseline}: {min(before):7.3f}s  ratio {min(now) / min(before):5.2f}"
                )


def _timed(store: Store, spec: QuerySpec, params: dict[str, str] | None) -> tuple[float, int]:
    start = time.perf_counter()
    result = run_query(store, spec, params=params)
    return time.perf_counter() - start, len(result)


def _at_revision(revision: str, spec: QuerySpec) -> QuerySpec | None:
    """The named query as queries/NAME.rq was at ``revision``; None where it did not exist."""
    shown = subprocess.run(
        ["git", "show", f"{revision}:queries/{spec.name}.rq"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if shown.returncode:
        return None
    return parse_header(shown.stdout, name=spec.name)


if __name__ == "__main__":
    main()
