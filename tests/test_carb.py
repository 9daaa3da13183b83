"""The CaRB scorer, on small gold and system files worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import carb

S1 = "NATO expanded its mission ."
S2 = "Stoltenberg said the mission grows -LRB- slowly -RRB- ."


def write(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_sentences_match_without_spaces_punctuation_or_bracket_escapes():
    plain = "Stoltenberg said the mission grows (slowly)."
    assert carb.sentence_key(S2) == carb.sentence_key(plain)
    assert carb.sentence_key(S1) != carb.sentence_key(S2)


def test_gold_drops_context_arguments_and_binarizes(tmp_path):
    gold = carb.read_gold(
        write(tmp_path / "g.tsv", [[S1, "expanded", "NATO", "its mission", "C: if", "in 2021"]])
    )
    (only,) = gold[carb.sentence_key(S1)]
    assert only.args == ("NATO", "its mission in 2021")


def test_pair_scores_count_tokens_once_and_need_a_predicate_match():
    gold = carb.Tuple("expanded", ("NATO", "its mission"))
    exact = carb.match(gold, carb.Tuple("expanded", ("NATO", "its mission")))
    assert exact == (1.0, 1.0)
    # 4 of 6 system tokens match (precision); all 4 gold tokens are found (recall)
    longer = carb.match(gold, carb.Tuple("has expanded", ("NATO", "its NATO mission")))
    assert longer == pytest.approx((4 / 6, 4 / 4))
    assert carb.match(gold, carb.Tuple("grew", ("NATO", "its mission"))) == (0.0, 0.0)
    # a missing second argument is no match at all
    assert carb.match(gold, carb.Tuple("expanded", ("NATO",))) == (0.0, 0.0)


def test_a_left_over_be_matches_any_form_of_be():
    gold = carb.Tuple("is", ("Awliya Al Dam", "a group"))
    assert carb.match(gold, carb.Tuple("be", ("Awliya Al Dam", "a group"))) == (1.0, 1.0)


def test_arguments_of_speech_verbs_may_come_in_either_order():
    gold = carb.Tuple("said", ("Stoltenberg", "the mission grows"))
    swapped = carb.Tuple("said", ("the mission grows", "Stoltenberg"))
    assert carb.match(gold, swapped) == (1.0, 1.0)
    assert carb.match(carb.Tuple("grows", ("a", "b")), carb.Tuple("grows", ("b", "a")))[0] < 1


def test_best_threshold_precision_recall_and_auc(tmp_path):
    gold = write(
        tmp_path / "g.tsv",
        [
            [S1, "expanded", "NATO", "its mission"],
            [S1, "is", "NATO", "an alliance"],
            [S2, "said", "Stoltenberg", "the mission grows"],
        ],
    )
    system = write(
        tmp_path / "s.tsv",
        [
            [S1, "0.9", "expanded", "NATO", "its mission"],  # exact
            [S1, "0.9", "expanded", "NATO", "its mission"],  # a duplicate: precision 0
            [S2, "0.5", "grows", "the mission", "slowly"],  # wrong predicate
            ["Not in the gold .", "0.95", "x", "y", "z"],  # ignored
        ],
    )
    score = carb.score(carb.read_gold(gold), carb.read_system(system))
    # at 0.9: 2 kept, precision (1 + 0) / 2; recall 1 of 3 gold tuples
    # at 0.5: 3 kept, precision 1/3, recall still 1/3: F1 is lower, so 0.9 wins
    assert (score.threshold, score.precision, score.recall) == pytest.approx((0.9, 0.5, 1 / 3))
    assert score.f1 == pytest.approx(0.4)
    # curve (R, P): (0, 1) → (1/3, 1/2) → (1/3, 1/3)
    assert score.auc == pytest.approx(1 / 3 * (1 + 0.5) / 2)


def test_nothing_extracted_scores_zero(tmp_path):
    gold = carb.read_gold(write(tmp_path / "g.tsv", [[S1, "expanded", "NATO", "its mission"]]))
    assert carb.score(gold, {}).f1 == 0.0
