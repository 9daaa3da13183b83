"""Time expressions: which phrases are times, and the calendar date a phrase names.

Relative expressions ("Thursday", "today") resolve against the document's publication date;
without one, only absolute dates ("February 17, 2021") resolve.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import TIME_CUT
from kg.nlp.lexicon.labels import TIME_LABELS
from kg.nlp.lexicon.numbers import DAYS_AGO_COUNTS
from kg.nlp.lexicon.time import (
    DAY_WORDS,
    MONTH_NUMBERS,
    RELATIVE_DAYS,
    TIME_NOUNS,
    TIME_PREPS,
    WEEKDAY_NUMBERS,
)

_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b"),  # February 17, 2021
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b"),  # 17 February 2021
    re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})\b"),  # 2021-02-17
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"),  # February 17 (year from context)
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b"),  # 17 February
]
_DAYS_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b"
)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<part>earlier|later)?\s*(?P<which>last|this|next|past)\s+"
    r"(?P<unit>week|weekend|month|year)\b"
)
_MONTH_ALONE = re.compile(rf"\b{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b")
_YEAR_ALONE = re.compile(
    r"^(?:in|since|during|by|until|before|after|through)?\s*(?P<year>(?:18|19|20)\d\d)$"
)
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<day>[a-z]+day)\b")


def is_day(p: Parse, i: int) -> bool:
    """Whether token ``i`` heads a named day: a DATE/TIME entity, "Thursday", "today"."""
    if p.ent_label[i] in TIME_LABELS or p.lower[i].rstrip(".") in DAY_WORDS:
        return True
    # "February 15, 2021" headed by its day number.
    return p.pos[i] == "NUM" and any(_is_month(p, k) for k in (*p.children[i], i - 1) if k >= 0)


def _is_month(p: Parse, i: int) -> bool:
    return p.lower[i].rstrip(".") in MONTH_NUMBERS and p.words[i][:1].isupper()


def is_time(p: Parse, i: int, prep: str = "") -> bool:
    """Whether the phrase headed by token ``i`` (marked by ``prep``) is a time expression."""
    if is_day(p, i):
        return True
    word = p.lower[i].rstrip(".")
    if prep not in TIME_PREPS:
        return False
    if p.pos[i] == "NUM" and word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100:
        return prep != ""  # "in 2021", "since 2014"
    # A month needs its capital ("in March", not "the march"); "may" is too often the modal.
    return p.lemma[i] in TIME_NOUNS or _is_month(p, i)


def time_span(p: Parse, i: int) -> tuple[int, int]:
    """Token bounds [start, end] of the time phrase headed by ``i``: its DATE entity if any."""
    span = p.ent_span[i]
    if span is not None and p.ent_label[i] in TIME_LABELS:
        return span[0], span[1] - 1
    return p.phrase(i, cut=TIME_CUT)


def resolve(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar day ``text`` names, or None when it names none or cannot be placed."""
    folded = text.casefold().replace("\u2019", "'")
    for pattern in _PATTERNS:
        found = pattern.search(folded)
        if found is None:
            continue
        groups = found.groupdict()
        month = int(groups["mm"]) if groups.get("mm") else MONTH_NUMBERS.get(groups["month"])
        year = int(groups["year"]) if groups.get("year") else published and published.year
        if month is None or not year:
            continue
        try:
            return dt.date(year, month, int(groups["day"]))
        except ValueError:
            return None
    if published is None:
        return None
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", folded):
            return published + dt.timedelta(days=offset)
    found = _DAYS_AGO.search(folded)
    if found is not None:
        n = found["n"]
        return published - dt.timedelta(days=int(n) if n.isdigit() else DAYS_AGO_COUNTS[n])
    found = _WEEKDAY.search(folded)
    if found is not None and found["day"] in WEEKDAY_NUMBERS:
        return _weekday(WEEKDAY_NUMBERS[found["day"]], found["which"], published)
    return None


def _weekday(day: int, which: str | None, published: dt.date) -> dt.date:
    """ "Thursday": the last Thursday on or before publication; "next Thursday": after it."""
    if which == "next":
        return published + dt.timedelta(days=(day - published.weekday()) % 7 or 7)
    back = (published.weekday() - day) % 7
    if which == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def resolve_period(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the week, month or year ``text`` names, if it names one.

    "last week" (Monday to Sunday), "earlier this month" (up to publication), "next year",
    "in March" (of the publication year), "in 2021"; None for a single day or no period.
    """
    folded = text.casefold().strip()
    found = _YEAR_ALONE.match(folded)
    if found is not None:
        year = int(found["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    found = next((m for m in _MONTH_ALONE.finditer(folded) if m["month"] in MONTH_NUMBERS), None)
    if found is not None and not re.search(r"\d", folded[: found.start()]):
        month_year = (
            int(found["year"]) if found["year"] else (published.year if published else None)
        )
        if not month_year or re.search(r"\d", folded[found.end() :]):
            return None
        return _month(month_year, MONTH_NUMBERS[found["month"]])
    found = _RELATIVE_PERIOD.search(folded)
    if found is None or published is None:
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[found["which"]]
    unit = found["unit"]
    if found["which"] == "past":  # "the past week": the days up to publication
        days = {"week": 7, "weekend": 7, "month": 30, "year": 365}[unit]
        return published - dt.timedelta(days=days), published
    if unit == "year":
        first, last = dt.date(published.year + step, 1, 1), dt.date(published.year + step, 12, 31)
    elif unit == "month":
        month = published.month - 1 + step
        first, last = _month(published.year + month // 12, month % 12 + 1)
    else:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        first, last = monday, monday + dt.timedelta(days=6)
        if unit == "weekend":
            first = monday + dt.timedelta(days=5)
    if found["part"] == "earlier" and step == 0:
        last = min(last, published)
    elif found["part"] == "later" and step == 0:
        first = max(first, published)
    return first, last


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)
