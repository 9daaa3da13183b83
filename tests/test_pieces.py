"""Joining a text's parsed pieces: the one Doc spaCy's own ``Doc.from_docs`` would make."""

from __future__ import annotations

from doc_table import build
from spacy.tokens import Doc

from kg.nlp.pieces import join

FIRST = """
ERBIL  0  root  PROPN  _  GPE
¶
"""
SECOND = """
Stoltenberg  3  nsubj:pass  PROPN  _      PERSON
was          3  aux:pass  AUX  be        _  tag=VBD  morph=Tense=Past
wounded      0  root  VERB  wound        _  tag=VBN
in           5  case  ADP
Iraq         3  obl   PROPN  _           GPE
.            3  punct  PUNCT

NATO         2  nsubj  PROPN  _          ORG
agreed       0  root  VERB   agree
.            2  punct  PUNCT
"""


def test_joined_pieces_are_the_doc_from_docs_makes() -> None:
    parts = [build(FIRST), build(SECOND), build(SECOND)]
    joined = join(parts)
    assert joined.text == "".join(part.text for part in parts)
    assert joined.to_json() == Doc.from_docs(parts, ensure_whitespace=False).to_json()
    assert [(e.text, e.label_) for e in joined.ents][:3] == [
        ("ERBIL", "GPE"),
        ("Stoltenberg", "PERSON"),
        ("Iraq", "GPE"),
    ]
    assert [str(t.morph) for t in joined if t.text == "was"] == ["Tense=Past", "Tense=Past"]
    assert [s.text for s in joined.sents][1:3] == [
        "Stoltenberg was wounded in Iraq.",
        "NATO agreed.",
    ]


def test_one_piece_is_its_own_doc() -> None:
    part = build(SECOND)
    assert join([part]) is part
