"""Parse documents with spaCy on a core of its own where one is free.

Documents are parsed piece by piece as ``kg.nlp.pieces`` says; a document the pipeline fails
on comes back as ``Unparsed``, in its place, and the others are parsed all the same.

Parsing is most of a build's work, and spaCy's parser holds the GIL, so a thread cannot run
beside it. Where the machine has a second core and can fork (Linux), ``ParserProcess`` forks
the loaded pipeline into a child that runs the trained components on group after group while
kg's own process runs the rule components (kg's entity rules), extracts, maps and stores the
groups before. Texts travel one way and DocBin bytes the other, in order. Nothing is loaded
twice and the child touches nothing but spaCy. The child is usually the slower of the two:
when kg's process would wait for it, it parses the next group itself (the whole pipeline),
and the groups still reach kg in reading order.
"""

from __future__ import annotations

import ctypes
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from kg.nlp.pieces import Unparsed, failure, join, parse_pairs, parse_pieces
from kg.records import Document

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")
_Parsed = list[tuple[Document, "Doc | Unparsed"]]

# groups parsed or queued ahead of the one kg is working on: the child is never idle waiting
AHEAD = 4
# groups this process may have parsed itself ahead of the one kg waits for from the child
TAKEN = 2


def rule_tail(nlp: Language) -> list[str]:
    """The components after the last trained one (kg's entity rules): cheap to run anywhere."""
    from spacy.pipeline import TrainablePipe

    tail: list[str] = []
    for name, component in reversed(nlp.pipeline):
        if isinstance(component, TrainablePipe):
            break
        tail.insert(0, name)
    return tail


def can_fork() -> bool:
    """Whether parsing can move to a forked child on a core of its own."""
    return (
        sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon  # a daemon may have no children
    )


class ParserProcess:
    """A forked child that parses groups of documents for this process, in order.

    Start it before opening stores or threads (``with ParserProcess(nlp) as parser``); the
    child then holds nothing but the pipeline. ``groups`` yields the parsed documents.
    """

    def __init__(self, nlp: Language, *, group_size: int = 8) -> None:
        self.nlp = nlp
        self.group_size = group_size
        # the rule components run here, on the pieces the child sends: the child, the slower
        # of the two processes, is left the trained ones only
        self.tail = rule_tail(nlp)
        self._inbox: Queue[list[str] | None] | None = None
        self._replies: Connection | None = None
        self._child: BaseProcess | None = None

    def __enter__(self) -> ParserProcess:
        context = multiprocessing.get_context("fork")
        self._inbox = context.Queue()
        self._replies, sending = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_serve,
            args=(self.nlp, self._inbox, sending, self.group_size * 8, self.tail, os.getpid()),
            name="kg-parser",
            daemon=True,
        )
        with warnings.catch_warnings():
            # Python 3.12+ warns on fork in a threaded process; the child runs only spaCy,
            # which takes no lock another thread of this process could hold
            warnings.filterwarnings("ignore", "This process .* is multi-threaded")
            gc.freeze()  # the child's collector then leaves the parent's objects (and pages) alone
            try:
                self._child.start()
            finally:
                gc.unfreeze()
        sending.close()
        return self

    def __exit__(self, failed: type[BaseException] | None, *exc: object) -> None:
        assert self._child is not None and self._inbox is not None and self._replies is not None
        if self._child.is_alive() and failed is None:
            self._inbox.put(None)
            self._child.join(timeout=5)
        if self._child.is_alive():  # a build that failed wants nothing more from it
            self._child.terminate()
            self._child.join()
        if self._child.exitcode != 0:
            # texts still queued for a child that is gone would wait for a reader forever,
            # and the process with them (a disk-full build hung there, at 0% CPU)
            self._inbox.cancel_join_thread()
        self._inbox.close()
        self._inbox.join_thread()
        self._replies.close()

    def groups(
        self, documents: Iterable[Document]
    ) -> Iterator[list[tuple[Document, Doc | Unparsed]]]:
        """The documents parsed, in groups of 1, 2, 4... up to ``group_size``, in order.

        While the child is still parsing the group kg needs next, this process parses the
        next group not yet sent rather than wait (at most ``TAKEN`` such groups ahead), so
        both cores parse when the child is the slower; each group keeps its place.

        A document the pipeline fails on comes as Unparsed. If the child dies, the documents
        it was parsing come as Unparsed and the rest are parsed in this process.
        """
        assert self._inbox is not None and self._replies is not None and self._child is not None
        groups = _growing_groups(documents, self.group_size)
        # the groups in reading order, each with its documents parsed where this process parsed
        # it, else None: the child's, whose replies come in the order the groups were sent
        slots: deque[tuple[list[Document], _Parsed | None]] = deque()
        sent_all = False

        def send_next() -> None:
            nonlocal sent_all
            assert self._inbox is not None
            if sent_all:
                return
            if group := next(groups, None):
                self._inbox.put([document.text for document in group])
                slots.append((group, None))
            else:
                self._inbox.put(None)  # the child stops after the last group, before kg is done
                sent_all = True

        def waiting() -> bool:
            """Whether kg would wait for the child, with room to parse a group here."""
            assert self._replies is not None
            taken = sum(parsed is not None for _, parsed in slots)
            return slots[0][1] is None and taken < TAKEN and not self._replies.poll()

        for _ in range(AHEAD):
            send_next()
        try:
            while slots:
                if waiting() and (taken := next(groups, None)):
                    slots.append((taken, self._parse_here(taken)))
                    continue
                group, parsed = slots.popleft()
                if parsed is not None:
                    yield parsed
                    continue
                try:
                    ok, payload = self._replies.recv()
                except EOFError:
                    self._child.join(timeout=1)
                    yield [(document, self._died(len(group))) for document in group]
                    rest = [*slots, *((group, None) for group in groups)]
                    slots.clear()
                    for group, parsed in rest:
                        yield parsed if parsed is not None else self._parse_here(group)
                    return
                send_next()
                if not ok:
                    yield [(document, Unparsed(payload)) for document in group]
                    continue
                yield list(zip(group, self._unpack(*payload), strict=True))
        finally:
            if any(parsed is None for _, parsed in slots):  # stopped early: not wanted
                self._child.terminate()

    def _unpack(
        self, data: bytes, counts: list[int], failed: dict[int, str]
    ) -> list[Doc | Unparsed]:
        return unpack(self.nlp, self.tail, data, counts, failed)

    def _died(self, count: int) -> Unparsed:
        assert self._child is not None
        others = f" and {count - 1} other article{'s' if count > 2 else ''}" if count > 1 else ""
        return Unparsed(
            f"the parser process stopped (exit code {self._child.exitcode}) while parsing "
            f"it{others}; the rest were parsed in kg's own process. If memory ran out, "
            "build this file alone"
        )

    def _parse_here(self, group: list[Document]) -> _Parsed:
        """The group parsed in this process, whole pipeline at once."""
        pairs = parse_pairs(
            self.nlp, ((document.text, document) for document in group), batch_size=64
        )
        return [(document, doc) for doc, document in pairs]


