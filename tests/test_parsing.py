"""The parser process: the same Docs and the same graph as parsing in kg's own process, and a
clear error, not a hang, when the child fails or dies."""

from __future__ import annotations

import subprocess
import sys
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
from kg.errors import ModelError
from kg.nlp import parser_process, pipeline
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
    here = [
        doc for doc, _ in parser_process.parse_pairs(nlp, ((t, None) for t in texts), batch_size=64)
    ]
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


def test_a_parser_error_in_the_child_is_reported_in_one_line() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_test_refuses")
    with parser_process.ParserProcess(nlp) as parser:
        assert parser.tail == []
        groups = parser.groups(documents(["fine", "this is refused", "fine too"]))
        assert [doc.text for _, doc in next(groups)] == ["fine"]
        with pytest.raises(
            ModelError, match=r"^the parser failed: ValueError: this text is refused$"
        ):
            next(groups)


def test_a_parser_process_that_dies_gives_a_clear_error_not_a_hang() -> None:
    with parser_process.ParserProcess(spacy.blank("en")) as parser:
        assert parser._child is not None
        parser._child.kill()
        parser._child.join()
        with pytest.raises(ModelError, match="the parser process stopped"):
            list(parser.groups(documents(["NATO will expand its mission."])))


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
