"""The store served over SPARQL 1.1 by Oxigraph's own server (the ``oxigraph`` package).

kg runs ``oxigraph serve`` (or ``serve-read-only``) on the store folder with the union default
graph, so that ``SELECT * { ?s ?p ?o }`` sees the triples kg keeps in one named graph per
article. The server answers the SPARQL 1.1 Protocol at ``/query`` and ``/update`` and the Graph
Store Protocol at ``/store``; ``kg --store http://HOST:PORT`` reads and writes through it.

A read-write server holds the store's write lock: ``kg build`` goes through it
(``--store http://...``) while it runs. A read-only server opens a snapshot of the folder as it
was when the server started; it sees later builds only once it is started again.

Ctrl-C or SIGTERM to kg ends the server too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kg.errors import InputError, StoreError
from kg.store.embedded import default_store, require_store

__all__ = ["DEFAULT_BIND", "serve", "server_binary", "server_command"]

DEFAULT_BIND = "127.0.0.1:7878"


def server_command(
    store: str | os.PathLike[str] | None = None,
    *,
    bind: str = DEFAULT_BIND,
    read_only: bool = False,
) -> list[str]:
    """The command line that serves the store folder ``store`` at ``bind`` (HOST:PORT)."""
    folder = Path(store or default_store())
    if str(folder).startswith(("http://", "https://")):
        raise InputError(f"{folder} is already a SPARQL endpoint; kg serve serves a store folder")
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise InputError(f"--bind {bind!r} is not HOST:PORT; write it as 127.0.0.1:7878")
    if read_only:
        require_store(folder)
    mode = "serve-read-only" if read_only else "serve"
    return [
        server_binary(),
        mode,
        "--location",
        str(folder),
        "--bind",
        bind,
        "--union-default-graph",
    ]


def serve(
    store: str | os.PathLike[str] | None = None,
    *,
    bind: str = DEFAULT_BIND,
    read_only: bool = False,
) -> int:
    """Serve the store until Ctrl-C or SIGTERM ends kg (the server ends with it); StoreError
    when the server stops on its own."""
    command = server_command(store, bind=bind, read_only=read_only)
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        _, errors = server.communicate()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
    if server.returncode != 0:
        raise StoreError(_failure(errors, bind))
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _failure(errors: str, bind: str) -> str:
    last = next((line for line in reversed(errors.splitlines()) if line.strip()), "")
    if "in use" in last.lower():
        return f"cannot serve at {bind}: the address is in use; give another with --bind"
    if "lock" in last.lower():
        return (
            "the store is being written by another process; wait for it to finish, or serve "
            "it with --read-only"
        )
    return f"the SPARQL server stopped: {last or 'no reason given'}"


def server_binary() -> str:
    """The ``oxigraph`` program: beside this Python's (a virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError(
            "no oxigraph server program; install it with: "
            "python -m pip install 'oxigraph>=0.5,<0.6'"
        )
    return found
