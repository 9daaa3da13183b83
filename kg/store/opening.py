"""The store a ``store`` argument names, open for the length of a ``with`` block.

The API and the CLI take ``store`` as an open store (``kg.store.embedded.Store``,
``kg.store.remote.SparqlStore``, anything that implements ``GraphStore``), a folder, or the
URL of a SPARQL endpoint (``http://...``, ``https://...``); None means ``$KG_STORE``, else
``./kg-store``. A store the caller opened is used as it is and left open.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.store.embedded import default_store, open_store
from kg.store.protocol import GraphStore
from kg.store.remote import SparqlStore, is_endpoint

__all__ = ["StoreArg", "use_store"]

StoreArg = str | os.PathLike[str] | GraphStore | None

# Seconds a request to an endpoint may take unless the caller says.
REQUEST_TIMEOUT = 60.0


@contextmanager
def use_store(
    store: StoreArg, *, read_only: bool = False, timeout: float | None = None
) -> Iterator[GraphStore]:
    """The store ``store`` names, opened (read-only if asked) for a ``with`` block.

    ``timeout`` bounds each request to an endpoint in seconds (None: a minute; 0: no limit)."""
    if store is not None and not isinstance(store, str | os.PathLike):
        yield store
        return
    where = os.fspath(store) if store is not None else default_store()
    if is_endpoint(where):
        with SparqlStore.from_url(
            where,
            read_only=read_only,
            timeout=REQUEST_TIMEOUT if timeout is None else (timeout or None),
        ) as remote:
            yield remote
        return
    with open_store(Path(where), read_only=read_only) as opened:
        yield opened
