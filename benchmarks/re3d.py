"""re3d's documents and annotations, with the annotated offsets carried into kg's text.

re3d (``../shared/corpora/re3d``) holds each source as three files of JSON lines: documents
(title, text), entities (a mention's character offsets and type) and relations (the offsets of
two mentions and a type). kg normalises a text's whitespace and drops a few invisible
characters before it reads it, so every annotated span is moved onto kg's text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.golden import RE3D_SOURCES
from kg.sources.text import build_document, normalize_text

Span = tuple[int, int]


@dataclass
class Document:
    """One re3d document: its text as written and as kg holds it, with the annotations."""

    id: str  # kg's document id
    title: str
    original: str
    text: str
    types: dict[Span, set[str]] = field(default_factory=lambda: defaultdict(set))
    relations: dict[frozenset[Span], set[str]] = field(default_factory=lambda: defaultdict(set))
    unaligned: int = 0  # annotated mentions that do not read the same in kg's text

    def __post_init__(self) -> None:
        self.where = offsets(self.original, self.text)

    def span(self, begin: int, end: int) -> Span:
        """Where a span of the original text lies in kg's text."""
        return self.where[begin], self.where[end - 1] + 1


def documents(corpus: Path) -> Iterator[Document]:
    """Every document of re3d's sources, with its entities and relations."""
    for source in RE3D_SOURCES:
        by_id = {}
        for record in json_lines(corpus / source / "documents.json"):
            kept = build_document(record["text"], source)
            assert kept is not None
            by_id[record["_id"]] = Document(kept.id, record["title"], record["text"], kept.text)
        for ent in json_lines(corpus / source / "entities.json"):
            doc = by_id[ent["documentId"]]
            span = doc.span(ent["begin"], ent["end"])
            doc.types[span].add(ent["type"])
            written = normalize_text(doc.original[ent["begin"] : ent["end"]])
            doc.unaligned += written.split() != normalize_text(doc.text[slice(*span)]).split()
        for rel in json_lines(corpus / source / "relations.json"):
            doc = by_id[rel["documentId"]]
            a = doc.span(rel["sourceBegin"], rel["sourceEnd"])
            b = doc.span(rel["targetBegin"], rel["targetEnd"])
            if a != b:  # a few relations join a mention to itself
                doc.relations[frozenset((a, b))].add(rel["type"])
        yield from by_id.values()


def json_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def offsets(original: str, normalized: str) -> list[int]:
    """Where each character of ``original``, and its end, lies in ``normalized``."""
    where, j = [], 0
    for char in original:
        if char.isspace():
            where.append(j)
            j += j < len(normalized) and normalized[j].isspace()
            continue
        k = j
        while k < len(normalized) and normalized[k].isspace():
            k += 1
        if k < len(normalized) and normalized[k] == char:
            where.append(k)
            j = k + 1
        else:  # a character kg drops
            where.append(j)
    return [*where, len(normalized)]
