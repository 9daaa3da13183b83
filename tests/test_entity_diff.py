"""benchmarks/entity_diff.py: the entities of ordinary text before and after a rule change."""

from __future__ import annotations

from pathlib import Path

import pytest
from answers import MODEL

from benchmarks.entity_diff import compare, record

TEXT = "Relations between the European Union and Turkey improved, officials in Ankara said."


def test_compare_lists_each_entity_that_appeared_went_or_changed_its_label() -> None:
    before = {
        "a.txt": {
            "paragraphs": [TEXT],
            "entities": [
                [0, 22, 48, "European Union and Turkey", "ORG"],
                [0, 73, 79, "Ankara", "LOC"],
            ],
        }
    }
    after = {
        "a.txt": {
            "paragraphs": [TEXT],
            "entities": [
                [0, 22, 36, "European Union", "ORG"],
                [0, 41, 47, "Turkey", "GPE"],
                [0, 73, 79, "Ankara", "GPE"],
            ],
        }
    }
    lines = compare(before, after)
    assert [line.split("|")[0].split()[1:3] for line in lines] == [
        ["new", "'European"],
        ["gone", "'European"],
        ["new", "'Turkey'"],
        ["label", "'Ankara'"],
    ]
    assert "LOC -> GPE" in lines[-1] and "officials in Ankara said" in lines[-1]
    assert compare(after, after) == []


@pytest.mark.slow
def test_record_keeps_each_paragraph_and_its_entities(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Talks\n\n{TEXT}\n", encoding="utf-8")
    kept = record([tmp_path / "a.txt"], MODEL)
    assert kept["a.txt"]["paragraphs"] == ["Talks", f"{TEXT}\n"]
    found = {(text, label) for _, _, _, text, label in kept["a.txt"]["entities"]}
    assert ("Ankara", "GPE") in found and ("Turkey", "GPE") in found
