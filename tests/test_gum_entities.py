"""GUM's entity layer as NER spans: the name inside each person, organization and place."""

from __future__ import annotations

from pathlib import Path

import spacy

from kg.train import corpora
from kg.train.gum_entities import entity_tags, mentions

# word, UPOS, XPOS, head (1-based, 0 root), Entity= brackets: a hand-built GUM sentence,
# "U.S. President Barack Obama visited the Cleveland Museum of Art with our new President."
ROWS = [
    ("U.S.", "PROPN", "NNP", 4, "(1-person-new-x-x-1-coref-Barack_Obama(2-place-new-x-x-1)"),
    ("President", "PROPN", "NNP", 4, ""),
    ("Barack", "PROPN", "NNP", 5, ""),
    ("Obama", "PROPN", "NNP", 5, "1)"),
    ("visited", "VERB", "VBD", 0, ""),
    ("the", "DET", "DT", 8, "(3-organization-new-x-x-3"),
    ("Cleveland", "PROPN", "NNP", 8, "(4-place-new-x-x-1)"),
    ("Museum", "PROPN", "NNP", 5, ""),
    ("of", "ADP", "IN", 10, ""),
    ("Art", "PROPN", "NNP", 8, "(5-abstract-new-x-x-1)3)"),
    ("with", "ADP", "IN", 14, ""),
    ("our", "PRON", "PRP$", 14, "(6-person-giv-x-x-3"),
    ("new", "ADJ", "JJ", 14, ""),
    ("President", "PROPN", "NNP", 5, "6)"),
    (".", "PUNCT", ".", 5, ""),
]


def _table() -> tuple[list[str], list[str], list[str], list[int], list[str]]:
    words = [r[0] for r in ROWS]
    pos = [r[1] for r in ROWS]
    tags = [r[2] for r in ROWS]
    heads = [r[3] - 1 if r[3] else i for i, r in enumerate(ROWS)]
    miscs = [f"Entity={r[4]}" if r[4] else "_" for r in ROWS]
    return words, pos, tags, heads, miscs


def _spans(words: list[str], ents: list[str]) -> list[tuple[str, str]]:
    spans, i = [], 0
    while i < len(words):
        if ents[i].startswith("B-"):
            j = i + 1
            while j < len(words) and ents[j] == "I-" + ents[i][2:]:
                j += 1
            spans.append((" ".join(words[i:j]), ents[i][2:]))
            i = j
        else:
            i += 1
    return spans


def test_brackets_open_and_close_nested_mentions() -> None:
    *_, miscs = _table()
    found = {(m.start, m.end, m.kind) for m in mentions(miscs)}
    assert found == {
        (0, 4, "person"),
        (0, 1, "place"),
        (5, 10, "organization"),
        (6, 7, "place"),
        (9, 10, "abstract"),
        (11, 14, "person"),
    }


def test_names_are_cut_from_their_mentions_as_uner_tags_them() -> None:
    words, pos, tags, heads, miscs = _table()
    ents = entity_tags(words, pos, tags, heads, miscs)
    assert ents is not None
    # the country and the title are not the person's name; the museum holds its city; a
    # description headed by a capitalized title ("our new President") is no name at all
    assert _spans(words, ents) == [
        ("U.S.", "LOC"),
        ("Barack Obama", "PERSON"),
        ("Cleveland Museum of Art", "ORG"),
    ]


def test_a_name_gum_writes_with_its_hyphen_apart_stays_whole() -> None:
    # "Caio Ramos - Lima scored": GUM makes the hyphen a word of its own
    words = ["Caio", "Ramos", "-", "Lima", "scored"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB"]
    tags = ["NNP", "NNP", "HYPH", "NNP", "VBD"]
    heads = [4, 0, 3, 1, 4]
    miscs = ["Entity=(1-person-new-x-x-1", "_", "_", "Entity=1)", "_"]
    ents = entity_tags(words, pos, tags, heads, miscs)
    assert ents is not None
    assert _spans(words, ents) == [("Caio Ramos - Lima", "PERSON")]


def test_a_sentence_gum_marks_nothing_in_has_no_entity_annotation() -> None:
    words, pos, tags, heads, _ = _table()
    assert entity_tags(words, pos, tags, heads, ["_"] * len(words)) is None


def test_the_conllu_reader_gives_gum_sentences_their_names(tmp_path: Path) -> None:
    lines = ["# newdoc id = GUM_bio_x", "# sent_id = GUM_bio_x-1"]
    for i, (word, upos, xpos, head, entity) in enumerate(ROWS, start=1):
        misc = f"Entity={entity}" if entity else "_"
        rel = "root" if head == 0 else "dep"
        lines.append(f"{i}\t{word}\t{word}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}")
    path = tmp_path / "gum.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (sentence,) = corpora.read_conllu(path)
    doc = next(corpora.to_docs(spacy.blank("en").vocab, [sentence], max_sents=10))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("U.S.", "LOC"),
        ("Barack Obama", "PERSON"),
        ("Cleveland Museum of Art", "ORG"),
    ]
    assert doc[4].ent_iob_ == "O"  # annotated: "visited" is no name, not unknown
