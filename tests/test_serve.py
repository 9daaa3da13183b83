"""`kg serve`: the store over SPARQL through Oxigraph's own server, run as a user runs it
(a subprocess on loopback), asked with plain HTTP as curl would."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_cli import Cli

from kg.store.embedded import Store

pytestmark = pytest.mark.slow

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ask(url: str, query: str) -> str:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url + "/query", data=body, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


@contextmanager
def served(store: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    kg_serve = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store)]
    running = subprocess.Popen(
        [*kg_serve, "--bind", f"127.0.0.1:{port}", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _ask(url, "ASK {}")
                break
            except OSError:
                if running.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"kg serve did not start: {running.communicate()[1]}")
                time.sleep(0.2)
        yield url, running
    finally:
        if running.poll() is None:
            running.send_signal(signal.SIGTERM)
        running.communicate(timeout=30)


def _store(tmp_path: Path, seed_documents: list) -> Path:
    path = tmp_path / "store"
    with Store(path) as store:
        store.write_documents(seed_documents)
    return path


def test_the_served_store_answers_the_readme_query_with_rows(
    seed_documents: list, tmp_path: Path
) -> None:
    path = _store(tmp_path, seed_documents)
    with Store(path, read_only=True) as store:
        expected = int(store.query(COUNT).rows[0][0])  # type: ignore[arg-type]
    with served(path) as (url, running):
        rows = _ask(url, "SELECT * { ?s ?p ?o } LIMIT 5").splitlines()
        assert rows[0] == "o,p,s" and len(rows) == 6
        assert int(_ask(url, COUNT).splitlines()[1]) == expected
        running.send_signal(signal.SIGTERM)  # as a service manager stops it
        _, stderr = running.communicate(timeout=30)
    assert running.returncode == 0
    assert stderr.startswith(f"serving {path} (read-write) at {url}/query")
    assert "Traceback" not in stderr


def test_a_read_only_server_shows_the_store_as_it_was_when_it_started(
    seed_documents: list, tmp_path: Path, cli: Cli
) -> None:
    path = _store(tmp_path, seed_documents[:1])
    with served(path, "--read-only") as (url, _):
        before = _ask(url, COUNT)
        facts = tmp_path / "facts.nt"
        facts.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
        loaded = cli("load", str(facts), "--store", str(path))  # the folder stays writable
        assert loaded.exit_code == 0, loaded.output
        assert _ask(url, COUNT) == before
    with served(path, "--read-only") as (url, _):
        assert _ask(url, COUNT) != before  # started again, it sees the load


def test_serve_refuses_an_address_that_is_no_host_and_port(tmp_path: Path, cli: Cli) -> None:
    result = cli("serve", "--store", str(tmp_path), "--bind", "7878")
    assert result.exit_code == 1
    assert result.stderr == "Error: --bind '7878' is not HOST:PORT; write it as 127.0.0.1:7878\n"
