"""python -m kg.train --corpora ../shared/corpora --output DIR"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.train import recipe

STEPS = ("convert", "train", "assemble")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train", description=__doc__)
    parser.add_argument("--corpora", type=Path, required=True, help="folder of the open corpora")
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
        "--steps", default=",".join(STEPS), help="comma-separated: " + ",".join(STEPS)
    )
    args = parser.parse_args(argv)
    steps = args.steps.split(",")
    work: Path = args.output
    if "convert" in steps:
        counts = recipe.convert(args.corpora, work / "corpus", limit=args.limit, seed=args.seed)
        print("converted:", ", ".join(f"{k} {v} sentences" for k, v in counts.items()))
    if "train" in steps:
        stages = recipe.STAGES[1:] if args.start else recipe.STAGES
        logs = " and ".join(f"{work}/{stage}.log" for stage in stages)
        print(f"training; logs in {logs}", flush=True)
        recipe.train(work, seed=args.seed, max_steps=args.max_steps, start=args.start)
    if "assemble" in steps:
        path = recipe.assemble(work, corpora_dir=args.corpora)
        print(f"pipeline written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
