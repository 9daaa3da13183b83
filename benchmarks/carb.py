"""CaRB's relation-extraction metric (Bhardwaj, Aggarwal and Mausam, EMNLP 2019).

Gold and system extractions are matched per sentence on whitespace tokens: a gold tuple and a
system tuple score a (precision, recall) pair; recall takes each gold tuple's best match,
precision a greedy one-to-one matching. The curve runs over every distinct system confidence;
the reported P/R/F1 is its best-F1 point, and AUC is the area under it.

    gold = read_gold(path)                        # sentence key → tuples
    system = read_system(path)
    score(gold, system) → Score(p, r, f1, auc, threshold)
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Score", "Tuple", "read_gold", "read_system", "score", "sentence_key"]

_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_DROP = str.maketrans("", "", string.punctuation + " ")
_BE = frozenset({"be", "is", "am", "are", "was", "were", "been", "being"})
_SPEECH = frozenset({"said", "told", "added", "adds", "says"})


@dataclass(frozen=True)
class Tuple:
    """One extraction, binarized: ``args`` has at most two items."""

    predicate: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float


def sentence_key(sentence: str) -> str:
    """The sentence as CaRB matches it: no spaces, brackets unescaped, no ASCII punctuation."""
    text = re.sub("|".join(_BRACKETS), lambda m: _BRACKETS[m.group()], sentence)
    return text.translate(_DROP)


def binarize(predicate: str, args: Sequence[str], confidence: float = 1.0) -> Tuple:
    """``[arg1, arg2 + " " + arg3 + ...]``: everything after the first argument is one."""
    kept = [a.strip() for a in args]
    if len(kept) > 2:
        kept = [kept[0], " ".join(kept[1:])]
    return Tuple(predicate.strip(), tuple(kept), confidence)


def read_gold(path: Path) -> dict[str, list[Tuple]]:
    """``sentence \\t predicate \\t arg1 ...``; context arguments ("C: ...") are left out."""
    gold: dict[str, list[Tuple]] = {}
    for line in _lines(path):
        sentence, predicate, *args = line.split("\t")
        args = [a for a in args if "C: " not in a]
        gold.setdefault(sentence_key(sentence), []).append(binarize(predicate, args))
    return gold


def read_system(path: Path) -> dict[str, list[Tuple]]:
    """``sentence \\t confidence \\t predicate \\t arg1 ...``, the format `kg openie` writes."""
    system: dict[str, list[Tuple]] = {}
    for line in _lines(path):
        sentence, confidence, predicate, *args = line.split("\t")
        tuple_ = binarize(predicate, args, float(confidence))
        system.setdefault(sentence_key(sentence), []).append(tuple_)
    return system


def _lines(path: Path) -> Iterable[str]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield line.strip()


def _overlap(gold: str, system: str) -> tuple[int, list[str]]:
    """(gold tokens found in the system text, the system tokens left); each matches once."""
    left = system.split()
    matched = 0
    for word in gold.split():
        if word in left:
            left.remove(word)
            matched += 1
    return matched, left


def match(gold: Tuple, system: Tuple) -> tuple[float, float]:
    """The (precision, recall) of ``system`` against ``gold``; speech verbs may swap args."""
    best = _match(gold, system)
    if _SPEECH.intersection(gold.predicate.split()) and len(system.args) >= 2:
        swapped = Tuple(system.predicate, (system.args[1], system.args[0]), system.confidence)
        best = max(best, _match(gold, swapped))
    return best


def _match(gold: Tuple, system: Tuple) -> tuple[float, float]:
    matched, left = _overlap(gold.predicate, system.predicate)
    if "be" in left and _BE.intersection(gold.predicate.split()):
        matched += 1
    if matched == 0:
        return 0.0, 0.0
    p_num = r_num = matched
    p_den = len(system.predicate.split())
    r_den = len(gold.predicate.split())
    for i, argument in enumerate(gold.args):
        r_den += len(argument.split())
        if i >= len(system.args):
            if i < 2:
                return 0.0, 0.0
            continue
        overlap, _ = _overlap(argument, system.args[i])
        p_den += len(system.args[i].split())
        p_num += overlap
        r_num += overlap
    return (p_num / p_den if p_den else 0.0), (r_num / r_den if r_den else 0.0)


def _sentence_sums(
    n_gold: int, n_system: int, scores: list[list[tuple[float, float]]]
) -> tuple[float, float]:
    """(precision numerator, recall numerator) for one sentence's kept system tuples."""
    recall = sum(max((pair[1] for pair in row), default=0.0) for row in scores)
    pairs = sorted(
        ((scores[i][j][0], i, j) for i in range(n_gold) for j in range(n_system)),
        key=lambda pair: -pair[0],
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    precision = 0.0
    for value, i, j in pairs:
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        precision += value
    return precision, recall


def score(gold: dict[str, list[Tuple]], system: dict[str, list[Tuple]]) -> Score:
    """P, R and F1 at the best-F1 threshold, and the area under the P/R curve."""
    # For each sentence, its sums at each of its own confidences (keeping tuples >= it); a
    # global threshold keeps, in each sentence, what its next own confidence up keeps.
    changes: dict[float, list[tuple[str, float, float, int]]] = {}
    for key, gold_tuples in gold.items():
        tuples = system.get(key, [])
        order = sorted(range(len(tuples)), key=lambda j: -tuples[j].confidence)
        all_scores = [[match(g, s) for s in tuples] for g in gold_tuples]
        for end in range(1, len(order) + 1):
            confidence = tuples[order[end - 1]].confidence
            if end < len(order) and tuples[order[end]].confidence == confidence:
                continue
            kept = sorted(order[:end])  # in file order, which breaks ties in the matching
            scores = [[row[j] for j in kept] for row in all_scores]
            p, r = _sentence_sums(len(gold_tuples), len(kept), scores)
            changes.setdefault(confidence, []).append((key, p, r, end))
    gold_count = sum(len(t) for t in gold.values())
    current: dict[str, tuple[float, float, int]] = {}
    p_num = r_num = 0.0
    kept_count = 0
    points: list[tuple[float, float, float]] = []  # (threshold, precision, recall)
    for threshold in sorted(changes, reverse=True):
        for key, p, r, n in changes[threshold]:
            old_p, old_r, old_n = current.get(key, (0.0, 0.0, 0))
            p_num += p - old_p
            r_num += r - old_r
            kept_count += n - old_n
            current[key] = (p, r, n)
        precision = p_num / kept_count if kept_count else 1.0
        recall = r_num / gold_count if gold_count else 0.0
        points.append((threshold, precision, recall))
    if not points:
        return Score(1.0, 0.0, 0.0, 0.0, 0.0)
    best = max(reversed(points), key=lambda point: _f1(point[1], point[2]))
    curve = [(0.0, 1.0)] + [(r, p) for _, p, r in points]
    auc = sum(
        abs(r2 - r1) * (p1 + p2) / 2 for (r1, p1), (r2, p2) in zip(curve, curve[1:], strict=False)
    )
    return Score(best[1], best[2], _f1(best[1], best[2]), auc, best[0])


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
