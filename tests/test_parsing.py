"""The parser process: the same Docs and the same graph as parsing in kg's own process; a
document the pipeline fails on is named and the others parsed; a dead child is no hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import spacy
from answers import EXAMPLES, MODEL
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.vocab import Vocab

import kg
from kg.nlp import parser_process, pieces, pipeline
from kg.records import Document
from kg.store.embedded import open_store

needs_fork = pytest.mark.skipif(
    not parser_process.can_fork(), reason="forking a parser needs Linux"
)
pytestmark = [pytest.mark.slow, needs_fork]


def documents(texts: list[str]) -> list[Document]:
    return [Document(id=str(i), text=text) for i, text in enumerate(texts)]


def test_the_parser_process_gives_the_docs_this_process_would(tmp_path: Path) -> None:
    nlp = pipeline.load(MODEL)
    texts = [
        "NATO will expand its mission.",
        "ERBIL, Iraq, Feb. 16 — A rocket struck the airport.\n\nEight people were wounded.",
        *[f"Article {i}: Stoltenberg told reporters the alliance agreed." for i in range(20)],
    ]
    here = [doc for doc, _ in pieces.parse_pairs(nlp, ((t, None) for t in texts), batch_size=64)]
    with parser_process.ParserProcess(nlp, group_size=4) as parser:
        if "kg_entity_rules" in nlp.pipe_names:  # kg's rules run here, on the child's pieces
            assert parser.tail == ["kg_entity_rules"]
        groups = list(parser.groups(documents(texts)))
    assert [len(group) for group in groups] == [1, 2, 4, 4, 4, 4, 3]
    there = [(document, doc) for group in groups for document, doc in group]
    assert [document.text for document, _ in there] == texts
    assert [doc.text for _, doc in there] == texts
    assert [doc.to_json() for _, doc in there] == [doc.to_json() for doc in here]


def test_a_build_with_the_parser_process_stores_the_graph_an_in_process_build_does(
    tmp_path: Path,
) -> None:
    # more documents than a group and a batch, so groups, batches and the writer all turn over
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(6):
        for path in EXAMPLES.glob("*.txt"):
            text = path.read_text(encoding="utf-8")
            (folder / f"{i}-{path.name}").write_text(f"{text}\n\n(Copy {i}.)\n", encoding="utf-8")
    reports, graphs = [], []
    for n_process in (0, 1):
        store = tmp_path / f"store{n_process}"
        reports.append(
            kg.build([folder], store=store, model=MODEL, batch_size=4, n_process=n_process)
        )
        with open_store(store, read_only=True) as opened:
            graphs.append(set(opened.oxigraph))
    assert reports[0].documents == reports[1].documents == 12
    assert reports[0].triples == reports[1].triples == len(graphs[0]) > 0
    assert graphs[0] == graphs[1]


class Refuses(TrainablePipe):
    """A trained-kind component (so it runs in the child) that fails on one text."""

    def __init__(self, vocab: Vocab, name: str) -> None:
        self.vocab, self.name, self.model = vocab, name, None

    def __call__(self, doc: Doc) -> Doc:
        if "refused" in doc.text:
            raise ValueError("this text is refused")
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        return map(self, stream)


@Language.factory("kg_test_refuses")
def make_refuses(nlp: Language, name: str) -> Refuses:
    return Refuses(nlp.vocab, name)


class Slow(TrainablePipe):
    """A trained-kind component, slow in the child process; it counts the texts it reads in
    this one."""

    here = 0

    def __init__(self, vocab: Vocab, name: str) -> None:
        self.vocab, self.name, self.model = vocab, name, None
        self.parent = os.getpid()

    def __call__(self, doc: Doc) -> Doc:
        if os.getpid() == self.parent:
            Slow.here += 1
        else:
            time.sleep(0.02)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        return map(self, stream)


@Language.factory("kg_test_slow")
def make_slow(nlp: Language, name: str) -> Slow:
    return Slow(nlp.vocab, name)


def test_while_the_child_parses_this_process_parses_groups_too_and_keeps_their_order() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_test_slow")
    texts = [f"Text {i}: troops stay in Erbil." for i in range(60)]
    Slow.here = 0
    with parser_process.ParserProcess(nlp, group_size=4) as parser:
        groups = list(parser.groups(documents(texts)))
    assert [len(group) for group in groups] == [1, 2, *[4] * 14, 1]
    assert [document.text for group in groups for document, _ in group] == texts
    assert [doc.text for group in groups for _, doc in group] == texts
    assert 0 < Slow.here < len(texts)  # some groups were parsed here, the others by the child


def test_a_text_the_child_fails_on_comes_back_unparsed_and_the_others_parsed() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_test_refuses")
    texts = ["fine", "this is refused", "fine too", "also fine"]
    with parser_process.ParserProcess(nlp) as parser:
        assert parser.tail == []
        parsed = [doc for group in parser.groups(documents(texts)) for _, doc in group]
    here = [doc for doc, _ in pieces.parse_pairs(nlp, ((t, None) for t in texts), batch_size=8)]
    for docs in (parsed, here):
        assert [getattr(doc, "text", None) for doc in docs] == [
            "fine",
            None,
            "fine too",
            "also fine",
        ]
        assert docs[1] == pieces.Unparsed(
            "the pipeline failed on it (ValueError: this text is refused)"
        )


def test_when_the_parser_process_dies_its_documents_are_named_and_the_rest_parsed_here() -> None:
    texts = ["NATO will expand its mission.", "Iraq asked for trainers.", "Troops stay."]
    with parser_process.ParserProcess(spacy.blank("en")) as parser:
        assert parser._child is not None
        parser._child.kill()
        parser._child.join()
        groups = list(parser.groups(documents(texts)))
    assert [len(group) for group in groups] == [1, 2]
    (_, lost), *rest = [pair for group in groups for pair in group]
    assert lost == pieces.Unparsed(
        "the parser process stopped (exit code -9) while parsing it; the rest were parsed in "
        "kg's own process. If memory ran out, build this file alone"
    )
    assert [doc.text for _, doc in rest] == texts[1:]


def test_a_long_text_is_parsed_whole_in_pieces_under_the_pipelines_limit() -> None:
    nlp = pipeline.load(MODEL)
    sentence = "Stoltenberg said NATO would expand its mission in Iraq. "
    long = (sentence * 60).strip()  # one paragraph of 3,360 characters
    texts = ["Iraq asked NATO for trainers.", long, "Troops stay in Erbil."]
    limit = nlp.max_length
    nlp.max_length = 1_000  # spaCy refuses a longer text: E088
    try:
        here = [doc for doc, _ in pieces.parse_pairs(nlp, ((t, 0) for t in texts), batch_size=8)]
        with parser_process.ParserProcess(nlp, group_size=4) as parser:
            there = [doc for group in parser.groups(documents(texts)) for _, doc in group]
    finally:
        nlp.max_length = limit
    for docs in (here, there):
        assert [doc.text for doc in docs] == texts
    assert here[1].to_json() == there[1].to_json()
    # cut at sentence ends: every sentence is read as one
    assert [sent.text for sent in here[1].sents] == [sentence.strip()] * 60
    assert here[1].ents[-1].start_char > 3_000


def test_stopping_early_leaves_no_parser_process_behind() -> None:
    with parser_process.ParserProcess(spacy.blank("en"), group_size=2) as parser:
        groups = parser.groups(documents([f"Text {i}." for i in range(50)]))
        next(groups)
        groups.close()
        child = parser._child
    assert child is not None and not child.is_alive()


def test_a_build_that_fails_with_long_texts_queued_ends_at_once(tmp_path: Path) -> None:
    # The parent stops (a full disk, any error) while the child is blocked sending a reply and
    # more texts than a pipe holds wait for it: the process must end, not wait on the queue.
    code = (
        "import spacy\n"
        "from kg.nlp.parser_process import ParserProcess\n"
        "from kg.records import Document\n"
        "docs = [Document(id=str(i), text='word ' * 40_000 + str(i)) for i in range(40)]\n"
        "try:\n"
        "    with ParserProcess(spacy.blank('en')) as parser:\n"
        "        groups = parser.groups(docs)\n"
        "        next(groups)\n"
        "        raise RuntimeError('the store failed')\n"
        "except RuntimeError as err:\n"
        "    print(err)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "the store failed\n", "")
