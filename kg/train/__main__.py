"""python -m kg.train --corpora ../shared/corpora --output DIR"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.nlp import pipeline
from kg.train import recipe

STEPS = ("convert", "train", "assemble")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__)
    parser.add_argument(
        "--corpora",
        type=Path,
        action="append",
        required=True,
        help="folder of the open corpora; again for a folder of fetched ones (CrossNER/)",
    )
    parser.add_argument("--output", type=Path, required=True, help="working folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0, help="sentences per corpus file (0: all)")
    parser.add_argument("--max-steps", type=int, default=0, help="override the configs' step cap")
    parser.add_argument(
        "--start",
        type=Path,
        help="a trained pipeline (kg/models/en_kg_news) to continue from: stage 2 only",
    )
    parser.add_argument(
        "--entities-only",
        action="store_true",
        help="train the NER alone from --start (default: the shipped pipeline), the other "
        "components frozen",
    )
    parser.add_argument(
        "--steps", default=",".join(STEPS), help="comma-separated: " + ",".join(STEPS)
    )
    args = parser.parse_args(argv)
    steps = args.steps.split(",")
    work: Path = args.output
    if args.entities_only and args.start is None:
        args.start = pipeline.shipped_path()
    if "convert" in steps:
        counts = recipe.convert(args.corpora, work / "corpus", limit=args.limit, seed=args.seed)
        print("converted:", ", ".join(f"{k} {v} sentences" for k, v in counts.items()))
        for absent in recipe.absent_optional(args.corpora):
            print(f"not found, left out: {absent}")
    if "train" in steps:
        stages = recipe.stages(start=args.start, entities_only=args.entities_only)
        logs = " and ".join(f"{work}/{stage}.log" for stage in stages)
        print(f"training; logs in {logs}", flush=True)
        recipe.train(
            work,
            seed=args.seed,
            max_steps=args.max_steps,
            start=args.start,
            entities_only=args.entities_only,
        )
    if "assemble" in steps:
        stage = recipe.stages(start=args.start, entities_only=args.entities_only)[-1]
        path = recipe.assemble(work, stage=stage)
        print(f"pipeline written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
