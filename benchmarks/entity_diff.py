"""What a change to the entity rules does to ordinary text: the entities before and after.

    python benchmarks/entity_diff.py record FOLDER OUT.json [--start 0] [--every 33]
                                            [--count 300] [--model NAME_OR_PATH]
    python benchmarks/entity_diff.py compare BEFORE.json AFTER.json

``record`` runs the pipeline (kg's shipped one by default: the trained components and kg's
rule layer) over every ``--every``-th ``.txt`` file of FOLDER from ``--start``, ``--count``
of them, paragraph by paragraph (paragraphs split at blank lines, as kg reads them), and
keeps each paragraph and its entities (offsets, text, label). Run it in a checkout before a
change and in one after (a ``git worktree`` of the older commit, with ``PYTHONPATH`` set to
it), on the same files. ``compare`` lists each entity that appeared, went or changed its
label, with the words around it, and counts them: a rule tuned on probe articles shows here
what it does to text nobody tuned on. A news-like folder comes from the open corpora with
``python benchmarks/scale.py --sizes 10000 --corpus-out DIR --no-build``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Characters of context shown on each side of a changed entity.
CONTEXT = 50

Entity = tuple[int, int, int, str, str]  # paragraph, start, end, text, label


def record(files: list[Path], model: str | None = None) -> dict[str, dict[str, list]]:
    """Each file's paragraphs and the entities the pipeline finds in them."""
    from kg.nlp import pipeline

    nlp = pipeline.load(model)
    out = {}
    for path in files:
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        entities = [
            (k, ent.start_char, ent.end_char, ent.text, ent.label_)
            for k, doc in enumerate(nlp.pipe(paragraphs))
            for ent in doc.ents
        ]
        out[path.name] = {"paragraphs": paragraphs, "entities": entities}
    return out


def compare(before: dict[str, dict[str, list]], after: dict[str, dict[str, list]]) -> list[str]:
    """One line per entity that appeared, went or changed its label, with its context."""
    lines = []
    for name in sorted(before.keys() & after.keys()):
        old = {tuple(e[:3]): e for e in before[name]["entities"]}
        new = {tuple(e[:3]): e for e in after[name]["entities"]}
        paragraphs = after[name]["paragraphs"]
        for key in sorted(old.keys() | new.keys()):
            was, now = old.get(key), new.get(key)
            if was and now and was[4] == now[4]:
                continue
            k, start, end = key
            around = paragraphs[k][max(0, start - CONTEXT) : end + CONTEXT].replace("\n", " ")
            if was and now:
                change = f"label   {now[3]!r} {was[4]} -> {now[4]}"
            elif now:
                change = f"new     {now[3]!r} {now[4]}"
            else:
                change = f"gone    {was[3]!r} {was[4]}"  # type: ignore[index]
            lines.append(f"{name:12} {change} | {around}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("record", help="the entities of a folder's articles, kept")
    rec.add_argument("folder", type=Path)
    rec.add_argument("out", type=Path)
    rec.add_argument("--start", type=int, default=0)
    rec.add_argument("--every", type=int, default=33)
    rec.add_argument("--count", type=int, default=300)
    rec.add_argument("--model", default=None)
    cmp = commands.add_parser("compare", help="what changed between two records")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        files = sorted(args.folder.glob("*.txt"))[args.start :: args.every][: args.count]
        if not files:
            parser.error(f"no .txt files in {args.folder}")
        kept = record(files, args.model)
        args.out.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        total = sum(len(one["entities"]) for one in kept.values())
        print(f"{len(kept)} articles, {total} entities: {args.out}")
        return 0
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    lines = compare(before, after)
    print("\n".join(lines))
    total = sum(len(one["entities"]) for one in after.values())
    print(
        f"{len(lines)} entities changed of {total}, in {len(before.keys() & after.keys())} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
