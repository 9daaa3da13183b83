"""Numbers and dates: values, kinds, units, and days resolved against publication."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_table import build, document

from kg.extract import extract
from kg.extract.dates import resolve
from kg.extract.quantities import number
from kg.records import Argument

WEDNESDAY = dt.date(2021, 2, 17)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("4,000", 4000),
        ("2.5", 2.5),
        ("500", 500),
        ("eight", 8),
        ("Nine", 9),
        ("twenty-five", 25),
        ("$5", 5),
        ("troops", None),
        ("", None),
    ],
)
def test_number_words(word: str, value: float | None) -> None:
    assert number(word) == value


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("February 17, 2021", None, dt.date(2021, 2, 17)),
        ("Feb. 16, 2021", None, dt.date(2021, 2, 16)),
        ("17 February 2021", None, dt.date(2021, 2, 17)),
        ("2021-02-17", None, dt.date(2021, 2, 17)),
        ("May 1", WEDNESDAY, dt.date(2021, 5, 1)),
        ("May 1", None, None),  # no year to put it in
        ("Thursday", WEDNESDAY, dt.date(2021, 2, 11)),  # on or before publication
        ("on Thursday", dt.date(2021, 2, 19), dt.date(2021, 2, 18)),
        ("Wednesday", WEDNESDAY, WEDNESDAY),
        ("last Wednesday", WEDNESDAY, dt.date(2021, 2, 10)),
        ("next Monday", WEDNESDAY, dt.date(2021, 2, 22)),
        ("Monday’s", WEDNESDAY, dt.date(2021, 2, 15)),
        ("today", WEDNESDAY, WEDNESDAY),
        ("yesterday", WEDNESDAY, dt.date(2021, 2, 16)),
        ("this week", WEDNESDAY, None),
        ("Thursday", None, None),
        ("February 30, 2021", None, None),
    ],
)
def test_resolve_dates(text: str, published: dt.date | None, day: dt.date | None) -> None:
    assert resolve(text, published) == day


def arguments(table: str) -> list[Argument]:
    doc = build(table)
    x = extract(doc, document(doc, WEDNESDAY))
    return [a for e in x.events for a in e.arguments]


def test_money_is_typed_with_its_currency():
    found = arguments(
        """
        The        3 det      DET
        State      3 compound PROPN _ ORG
        Department 4 nsubj    PROPN _ ORG
        pledged    0 root     VERB  pledge
        $          4 obj      SYM
        5          7 compound NUM
        million    5 nummod   NUM
        .          4 punct    PUNCT
        """
    )
    theme = next(a for a in found if a.role == "theme")
    assert theme.text == "$5 million"
    assert theme.quantity is not None
    assert (theme.quantity.kind, theme.quantity.value, theme.quantity.unit) == ("money", 5e6, "USD")


def test_percent_is_typed_and_the_changing_subject_is_the_theme():
    found = arguments(
        """
        Attacks  2 nsubj  NOUN attack
        rose     0 root   VERB rise
        by       5 case   ADP
        20       5 nummod NUM
        percent  2 obl    NOUN
        .        2 punct  PUNCT
        """
    )
    assert [(a.role, a.text) for a in found] == [("theme", "Attacks"), ("by", "20 percent")]
    quantity = found[1].quantity
    assert quantity is not None
    assert (quantity.kind, quantity.value, quantity.unit) == ("percent", 20, "%")


def test_years_and_days_are_times_not_counts():
    found = arguments(
        """
        Troops  2 nsubj  NOUN troop
        left    0 root   VERB leave
        in      4 case   ADP
        2021    2 obl    NUM
        .       2 punct  PUNCT
        """
    )
    assert [(a.role, a.text, a.quantity) for a in found] == [
        ("agent", "Troops", None),
        ("time", "2021", None),
    ]


def test_approximate_count_words():
    found = arguments(
        """
        some    2 advmod ADV
        nine    3 nummod NUM
        others  5 nsubj:pass NOUN other
        were    5 aux:pass AUX be
        injured 0 root   VERB injure tag=VBN
        .       5 punct  PUNCT
        """
    )
    (theme,) = found
    assert theme.quantity is not None
    assert (theme.quantity.value, theme.quantity.approximate, theme.quantity.text) == (
        9,
        True,
        "some nine others",
    )
