"""Numbers and dates: values, kinds, units, and days resolved against publication."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_table import build, document

from kg.extract import extract
from kg.extract.dates import resolve, resolve_period
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
        ("this week", WEDNESDAY, None),  # a period, not a day: see below
        ("two days ago", WEDNESDAY, dt.date(2021, 2, 15)),
        ("3 days ago", WEDNESDAY, dt.date(2021, 2, 14)),
        ("Thursday", None, None),
        ("February 30, 2021", None, None),
    ],
)
def test_resolve_dates(text: str, published: dt.date | None, day: dt.date | None) -> None:
    assert resolve(text, published) == day


def days(first: str, last: str) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # Weeks run Monday to Sunday; WEDNESDAY is 2021-02-17.
        ("last week", WEDNESDAY, days("2021-02-08", "2021-02-14")),
        ("this week", WEDNESDAY, days("2021-02-15", "2021-02-21")),
        ("earlier this week", WEDNESDAY, days("2021-02-15", "2021-02-17")),
        ("later this week", WEDNESDAY, days("2021-02-17", "2021-02-21")),
        ("next week", WEDNESDAY, days("2021-02-22", "2021-02-28")),
        ("last weekend", WEDNESDAY, days("2021-02-13", "2021-02-14")),
        ("the past week", WEDNESDAY, days("2021-02-10", "2021-02-17")),
        ("last month", WEDNESDAY, days("2021-01-01", "2021-01-31")),
        ("last month", dt.date(2021, 1, 10), days("2020-12-01", "2020-12-31")),
        ("next month", dt.date(2021, 12, 10), days("2022-01-01", "2022-01-31")),
        ("this month", WEDNESDAY, days("2021-02-01", "2021-02-28")),
        ("last year", WEDNESDAY, days("2020-01-01", "2020-12-31")),
        ("in March", WEDNESDAY, days("2021-03-01", "2021-03-31")),
        ("during March", WEDNESDAY, days("2021-03-01", "2021-03-31")),
        ("March 2020", None, days("2020-03-01", "2020-03-31")),
        ("in 2019", None, days("2019-01-01", "2019-12-31")),
        # Without a publication date only absolute periods resolve.
        ("last week", None, None),
        ("in March", None, None),
        # Days and other words are no period.
        ("March 3", WEDNESDAY, None),
        ("the week", WEDNESDAY, None),
        ("last decade", WEDNESDAY, None),
    ],
)
def test_resolve_periods(
    text: str, published: dt.date | None, period: tuple[dt.date, dt.date] | None
) -> None:
    assert resolve_period(text, published) == period


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
