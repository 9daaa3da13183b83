"""The disk under an on-disk store: room for the next batch, and what its errors mean.

Oxigraph appends each transaction to a write-ahead log (about 690 bytes a quad, measured on
news articles) and, when the store is flushed (every ``FLUSH_EVERY`` quads, and on close),
writes the same quads into its tables (about 330 bytes a quad) before the log is dropped. A
batch therefore needs room for its own log and tables, and the tables of the log written since
the last flush. When that room is missing the write fails with "No space left on device", and
the store takes no more writes until it is opened again; checking first ends a build while every
committed batch is intact and the store can still be opened, flushed and read.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from kg.errors import DiskError, StoreError

# room asked for each quad of a batch: its log and its tables, twice over
BYTES_PER_QUAD = 2048
# and for the store's own small files (manifest, options, info log)
FIXED_BYTES = 1 << 20

FULL_MARKERS = (os.strerror(errno.ENOSPC), os.strerror(errno.EDQUOT))
FREE_SPACE = "free space on that disk or use another --store"


def room_needed(folder: Path, quads: int) -> int:
    """Bytes a batch of ``quads`` needs free on the disk of the store in ``folder``."""
    return quads * BYTES_PER_QUAD + log_bytes(folder) // 2 + FIXED_BYTES


def log_bytes(folder: Path) -> int:
    """Bytes in the write-ahead logs of the store in ``folder``."""
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".log"))


def check_room(folder: Path, quads: int) -> None:
    """Raise DiskError unless the disk of ``folder`` has room for a batch of ``quads``."""
    needed = room_needed(folder, quads)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise DiskError(
            f"the disk of the store at {folder} is nearly full ({_size(free)} free, about "
            f"{_size(needed)} needed for the next batch); {FREE_SPACE}"
        )


def is_full(err: OSError) -> bool:
    """Whether ``err`` says the disk (or the user's quota on it) is full."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return any(marker in str(err) for marker in FULL_MARKERS)


def write_error(err: OSError, where: str) -> StoreError:
    """The error to raise for an OSError from writing the store at ``where``."""
    if is_full(err):
        return DiskError(f"the disk of the store at {where} is full; {FREE_SPACE}")
    return DiskError(
        f"could not write to the store at {where} ({_first_line(err)}); check that disk "
        "and its free space"
    )


def open_error(err: OSError, where: str) -> StoreError | None:
    """The error to raise for an OSError from opening the store at ``where``, if it is the
    disk's: opening replays the log into tables, which needs room."""
    if not is_full(err):
        return None
    return DiskError(
        f"cannot open the store at {where}: its disk is full; {FREE_SPACE}, then run again "
        "(what the store holds is kept)"
    )


def _first_line(err: OSError) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    value = count / 1024
    for unit in ("KB", "MB", "GB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"
