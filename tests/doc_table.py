"""Build spaCy ``Doc``s from compact parse tables, so extraction tests need no trained model.

One row per token, a blank line between sentences, ``#`` starts a comment::

    Stoltenberg  2  nsubj  PROPN  _    PERSON
    said         0  root   VERB   say
    .            2  punct  PUNCT

Columns: word, head (1-based within the sentence, 0 for the root), dependency label, UPOS,
then optionally the lemma (``_``: the lower-cased word, or the word itself for PROPN), the
entity (``_``/``O``, ``B-X``/``I-X``, or just ``X``, which continues a preceding ``X``), and
``key=value`` extras: ``tag=VBN``, ``morph=Polarity=Neg``, ``space=no``. A row ``¶`` is a
paragraph break ("\\n\\n") hanging off the token before it.
"""

from __future__ import annotations

import datetime as dt
import re

import spacy
from spacy.tokens import Doc

from kg.records import Document

VOCAB = spacy.blank("en").vocab
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "'s", "’s", "n't", "%", ")", "”", "’"}
NO_SPACE_AFTER = {"(", "“", "‘", "$"}
DEFAULT_TAGS = {"PUNCT": ".", "PROPN": "NNP", "NOUN": "NN", "NUM": "CD", "DET": "DT", "ADP": "IN"}


def build(table: str, *, text: str | None = None) -> Doc:
    """The ``Doc`` a parse table describes; ``text`` (if given) must be its exact text."""
    words, spaces, heads, deps, pos, tags, lemmas, ents, morphs = ([] for _ in range(9))
    offset = 0  # index of the current sentence's first token
    sentence: list[list[str]] = []

    def flush() -> None:
        nonlocal offset
        for k, row in enumerate(sentence):
            if row[0] == "¶":
                words.append("\n\n")
                spaces.append(False)
                if spaces:
                    spaces[-2] = False
                heads.append(offset + max(k - 1, 0))
                deps.append("dep")
                pos.append("SPACE")
                tags.append("_SP")
                lemmas.append("\n\n")
                ents.append("O")
                morphs.append("")
                continue
            word, head, dep, upos, *rest = row
            extras = dict(item.split("=", 1) for item in rest if "=" in item)
            plain = [item for item in rest if "=" not in item]
            lemma = plain[0] if plain else "_"
            ent = plain[1] if len(plain) > 1 else "O"
            words.append(word)
            spaces.append(extras.get("space") != "no")
            heads.append(offset + k if head == "0" else offset + int(head) - 1)
            deps.append("ROOT" if head == "0" else dep)
            pos.append(upos)
            tags.append(extras.get("tag", DEFAULT_TAGS.get(upos, upos)))
            if lemma == "_":
                lemma = word if upos == "PROPN" else word.lower()
            lemmas.append(lemma)
            ents.append(_iob(ent, ents))
            morphs.append(extras.get("morph", "").replace(";", "|"))
        offset += len(sentence)
        sentence.clear()

    for line in table.strip("\n").splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line:
            flush()
        elif not line.startswith("#"):
            sentence.append(line.split())
    flush()
    _default_spaces(words, spaces)
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
        morphs=morphs,
    )
    if text is not None and doc.text != text:
        raise ValueError(f"table gives {doc.text!r}, expected {text!r}")
    return doc


def tagged(text: str) -> Doc:
    """A shallow ``Doc`` for entity tests: "[Jens Stoltenberg](PERSON) spoke ."

    Tokens are split on spaces; each sentence (ending in ".") hangs off its first token.
    POS is guessed from the word: punctuation, pronouns, determiners, capitalized → PROPN.
    """
    rows: list[str] = []
    label = None
    for raw in text.split():
        word = raw
        if word.startswith("["):
            word, label = word[1:], "B"
        end = re.match(r"^(.*)\]\((\w+)\)$", word)
        if end:
            word = end.group(1)
        ent = "O" if label is None else (end.group(2) if end else "?")
        rows.append((word, ent))
        if end:
            label = None
    # Entities are labelled at their closing bracket: fill the label in backwards.
    filled: list[tuple[str, str]] = []
    pending: list[str] = []
    for word, ent in rows:
        pending.append(word)
        if ent == "?":
            continue
        for k, w in enumerate(pending):
            filled.append((w, "O" if ent == "O" else ("B-" if k == 0 else "I-") + ent))
        pending = []
    lines, first = [], True
    for word, ent in filled:
        head, dep = ("0", "root") if first else ("1", "dep")
        lines.append(f"{word} {head} {dep} {_guess_pos(word)} _ {ent}")
        first = False
        if word == ".":
            lines.append("")
            first = True
    return build("\n".join(lines))


def _guess_pos(word: str) -> str:
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if word.lower() in {"he", "she", "it", "they", "him", "her", "we", "i", "you"}:
        return "PRON"
    if word.lower() in {"the", "a", "an", "this", "that"}:
        return "DET"
    return "PROPN" if word[0].isupper() else "NOUN"


def _iob(ent: str, previous: list[str]) -> str:
    if ent in ("_", "O"):
        return "O"
    if ent[:2] in ("B-", "I-"):
        return ent
    last = previous[-1] if previous else "O"
    return ("I-" if last != "O" and last[2:] == ent else "B-") + ent


def _default_spaces(words: list[str], spaces: list[bool]) -> None:
    """No space before closing punctuation or after opening marks (explicit ``space=no`` kept)."""
    for k in range(len(words) - 1):
        if words[k + 1] in NO_SPACE_BEFORE or words[k] in NO_SPACE_AFTER or words[k + 1] == "\n\n":
            spaces[k] = False
    if spaces:
        spaces[-1] = False


def document(doc: Doc, published: dt.date | None = None) -> Document:
    """A ``Document`` for ``doc``'s text."""
    return Document(id="test", text=doc.text, published=published)
