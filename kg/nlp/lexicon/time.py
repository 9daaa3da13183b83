"""Words of time: month and day names, time nouns and the prepositions before them."""

from __future__ import annotations

# Weekday names and abbreviations, lower case → 0 (Monday) .. 6.
WEEKDAY_NUMBERS = {
    name: k
    for k, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
# Month names and abbreviations, lower case → 1 .. 12.
MONTH_NUMBERS = {
    name: k
    for k, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Days named relative to the publication date → their offset in days.
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# Time words that attach as adverbs: "said today".
TIME_ADVERBS = frozenset(RELATIVE_DAYS)
# Day names: time expressions whatever their preposition (abbreviations like "sun" are not).
DAY_WORDS = frozenset(w for w in WEEKDAY_NUMBERS if w.endswith("day")) | TIME_ADVERBS
TIME_NOUNS = frozenset(
    {
        "week",
        "month",
        "year",
        "day",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "hour",
        "decade",
        "century",
        "season",
        "quarter",
        "time",
        "period",
        "moment",
        "spring",
        "summer",
        "autumn",
        "winter",
    }
)
# Prepositions that make a time noun a time adverbial ("" is a bare noun: "Thursday").
TIME_PREPS = frozenset(
    {
        "",
        "on",
        "in",
        "at",
        "during",
        "since",
        "until",
        "till",
        "before",
        "after",
        "by",
        "through",
        "throughout",
        "within",
        "over",
        "earlier",
        "later",
        "ago",
    }
)

# Prepositions that put a meeting in time, so that its name is the meeting's: "during the
# Munich Security Conference"; "before" only after a time noun ("a week before the Forum"),
# since one appears "before" a body too.
MEETING_TIME_PREPS = frozenset({"during", "after", "since", "until", "throughout"})

# -- as written, for the date and time patterns of kg_entity_rules -------------------------

# fmt: off
# Months are matched case-sensitively: "may" is never a date.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
                       "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec")
# Months that are a date alone ("in January"): not those that are also words or names (May).
LONE_MONTHS = ("January", "February", "July", "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PERIODS = ("week", "weekend", "month", "year", "summer", "winter", "spring", "autumn", "fall",
           "quarter", "decade", "century")
DURATIONS = ("day", "week", "month", "year", "decade")
DAY_PARTS = ("morning", "afternoon", "evening", "night")
# fmt: on
