"""Read documents on a Dask cluster: a LocalCluster of worker processes, or a user's scheduler.

Each worker loads the pipeline once (``PipelinePlugin``), takes groups of documents, parses
them and reads each alone (``kg.extract.draft``), and sends back plain records, never spaCy
objects. The client reads the sources lazily and sends the documents (sources only it can
read, stdin and its own files, included), or only the names of the files the workers see at
the same path (``kg.sources.Unread``), which they read themselves; it keeps a bounded number
of groups in flight, and takes the replies in the order it sent them, so that kg's own
process settles what other articles told (``kg.extract.settle``), maps and writes exactly as
in a one-machine build: the same input gives the same graph, byte for byte, whatever the
workers' order.

A worker that dies mid-group is restarted by its nanny and the group runs again elsewhere
(Dask retries it), so nothing is lost or written twice; a scheduler that goes away ends the
build with ``ClusterError``, after the batches before it were committed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kg.errors import ClusterError

try:  # this module is imported only for a build on Dask, the optional extra
    import distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:
    raise ClusterError(
        "--workers and --cluster need Dask's distributed package: pip install 'kg[cluster]'"
    ) from exc

from kg.nlp.pieces import Unparsed, failure, parse_pairs
from kg.records import Document, Draft
from kg.sources import Item, Skipped, Unread

if TYPE_CHECKING:
    from spacy.language import Language

# an article read and its draft, why it has none, or None where it was not drafted (the store
# holds it; or the item is no article: a file skipped, a notice)
Read = tuple[Item, "Draft | Unparsed | None"]
# what a worker sends back for a group: what each document or file of it gave
_Reply = list[list[Read]]
# the content hashes of the stored documents a document or file may give: not drafted again
Known = Callable[[Document | Unread], frozenset[str]]

# groups in flight per worker: one parsing, one waiting beside it so the worker is never idle
AHEAD_PER_WORKER = 2

# texts in one task: enough that a task's overhead (a few ms) is small beside its parse
GROUP_SIZE = 16

# how long the client waits for a scheduler to answer before giving up
CONNECT_SECONDS = 20

# how often the client asks the scheduler how many workers it has
WORKERS_EVERY = 2.0


class ClusterReader:
    """Parse and draft groups of documents on Dask workers, in order (``with ClusterReader(...)``).

    ``workers`` starts a LocalCluster of that many worker processes on this machine and stops
    it after; ``address`` (tcp://host:port) connects to a running scheduler instead.
    """

    def __init__(
        self,
        *,
        model: str | Path | None,
        workers: int | None = None,
        address: str | None = None,
        group_size: int | None = None,
        default_date: dt.date | None = None,
    ) -> None:
        self.model = model
        self.default_date = default_date  # for the files the workers read
        self.workers = workers
        self.address = address
        self.group_size = group_size or GROUP_SIZE
        self._cluster: Any = None
        self._client: Any = None
        self._plugin = plugin_name(model)
        self._levels: dict[str, int] = {}
        self._counted: tuple[float, int] | None = None  # when the workers were counted, how many

    def __enter__(self) -> ClusterReader:
        # Dask logs a lost scheduler or worker with tracebacks on stderr; kg reports what a
        # user can act on as one line (ClusterError), and a retried worker is not a failure
        self._levels = _quiet_dask()
        try:
            if self.address is None:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers or 1,
                    threads_per_worker=1,  # spaCy's parser holds the GIL: one task a process
                    processes=True,
                    dashboard_address=":0",  # a free port: 8787 may be taken
                    silence_logs=logging.CRITICAL,
                )
                self._client = distributed.Client(self._cluster)
            else:
                self._client = distributed.Client(self.address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None)
            where = self.address or "a LocalCluster"
            raise ClusterError(f"cannot reach the Dask scheduler at {where}: {exc}") from exc
        # every worker, and any that joins or is restarted later, loads the pipeline once, and
        # keeps it for the builds after (a plugin of the same name is not loaded again)
        self._client.register_plugin(PipelinePlugin(self.model), name=self._plugin)
        return self

    def __exit__(self, failed: type[BaseException] | None, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)

    def worker_count(self) -> int:
        """The workers the scheduler has now (asked at most every ``WORKERS_EVERY`` seconds;
        the count before where the scheduler does not answer)."""
        now = time.monotonic()
        if self._counted is None or now - self._counted[0] >= WORKERS_EVERY:
            try:
                count = len(self._client.scheduler_info(n_workers=-1)["workers"])
            except (OSError, distributed.comm.CommClosedError):
                count = self._counted[1] if self._counted else 0
            self._counted = (now, count)
        return self._counted[1]

    def groups(
        self, inputs: Iterable[Document | Unread], known: Known | None = None
    ) -> Iterator[list[Read]]:
        """The documents drafted, in groups of ``group_size``, in the order given; in a file's
        place what the worker read from it. ``known`` gives the stored documents a document
        or file may give, which are not drafted again."""
        iterator = iter(inputs)
        in_flight: deque[tuple[list[Document | Unread], Any]] = deque()
        size = self.group_size * 8
        build, numbers = uuid.uuid4().hex[:12], itertools.count()

        def send() -> None:
            """Groups out until each worker has its share: more as workers join, fewer as
            they leave."""
            while len(in_flight) < AHEAD_PER_WORKER * max(1, self.worker_count()):
                if not (group := list(itertools.islice(iterator, self.group_size))):
                    return
                key = _key(build, next(numbers), group)
                held = [known(x) if known else frozenset[str]() for x in group]
                future = self._client.submit(
                    _read_on_worker,
                    self._plugin,
                    group,
                    held,
                    size,
                    self.default_date,
                    pure=False,
                    key=key,
                )
                in_flight.append((group, future))

        send()
        try:
            while in_flight:
                group, future = in_flight.popleft()
                reply = self._result(future, len(group))
                send()
                if isinstance(reply, Unparsed):
                    yield [_failed(x, reply) for x in group]
                else:
                    yield [read for gave in reply for read in gave]
        finally:
            for _, future in in_flight:  # stopped early: the groups still out are not wanted
                future.cancel()

    def _result(self, future: Any, count: int) -> _Reply | Unparsed:
        try:
            result: _Reply = future.result()
        except distributed.client.FutureCancelledError as exc:
            raise ClusterError(self._lost(exc)) from exc
        except (OSError, distributed.comm.CommClosedError) as exc:
            raise ClusterError(self._lost(exc)) from exc
        except distributed.KilledWorker:
            others = f" and {count - 1} other articles" if count > 1 else ""
            return Unparsed(
                f"Dask workers died each time they parsed it{others}; "
                "if memory ran out, build this file alone"
            )
        except Exception as exc:  # noqa: BLE001 - the group's failure, reported per article
            return Unparsed(failure(exc))
        return result

    def _lost(self, exc: BaseException) -> str:
        where = self.address or "the LocalCluster"
        return (
            f"the Dask scheduler at {where} went away ({type(exc).__name__}); "
            "the batches written before are kept: run the build again to resume after them"
        )


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the pipeline once on each worker, as it starts."""

    idempotent = True  # registered again by the next build: the worker keeps what it loaded

    def __init__(self, model: str | Path | None) -> None:
        self.model = model
        self.nlp: Language | None = None
        self.aliases: Mapping[str, str] | None = None

    def setup(self, worker: Any) -> None:
        from kg.extract import pipeline_aliases
        from kg.nlp import pipeline

        self.nlp = pipeline.load(self.model)
        self.aliases = pipeline_aliases(self.nlp)

    def teardown(self, worker: Any) -> None:
        self.nlp = None


def _quiet_dask() -> dict[str, int]:
    """Dask's loggers (each may have a level of its own) set to critical; their levels before."""
    names = [name for name in logging.root.manager.loggerDict if name.startswith("distributed")]
    levels = {name: logging.getLogger(name).level for name in ["distributed", *names]}
    for name in levels:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return levels


def plugin_name(model: str | Path | None) -> str:
    """The plugin's name on the workers: one per pipeline, so a cluster that served a build
    with one keeps it for the next, and loads another beside it."""
    return f"kg-pipeline:{model or 'shipped'}"


def _read_on_worker(
    name: str,
    inputs: list[Document | Unread],
    known: list[frozenset[str]],
    size: int,
    default_date: dt.date | None,
) -> _Reply:
    from kg.extract import drafts
    from kg.sources import read_file

    plugin = cast(PipelinePlugin, distributed.get_worker().plugins[name])
    assert plugin.nlp is not None
    gave: list[list[Item]] = [
        [x] if isinstance(x, Document) else read_file(x, default_date=default_date) for x in inputs
    ]
    wanted = [
        item
        for items, held in zip(gave, known, strict=True)
        for item in items
        if isinstance(item, Document) and item.id not in held
    ]
    pairs = ((document.text, document) for document in wanted)
    parsed = ((document, doc) for doc, document in parse_pairs(plugin.nlp, pairs, batch_size=size))
    drafted = {id(document): x for document, x in drafts(parsed, aliases=plugin.aliases)}
    return [[(item, drafted.get(id(item))) for item in items] for items in gave]


def _failed(x: Document | Unread, reason: Unparsed) -> Read:
    """What a document or file of a group that failed as a whole gave."""
    return (x, reason) if isinstance(x, Document) else (Skipped(x.source, reason.reason), None)


def _key(build: str, n: int, group: list[Document | Unread]) -> str:
    """A task's name: the build, the group's number in it and its first document or file."""
    first = group[0]
    name = first.id[:12] if isinstance(first, Document) else Path(first.source).name[:24]
    return f"kg-read-{build}-{n}-{name}"
