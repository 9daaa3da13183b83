"""Token patterns for dates, times and numbers: step 4 of ``kg_entity_rules`` (``apply_patterns``).

DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY, built from the word lists of
``kg.nlp.lexicon.time`` and ``kg.nlp.lexicon.numbers``.
The matcher runs only on short windows around the words the patterns are made of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import IS_CURRENCY, LOWER, ORTH, SHAPE
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.nlp.entity_spans import Ent, owners, positions, values
from kg.nlp.lexicon.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGIT_WORDS,
    MEASURES,
    NOT_ONE,
    ORDINAL_WORDS,
    PATTERN_TRIGGERS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
)
from kg.nlp.lexicon.time import (
    DAY_PARTS,
    DURATIONS,
    LONE_MONTHS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    PERIODS,
    WEEKDAY_NAMES,
)
from kg.nlp.lexicon.words import PATTERN_CUES

NUMBER_RE = r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"
YEAR_RE = r"^(1[89]|20)\d\d$"
DAY_RE = r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
HOUR_RE = r"^([1-9]|1[0-2])([:.][0-5]\d)?$"

_LONG = get_string_id("LONG")  # the shape spaCy gives a word of 100 characters or more


def pattern_matcher(vocab: Vocab) -> Matcher:
    """A ``Matcher`` holding ``build_patterns()``, its match ids the labels."""
    matcher = Matcher(vocab)
    for label, label_patterns in build_patterns().items():
        matcher.add(label, label_patterns)
    return matcher


def apply_patterns(
    doc: Doc, ents: list[Ent], matcher: Matcher, *, tidy: Callable[[Doc, Ent], Ent | None]
) -> list[Ent]:
    """Add pattern matches where no entity is, or where they show the NER was wrong; what is
    left of an entity beside a match is ``tidy``'s."""
    owner_of = owners(doc, ents)
    kept: list[Ent | None] = list(ents)
    added = []
    for span in filter_spans(find_patterns(matcher, doc)):
        hit = {i: ent for i in set(owner_of[span.start : span.end]) if i >= 0 and (ent := kept[i])}
        if all(_yields(ent, span) for ent in hit.values()):
            for i, ent in hit.items():
                kept[i] = _outside(doc, ent, span, tidy)
            added.append(Ent(span.start, span.end, span.label_))
    return [ent for ent in kept if ent is not None] + added


def _yields(ent: Ent, span: Span) -> bool:
    """Whether a statistical entity gives way to a date or number pattern.

    It does when the pattern covers it ("Thursday" as ORG) or crosses its edge
    ("Defense Ministerial February 17" as ORG, then ", 2021"); not when it is a person
    ("Tuesday Weld") or holds the whole pattern ("Highway 61").
    """
    holds = ent.start <= span.start and span.end <= ent.end
    same = (ent.start, ent.end) == (span.start, span.end)
    return ent.label != "PERSON" and (same or not holds)


def _outside(doc: Doc, ent: Ent, span: Span, tidy: Callable[[Doc, Ent], Ent | None]) -> Ent | None:
    """What is left of an entity once a date or number takes its overlap."""
    if ent.start < span.start:
        return tidy(doc, Ent(ent.start, span.start, ent.label))
    if span.end < ent.end:
        return tidy(doc, Ent(span.end, ent.end, ent.label))
    return None


def find_patterns(matcher: Matcher, doc: Doc) -> list[Span]:
    """The kept matches of ``pattern_matcher()``, without their leading prepositions."""
    return [
        Span(doc, _skip_cues(doc, match.start, match.end), match.end, label=match.label)
        for window in _windows(doc)
        for match in matcher(window, as_spans=True)
        if keep_match(doc, match.label_, match.start, match.end)
    ]


