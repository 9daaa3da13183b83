"""Number words, scales, currencies and units."""

from __future__ import annotations

from kg.nlp.lexicon.time import (
    DAY_PARTS,
    DURATIONS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    PERIODS,
    WEEKDAY_NAMES,
)

# Number words → their value.
NUMBER_WORD_VALUES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
# The words that count days in "three days ago" → their value.
DAYS_AGO_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
DAYS_AGO_COUNTS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Scale words and abbreviations → their value: "2.5 million", "$3bn".
SCALE_VALUES = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "k": 1e3,
}
APPROXIMATORS = frozenset(
    {
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
        "roughly",
        "some",
        "over",
        "more",
        "less",
        "fewer",
        "estimated",
        "circa",
        "up",
        "least",
        "~",
        "than",
        "under",
        "close",
        "upwards",
    }
)
# Currency symbols and names → ISO 4217 code.
CURRENCY_CODES = {
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "€": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "¥": "JPY",
    "yen": "JPY",
}
PERCENT_WORDS = frozenset({"%", "percent", "pct", "per cent"})
# Counted words that are not units: "eight others", "nine more".
NOT_UNITS = frozenset({"other", "one", "more", "of"})

# -- as written, for the number patterns of kg_entity_rules --------------------------------

# fmt: off
DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "fifteenth", "twentieth", "hundredth")
CURRENCY_SYMBOLS = ("$", "US$", "€", "£", "¥", "₹", "A$", "C$")
# Currency names, singular and plural.
CURRENCY_WORDS = ("dollars", "dollar", "euros", "euro", "cents", "yen", "yuan", "rupees",
                  "dinars", "riyals", "rubles", "roubles", "pesos", "francs", "lira", "shekels")
MEASURES = ("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
            "meters", "metre", "meter", "cm", "mm", "feet", "foot", "ft", "inches", "yards", "kg",
            "kilograms", "grams", "tons", "tonnes", "ton", "tonne", "pounds", "lbs", "litres",
            "liters", "gallons", "barrels", "acres", "hectares", "degrees", "mph", "knots",
            "megawatts", "mw", "gw")
# Words before "one" that make it a pronoun, not a number: "no one".
NOT_ONE = frozenset({"no", "the", "any", "every", "each", "this", "that"})
# The words the date and number patterns are made of; the matcher runs only near them.
PATTERN_TRIGGERS = frozenset(
    word.lower()
    for words in (MONTH_NAMES, MONTH_ABBREVIATIONS, WEEKDAY_NAMES, PERIODS, DURATIONS, DAY_PARTS,
                  DIGIT_WORDS, TEEN_WORDS, TENS_WORDS, SCALE_WORDS, ORDINAL_WORDS)
    for word in words
) | {f"{duration}s" for duration in DURATIONS} | {
    "today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "dozens", "hundreds",
    "thousands", "millions",
}
# fmt: on
