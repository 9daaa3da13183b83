"""Parse texts with spaCy piece by piece, in batches of bounded size, whatever a text's length.

A text is parsed paragraph by paragraph (a blank line inside a spaCy text derails the
parser), and the pieces rejoined into one ``Doc`` whose text is exactly the text, so every
offset points into the article. A paragraph longer than ``piece_limit(nlp)`` characters is
cut at sentence ends, so an article of any length is read whole: spaCy refuses a text longer
than ``nlp.max_length``. spaCy's memory grows with the characters of a batch (about 3 KB a
character for kg's pipeline), so a batch holds at most ``BATCH_CHARS`` of them.

A text the pipeline fails on comes as ``Unparsed``, with the reason, in its place: the batch
it was in is parsed again text by text, and the texts after it are parsed all the same.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from kg.sources import paragraphs
from kg.sources.text import dateline_length

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.types import Ints2d

T = TypeVar("T")

# The most characters the parser reads as one text: news paragraphs are far shorter, so
# only a paragraph that is hardly prose (a table, a transcript without blank lines) is cut.
PIECE_CHARS = 10_000

# The most characters of one batch: a batch of 64 news paragraphs is well under.
BATCH_CHARS = 200_000

# Where a long paragraph may be cut: after a sentence's final mark, closing quotes or
# brackets, and the spaces after them.
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s+""")


@dataclass(frozen=True)
class Unparsed:
    """A text the pipeline failed on, and why (one line)."""

    reason: str


def piece_limit(nlp: Language) -> int:
    """The longest piece ``nlp`` is given: ``PIECE_CHARS``, or less where its limit is lower."""
    return max(1, min(PIECE_CHARS, nlp.max_length))


def chunk_text(text: str, *, limit: int = PIECE_CHARS) -> list[str]:
    """The text cut at paragraph starts; each piece keeps the blank line after it.

    A dateline ("ERBIL, Iraq, March 3 — ") is a piece of its own, so the parser never reads
    its place names as the subject of the sentence after it. A piece longer than ``limit``
    is cut further, as ``cut_long`` says.
    """
    starts = []
    for start, end in paragraphs(text):
        starts.append(start)
        length = dateline_length(text[start:end])
        if 0 < length < end - start:
            starts.append(start + length)
    starts = starts or [0]
    starts[0] = 0
    pieces = [text[a:b] for a, b in itertools.pairwise([*starts, len(text)])]
    if all(len(piece) <= limit for piece in pieces):
        return pieces
    return [part for piece in pieces for part in cut_long(piece, limit)]


def cut_long(piece: str, limit: int) -> Iterator[str]:
    """``piece`` in stretches of at most ``limit`` characters that put it back together: each
    cut after the last sentence end that fits, else after the last space, else at ``limit``."""
    while len(piece) > limit:
        window = piece[:limit]
        end = max((match.end() for match in _SENTENCE_END.finditer(window)), default=0)
        if end == 0:
            end = max(window.rfind(" "), window.rfind("\n")) + 1 or limit
        yield piece[:end]
        piece = piece[end:]
    if piece:
        yield piece


def parse_pairs(
    nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int, n_process: int = 1
) -> Iterator[tuple[Doc | Unparsed, T]]:
    """Each text parsed as one Doc (or Unparsed), with the context it came with, in order."""
    for parsed, context in parse_pieces(nlp, items, batch_size=batch_size, n_process=n_process):
        yield (parsed if isinstance(parsed, Unparsed) else join(parsed)), context


def parse_pieces(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    *,
    batch_size: int,
    n_process: int = 1,
    disable: Iterable[str] = (),
) -> Iterator[tuple[list[Doc] | Unparsed, T]]:
    """Each text's pieces parsed (or Unparsed), with the context it came with, in order.

    Whole texts are parsed together, up to ``batch_size`` pieces and ``BATCH_CHARS``
    characters for each of ``n_process`` processes (spaCy's, started for each batch when
    more than one); a longer text is parsed alone, in as many batches as it needs.
    """
    batch = _Batch(nlp, batch_size=batch_size, n_process=max(1, n_process), disable=disable)
    waiting: list[tuple[list[str], T]] = []
    pieces = chars = 0
    for text, context in items:
        chunks = chunk_text(text, limit=batch.limit)
        if waiting and (
            pieces + len(chunks) > batch.most_pieces or chars + len(text) > batch.most_chars
        ):
            yield from batch.parse(waiting)
            waiting, pieces, chars = [], 0, 0
        waiting.append((chunks, context))
        pieces, chars = pieces + len(chunks), chars + len(text)
    if waiting:
        yield from batch.parse(waiting)