def build_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Matcher patterns by label, built from the lexicon's word lists."""

    def word(*words: str, op: str = "") -> dict[str, Any]:
        return {"LOWER": {"IN": list(words)}, **({"OP": op} if op else {})}

    def text(regex: str) -> dict[str, Any]:
        return {"TEXT": {"REGEX": regex}}

    # fmt: off
    month = {"ORTH": {"IN": MONTH_NAMES + MONTH_ABBREVIATIONS}}
    day, year = text(DAY_RE), text(YEAR_RE)
    comma, hyphen, the = {"ORTH": ",", "OP": "?"}, {"ORTH": "-"}, word("the", op="?")
    weekday, scale = {"ORTH": {"IN": WEEKDAY_NAMES}}, word(*SCALE_WORDS, op="*")
    symbol = {"ORTH": {"IN": CURRENCY_SYMBOLS}}
    small = [word(*DIGIT_WORDS, *TEEN_WORDS, *TENS_WORDS)]
    compound = [word(*TENS_WORDS), hyphen, word(*DIGIT_WORDS)]  # "twenty-five"
    numbers = [[text(NUMBER_RE), scale], [*small, scale], [*compound, scale]]
    durations = word(*DURATIONS, *(f"{duration}s" for duration in DURATIONS))
    return {
        "DATE": [
            [month, day, comma, year], [month, day], [day, month, year], [day, month],
            [month, year], [weekday, {"ORTH": ","}, month, day, comma, year],
            [word(*PATTERN_CUES), year], [word(*PATTERN_CUES), month],
            [{"ORTH": {"IN": LONE_MONTHS}}],
            [the, word(*ORDINAL_WORDS), word("of"), month],  # "the first of May"
            [weekday], [word("today", "yesterday", "tomorrow")],
            [word("earlier", "later", op="?"), word("this", "last", "next", "past"),
             word(*PERIODS)],
            [the, word("coming", "past", "last", "next", "previous", "following"),
             word("few", "several", *DIGIT_WORDS, *TEEN_WORDS, op="?"),
             durations],  # "the coming months"
            *[[*number, durations, word("ago", op="?")] for number in numbers],
            [word("a", "an"), durations, word("ago", op="?")],
            [text(r"^\d+$"), hyphen, durations], [*small, hyphen, durations],  # "two-day"
            [text(r"^(1[89]|20)\d0s$")], [the, word(*ORDINAL_WORDS), word("century")],
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
        "ORDINAL": [[word(*ORDINAL_WORDS)], [text(r"^\d+(st|nd|rd|th)$")]],
        "MONEY": [
            *[[symbol, *number] for number in numbers],
            [symbol, text(r"^\d+(\.\d+)?(bn|m|k|tn)$")],  # "£3bn"
            *[[*number, word(*CURRENCY_WORDS)] for number in numbers],
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
    while start < end - 1 and doc[start].lower_ in PATTERN_CUES:
        start += 1
    return start


def _windows(doc: Doc) -> list[Span]:
    """The stretches of a doc around the words dates and numbers are made of."""
    strings = doc.vocab.strings
    shapes, currencies = values(doc, SHAPE), values(doc, IS_CURRENCY)
    # A word's shape writes a leading digit "d" (and is "LONG" for 100 characters or more):
    # the shapes are fewer than the words to look up.
    digit_shapes = {shape for shape in set(shapes) if strings[shape][:1] == "d" or shape == _LONG}
    found = set(positions(doc, LOWER, PATTERN_TRIGGERS))
    if digit_shapes or any(currencies):
        orths = values(doc, ORTH)
        found.update(
            i
            for i, (shape, currency) in enumerate(zip(shapes, currencies, strict=True))
            if currency or (shape in digit_shapes and strings[orths[i]][0].isdigit())
        )
    bounds: list[list[int]] = []
    for i in sorted(found):
        start, end = max(0, i - 3), min(len(doc), i + 7)
        if bounds and start <= bounds[-1][1]:
            bounds[-1][1] = end
        else:
            bounds.append([start, end])
    return [doc[start:end] for start, end in bounds]
