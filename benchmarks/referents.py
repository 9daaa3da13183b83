"""The referents kg reads from the probe documents, one a line, to judge their labels by eye.

    python benchmarks/referents.py [--shared ../shared] [--out FILE]

Parses the probe documents of benchmarks/golden.py (news, blogs, speeches, guides... that no
rule was written for) and extracts them as ``kg build`` does, then lists each document's
referents (kg:Referent: unnamed things the events name) under a ``## N`` line: key, label,
scope (g global, d document), the number of mentions, the first three mentions as written,
and Q where a quantity counts it. Issue 12 asks that at most 3% of the labels be junk: a
pronoun, a bare determiner, a generic noun, a fragment of a clause.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.golden import probes  # noqa: E402
from kg.extract import extract, pipeline_aliases  # noqa: E402
from kg.extract.people import KnownPeople  # noqa: E402
from kg.nlp import pipeline  # noqa: E402
from kg.records import Document, Referent  # noqa: E402
from kg.sources import iter_documents  # noqa: E402


def referents(shared: Path) -> Iterator[list[Referent]]:
    """Each probe document's referents, in the order of the probes."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "probes.jsonl"
        lines = "".join(json.dumps(record) + "\n" for record in probes(shared))
        source.write_text(lines, encoding="utf-8")
        documents = [d for d in iter_documents([source]) if isinstance(d, Document)]
    nlp = pipeline.load()
    aliases = pipeline_aliases(nlp)
    people = KnownPeople()
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True):
        extraction = extract(doc, document, aliases=aliases, people=people.links())
        people.add_entities(extraction.entities)
        yield list(extraction.referents)


def line(r: Referent) -> str:
    mentions = [m.text for m in r.mentions[:3]]
    quantity = " Q" if r.quantity else ""
    return f"{r.key!r:40} {r.label!r:45} {r.scope[0]} {len(r.mentions)} {mentions}{quantity}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, help="write the list here instead of stdout")
    args = parser.parse_args()
    rows, count = [], 0
    for k, found in enumerate(referents(args.shared)):
        rows.append(f"## {k}")
        rows += [line(r) for r in found]
        count += len(found)
    text = "\n".join(rows) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{count} referents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
