"""How a build keeps malloc's memory in check, where the C library is glibc; elsewhere nothing.

A build allocates on several threads at once: this one, the writer thread, Oxigraph's and
RocksDB's own. glibc gives each thread that meets a busy arena an arena of its own (up to eight
a core) and keeps what a thread frees in that thread's arena, scattered between live blocks, for
that arena alone to reuse; so what malloc held free grew with the build while what it had in use
stayed flat (benchmarks/results/archive.md). glibc also raises the size from which it maps a
block apart to the largest block freed so far, so a batch's megabytes of N-Quads text came from
the arenas too and left holes there. Fewer arenas share their free memory, large blocks are
mapped apart and given back whole when freed, and a trim after each batch hands back the pages
that are free whole.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable

__all__ = ["ARENAS", "MAPPED_FROM", "trimmer", "tune"]

# The most malloc arenas a building process makes, its threads sharing them.
ARENAS = 2

# glibc's <malloc.h>: mallopt's parameters for the most arenas and the mmap threshold.
_M_ARENA_MAX = -8
_M_MMAP_THRESHOLD = -3

# Blocks of this size or more are mapped apart and given back whole when freed (glibc's own
# threshold starts at 128 KB and rises as large blocks are freed, up to 32 MB).
MAPPED_FROM = 1 << 20


def _glibc() -> ctypes.CDLL | None:
    """The process's C library where it is glibc (it has ``mallopt``), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt  # noqa: B018 - glibc's; musl has none
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


def tune() -> None:
    """Let malloc make no more than ``ARENAS`` arenas from now on in this process, and map
    blocks of ``MAPPED_FROM`` bytes or more apart.

    To be called before the build's threads first allocate: a thread keeps the arena it got.
    glibc fixes the limit when it next makes an arena, so both hold for the rest of the process.
    """
    libc = _glibc()
    if libc is None:
        return
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.mallopt.restype = ctypes.c_int
    libc.mallopt(_M_ARENA_MAX, ARENAS)
    libc.mallopt(_M_MMAP_THRESHOLD, MAPPED_FROM)


def trimmer() -> Callable[[], object]:
    """What gives the pages malloc holds free back to the system (``malloc_trim``).

    A batch frees tens of megabytes (its N-Quads text, the bulk loader's buffers, the parsed
    Docs); trimming after each batch hands those pages back."""
    libc = _glibc()
    if libc is None:
        return lambda: None
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    libc.malloc_trim.restype = ctypes.c_int
    return functools.partial(libc.malloc_trim, 0)
