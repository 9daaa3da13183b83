"""Speed of `kg validate` on a build of 200 ordinary articles, against the general way.

    python benchmarks/validate.py [--shared ../shared] [--store DIR] [--fast-only]

Articles: the 88 documents of re3d (defence and government news) and the first 112 documents
of UD English EWT's train split with 150 words or more (blogs, newsgroups, e-mails, answers,
reviews), read from ``../shared``; without it the script says so and stops. They are built
into a fresh store (or into ``--store DIR`` once, then reused), which is validated twice in one
run: as `kg validate` does it (the shapes as SPARQL in the store, kg.queries.shacl; best of
three) and the general way kg used before (each document's graph through a SHACL processor,
tests/shacl_reference.py; once, as it takes minutes). Prints the seconds of each, their ratio,
and whether both found the same (``--fast-only`` skips the general way).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.golden import EWT_GENRES, re3d_articles, ud_documents  # noqa: E402
from kg import api  # noqa: E402
from kg.queries.shacl import ValidationReport, validate_store  # noqa: E402
from kg.store.embedded import open_store  # noqa: E402

ARTICLES = 200


def articles(shared: Path) -> list[dict[str, str]]:
    """re3d's documents, then EWT train documents of 150 words or more: 200 in all."""
    corpora = shared / "corpora"
    found = list(re3d_articles(corpora / "re3d", per_source=1000))
    train = corpora / "UD_English-EWT" / "en_ewt-ud-train.conllu.gz"
    for document in ud_documents(train, EWT_GENRES, ARTICLES, 150):
        if len(found) == ARTICLES:
            break
        found.append(document)
    return found


def build(shared: Path, store: Path, work: Path) -> None:
    source = work / "articles.jsonl"
    found = articles(shared)
    source.write_text("".join(json.dumps(a) + "\n" for a in found), encoding="utf-8")
    start = time.perf_counter()
    report = api.build([str(source)], store=store)
    print(f"built {report.documents} documents in {time.perf_counter() - start:.0f} s")


def measure(path: Path, *, fast_only: bool) -> None:
    with open_store(path, read_only=True) as store:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            report = validate_store(store)
            times.append(time.perf_counter() - start)
        fast = min(times)
        print(f"{report.documents} documents, {len(store)} quads")
        print(f"kg validate, in the store:        {fast:8.2f} s  {_state(report)}")
        if fast_only:
            return
        from shacl_reference import findings_of_store

        start = time.perf_counter()
        reference = findings_of_store(store)
        slow = time.perf_counter() - start
    state = "conforms" if not reference else f"{len(reference)} violations"
    print(f"each document through SHACL:      {slow:8.2f} s  {state}")
    found = sorted((v.document, v.focus, v.path, v.value) for v in report.violations)
    same = found == sorted((d, f, p, v) for d, f, p, _, v in reference)
    print(f"ratio {slow / fast:.0f}x; same findings: {'yes' if same else 'NO'}")


def _state(report: ValidationReport) -> str:
    return report.summary().splitlines()[-1].split(": ", 1)[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--store", type=Path, help="build here once, then reuse")
    parser.add_argument("--fast-only", action="store_true", help="skip the general way")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "re3d").is_dir():
        print(f"skipped: no corpora under {args.shared}; pass --shared DIR", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        if not (store / "CURRENT").is_file():
            build(args.shared, store, Path(tmp))
        measure(store, fast_only=args.fast_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
