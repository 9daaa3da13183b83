"""kg build on a real Dask LocalCluster (2 worker processes) that the tests start and stop: the
graph equals the one-process build byte for byte, into a folder or a real ``oxigraph serve``,
and a worker killed mid-build changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from answers import EXAMPLES, MODEL, SEEDS, documents, rows
from test_cli import Cli
from test_remote import oxigraph
from test_stories import IRAQ, MOSUL, TOLD

import kg
from kg.builder import Progress
from kg.cli.render import render_progress
from kg.nlp import cluster as dask_parsing

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

MODEL_OPTION = ["--model", MODEL] if MODEL else []


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, each behind a nanny that restarts it."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: 8787 may be taken
        silence_logs=50,
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Varied articles: the examples, the seeds where they are, and short ones that name the
    same people and events again (a surname alone, the attack told once more), so that the
    facts joined across articles depend on the order the articles are read in."""
    folder = tmp_path_factory.mktemp("news")
    for path in [*EXAMPLES.glob("*.txt"), *(SEEDS.glob("*.txt") if SEEDS.is_dir() else [])]:
        shutil.copy(path, folder / path.name)
    short = [
        "NATO Secretary General Jens Stoltenberg met Iraqi officials in Baghdad on Monday.",
        "Stoltenberg said the alliance would keep training Iraqi forces.",
        "A rocket attack on Erbil airport wounded two contractors on Tuesday, officials said.",
        "Kurdish authorities said the attack on Erbil was the third this month.",
        "The ministry said on Wednesday that Stoltenberg had spoken with the prime minister.",
        "Awliya Al Dam claimed responsibility for the attack in a statement online.",
    ]
    for n, text in enumerate(short):
        (folder / f"short-{n}.txt").write_text(f"Report {n}\n\n{text}\n")
    # one attack on one day, at its city in one article and in its country in the other
    (folder / "story-mosul.txt").write_text(MOSUL)
    (folder / "story-iraq.txt").write_text(IRAQ)
    return folder


