"""Token patterns for dates, times and numbers: step 4 of ``kg_entity_rules``.

DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY, built from the word lists below.
The matcher runs only on short windows around the words the patterns are made of.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# fmt: off
# Months are matched case-sensitively: "may" is never a date.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
                       "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
LONE_MONTHS = ("January", "February", "July", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PERIODS = ("week", "weekend", "month", "year", "summer", "winter", "spring", "autumn", "fall",
           "quarter", "decade", "century")
DURATIONS = ("day", "week", "month", "year", "decade")
DAY_PARTS = ("morning", "afternoon", "evening", "night")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = ("hundred", "thousand", "million", "billion", "trillion")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "fifteenth", "twentieth", "hundredth")
CURRENCY_SYMBOLS = ("$", "US$", "€", "£", "¥", "₹", "A$", "C$")
CURRENCIES = ("dollars", "dollar", "euros", "euro", "cents", "yen", "yuan", "rupees", "dinars",
              "riyals", "rubles", "roubles", "pesos", "francs", "lira", "shekels")
MEASURES = ("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
            "meters", "metre", "meter", "cm", "mm", "feet", "foot", "ft", "inches", "yards", "kg",
            "kilograms", "grams", "tons", "tonnes", "ton", "tonne", "pounds", "lbs", "litres",
            "liters", "gallons", "barrels", "acres", "hectares", "degrees", "mph", "knots",
            "megawatts", "mw", "gw")
# Prepositions a pattern needs as context but leaves out of the entity ("in 2021" -> "2021").
CUES = frozenset((
    "in", "since", "by", "of", "until", "till", "from", "before", "after", "during", "through"
))
NOT_ONE = frozenset({"no", "the", "any", "every", "each", "this", "that"})  # "no one"
NUMBER_RE = r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"
YEAR_RE = r"^(1[89]|20)\d\d$"
DAY_RE = r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
HOUR_RE = r"^([1-9]|1[0-2])([:.][0-5]\d)?$"
# The words the patterns are made of; the matcher runs only near them, to stay cheap.
TRIGGERS = frozenset(
    word.lower()
    for words in (MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, PERIODS, DURATIONS, DAY_PARTS, UNITS,
                  TEENS, TENS, SCALES, ORDINALS)
    for word in words
) | {f"{duration}s" for duration in DURATIONS} | {
    "today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "dozens", "hundreds",
    "thousands", "millions",
}
# fmt: on


def pattern_matcher(vocab: Vocab) -> Matcher:
    """A ``Matcher`` holding ``build_patterns()``, its match ids the labels."""
    matcher = Matcher(vocab)
    for label, label_patterns in build_patterns().items():
        matcher.add(label, label_patterns)
    return matcher


def find_patterns(matcher: Matcher, doc: Doc) -> list[Span]:
    """The kept matches of ``pattern_matcher()``, without their leading prepositions."""
    return [
        Span(doc, _skip_cues(doc, match.start, match.end), match.end, label=match.label)
        for window in _windows(doc)
        for match in matcher(window, as_spans=True)
        if keep_match(doc, match.label_, match.start, match.end)
    ]


def build_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Matcher patterns by label, built from the word lists above."""

    def word(*words: str, op: str = "") -> dict[str, Any]:
        return {"LOWER": {"IN": list(words)}, **({"OP": op} if op else {})}

    def text(regex: str) -> dict[str, Any]:
        return {"TEXT": {"REGEX": regex}}

    # fmt: off
    month, day, year = {"ORTH": {"IN": MONTHS + MONTH_ABBREVIATIONS}}, text(DAY_RE), text(YEAR_RE)
    comma, hyphen, the = {"ORTH": ",", "OP": "?"}, {"ORTH": "-"}, word("the", op="?")
    weekday, scale = {"ORTH": {"IN": WEEKDAYS}}, word(*SCALES, op="*")
    symbol = {"ORTH": {"IN": CURRENCY_SYMBOLS}}
    small = [word(*UNITS, *TEENS, *TENS)]
    compound = [word(*TENS), hyphen, word(*UNITS)]  # "twenty-five"
    numbers = [[text(NUMBER_RE), scale], [*small, scale], [*compound, scale]]
    durations = word(*DURATIONS, *(f"{duration}s" for duration in DURATIONS))
    return {
        "DATE": [
            [month, day, comma, year], [month, day], [day, month, year], [day, month],
            [month, year], [weekday, {"ORTH": ","}, month, day, comma, year],
            [word(*CUES), year], [word(*CUES), month], [{"ORTH": {"IN": LONE_MONTHS}}],
            [the, word(*ORDINALS), word("of"), month],  # "the first of May"
            [weekday], [word("today", "yesterday", "tomorrow")],
            [word("earlier", "later", op="?"), word("this", "last", "next", "past"),
             word(*PERIODS)],
            [the, word("coming", "past", "last", "next", "previous", "following"),
             word("few", "several", *UNITS, *TEENS, op="?"), durations],  # "the coming months"
            *[[*number, durations, word("ago", op="?")] for number in numbers],
            [word("a", "an"), durations, word("ago", op="?")],
            [text(r"^\d+$"), hyphen, durations], [*small, hyphen, durations],  # "two-day"
            [text(r"^(1[89]|20)\d0s$")], [the, word(*ORDINALS), word("century")],
        ],
        "TIME": [
            [text(HOUR_RE), word("a.m.", "p.m.", "am", "pm", "a.m", "p.m")],
            [text(r"^([01]?\d|2[0-3]):[0-5]\d$")],
            [text(r"^([1-9]|1[0-2])([:.][0-5]\d)?(am|pm|a\.m\.|p\.m\.)$")],
            [word("tonight", "noon", "midnight")],
            [word("this", "last", "yesterday", "tomorrow"), word(*DAY_PARTS)],
            [weekday, word(*DAY_PARTS)], [word("the"), word(*DAY_PARTS), word("before", "after")],
        ],
        "CARDINAL": [*numbers, [word("dozens", "hundreds", "thousands", "millions")]],
        "ORDINAL": [[word(*ORDINALS)], [text(r"^\d+(st|nd|rd|th)$")]],
        "MONEY": [
            *[[symbol, *number] for number in numbers],
            [symbol, text(r"^\d+(\.\d+)?(bn|m|k|tn)$")],  # "£3bn"
            *[[*number, word(*CURRENCIES)] for number in numbers],
        ],
        "PERCENT": [
            *[[*number, {"ORTH": "%"}] for number in numbers],
            *[[*number, word("percent", "pct")] for number in numbers],
            *[[*number, word("per"), word("cent")] for number in numbers],
        ],
        "QUANTITY": [[*number, word("square", op="?"), word(*MEASURES)] for number in numbers],
    }
    # fmt: on


def keep_match(doc: Doc, label: str, start: int, end: int) -> bool:
    """Drop the pattern matches that are not what they seem."""
    if label != "CARDINAL" or end - start != 1:
        return True
    token = doc[start]
    if re.match(YEAR_RE, token.text):
        return False  # a year without a month or a preposition: leave it alone
    if token.lower_ == "one":  # "no one", "the one who", "one another"
        after = doc[end].lower_ if end < len(doc) else ""
        return (start == 0 or doc[start - 1].lower_ not in NOT_ONE) and after != "another"
    return True


def _skip_cues(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in CUES:
        start += 1
    return start


def _windows(doc: Doc) -> list[Span]:
    """The stretches of a doc around the words dates and numbers are made of."""
    bounds: list[list[int]] = []
    for i, token in enumerate(doc):
        if token.text[0].isdigit() or token.lower_ in TRIGGERS or token.is_currency:
            start, end = max(0, i - 3), min(len(doc), i + 7)
            if bounds and start <= bounds[-1][1]:
                bounds[-1][1] = end
            else:
                bounds.append([start, end])
    return [doc[start:end] for start, end in bounds]
