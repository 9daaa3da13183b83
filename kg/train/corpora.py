"""Read the open annotated corpora into spaCy ``Doc`` objects.

Each reader yields plain sentence records; ``to_docs`` groups them into training
documents. Formats: UD CoNLL-U (EWT, GUM, with GUM's entity layer), UNER IOB2 (EWT, PUD),
WikiGold (IO tags, space-separated), the Broad Twitter Corpus (tab-separated IOB2) and
CrossNER's domains (tab-separated IOB2 with fine types).
"""

from __future__ import annotations

import gzip
import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.train.gum_entities import entity_tags

# The NER corpora's labels, mapped to spaCy's names; anything else becomes O.
NER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# CrossNER's fine types that are people, organizations or places; its other types (works,
# awards, elections, nationalities in "misc"...) are left unannotated, not O, since UNER's
# guidelines would tag some of their words (the country in "2011 Irish general election").
CROSSNER_LABELS = {
    **dict.fromkeys(
        ("person", "politician", "scientist", "writer", "musicalartist", "researcher"), "PERSON"
    ),
    **dict.fromkeys(("organisation", "politicalparty", "university", "band"), "ORG"),
    **dict.fromkeys(("location", "country"), "LOC"),
}


@dataclass
class Sentence:
    """One annotated sentence; syntax fields are empty where a corpus has none."""

    words: list[str]
    spaces: list[bool]
    doc_id: str = ""
    sent_id: str = ""
    tags: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # sentence-relative, root points at itself
    deps: list[str] = field(default_factory=list)
    ents: list[str] | None = None  # BILUO-free IOB strings: "B-PERSON", "I-ORG", "O"


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield line.rstrip("\n")


def read_conllu(path: Path) -> Iterator[Sentence]:
    """UD CoNLL-U: words (not multi-word tokens), skipping enhanced empty nodes."""
    doc_id = sent_id = ""
    rows: list[list[str]] = []
    mwt_end = 0
    mwt_space = True
    for line in _lines(path):
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield _conllu_sentence(rows, doc_id, sent_id)
            rows = []
            mwt_end = 0
        else:
            cols = line.split("\t")
            if "-" in cols[0]:  # multi-word token: its words carry the syntax
                start, end = cols[0].split("-")
                mwt_end = int(end)
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            if "." in cols[0]:
                continue
            index = int(cols[0])
            if index < mwt_end:
                cols[9] = "SpaceAfter=No"
            elif index == mwt_end:
                cols[9] = "_" if mwt_space else "SpaceAfter=No"
            rows.append(cols)
    if rows:
        yield _conllu_sentence(rows, doc_id, sent_id)


