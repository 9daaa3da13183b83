"""Read news sources (files, directories, globs, stdin) into ``Document`` records.

``iter_documents`` streams one item at a time: a ``Document`` per article, a ``Skipped``
for an input that cannot be read (the batch goes on), and a ``Notice`` the CLI should show
(a file that was not UTF-8, a date it could not read), just before the item it concerns.
Text is normalized as ``kg.sources.text`` describes; ``paragraphs(doc.text)`` gives exact
paragraph spans. Markup is read by ``kg.sources.markup``.

- ``Document.id``: SHA-256 (first 32 hex digits) of the normalized text alone, so the same
  article read from two files, or from a .txt and a .jsonl, gets the same id.
- ``Document.source``: the path as given (joined under a given directory), ``path:LINE``
  for a .jsonl record, ``-`` (or ``-:LINE``) for stdin. A .jsonl ``id`` is not used:
  ``Document`` has no field for it, and hashing it would split identical articles.
- ``title``: metadata first (.html ``og:title``, ``<title>``, first ``<h1>``; .md front
  matter or a leading heading; a .jsonl ``title``), else the first paragraph when it looks
  like a headline (at most 20 words, followed by more text, no final ``. , ; :``, not a
  byline or a bare date). The headline stays in ``text``, so the id never depends on
  this guess.
- ``published``: metadata, else ``default_date``, else the first date in the opening
  paragraphs ("February 17, 2021", "Feb. 16, 2021", "17 Feb 2021", "2021-02-17").
- Non-UTF-8 bytes are read as Windows-1252 (Latin-1 when that fails) with a ``Notice``;
  an .html file's declared ``charset`` is honoured. UTF-16/32 with a BOM is read as such.
  Binary content anywhere in a file is refused, and NUL characters are removed with a
  ``Notice``, as ``kg.sources.decoding`` says.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, TextIO, cast

from kg.errors import FormatError, InputError
from kg.records import Document
from kg.sources.decoding import (
    BINARY,
    NotText,
    declared_charset,
    decode,
    looks_binary,
    not_utf8,
    nul_notice,
)
from kg.sources.markup import read_html, read_markdown
from kg.sources.text import build_document, normalize_text, one_line, paragraphs, parse_date

__all__ = [
    "SUFFIX_FORMATS",
    "Item",
    "Notice",
    "Skipped",
    "Unread",
    "document_from_text",
    "iter_documents",
    "iter_items",
    "normalize_text",
    "paragraphs",
    "parse_date",
    "read_file",
]


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why (one line: what is wrong, what to do)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something the user should know about an input that was read anyway."""

    source: str
    message: str


Item = Document | Skipped | Notice


@dataclass(frozen=True)
class Unread:
    """A file left for a process that sees it at the same path to read (``read_file``)."""

    source: str  # as the sources named it: its documents' source
    path: str  # absolute


# File extension → reader.
SUFFIX_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
STDIN_FORMATS = ("text", "jsonl")
KNOWN = ".txt, .md, .html, .jsonl"
_LINE_BINARY = "binary content, not text; write one JSON object of UTF-8 text per line"
EMPTY = "empty file"
MISSING = "no such file or directory"
SPLIT = "split it into articles (e.g. .jsonl, one per line)"


def iter_documents(
    sources: Iterable[str | Path] | str | Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = 10_000_000,
    stdin: TextIO | None = None,
    stdin_format: str = "text",
) -> Iterator[Item]:
    """Stream the articles in ``sources``: paths, directories, glob patterns, or ``-``.

    Directories are read recursively in sorted order, skipping hidden entries and files of
    unknown formats. ``max_bytes`` caps a file (a .jsonl line, for .jsonl). ``stdin``
    defaults to ``sys.stdin``; ``stdin_format`` is "text" or "jsonl".
    """
    if stdin_format not in STDIN_FORMATS:
        raise FormatError(f"unknown stdin format {stdin_format!r}; use text or jsonl")
    if isinstance(sources, (str, Path)):
        sources = [sources]
    options = _Options(default_date, max_bytes)
    return cast(Iterator[Item], _iter(sources, options, stdin, stdin_format, None))


def iter_items(
    sources: Iterable[str | Path],
    *,
    shared: str | Path,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Item | Unread]:
    """``iter_documents``, but each file of one article under the folder ``shared`` comes
    unread, for processes that see that folder at the same path to read."""
    options = _Options(default_date, 10_000_000)
    return _iter(sources, options, stdin, "text", os.path.abspath(shared))