def join(parts: list[Doc]) -> Doc:
    """One Doc over the pieces of one text, whose text is exactly theirs put together: the Doc
    ``Doc.from_docs`` makes, from the pieces' token arrays.

    ``from_docs`` also makes a Token of every token three times over (for its text, its space
    and the piece's text), a fifth of its time on news; pieces with user data or span groups,
    which kg's pipeline does not make, go to it (it carries them over)."""
    import numpy
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc
    from thinc.api import get_current_ops

    if len(parts) == 1:
        return parts[0]
    if any(part.user_data or part.spans for part in parts):
        return Doc.from_docs(parts, ensure_whitespace=False)
    attrs = list(Doc._get_array_attrs())  # every attribute a DocBin keeps, as from_docs reads
    array = numpy.concatenate([part.to_array(attrs) for part in parts])
    orths = array[:, attrs.index(ORTH)].tolist()
    strings = parts[0].vocab.strings
    text_of = {orth: strings[orth] for orth in set(orths)}
    spaces = [bool(space) for space in array[:, attrs.index(SPACY)].tolist()]
    doc = Doc(parts[0].vocab, words=[text_of[orth] for orth in orths], spaces=spaces)
    doc.from_array(attrs, cast("Ints2d", array))
    if any(len(part) for part in parts):
        ops = get_current_ops()
        doc.tensor = ops.xp.vstack([part.tensor for part in parts if len(part)])
    return doc


def failure(exc: BaseException) -> str:
    """The reason a text is not parsed, in one line."""
    detail = str(exc).strip().splitlines()
    what = f"{type(exc).__name__}: {detail[0]}" if detail else type(exc).__name__
    return f"the pipeline failed on it ({what})"


class _Batch:
    """How ``parse_pieces`` runs spaCy on a batch of texts."""

    def __init__(
        self, nlp: Language, *, batch_size: int, n_process: int, disable: Iterable[str]
    ) -> None:
        self.nlp = nlp
        self.limit = piece_limit(nlp)
        self.batch_size = max(1, batch_size)
        self.n_process = n_process
        self.most_pieces = self.batch_size * n_process
        self.most_chars = BATCH_CHARS * n_process
        self.disable = list(disable)

    def parse(self, texts: list[tuple[list[str], T]]) -> Iterator[tuple[list[Doc] | Unparsed, T]]:
        """The texts' pieces parsed together; if that fails, text by text, to find which."""
        try:
            docs = iter(self._pipe([piece for chunks, _ in texts for piece in chunks]))
        except Exception as exc:  # noqa: BLE001 - one article's failure is reported, not raised
            if len(texts) == 1:
                yield Unparsed(failure(exc)), texts[0][1]
            else:
                for text in texts:
                    yield from self.parse([text])
            return
        for chunks, context in texts:
            yield list(itertools.islice(docs, len(chunks))), context

    def _pipe(self, pieces: list[str]) -> list[Doc]:
        """The pieces parsed, in runs of at most ``most_pieces`` and ``most_chars``."""
        docs: list[Doc] = []
        for run in _runs(pieces, self.most_pieces, self.most_chars):
            size = -(-len(run) // self.n_process)  # spread over the processes
            piped = self.nlp.pipe(
                run, batch_size=size, n_process=self.n_process, disable=self.disable
            )
            docs.extend(piped)
        return docs


def _runs(pieces: list[str], most_pieces: int, most_chars: int) -> Iterator[list[str]]:
    """``pieces`` in order, in runs of at most ``most_pieces`` and ``most_chars`` (or one)."""
    run: list[str] = []
    chars = 0
    for piece in pieces:
        if run and (len(run) == most_pieces or chars + len(piece) > most_chars):
            yield run
            run, chars = [], 0
        run.append(piece)
        chars += len(piece)
    if run:
        yield run