def unpack(
    nlp: Language, tail: list[str], data: bytes, counts: list[int], failed: dict[int, str]
) -> list[Doc | Unparsed]:
    """A parsed group (``parse_group``'s reply) as one Doc (or Unparsed) per text, with the
    rule tail run here."""
    from spacy.tokens import DocBin

    pieces = DocBin().from_bytes(data).get_docs(nlp.vocab)
    docs: list[Doc | Unparsed] = []
    for i, count in enumerate(counts):
        parts = list(itertools.islice(pieces, count))
        if i in failed:
            docs.append(Unparsed(failed[i]))
            continue
        try:
            docs.append(join(list(_finish(nlp, tail, parts))))
        except Exception as exc:  # noqa: BLE001 - one article's failure is reported
            docs.append(Unparsed(failure(exc)))
    return docs


def _finish(nlp: Language, tail: list[str], pieces: Iterable[Doc]) -> Iterator[Doc]:
    for name in tail:
        component = nlp.get_pipe(name)
        pieces = component.pipe(pieces) if hasattr(component, "pipe") else map(component, pieces)
    return iter(pieces)


def _serve(
    nlp: Language,
    inbox: Queue[list[str] | None],
    replies: Connection,
    size: int,
    tail: list[str],
    parent: int,
) -> None:
    """The child's loop: parse each group of texts, piece by piece, without the rule tail;
    send back the pieces as DocBin bytes, how many pieces each text has, and the reason for
    each text that failed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _end_with(parent)
    while (texts := inbox.get()) is not None:
        reply: tuple[bool, Any]
        try:
            reply = (True, parse_group(nlp, texts, size, tail))
        except Exception as exc:  # noqa: BLE001 - the parent reports it
            reply = (False, failure(exc))
        replies.send(reply)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def _end_with(parent: int) -> None:
    """End this child when the build's process ends, even one killed with SIGKILL that had
    no time to stop it, rather than wait on the inbox for good (Linux's parent-death signal)."""
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl: the child ends with its inbox, as before
        return
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(0)


def parse_group(
    nlp: Language, texts: list[str], size: int, tail: list[str]
) -> tuple[bytes, list[int], dict[int, str]]:
    """The group's pieces as DocBin bytes, how many pieces each text has, and the reason for
    each text that failed."""
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    counts: list[int] = []
    failed: dict[int, str] = {}
    for parsed, i in parse_pieces(
        nlp, zip(texts, itertools.count()), batch_size=size, disable=tail
    ):
        if isinstance(parsed, Unparsed):
            failed[i] = parsed.reason
            parsed = []
        for doc in parsed:
            docs.add(doc)
        counts.append(len(parsed))
    return docs.to_bytes(), counts, failed


def _growing_groups(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Groups of 1, 2, 4... up to ``size`` items: the first reaches kg soon, so its work
    starts while the child parses the next."""
    iterator = iter(items)
    step = 1
    while group := list(itertools.islice(iterator, step)):
        yield group
        step = min(2 * step, size)
