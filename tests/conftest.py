"""Shared fixtures. Append yours; keep each one cheap or module/session scoped.

The stores built here are shared by every test that asks for them: read them, never write them.
A test that changes a store builds its own in ``tmp_path``.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from answers import EXAMPLES, MODEL, SEEDS, SEEDS_MISSING
from click.testing import CliRunner, Result
from seed_extractions import seed_extractions

import kg
from kg.mapping import map_extraction
from kg.records import Extraction
from kg.server import server_binary
from kg.store.embedded import Store, open_store
from kg.store.protocol import MappedDocument

# -- the command line ---------------------------------------------------------------------------


@pytest.fixture()
def cli() -> Callable[..., Result]:
    """Runs ``kg ARGS...`` (``input=`` its standard input) and gives click's ``Result``."""
    from kg.cli import main

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input)

    return invoke


# -- graph side: the seed facts as hand-written Extractions, mapped and stored -----------------


@pytest.fixture(scope="session")
def seed() -> tuple[Extraction, Extraction]:
    """The two seed articles' facts, as a good extractor would give them."""
    return seed_extractions()


@pytest.fixture(scope="session")
def seed_documents(seed: tuple[Extraction, Extraction]) -> list[MappedDocument]:
    return [map_extraction(x) for x in seed]


@pytest.fixture(scope="session")
def seed_store(seed_documents: list[MappedDocument]) -> Iterator[Store]:
    """An in-memory store holding both seed articles."""
    with Store() as store:
        store.write_documents(seed_documents)
        yield store


@pytest.fixture(scope="session")
def seed_store_folder(
    seed_documents: list[MappedDocument], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A store folder holding both seed articles (no pipeline needed)."""
    path = tmp_path_factory.mktemp("seed-folder") / "store"
    with Store(path) as store:
        store.write_documents(seed_documents)
    return path


# -- built with a real pipeline: the examples and the seed articles, each once per session ------


@pytest.fixture(scope="session")
def examples_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder holding both examples, built once."""
    path = tmp_path_factory.mktemp("examples") / "store"
    report = kg.build([EXAMPLES], store=path, model=MODEL)
    assert (report.documents, report.unchanged, report.skipped) == (2, 0, [])
    assert report.entities and report.relations and report.quotes and report.triples
    return path


@pytest.fixture(scope="session")
def examples_store(examples_store_path: Path) -> Iterator[Store]:
    """The examples' store, opened read-only."""
    with open_store(examples_store_path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_articles_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The real seed articles (not the hand-written facts above), built once, read-only."""
    if not SEEDS.is_dir():
        pytest.skip(SEEDS_MISSING)
    path = tmp_path_factory.mktemp("seeds") / "store"
    report = kg.build([SEEDS], store=path, model=MODEL)
    assert (report.documents, report.skipped) == (2, [])
    with open_store(path, read_only=True) as opened:
        yield opened


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real ``oxigraph serve`` on loopback; yields its base URL.

    The server binary comes with kg (the ``oxigraph`` package, beside pyoxigraph).
    """
    binary = server_binary()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(tmp_path / "served"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    err = process.stderr.read().decode() if process.stderr else ""
                    pytest.fail(f"oxigraph serve did not start: {err}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()