@pytest.fixture(scope="module")
def one_process(news: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The N-Quads of the build in kg's own process alone."""
    store = tmp_path_factory.mktemp("one") / "store"
    report = kg.build([news], store=store, model=MODEL, n_process=0, batch_size=2)
    assert report.documents >= 8 and not report.skipped
    return _nquads(store)


def _nquads(store: Path | str) -> str:
    from io import BytesIO

    out = BytesIO()
    kg.export(out, format="nquads", store=store)
    return out.getvalue().decode()


@pytest.fixture()
def one_text_a_task(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each article a task of its own: many tasks in flight, finishing in any order."""
    monkeypatch.setattr(dask_parsing, "GROUP_SIZE", 1)


@pytest.mark.usefixtures("one_text_a_task")
def test_a_build_on_the_cluster_equals_the_one_process_build(
    news: Path, one_process: str, scheduler: str, tmp_path: Path, cli: Cli
) -> None:
    store = tmp_path / "store"
    result = cli(
        "build", str(news), "--cluster", scheduler, "--store", str(store), "--batch-size", "2"
    )
    assert result.exit_code == 0, result.output
    assert _nquads(store) == one_process
    rerun = kg.build([news], store=store, model=MODEL, cluster=scheduler)
    assert (rerun.documents, rerun.unchanged) == (0, len(list(news.iterdir())))


def test_the_default_build_and_one_on_its_own_local_cluster_equal_the_one_process_build(
    news: Path, one_process: str, tmp_path: Path, cli: Cli
) -> None:
    """The forked parser, and ``--workers 2`` (a LocalCluster kg starts and stops itself)."""
    kg.build([news], store=tmp_path / "default", model=MODEL)
    assert _nquads(tmp_path / "default") == one_process
    store = tmp_path / "workers"
    result = cli("build", str(news), "--workers", "2", "--store", str(store), *MODEL_OPTION)
    assert result.exit_code == 0, result.output
    assert _nquads(store) == one_process


def test_the_workers_read_the_files_of_a_shared_folder_themselves(
    news: Path, one_process: str, scheduler: str, tmp_path: Path, cli: Cli, monkeypatch: Any
) -> None:
    import kg.sources

    def not_here(name: str, *args: Any) -> None:
        raise AssertionError(f"{name} was read by the client, not by a worker")

    monkeypatch.setattr(kg.sources, "_read_file", not_here)  # in this process only
    store = tmp_path / "store"
    options = ["--cluster", scheduler, "--shared", str(news), "--store", str(store)]
    result = cli("build", str(news), *options)
    assert result.exit_code == 0, result.output
    assert _nquads(store) == one_process
    rerun = cli("build", str(news), *options, "--json")
    assert rerun.exit_code == 0, rerun.output
    assert f'"unchanged": {len(list(news.iterdir()))}' in rerun.output


def test_a_shared_folder_is_for_a_cluster(news: Path, tmp_path: Path, cli: Cli) -> None:
    result = cli("build", str(news), "--shared", str(news), "--store", str(tmp_path / "s"))
    assert result.exit_code == 2
    assert "--shared is for --cluster: --workers read every file already" in result.output
    assert not (tmp_path / "s").exists()


@pytest.mark.usefixtures("one_text_a_task")
def test_a_cluster_build_into_an_endpoint_equals_the_one_process_build(
    news: Path, one_process: str, scheduler: str, tmp_path: Path
) -> None:
    with oxigraph(tmp_path / "served") as (url, _):
        report = kg.build([news], store=url, model=MODEL, cluster=scheduler, batch_size=3)
        assert not report.skipped
        assert _nquads(url) == one_process


@pytest.mark.usefixtures("one_text_a_task")
def test_a_worker_killed_mid_build_loses_and_duplicates_nothing(
    news: Path, one_process: str, scheduler: str, tmp_path: Path
) -> None:
    killed: list[str] = []

    def kill_a_parsing_worker() -> None:
        with distributed.Client(scheduler) as client:
            deadline = time.monotonic() + 120
            while not killed and time.monotonic() < deadline:
                for worker, keys in client.processing().items():
                    if any(str(key).startswith("kg-read-") for key in keys):
                        client.restart_workers([worker])  # its nanny starts a new one
                        killed.append(worker)
                        break
                time.sleep(0.01)

    killer = threading.Thread(target=kill_a_parsing_worker)
    killer.start()
    try:
        report = kg.build([news], store=tmp_path / "store", model=MODEL, cluster=scheduler)
    finally:
        killer.join()
    assert killed, "no worker was parsing"
    assert not report.skipped
    assert _nquads(tmp_path / "store") == one_process


@pytest.mark.usefixtures("one_text_a_task")
def test_articles_read_on_several_workers_share_a_person_and_an_attack(
    news: Path, scheduler: str, tmp_path: Path
) -> None:
    """The workers read each article alone; what one tells the next (the full name of the
    person another names by surname, the attack another places in its city) still joins."""
    store = tmp_path / "store"
    names = ["short-0.txt", "short-1.txt", "story-iraq.txt", "story-mosul.txt"]
    report = kg.build([news / name for name in names], store=store, model=MODEL, cluster=scheduler)
    assert (report.documents, report.skipped) == (4, [])
    people = rows(store, "SELECT DISTINCT ?p WHERE { ?m kg:mentionOf ?p . ?p a kg:Person }")
    assert [row["p"].rsplit("/", 1)[-1] for row in people] == ["jens-stoltenberg"]
    graphs = documents(store)
    told: dict[str, set[str]] = {}
    for row in rows(store, TOLD):
        told.setdefault(row["doc"], set()).add(row["occurrence"])
    mosul, iraq = told[graphs["story-mosul.txt"]], told[graphs["story-iraq.txt"]]
    assert len(mosul) == 1 and mosul == iraq


def test_a_cluster_builds_progress_counts_its_workers(
    news: Path, scheduler: str, tmp_path: Path
) -> None:
    seen: list[Progress] = []
    sources = [news / "short-0.txt", news / "short-1.txt"]
    kg.build(
        sources, store=tmp_path / "store", model=MODEL, cluster=scheduler, progress=seen.append
    )
    assert seen and seen[-1].documents == 2
    assert {p.workers for p in seen} == {2}
    assert render_progress(seen[-1]).endswith(" words/s, 2 workers")


def test_progress_names_the_workers_only_on_a_cluster() -> None:
    local = Progress(documents=1200, words=60000, seconds=20.0)
    assert render_progress(local) == "1,200 documents, 3,000 words/s"
    assert render_progress(replace(local, workers=1)) == "1,200 documents, 3,000 words/s, 1 worker"


@contextmanager
def scheduler_process() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A Dask scheduler and one worker, each a process of its own on 127.0.0.1, as a user
    starts them: the scheduler's address and process."""
    from test_remote import _free_port

    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    port = address.rsplit(":", 1)[1]
    scheduler = subprocess.Popen(
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], **quiet
    )
    worker = subprocess.Popen(
        [*dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--no-nanny"], **quiet
    )
    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address, scheduler
    finally:
        for process in (worker, scheduler):
            process.kill()
            process.wait()


@pytest.mark.usefixtures("one_text_a_task")
def test_a_scheduler_gone_mid_build_ends_it_in_one_line_and_a_rerun_resumes(
    news: Path, one_process: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    with scheduler_process() as (address, scheduler):
        written: list[int] = []
        count = kg.builder._count

        def count_then_stop(report: Any, *args: Any) -> None:
            """After the build's second batch is in the store, its scheduler goes away."""
            count(report, *args)
            if report.documents >= 2 and not written:
                written.append(report.documents)
                scheduler.kill()
                scheduler.wait()

        monkeypatch.setattr(kg.builder, "_count", count_then_stop)
        args = ["build", str(news), "--cluster", address, "--store", str(store)]
        result = cli(*args, "--batch-size", "1")
        monkeypatch.undo()
    assert written, "the build ended before its second batch"
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: the Dask scheduler at {address} went away (")
    assert result.output.endswith(
        "); the batches written before are kept: run the build again to resume after them\n"
    )
    assert result.output.count("\n") == 1
    with scheduler_process() as (address, _):
        rerun = kg.build([news], store=store, model=MODEL, cluster=address)
    assert rerun.unchanged >= written[0] and not rerun.skipped
    assert rerun.documents + rerun.unchanged == len(list(news.iterdir()))
    assert _nquads(store) == one_process


def test_an_unreachable_scheduler_is_one_line(
    news: Path, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_remote import _free_port

    monkeypatch.setattr(dask_parsing, "CONNECT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = cli("build", str(news), "--cluster", address, "--store", str(tmp_path / "s"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach the Dask scheduler at {address}: ")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "s").exists()


def test_without_dask_a_cluster_build_says_what_to_install(
    news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "kg.nlp.cluster")
    with pytest.raises(kg.errors.ClusterError, match=r"pip install 'kg\[cluster\]'$"):
        kg.build([news], store=tmp_path / "store", model=MODEL, workers=2)
    assert not (tmp_path / "store").exists()
