"""kg's open relation extraction on the CaRB dev set, scored with kg's CaRB scorer.

    python benchmarks/openie.py [--model NAME_OR_PATH] [--carb ../shared/eval/carb] [--write]

Prints P, R, F1 (at the best-F1 confidence threshold) and AUC for kg, and for the published
OpenIE-5 output shipped with the dev set, which checks the scorer itself (published: P 0.526,
R 0.406, F1 0.458, AUC 0.240). ``--write`` keeps kg's figures in
benchmarks/results/carb-dev.json, so a change that costs accuracy shows in the diff. Dev split
only: nothing in kg is tuned on anything else.
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

from benchmarks import carb  # noqa: E402
from kg import api  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "carb-dev.json"


def figures(score: carb.Score) -> dict[str, float]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "auc": round(score.auc, 4),
        "threshold": round(score.threshold, 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--carb", type=Path, default=ROOT.parent / "shared" / "eval" / "carb")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()

    gold = carb.read_gold(args.carb / "dev-gold.tsv")
    sentences = (args.carb / "dev.txt").read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    rows = [
        extraction.row(sentence)
        for sentence, extractions in api.openie(sentences, model=args.model)
        for extraction in extractions
    ]
    seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "kg.tsv"
        out.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
        kg_score = carb.score(gold, carb.read_system(out))
    reference = carb.score(gold, carb.read_system(args.carb / "openie5-dev.tsv"))
    results = {
        "data": "CaRB dev (641 sentences, 2,548 gold tuples)",
        "kg": {**figures(kg_score), "extractions": len(rows)},
        "openie5_published_output": figures(reference),
        "sentences_per_s": round(len(sentences) / seconds),
    }
    print(json.dumps(results, indent=2))
    if args.write:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