def read_file(
    unread: Unread, *, default_date: dt.date | None = None, max_bytes: int = 10_000_000
) -> list[Item]:
    """What ``iter_documents`` would have read from the file ``unread`` names."""
    return list(_read_file(unread.source, Path(unread.path), _Options(default_date, max_bytes)))


def document_from_text(
    text: str, *, source: str = "-", default_date: dt.date | None = None
) -> Document:
    """Read one plain-text article from a string, as stdin would be read."""
    doc = build_document(text, source, default_date=default_date)
    if doc is None:
        raise InputError("the text is empty; pass an article's text")
    return doc


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Options:
    default_date: dt.date | None
    max_bytes: int


def _iter(
    sources: Iterable[str | Path],
    options: _Options,
    stdin: TextIO | None,
    stdin_format: str,
    shared: str | None,
) -> Iterator[Item | Unread]:
    for source in sources:
        if isinstance(source, str) and source == "-":
            yield from _read_stdin(stdin or sys.stdin, stdin_format, options)
            continue
        for found in _expand(source):
            if isinstance(found, Skipped):
                yield found
            elif shared is not None and (unread := _unread(*found, shared)) is not None:
                yield unread
            else:
                yield from _read_file(*found, options)


def _unread(name: str, path: Path, shared: str) -> Unread | None:
    """The file as ``Unread`` where it lies under ``shared`` and holds one article (a .jsonl
    file of many is read here, line by line, so that no process holds it whole)."""
    absolute = os.path.abspath(path)
    if SUFFIX_FORMATS.get(path.suffix.lower(), "jsonl") == "jsonl":
        return None
    if os.path.commonpath([absolute, shared]) != shared:
        return None
    return Unread(name, absolute)


def _expand(source: str | Path) -> Iterator[tuple[str, Path] | Skipped]:
    """The files a source names: itself, a directory's readable files, or a glob's matches."""
    name = str(source)
    path = Path(source)
    if path.is_dir():
        files = _walk(name)
        if not files:
            yield Skipped(name, f"no {KNOWN} files in this directory")
        yield from files
    elif path.exists():
        yield name, path
    elif isinstance(source, str) and re.search(r"[*?[]", source):
        matches = sorted(glob.glob(source, recursive=True))
        files = []
        for match in matches:
            if os.path.isdir(match):
                files.extend(_walk(match))
            elif Path(match).suffix.lower() in SUFFIX_FORMATS:
                files.append((match, Path(match)))
        if not files:
            yield Skipped(name, f"matches no {KNOWN} file" if matches else MISSING)
        yield from files
    else:
        yield Skipped(name, MISSING)


def _walk(top: str) -> list[tuple[str, Path]]:
    found = []
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for file in files:
            if not file.startswith(".") and Path(file).suffix.lower() in SUFFIX_FORMATS:
                found.append(os.path.join(folder, file))
    return [(name, Path(name)) for name in sorted(found, key=lambda p: Path(p).parts)]


def _read_file(name: str, path: Path, options: _Options) -> Iterator[Item]:
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        what = f"unknown format {path.suffix}" if path.suffix else "no file extension"
        yield Skipped(name, f"{what}; kg reads {KNOWN}")
        return
    if not path.is_file():
        yield Skipped(name, "not a regular file; pass - to read stdin")
        return
    try:
        if fmt == "jsonl":
            with path.open("rb") as stream:
                if looks_binary(stream.read(1024)):
                    yield Skipped(name, BINARY)
                    return
                stream.seek(0)
                yield from _read_jsonl(stream.readline, name, options)
            return
        if path.stat().st_size > options.max_bytes:
            yield Skipped(name, _too_large(options.max_bytes))
            return
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(name, f"cannot read it: {error.strerror or error}")
        return
    yield from _read_bytes(data, fmt, name, options, EMPTY)


def _read_stdin(stdin: TextIO, fmt: str, options: _Options) -> Iterator[Item]:
    # Read bytes where there are some, so stdin gets the same decoding as files.
    stream = getattr(stdin, "buffer", None) or stdin
    if fmt == "jsonl":
        yield from _read_jsonl(stream.readline, "-", options, "empty input")
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield Skipped("-", _too_large(options.max_bytes))
    elif isinstance(data, bytes):
        yield from _read_bytes(data, "text", "-", options, "empty input")
    elif looks_binary(data.encode("utf-8", "surrogatepass")):
        yield Skipped("-", BINARY)
    else:
        if notice := nul_notice(data):
            yield Notice("-", notice)
        yield build_document(data, "-", default_date=options.default_date) or Skipped(
            "-", "empty input"
        )


