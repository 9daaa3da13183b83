"""Numbers as the text states them: counts, changes ("from 500 to 4,000"), money, percent."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import NUMMODS
from kg.nlp.lexicon.labels import NUMBER_LABELS_SKIPPED
from kg.nlp.lexicon.numbers import (
    APPROXIMATORS,
    CURRENCY_CODES,
    NOT_UNITS,
    NUMBER_WORD_VALUES,
    PERCENT_WORDS,
    SCALE_VALUES,
)
from kg.nlp.lexicon.time import MONTH_NUMBERS, WEEKDAY_NUMBERS
from kg.records import Quantity

_DIGITS = re.compile(r"^[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?%?$")


def number(word: str) -> float | None:
    """The value of one number word: "4,000", "2.5", "eight", "twenty-five"."""
    word = word.lower()
    found = _DIGITS.match(word)
    if found:
        return float(found.group(1).replace(",", "") + (found.group(2) or ""))
    if word in NUMBER_WORD_VALUES:
        return float(NUMBER_WORD_VALUES[word])
    if "-" in word:
        parts = [NUMBER_WORD_VALUES.get(w) for w in word.split("-")]
        if len(parts) == 2 and all(v is not None for v in parts):
            return float(sum(v for v in parts if v is not None))
    return None


def number_at(p: Parse, i: int) -> tuple[float, int, int] | None:
    """(value, first token, last token) of the number starting at ``i``: "2.5 million"."""
    if p.ent_label[i] in NUMBER_LABELS_SKIPPED or (
        p.pos[i] != "NUM" and number(p.words[i]) is None
    ):
        return None
    value = number(p.words[i])
    if value is None:
        return None
    end = i
    while end + 1 < p.n and (p.lower[end + 1] in SCALE_VALUES or p.lemma[end + 1] in SCALE_VALUES):
        end += 1
        value *= SCALE_VALUES.get(p.lower[end], SCALE_VALUES.get(p.lemma[end], 1))
    if end == i and _is_year_or_day(p, i):
        return None
    return value, i, end


def _is_year_or_day(p: Parse, i: int) -> bool:
    """A number that is part of a date: "February 17", "17 February", ", 2021"."""
    before = p.lower[i - 1].rstrip(".") if i else ""
    after = p.lower[i + 1].rstrip(".") if i + 1 < p.n else ""
    head = p.lower[p.head[i]].rstrip(".")
    return any(w in MONTH_NUMBERS or w in WEEKDAY_NUMBERS for w in (before, after, head)) or (
        before == "," and i >= 2 and p.pos[i - 2] == "NUM" and len(p.words[i]) == 4
    )


def _approximate(p: Parse, start: int) -> tuple[bool, int]:
    """Whether approximators ("around", "more than") precede ``start``, and where they begin."""
    k = start
    while k > 0 and p.lower[k - 1] in APPROXIMATORS:
        k -= 1
    return k < start, k


def _kind_and_unit(p: Parse, first: int, noun: int | None) -> tuple[str, str | None]:
    """Money, percent or count, from a currency sign before the number or the counted noun."""
    if first and p.lower[first - 1] in CURRENCY_CODES:
        return "money", CURRENCY_CODES[p.lower[first - 1]]
    if p.words[first][:1] in "$€£¥":
        return "money", CURRENCY_CODES[p.words[first][0]]
    if p.words[first].endswith("%"):
        return "percent", "%"
    if noun is None:
        return "count", None
    if p.lower[noun] in PERCENT_WORDS or p.lemma[noun] in PERCENT_WORDS:
        return "percent", "%"
    if p.lemma[noun] in CURRENCY_CODES or p.lower[noun] in CURRENCY_CODES:
        return "money", CURRENCY_CODES.get(p.lemma[noun], CURRENCY_CODES.get(p.lower[noun]))
    if p.ent_label[noun] == "MONEY":
        return "money", None
    return "count", None if p.lemma[noun] in NOT_UNITS else p.lemma[noun]


def of_phrase(p: Parse, i: int) -> Quantity | None:
    """The quantity a noun phrase headed by ``i`` states: "2,500 troops", "eight others"."""
    if p.pos[i] == "NUM" or number(p.words[i]) is not None:
        found = number_at(p, i)
        noun = None
    else:
        # The number precedes its noun, except after a currency sign: "$ 5 million".
        sign = p.lower[i] in CURRENCY_CODES
        nums = [c for c in p.children[i] if p.dep[c] in NUMMODS and (c > i) == sign]
        found = _number_within(p, p.left[nums[0]], nums[0] + 1) if nums else None
        noun = i
    if found is None:
        return None
    value, first, last = found
    approximate, start = _approximate(p, first)
    if start and p.lower[start - 1] in CURRENCY_CODES:
        start -= 1
    kind, unit = _kind_and_unit(p, first, noun)
    end = max(last, noun if noun is not None else last)
    text = p.span_text(start, end)
    return Quantity(text=text, value=value, unit=unit, approximate=approximate, kind=kind)


def changes(p: Parse, start: int, end: int) -> Iterator[tuple[int, Quantity, set[int]]]:
    """(anchor token, quantity, tokens it covers) for each "from X to Y" in tokens [start, end).

    The anchor is the token "from" depends on; the caller attaches the quantity to the
    clause above it. Covered tokens are not read again as prepositional arguments.
    """
    # Rule: "from 500 (personnel) to (around) 4,000 (personnel)": a change from low to high.
    for i in range(start, end):
        if p.lower[i] != "from":
            continue
        low = _number_within(p, i + 1, min(i + 3, end))
        if low is None:
            continue
        k = low[2] + 1
        unit = k if k < end and p.pos[k] == "NOUN" else None
        to = next((j for j in range(k, min(k + 3, end)) if p.lower[j] == "to"), None)
        high = _number_within(p, to + 1, min(to + 4, end)) if to is not None else None
        if high is None or to is None:
            continue
        last = high[2]
        if last + 1 < end and p.pos[last + 1] == "NOUN":
            unit = unit or last + 1
            last += 1
        approximate = any(p.lower[j] in APPROXIMATORS for j in range(to + 1, high[1]))
        kind, unit_name = _kind_and_unit(p, low[1], unit)
        quantity = Quantity(
            text=p.span_text(i, last),
            low=low[0],
            high=high[0],
            unit=unit_name,
            approximate=approximate,
            kind="change" if kind == "count" else kind,
        )
        yield p.head[i], quantity, set(range(i, last + 1))


def _number_within(p: Parse, start: int, end: int) -> tuple[float, int, int] | None:
    """The first number in tokens [start, end), skipping approximators and currency signs."""
    for j in range(start, end):
        if p.lower[j] in APPROXIMATORS or p.lower[j] in CURRENCY_CODES:
            continue
        return number_at(p, j)
    return None
