"""A SPARQL endpoint as the store of every command and every API function: a real
``oxigraph serve`` on loopback that the tests start and stop (killed in the middle of a build,
too), and a plain HTTP server for the statuses Oxigraph does not answer with (401, 403, 503)."""

from __future__ import annotations

import base64
import http.server
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from answers import EXAMPLES, MODEL
from test_cli import Cli

import kg
from kg.server import server_binary
from kg.store.remote import SparqlStore

pytestmark = pytest.mark.slow

MODEL_OPTION = ["--model", MODEL] if MODEL else []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def oxigraph(location: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``oxigraph serve`` on a free loopback port over ``location``, until the block ends."""
    binary = server_binary()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield url, process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=10)


def test_every_command_works_on_an_endpoint_as_on_a_folder(
    examples_store_path: Path, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(examples_store_path)
    with oxigraph(tmp_path / "served") as (url, _):
        built = cli("build", str(EXAMPLES), "--store", url, *MODEL_OPTION)
        assert built.exit_code == 0, built.output
        assert built.stdout.startswith("2 documents, ")
        again = cli("build", str(EXAMPLES), "--store", url, *MODEL_OPTION)
        assert "(2 unchanged)" in again.stdout
        for args in (
            ["export", "--format", "nquads"],
            ["export", "--format", "gexf"],
            ["query", "who-announced", "--format", "csv"],
            ["stats", "--json"],
            ["validate"],
        ):
            remote, local = cli(*args, "--store", url), cli(*args, "--store", folder)
            assert remote.exit_code == 0, (args, remote.output)
            assert remote.stdout == local.stdout, args
        monkeypatch.setenv("KG_STORE", url)
        assert cli("query", "ASK { ?s a kg:Quote }").stdout.startswith("true")
        removed = cli("remove", str(EXAMPLES / "erbil-attack.txt"))
        assert removed.exit_code == 0 and removed.stdout.startswith("removed ")
        assert json.loads(cli("stats", "--json").stdout)["documents"] == 1


def test_every_api_function_takes_an_endpoint(seed_documents: list, tmp_path: Path) -> None:
    with oxigraph(tmp_path / "served") as (url, _):
        remote = SparqlStore.oxigraph(url)
        remote.write_documents(seed_documents)
        for store in (url, remote):
            assert kg.stats(store=store).documents == 2
            assert kg.query("ASK { ?s a kg:Quote }", store=store).boolean is True
            assert kg.validate(store=store).conforms
            with kg.query_rows("entities", store=store) as answer:
                assert next(answer.rows)
            out = tmp_path / "graph.ttl"
            with out.open("wb") as written:
                kg.export(written, format="turtle", store=store)
            assert out.stat().st_size > 0
            assert kg.viz(tmp_path / "graph.html", store=store) > 0
        facts = tmp_path / "facts.nt"
        facts.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
        assert kg.load([facts], store=url).documents == 1
        assert kg.remove(str(facts), store=remote)
        assert kg.remove(str(seed_documents[0].iri), store=url) == [str(seed_documents[0].iri)]
        assert kg.stats(store=url).documents == 1


def _articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct articles: the examples, each told again with a line of its own."""
    folder.mkdir()
    texts = [path.read_text() for path in sorted(EXAMPLES.glob("*.txt"))]
    paths = []
    for n in range(count):
        path = folder / f"article-{n:02}.txt"
        path.write_text(texts[n % len(texts)] + f"\nThis is report number {n + 1}.\n")
        paths.append(path)
    return paths


def _documents(url: str) -> int:
    return kg.stats(store=url).documents


def test_a_build_whose_server_dies_stops_with_one_line_and_a_rerun_completes(
    tmp_path: Path, cli: Cli
) -> None:
    articles = _articles(tmp_path / "news", 12)
    build = [sys.executable, "-m", "kg.cli", "build", str(tmp_path / "news"), *MODEL_OPTION]
    options = ["--batch-size", "1", "--processes", "0"]
    location = tmp_path / "served"
    with oxigraph(location) as (url, server):
        running = subprocess.Popen(
            [*build, *options, "--store", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 300
        while _documents(url) < 2 and running.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # in the middle of the build
        server.wait(timeout=10)
        stdout, stderr = running.communicate(timeout=120)
    assert running.returncode == 1, stdout + stderr
    assert stderr.startswith("Error: cannot reach the SPARQL endpoint http://127.0.0.1:")
    assert stderr.endswith("check the URL and that the server is running\n")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    with oxigraph(location) as (url, _):
        written = _documents(url)
        assert 2 <= written < len(articles)
        rerun = cli("build", str(tmp_path / "news"), "--store", url, *MODEL_OPTION)
        assert rerun.exit_code == 0, rerun.output
        assert f"({written} unchanged)" in rerun.stdout
        resumed = cli("export", "--format", "nquads", "--store", url).stdout
    whole = tmp_path / "whole"
    assert cli("build", str(tmp_path / "news"), "--store", str(whole), *MODEL_OPTION).exit_code == 0
    assert resumed == cli("export", "--format", "nquads", "--store", str(whole)).stdout


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """Answers each POST with the next status of ``statuses`` (then 200 and ASK true) and keeps
    the Authorization headers it was sent."""

    statuses: list[int] = []
    seen: list[str | None] = []
    delay = 0.0  # seconds before each answer

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(type(self).delay)
        type(self).seen.append(self.headers.get("Authorization"))
        status = type(self).statuses.pop(0) if type(self).statuses else 200
        body = b'{"head":{},"boolean":true}' if status == 200 else b"no"
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def endpoint() -> Iterator[tuple[str, type[_Endpoint]]]:
    handler = type("Handler", (_Endpoint,), {"statuses": [], "seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "asks for credentials (401); set KG_STORE_USER and KG_STORE_PASSWORD, or "),
        (403, "refused this request (403); the credentials in KG_STORE_USER/KG_STORE_TOKEN "),
        (404, "(404); give --store an Oxigraph server's root, a Fuseki dataset or a GraphDB"),
        (500, "failed (500: no); try again later or see the server's log"),
    ],
)
def test_an_endpoint_error_is_one_line(
    status: int, message: str, endpoint: tuple[str, type[_Endpoint]], cli: Cli
) -> None:
    url, handler = endpoint
    handler.statuses = [status]
    result = cli("query", "ASK {}", "--store", url)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert len(handler.seen) == 1  # errors that another try would not mend are not retried


def test_a_busy_endpoint_is_tried_again_after_a_pause(
    endpoint: tuple[str, type[_Endpoint]], cli: Cli
) -> None:
    url, handler = endpoint
    handler.statuses = [503, 503]
    result = cli("query", "ASK {}", "--store", url, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stdout == '{"ask": true}\n' and len(handler.seen) == 3


def test_a_timeout_bounds_each_request_and_zero_means_none(
    endpoint: tuple[str, type[_Endpoint]], cli: Cli
) -> None:
    url, handler = endpoint
    handler.delay = 1.5
    late = cli("query", "ASK {}", "--store", url, "--timeout", "0.5")
    assert late.exit_code == 1 and "gave no answer within 0.5 s" in late.stderr
    waited = cli("query", "ASK {}", "--store", url, "--timeout", "0", "--format", "json")
    assert waited.exit_code == 0 and waited.stdout == '{"ask": true}\n', waited.output


def test_credentials_come_from_the_environment_only(
    endpoint: tuple[str, type[_Endpoint]], cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = endpoint
    monkeypatch.setenv("KG_STORE_USER", "analyst")
    monkeypatch.setenv("KG_STORE_PASSWORD", "s3cret")
    assert cli("query", "ASK {}", "--store", url).exit_code == 0
    monkeypatch.setenv("KG_STORE_TOKEN", "t0ken")
    assert cli("query", "ASK {}", "--store", url).exit_code == 0
    assert handler.seen == [
        "Basic " + base64.b64encode(b"analyst:s3cret").decode(),
        "Bearer t0ken",
    ]
    in_url = cli("query", "ASK {}", "--store", url.replace("//", "//analyst:s3cret@"))
    assert in_url.exit_code == 1
    assert in_url.stderr == (
        "Error: credentials in the store URL would show in process lists and logs; set "
        "KG_STORE_USER and KG_STORE_PASSWORD (or KG_STORE_TOKEN) instead\n"
    )


def test_the_urls_of_oxigraph_fuseki_and_graphdb() -> None:
    oxi = SparqlStore.from_url("http://h:7878")
    assert (oxi.query_url, oxi.update_url, oxi.store_url) == (
        "http://h:7878/query?union-default-graph",
        "http://h:7878/update",
        "http://h:7878/store",
    )
    fuseki = SparqlStore.from_url("http://h:3030/news/")
    assert (fuseki.query_url, fuseki.update_url, fuseki.store_url) == (
        "http://h:3030/news/query",
        "http://h:3030/news/update",
        "http://h:3030/news/data",
    )
    graphdb = SparqlStore.from_url("https://h/repositories/news", read_only=True)
    assert (graphdb.query_url, graphdb.update_url, graphdb.read_only) == (
        "https://h/repositories/news",
        None,
        True,
    )
