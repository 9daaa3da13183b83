"""kg under faults: killed builds, replacements and removals, a second writer, readers during a
build, and a full disk. Each run is a real ``kg`` process on a real store; after a fault, a
re-run must leave the very store an uninterrupted run leaves (its N-Quads export, byte for byte).

Kill points are drawn with a fixed seed, as an amount of the log and tables the uninterrupted
run writes, so a kill lands during the build whatever the machine's speed, plus a few tenths of
a second so some land inside a commit. The full-disk tests mount a small tmpfs, which needs
root; elsewhere they are skipped and say so.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from answers import EXAMPLES, MODEL

import kg
from kg.errors import DiskError, StoreError
from kg.store.embedded import Store, open_store
from kg.store.protocol import MappedDocument

pytestmark = pytest.mark.slow

MODEL_OPTION = ["--model", MODEL] if MODEL else []
SEED = 13
ARTICLES = 12


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def run_kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kg_command(*args), capture_output=True, text=True, timeout=timeout)


def documents(store: Path) -> int:
    return kg.stats(store=store).documents if (store / "CURRENT").is_file() else 0


def nquads(store: Path) -> bytes:
    out = io.BytesIO()
    kg.export(out, format="nquads", store=store)
    return out.getvalue()


def written_bytes(store: Path, *, besides: set[str] | frozenset[str] = frozenset()) -> int:
    """Bytes in the store's write-ahead logs and tables, leaving out the files named in
    ``besides``: how far a write has gone, whether it goes through the log (a transaction) or
    straight into tables (a bulk load)."""
    if not store.is_dir():
        return 0
    total = 0
    for entry in os.scandir(store):
        if entry.name.endswith((".log", ".sst")) and entry.name not in besides:
            with contextlib.suppress(FileNotFoundError):  # a table merged away meanwhile
                total += entry.stat().st_size
    return total


def write_articles(folder: Path, count: int, *, revised: bool = False, repeat: int = 1) -> Path:
    """``count`` short articles (the examples, numbered); ``revised`` changes every other one."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(count):
        text = "\n\n".join([texts[i % 2]] * repeat) + f"\n\n(Copy {i}.)\n"
        if revised and i % 2:
            text += "\nThis article was revised.\n"
        (folder / f"article-{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Clean:
    """A store built without a fault, and how much log and tables its run wrote."""

    store: Path
    export: bytes
    log: int


def build_measured(sources: Path, store: Path) -> int:
    """Build in this process; the bytes of log and tables the build wrote (read before the
    store closes)."""
    before = {entry.name for entry in os.scandir(store)} if store.is_dir() else set()
    with Store(store) as opened:
        report = kg.build([sources], store=opened, model=MODEL)
        assert not report.skipped, report.skipped
        return written_bytes(store, besides=before)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("news"), ARTICLES)


@pytest.fixture(scope="module")
def clean(news: Path, tmp_path_factory: pytest.TempPathFactory) -> Clean:
    store = tmp_path_factory.mktemp("clean") / "store"
    log = build_measured(news, store)
    return Clean(store, nquads(store), log)


def kill_at(command: list[str], store: Path, log: int, rng: random.Random) -> bool:
    """Run ``command``, kill -9 it once it has written a random part of ``log`` bytes of log
    and tables (and a random fraction of a second more); whether it was still running then."""
    before = {entry.name for entry in os.scandir(store)} if store.is_dir() else set()
    target, extra = rng.uniform(0, log), rng.uniform(0, 0.3)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and written_bytes(store, besides=before) < target:
            time.sleep(0.005)
        time.sleep(extra)
        alive = process.poll() is None
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    return alive


