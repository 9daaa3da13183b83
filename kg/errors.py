"""kg's exceptions. Every message says what went wrong and what to do next.

KgError
├── InputError        a source that cannot be read as news text (binary, empty, bad encoding...)
├── ModelError        a spaCy pipeline that is not installed or does not load
├── StoreError        the store cannot be opened (held by another writer, missing, corrupt)
│   └── DiskError     the store's disk is full or failing (committed batches are kept)
├── QueryError        invalid SPARQL, an unknown query name, a missing parameter
│   └── QueryTimeout  a query stopped after its time ran out
├── FormatError       an unknown import/export/output format
└── ClusterError      a Dask cluster that is not installed, not reachable, or gone mid-build
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a user-facing problem with a one-line message."""


class InputError(KgError):
    """A source cannot be read as text."""


class ModelError(KgError):
    """A spaCy pipeline cannot be found or loaded."""


class StoreError(KgError):
    """The graph store cannot be opened or written."""


class DiskError(StoreError):
    """The disk under the store is full or fails; what was committed before is kept."""


class QueryError(KgError):
    """A SPARQL query is invalid, unknown, or lacks a parameter."""


class QueryTimeout(QueryError):
    """A query ran past its time and was stopped."""


class FormatError(KgError):
    """A format name is not one kg knows."""


class ClusterError(KgError):
    """A Dask cluster cannot be used: not installed, not reachable, or gone mid-build."""