def _read_bytes(data: bytes, fmt: str, name: str, options: _Options, empty: str) -> Iterator[Item]:
    try:
        text, fallback = decode(data, declared_charset(data) if fmt == "html" else None)
    except NotText as err:
        yield Skipped(name, str(err))
        return
    if fallback:
        yield Notice(name, not_utf8(fallback))
    if notice := nul_notice(text):
        yield Notice(name, notice)
    if not text.strip():
        yield Skipped(name, empty)
        return
    title = published = url = None
    if fmt == "html":
        text, title, published, url = read_html(text)
    elif fmt == "markdown":
        text, title, published, url = read_markdown(text)
    doc = build_document(
        text, name, title=title, published=published, url=url, default_date=options.default_date
    )
    yield doc or Skipped(name, "no text to read, only markup")


def _read_jsonl(
    readline: Callable[[int], AnyStr], name: str, options: _Options, empty: str = EMPTY
) -> Iterator[Item]:
    warned = False
    records = 0
    for number, raw in enumerate(_capped_lines(readline, options.max_bytes), 1):
        where = f"line {number}"
        if raw is None:
            yield Skipped(name, f"{where}: {_too_large(options.max_bytes, 'split that article')}")
            records += 1
            continue
        if isinstance(raw, bytes):
            try:
                line, fallback = decode(raw)
            except NotText as err:
                records += 1
                yield Skipped(name, f"{where}: {_LINE_BINARY if err.binary else err}")
                continue
            if fallback and not warned:
                yield Notice(name, f"{where}: {not_utf8(fallback)}")
                warned = True
        else:
            line = raw
        line = line.lstrip("\ufeff") if number == 1 else line
        if line.strip():
            records += 1
            yield from _jsonl_record(line, where, f"{name}:{number}", name, options)
    if not records:
        yield Skipped(name, empty)


def _jsonl_record(
    line: str, where: str, source: str, name: str, options: _Options
) -> Iterator[Item]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        yield Skipped(name, f"{where}: not JSON")
        return
    if not isinstance(record, dict):
        yield Skipped(name, f'{where}: not a JSON object; write one {{"text": ...}} per line')
        return
    if "text" not in record:
        yield Skipped(name, f'{where}: no "text" field')
        return
    if not isinstance(record["text"], str):
        yield Skipped(name, f'{where}: "text" is not a string')
        return
    if notice := nul_notice(*(_string(record.get(key)) for key in ("text", "title", "url"))):
        yield Notice(name, f"{where}: {notice}")
    published = None
    if (date := record.get("date")) is not None:
        published = parse_date(date) if isinstance(date, str) else None
        if published is None:
            yield Notice(name, f"{where}: date {date!r} not understood; write YYYY-MM-DD")
    doc = build_document(
        record["text"],
        source,
        title=one_line(record.get("title")),
        published=published,
        url=one_line(record.get("url")),
        default_date=options.default_date,
    )
    yield doc or Skipped(name, f'{where}: empty "text"')


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _capped_lines(readline: Callable[[int], AnyStr], limit: int) -> Iterator[AnyStr | None]:
    """Lines, or None for a line longer than ``limit``, which is read past, never held."""
    while line := readline(limit + 1):
        if len(line) <= limit or line[-1:] in ("\n", b"\n"):
            yield line
            continue
        while (rest := readline(limit)) and rest[-1:] not in ("\n", b"\n"):
            pass
        yield None


def _too_large(max_bytes: int, advice: str = SPLIT) -> str:
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if max_bytes >= size:
            return f"larger than {max_bytes / size:g} {unit}; {advice}"
    return f"larger than {max_bytes} bytes; {advice}"


# --- lines -------------------------------------------------------------------------------


def read_lines(name: str, *, stdin: TextIO | None = None) -> Iterator[str]:
    """The non-blank lines of a text file (``-``: stdin), stripped; any encoding kg reads.

    Raises InputError, before yielding anything, for a missing, unreadable or binary file.
    """
    from kg.errors import InputError

    if name == "-":
        lines = (stdin or sys.stdin).read().splitlines()
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as err:
            reason = err.strerror or str(err)
            raise InputError(f"cannot read {name}: {reason}; pass a text file, or -") from err
        try:
            text, _ = decode(data)
        except NotText as err:
            what = "not a text file (binary content)" if err.binary else str(err)
            raise InputError(f"{name}: {what}; pass one sentence per line") from None
        lines = text.splitlines()
    return (line.strip() for line in lines if line.strip())
