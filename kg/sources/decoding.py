"""Bytes to text, and what is no text at all.

``decode`` reads a byte-order mark (UTF-8, UTF-16, UTF-32), then an HTML file's declared
charset, then UTF-8, then Windows-1252 (Latin-1 when that fails), and says which fallback it
used. It looks at the whole input, a kilobyte at a time, and refuses:

- binary content: a kilobyte with more than 5% control characters (NUL among them), such as
  an image, an archive, or UTF-16 without a byte-order mark;
- input that is not UTF-8 where a kilobyte is more than 30% bytes above ASCII: random bytes,
  or text in an encoding other than Western European, whose Windows-1252 reading would be
  junk. Western text in Windows-1252 or Latin-1 has an accented letter in tens of ASCII ones.

A few NUL characters in text that is otherwise fine are no reason to refuse it: they are
removed with the other invisible characters when the text is normalized, and
``nul_notice`` says how many, so that nothing changes silently.
"""

from __future__ import annotations

import codecs
import re

BINARY = "not a text file (binary content); pass .txt, .md, .html or .jsonl"
NOT_WESTERN = (
    "not UTF-8, and too little of it is ASCII to read it as Windows-1252 (binary content, "
    "or another encoding); re-save it as UTF-8"
)

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_WINDOW = 1024
_LEAST = 64  # a shorter input is too short to tell Western text by its share of ASCII
_TEXT_CONTROLS = b"\t\n\v\f\r\x1a\x1b"
_CONTROLS = bytes(code for code in range(32) if code not in _TEXT_CONTROLS)
_NON_ASCII = bytes(range(128, 256))
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


class NotText(ValueError):
    """Input that is no text kg can read; the message says why, as ``BINARY`` or
    ``NOT_WESTERN`` do. ``binary`` tells the first from the second."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.binary = message == BINARY


def decode(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """(text, the fallback encoding used or None); raises NotText for what is no text.

    ``declared`` is a Python codec the input names for itself (an HTML ``<meta charset>``).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if looks_binary(text.encode("utf-8", "surrogatepass")):
                raise NotText(BINARY)
            return text, None
    if looks_binary(data):
        raise NotText(BINARY)
    if declared:
        try:
            return data.decode(declared), None
        except (UnicodeError, LookupError):  # e.g. a "charset" that is no text encoding
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if len(data) >= _LEAST and _most(data, _NON_ASCII) * 10 > min(len(data), _WINDOW) * 3:
        raise NotText(NOT_WESTERN)
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def looks_binary(data: bytes) -> bool:
    """Whether a kilobyte of ``data`` is more than 5% control characters (NUL among them)."""
    return _most(data, _CONTROLS) * 20 > min(len(data), _WINDOW)


def nul_notice(*texts: str | None) -> str | None:
    """What to tell the user about the NUL characters in ``texts``, if there are any."""
    count = sum(text.count("\x00") for text in texts if text)
    if not count:
        return None
    what = "a NUL character" if count == 1 else f"{count:,} NUL characters"
    return f"{what} removed (no text holds them); check that the file is not damaged"


def not_utf8(encoding: str) -> str:
    """The notice for text read in a fallback encoding."""
    return f"not UTF-8; read as {encoding} (re-save it as UTF-8 if characters look wrong)"


def declared_charset(data: bytes) -> str | None:
    """An HTML file's ``<meta charset>``, as a Python codec; Latin-1 means Windows-1252."""
    match = _CHARSET.search(data[:4096])
    try:
        codec = codecs.lookup(match[1].decode("ascii")).name if match else None
    except (LookupError, UnicodeDecodeError):
        return None
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        return None  # mislabelled: real UTF-16 without a BOM was already caught as binary
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def _most(data: bytes, wanted: bytes) -> int:
    """The most bytes of ``wanted`` in one kilobyte of ``data`` (the last one ends with it)."""
    if len(data) <= _WINDOW:
        starts: range | list[int] = [0]
    else:
        starts = [*range(0, len(data) - _WINDOW, _WINDOW), len(data) - _WINDOW]
    most = 0
    for start in starts:
        window = data[start : start + _WINDOW]
        most = max(most, len(window) - len(window.translate(None, wanted)))
    return most