def test_a_build_killed_at_random_points_then_run_again_is_the_clean_build(
    news: Path, clean: Clean, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    killed = partial = 0
    for attempt in range(4):
        store = tmp_path / f"store{attempt}"
        killed += kill_at(
            kg_command(
                "build", str(news), "--store", str(store), "--batch-size", "2", *MODEL_OPTION
            ),
            store,
            clean.log,
            rng,
        )
        partial += 0 < documents(store) < ARTICLES
        kg.build([news], store=store, model=MODEL)
        assert nquads(store) == clean.export, f"attempt {attempt}"
    assert killed and partial, f"{killed} builds killed, {partial} left part of the articles"


def test_a_replacement_killed_at_random_points_then_run_again_is_the_clean_one(
    tmp_path: Path,
) -> None:
    news = write_articles(tmp_path / "news", ARTICLES)
    base = tmp_path / "base"
    kg.build([news], store=base, model=MODEL)
    # every other article changed in place: a build of the folder replaces their old versions
    write_articles(news, ARTICLES, revised=True)
    uninterrupted = tmp_path / "uninterrupted"
    shutil.copytree(base, uninterrupted)
    log = build_measured(news, uninterrupted)
    expected = nquads(uninterrupted)
    rng = random.Random(SEED + 1)
    killed = partial = 0
    for attempt in range(3):
        store = tmp_path / f"store{attempt}"
        shutil.copytree(base, store)
        killed += kill_at(
            kg_command(
                "build", str(news), "--store", str(store), "--batch-size", "1", *MODEL_OPTION
            ),
            store,
            log,
            rng,
        )
        report = kg.build([news], store=store, model=MODEL)
        partial += 0 < report.replaced < ARTICLES // 2
        assert report.unchanged + report.documents == ARTICLES
        assert nquads(store) == expected, f"attempt {attempt}"
    assert killed and partial, f"{killed} killed, {partial} left part of the articles to replace"


def test_a_removal_killed_at_random_points_then_run_again_is_the_clean_one(
    news: Path, clean: Clean, tmp_path: Path
) -> None:
    source = str(news / "article-03.txt")
    uninterrupted = tmp_path / "uninterrupted"
    shutil.copytree(clean.store, uninterrupted)
    start = time.monotonic()
    done = run_kg("remove", source, "--store", str(uninterrupted))
    seconds = time.monotonic() - start
    assert (done.returncode, done.stdout.startswith("removed "), done.stderr) == (0, True, "")
    expected = nquads(uninterrupted)
    rng = random.Random(SEED + 2)
    for attempt in range(4):
        store = tmp_path / f"store{attempt}"
        shutil.copytree(clean.store, store)
        process = subprocess.Popen(
            kg_command("remove", source, "--store", str(store)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.0) * seconds)  # the removal comes after the imports
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        try:
            kg.remove(source, store=store)
        except StoreError as err:  # the killed run had removed it
            assert str(err).startswith(f"no document with id, source or URL {source!r}")
        assert nquads(store) == expected, f"attempt {attempt}"


def by_document(store: Store) -> dict[str, frozenset[tuple[object, ...]]]:
    """The store's quads by document: its own graph, and its lines in the metadata graph."""
    groups: dict[str, set[tuple[object, ...]]] = {}
    for quad in store.quads():
        subject, graph = str(quad[0]), str(quad[3])
        groups.setdefault(graph if "/document/" in graph else subject, set()).add(quad)
    return {key: frozenset(quads) for key, quads in groups.items()}


def test_readers_during_a_build_see_whole_documents(
    news: Path, clean: Clean, tmp_path: Path
) -> None:
    with open_store(clean.store, read_only=True) as opened:
        whole = by_document(opened)
    store = tmp_path / "store"
    counts = (
        "SELECT ?documents ?graphs WHERE { "
        "{ SELECT (COUNT(DISTINCT ?d) AS ?documents) WHERE { ?d a kg:Document } } "
        "{ SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } } } }"
    )
    seen: set[int] = set()
    asked = False
    process = subprocess.Popen(
        kg_command("build", str(news), "--store", str(store), "--batch-size", "2", *MODEL_OPTION),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while process.poll() is None:
            if not (store / "CURRENT").is_file():
                time.sleep(0.05)
                continue
            try:
                with open_store(store, read_only=True) as reader:
                    snapshot = by_document(reader)
            except StoreError as err:  # the build has yet to make its tables
                assert str(err) == (
                    f"the store at {store} is still being created by another process; try "
                    "again in a moment"
                )
                continue
            # every document seen is whole, and nothing is there but whole documents
            assert all(quads == whole.get(key) for key, quads in snapshot.items())
            seen.add(len(snapshot))
            if 0 < len(snapshot) < ARTICLES and not asked:  # once, through the CLI
                asked = True
                query = run_kg("query", counts, "--store", str(store), "--format", "csv")
                assert query.returncode == 0, query.stderr
                documents, graphs = map(int, query.stdout.splitlines()[1].split(","))
                assert graphs == documents + (1 if documents else 0)  # and the metadata graph
    finally:
        _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors
    assert any(0 < n < ARTICLES for n in seen), f"no reader ran during the build: {seen}"


def waiting_build(store: Path) -> subprocess.Popen[str]:
    """A build of stdin, once it holds ``store`` (its parser forked, its input still to come)."""
    build = subprocess.Popen(
        kg_command("build", "-", "--store", str(store), *MODEL_OPTION),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    while not (store / "CURRENT").is_file() and build.poll() is None:
        time.sleep(0.05)
    return build


def test_a_second_writer_gets_one_line_while_a_build_writes(news: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    # a build of stdin holds the store from its start until its input ends
    holder = waiting_build(store)
    try:
        message = (
            f"Error: the store at {store} is being written by another process; wait for it to "
            "finish or use another --store\n"
        )
        for args in (["build", str(news), *MODEL_OPTION], ["remove", "article-00.txt"]):
            second = run_kg(*args, "--store", str(store))
            assert (second.returncode, second.stdout, second.stderr) == (1, "", message)
    finally:
        out, errors = holder.communicate((EXAMPLES / "erbil-attack.txt").read_text(), timeout=300)
    assert holder.returncode == 0, errors
    assert out.startswith("1 document, ")


def test_a_build_killed_with_sigkill_leaves_no_parser_process_behind(tmp_path: Path) -> None:
    # a build of stdin waits for its input with its parser process forked beside it
    build = waiting_build(tmp_path / "store")
    try:
        children = _children(build.pid)
    finally:
        build.send_signal(signal.SIGKILL)
        build.communicate(timeout=60)  # an orphan parser would hold its pipes open
    if not children:
        pytest.skip("this build parses in its own process: no parser process to leave")
    waited = 0.0
    while any(_running(child) for child in children) and waited < 60:
        time.sleep(0.1)
        waited += 0.1
    assert not [child for child in children if _running(child)]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        stat = _stat(entry.name) if entry.name.isdigit() else None
        if stat is not None and int(stat[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    stat = _stat(str(pid))
    return stat is not None and stat[0] != "Z"  # a zombie has ended, unreaped


def _stat(pid: str) -> list[str] | None:
    """State and parent of a process, from /proc/PID/stat; None once it is gone."""
    try:
        text = (Path("/proc") / pid / "stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()[:2]


# -- a full disk: a small tmpfs, mounted where the tests run as root --------------------------


def mount_tmpfs(point: Path, size: str, *, again: bool = False) -> None:
    options = f"remount,size={size}" if again else f"size={size}"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()}): no full disk")


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs at ``tmp_path/disk``."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is tested on a small tmpfs, which only root may mount")
    point = tmp_path / "disk"
    point.mkdir()
    mount_tmpfs(point, "16m")
    try:
        yield point
    finally:
        subprocess.run(["umount", "--lazy", str(point)], check=False)


def fill(point: Path) -> Path:
    """Fill the disk at ``point`` to its last byte; the filler file."""
    filler = point / "filler"
    with open(filler, "wb", buffering=0) as out:
        block = bytes(1 << 16)
        while True:
            try:
                out.write(block)
            except OSError:
                if len(block) == 1:
                    return filler
                block = block[: len(block) // 2]


def test_a_build_on_a_full_disk_ends_in_one_line_and_a_rerun_resumes(
    small_disk: Path, tmp_path: Path
) -> None:
    count = ARTICLES
    news = write_articles(tmp_path / "news", count, repeat=2)
    expected = tmp_path / "expected"
    kg.build([news], store=expected, model=MODEL)
    store = small_disk / "store"
    full = run_kg("build", str(news), "--store", str(store), *MODEL_OPTION, timeout=120)
    assert full.returncode == 1
    assert re.fullmatch(
        rf"Error: the disk of the store at {store} is nearly full \([0-9.]+ [KM]B free, about "
        r"[0-9.]+ MB needed for the next batch\); free space on that disk or use another "
        r"--store, then run the build again: the (\d+ documents it wrote are kept and it "
        r"resumes after them|document it wrote is kept and it resumes after it)\n",
        full.stderr,
    ), full.stderr
    kept = documents(store)
    assert 0 < kept < count
    mount_tmpfs(small_disk, "200m", again=True)
    resumed = run_kg("build", str(news), "--store", str(store), *MODEL_OPTION)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith(f"{count - kept} documents, ")
    assert nquads(store) == nquads(expected)


def test_a_write_on_a_full_disk_fails_in_one_line_and_loses_nothing(
    small_disk: Path, seed_documents: list[MappedDocument]
) -> None:
    store = small_disk / "store"
    first, second = seed_documents
    with open_store(store) as opened:
        opened.write_documents([first])
    filler = fill(small_disk)
    # opening for writing replays the log and writes new files: no room for them
    opening = run_kg("remove", str(first.iri), "--store", str(store))
    assert (opening.returncode, opening.stderr) == (
        1,
        f"Error: cannot open the store at {store}: its disk is full; free space on that disk or "
        "use another --store, then run again (what the store holds is kept)\n",
    )
    with open_store(store, read_only=True) as reader:  # readers need no room
        assert reader.stats().documents == 1
    filler.unlink()
    with pytest.raises(DiskError) as failed, open_store(store) as opened:
        fill(small_disk)
        with pytest.raises(DiskError, match=r"^the disk of the store at .* is nearly full \("):
            opened.write_documents([second])  # kg's own check, before the batch
        opened.remove_document(str(first.iri))  # no check: the store's own error
    assert str(failed.value) == (
        f"the disk of the store at {store} is full; free space on that disk or use another --store"
    )
    del failed  # its traceback holds the closed store, and so its lock
    filler.unlink()
    with open_store(store) as opened:
        assert {doc.iri for doc in [first]} == {
            row[0] for row in opened.query("SELECT ?d WHERE { ?d a kg:Document }").rows
        }
        opened.write_documents([second])
        assert opened.stats().documents == 2