def _conllu_sentence(rows: list[list[str]], doc_id: str, sent_id: str) -> Sentence:
    words = [r[1] for r in rows]
    pos = [r[3] for r in rows]
    tags = [r[4] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    return Sentence(
        words=words,
        spaces=["SpaceAfter=No" not in r[9] for r in rows],
        doc_id=doc_id,
        sent_id=sent_id,
        lemmas=[r[2] for r in rows],
        pos=pos,
        tags=tags,
        morphs=["" if r[5] == "_" else r[5] for r in rows],
        heads=heads,
        deps=["ROOT" if r[6] == "0" else r[7] for r in rows],
        # GUM's entity layer, where the treebank has one (EWT has none: UNER adds its names)
        ents=entity_tags(words, pos, tags, heads, [r[9] for r in rows]),
    )


def read_iob2(path: Path) -> Iterator[Sentence]:
    """UNER IOB2 with ``# text`` headers; pre-release labels (OTH, B-O) become O."""
    doc_id = sent_id = text = ""
    words: list[str] = []
    tags: list[str] = []

    def sentence() -> Sentence:
        spaces = _spaces_from_text(words, text)
        return Sentence(words, spaces, doc_id, sent_id, ents=_clean_iob(tags))

    for line in _lines(path):
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                yield sentence()
            words, tags = [], []
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield sentence()


def with_entities(
    sentences: Iterable[Sentence], annotated: Iterable[Sentence]
) -> Iterator[Sentence]:
    """Give each sentence the entities of the annotated sentence with its id and its words.

    UNER EWT annotates the sentences of UD EWT: merged, one corpus trains syntax and entities
    together. A sentence whose words differ between the two keeps no entities (missing, not O).
    """
    entities = {s.sent_id: s for s in annotated if s.sent_id}
    for sentence in sentences:
        match = entities.get(sentence.sent_id)
        if match is not None and match.words == sentence.words:
            sentence = replace(sentence, ents=match.ents)
        yield sentence


def read_wikigold(path: Path) -> Iterator[Sentence]:
    """WikiGold: ``token TAG`` lines with IO tags; MISC becomes O."""
    doc_id = 0
    words: list[str] = []
    tags: list[str] = []
    for line in _lines(path):
        if line.startswith("-DOCSTART-"):
            doc_id += 1
            continue
        if not line.strip():
            if words:
                yield Sentence(
                    words, [True] * len(words), f"wikigold-{doc_id}", ents=_io_to_iob(tags)
                )
            words, tags = [], []
            continue
        word, tag = line.rsplit(" ", 1)
        words.append(word)
        tags.append(tag)
    if words:
        yield Sentence(words, [True] * len(words), f"wikigold-{doc_id}", ents=_io_to_iob(tags))


def read_btc(path: Path) -> Iterator[Sentence]:
    """Broad Twitter Corpus: @-handles are not names in running text, '#' is dropped."""
    words: list[str] = []
    tags: list[str] = []
    for line in _lines(path):
        if not line.strip():
            if words:
                yield Sentence(words, [True] * len(words), path.name, ents=_clean_iob(tags))
            words, tags = [], []
            continue
        word, tag = line.split("\t")[:2]
        if not word.strip():
            continue
        if words and words[-1] == "@":
            tag = "O"
        if word == "@":
            tag = "O"
        if word.startswith("#") and len(word) > 1:
            word = word[1:]
        words.append(word)
        tags.append(tag)
    if words:
        yield Sentence(words, [True] * len(words), path.name, ents=_clean_iob(tags))


def read_crossner(path: Path) -> Iterator[Sentence]:
    """CrossNER: ``token<TAB>TAG`` lines, IOB2 over fine types (``CROSSNER_LABELS``)."""
    words: list[str] = []
    tags: list[str] = []
    doc_id = f"crossner-{path.parent.name}-{path.stem}"
    for line in itertools.chain(_lines(path), [""]):
        if not line.strip():
            if words:
                yield Sentence(words, [True] * len(words), doc_id, ents=_crossner_iob(tags))
            words, tags = [], []
            continue
        word, tag = line.split("\t")[:2]
        words.append(word)
        tags.append(tag)


def _crossner_iob(tags: list[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        prefix, _, fine = tag.partition("-")
        if tag == "O":
            out.append("O")
        elif fine not in CROSSNER_LABELS:
            out.append("")  # unannotated: neither a name of ours nor "no name here"
        elif prefix == "I" and out and out[-1][2:] == CROSSNER_LABELS[fine]:
            out.append("I-" + CROSSNER_LABELS[fine])
        else:
            out.append("B-" + CROSSNER_LABELS[fine])
    return out


def _clean_iob(tags: list[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if label not in NER_LABELS:
            out.append("O")
        elif prefix == "I" and (not out or out[-1][2:] != NER_LABELS[label]):
            out.append("B-" + NER_LABELS[label])  # an I- that starts a span
        else:
            out.append(f"{prefix}-{NER_LABELS[label]}")
    return out


def _io_to_iob(tags: list[str]) -> list[str]:
    iob = []
    previous = "O"
    for tag in tags:
        label = tag[2:] if tag != "O" else ""
        if label not in NER_LABELS:
            iob.append("O")
            previous = "O"
            continue
        iob.append(("I-" if previous == label else "B-") + NER_LABELS[label])
        previous = label
    return iob


def _spaces_from_text(words: list[str], text: str) -> list[bool]:
    """Recover SpaceAfter from the sentence text; default to a space where words don't align."""
    spaces = []
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            spaces.append(True)
            continue
        pos = found + len(word)
        spaces.append(pos < len(text) and text[pos] == " ")
    if spaces:
        spaces[-1] = True
    return spaces


def shouted(sentence: Sentence) -> Sentence:
    """An all-caps copy, so headlines and datelines are seen in training."""
    return replace(sentence, words=[w.upper() for w in sentence.words])


# Straight quotes and apostrophes as news sites print them.
CURLY = {"``": "\u201c", "''": "\u201d", "`": "\u2018"}


def typographic(sentence: Sentence) -> Sentence:
    """A copy with typographic quotes and apostrophes (“ ” ‘ ’) in place of straight ones."""
    words = []
    opening = True
    for word in sentence.words:
        if word == '"':
            words.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif word in CURLY:
            words.append(CURLY[word])
        else:
            words.append(word.replace("'", "\u2019"))
    return replace(sentence, words=words)


def augment(
    sentences: Iterable[Sentence], *, rate: float, seed: int, curly_rate: float = 0.0
) -> Iterator[Sentence]:
    """Yield every sentence, plus an all-caps copy of a fixed random share of them.

    With ``curly_rate``, that share of sentences that have quotes or apostrophes is given
    typographic ones instead.
    """
    rng = random.Random(seed)
    for sentence in sentences:
        if (
            curly_rate
            and rng.random() < curly_rate
            and any("'" in w or w in ('"', "``") for w in sentence.words)
        ):
            sentence = typographic(sentence)
        yield sentence
        if rng.random() < rate:
            yield shouted(sentence)


def to_docs(vocab: Vocab, sentences: Iterable[Sentence], *, max_sents: int) -> Iterator[Doc]:
    """Group consecutive sentences of one source document into docs of at most max_sents."""
    group: list[Sentence] = []
    for sentence in sentences:
        if group and (sentence.doc_id != group[0].doc_id or len(group) >= max_sents):
            yield _doc(vocab, group)
            group = []
        group.append(sentence)
    if group:
        yield _doc(vocab, group)


def _doc(vocab: Vocab, group: list[Sentence]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    sent_starts: list[bool | int | None] = []  # spaCy's type: True, False or unknown
    for sentence in group:
        offset = len(words)
        words += sentence.words
        spaces += sentence.spaces[:-1] + [True]
        heads += [offset + h for h in sentence.heads]
        sent_starts += [True] + [False] * (len(sentence.words) - 1)
    has_syntax = all(s.deps for s in group)
    has_ents = any(s.ents is not None for s in group)

    def joined(name: str) -> list:
        return [x for s in group for x in getattr(s, name)]

    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=joined("tags") if has_syntax else None,
        pos=joined("pos") if has_syntax else None,
        morphs=joined("morphs") if has_syntax else None,
        lemmas=joined("lemmas") if has_syntax else None,
        heads=heads if has_syntax else None,
        deps=joined("deps") if has_syntax else None,
        sent_starts=None if has_syntax else sent_starts,
        # "" marks a sentence without entity annotation as missing, so it teaches no false O
        ents=[e for s in group for e in (s.ents or [""] * len(s.words))] if has_ents else None,
    )
