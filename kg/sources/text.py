"""Text as the NLP pipeline needs it, and what can be read off it: title, date, paragraphs.

The pipeline's parser is derailed by the whitespace tokens that blank lines and runs of
spaces become, so ``normalize_text``: applies NFC; makes ``\\n`` the only line end; drops
control and zero-width characters; collapses whitespace runs to one space; joins
hard-wrapped lines (a line break is kept only where the next word would have fit on the
line, or where the lines are too long to be wrapped); and separates paragraphs by exactly
one blank line. So ``paragraphs(doc.text)`` slices back to exactly the paragraphs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from kg.nlp.lexicon.words import CLAUSE_WORDS
from kg.records import Document


def normalize_text(text: str) -> str:
    """The text ``Document.text`` holds for ``text``: see the module docstring."""
    text = text.replace("\r\n", "\n")
    for old, new in _LINE_BREAKS:  # str.replace, many times faster than translate on a long text
        if old in text:
            text = text.replace(old, new)
    text = _DROP.sub("", text)
    text = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    width = _wrap_width(lines)
    paras: list[list[str]] = []  # each paragraph's lines, joined once: a long one stays linear
    for line, prev in zip(lines, [""] + lines, strict=False):
        if not line:
            continue
        next_word = line.split(" ", 1)[0]
        # A wrapper breaks a line only where the next word would not have fit.
        wrapped = len(prev) + 1 + len(next_word) > width >= max(len(prev), len(line))
        if prev and wrapped and not _BULLET.match(line):
            paras[-1].append(line)
        else:
            paras.append([line])
    return "\n\n".join(" ".join(para) for para in paras)


# "ERBIL, Iraq, March 3, 2022 — ", "BRUSSELS (Reuters) - ", "WASHINGTON – ": a place in
# capitals, more place names, a date, an agency, then a dash, at a paragraph's start.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*"
    r"(?:, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*)*"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r" ?(?:\([^()\n]{1,40}\))?"
    r" ?[—–-]{1,2} +"
)


def dateline_length(paragraph: str) -> int:
    """The length of the dateline that opens ``paragraph`` (0 if none)."""
    match = _DATELINE.match(paragraph)
    if not match:
        return 0
    place = match.group().rstrip(" \u2014\u2013-")
    if " " not in place and len(place) < 5:
        return 0  # "NATO - the alliance - said": a lone short word in capitals is an acronym
    return match.end()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (runs of non-blank lines), trimmed of whitespace."""
    spans = []
    start = end = -1
    offset = 0
    for line in text.split("\n"):
        content = line.strip()
        if content:
            left = offset + len(line) - len(line.lstrip())
            start = left if start < 0 else start
            end = left + len(content)
        elif start >= 0:
            spans.append((start, end))
            start = -1
        offset += len(line) + 1
    if start >= 0:
        spans.append((start, end))
    return spans


def parse_date(value: str) -> dt.date | None:
    """The first calendar date written in ``value``, or None.

    Reads ISO dates and datetimes ("2021-02-17", "2021-02-17T10:00:00Z", "2021/02/17") and
    English ones ("February 17, 2021", "Feb. 16, 2021", "17 February 2021").
    """
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(value):
            date = _to_date(match)
            if date is not None:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


# Line and paragraph separators as line breaks (no replacement holds another's character).
_LINE_BREAKS = (
    ("\r", "\n"),
    ("\v", "\n"),
    ("\f", "\n"),
    ("\x85", "\n"),
    ("\u2028", "\n"),
    ("\u2029", "\n\n"),
)
# Controls, soft hyphens, zero-width spaces, direction marks and BOMs: invisible, and they
# split or glue tokens.
_DROP = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[^\S\n]+")
_BULLET = re.compile(r"[-*+•]\s|\d{1,3}[.)]\s")
# A caption or credit line that can date an article is at most this many words.
_CREDIT_WORDS = 25
# Hard-wrapped lines are at most this long.
_WRAP_WIDTH = 100


def _wrap_width(lines: list[str]) -> int:
    """The width the text looks hard-wrapped at, or 0 when it is one paragraph per line."""
    lengths = [len(line) for line in lines if line]
    wrapped = [n for n in lengths if n <= _WRAP_WIDTH]
    # A few long lines (a URL, a table) leave a wrapped text wrapped; many mean it is not.
    return max(wrapped) if wrapped and len(wrapped) * 10 >= len(lengths) * 9 else 0


def build_document(
    text: str,
    source: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    default_date: dt.date | None = None,
) -> Document | None:
    """A ``Document`` for ``text``, or None when it is blank; see ``kg.sources``."""
    text = normalize_text(text)
    if not text:
        return None
    return Document(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:32],
        text=text,
        title=title or _headline(text),
        published=published or default_date or parse_date(_opening(text)) or _credit_date(text),
        url=url or None,
        source=source,
    )


def _headline(text: str) -> str | None:
    """The first paragraph, when it reads as a headline."""
    first, sep, _ = text.partition("\n\n")
    if not sep or len(first.split()) > 20 or not any(c.isalpha() for c in first):
        return None
    if first.rstrip("\"'”’)]»").endswith((".", ",", ";", ":")):
        return None
    if first.lower().startswith("by ") or (len(first) <= 40 and parse_date(first)):
        return None
    return first


def _opening(text: str) -> str:
    """Where a dateline can be: the first three paragraphs, up to 400 characters."""
    return "\n\n".join(text.split("\n\n", 3)[:3])[:400]


def _credit_date(text: str) -> dt.date | None:
    """The date of an article whose head has none, from its short lines that are not clauses
    (captions, credits, sign-offs: "Opening remarks by NATO Secretary General Jens Stoltenberg
    at Defense Ministerial February 17, 2021."), where every one that writes a date writes the
    same day. A date in a sentence ("the treaty was signed on June 3, 1990") is not the
    article's, and lines that disagree date nothing."""
    days: set[dt.date] = set()
    for paragraph in text.split("\n\n"):
        words = [w.strip(".,;:!?\"'()") for w in paragraph.split()]  # "May" is a month
        if len(words) <= _CREDIT_WORDS and not CLAUSE_WORDS.intersection(words):
            days.update(
                d for d in (_to_date(m) for p in _DATE_PATTERNS for m in p.finditer(paragraph)) if d
            )
    return days.pop() if len(days) == 1 else None


def one_line(value: object) -> str | None:
    """A metadata string on one line, without the characters ``normalize_text`` drops, or None."""
    return (" ".join(_DROP.sub("", value).split()) or None) if isinstance(value, str) else None


# --- dates -----------------------------------------------------------------------------

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)", re.I
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)",
        re.I,
    ),
]


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match["month"]
    number = int(month) if month.isdigit() else _MONTHS.index(month[:3].lower()) + 1
    try:
        return dt.date(int(match["year"]), number, int(match["day"]))
    except ValueError:
        return None
