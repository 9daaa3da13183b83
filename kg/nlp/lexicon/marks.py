"""Punctuation: dashes, quotation marks, apostrophes, sentence ends."""

from __future__ import annotations

# Unicode dashes and minus signs, folded to "-" in names.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
HYPHENS = frozenset({"-", "–", "—"})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})
# The mark that joins two names inside a firm's or a body's: "Procter & Gamble".
AMPERSANDS = frozenset({"&", "\uff06"})
# Words and marks between a naming participle and the name: "known as the “X”".
BEFORE_NAMED = frozenset({"as", "the", '"', "\u201c", "'", "\u2018"})
# Separators of a photo credit line: "Safin Hamed | AFP | Getty Images".
CREDIT_SEPARATORS = frozenset({"|", "/"})

# Quotation marks as characters, for finding quotes in the text: double ones, and the
# typographic ones by side.
DOUBLE_QUOTE_MARKS = frozenset('\u201c\u201d\u00ab\u00bb\u201e"')
OPENING_QUOTE_MARKS = frozenset("\u201c\u00ab\u201e\u2018")
CLOSING_QUOTE_MARKS = frozenset("\u201d\u00bb\u2019")
# Quotation marks as tokens: those that may open a quoted name, the straight ones too.
OPENING_QUOTES = OPENING_QUOTE_MARKS | {'"', "'"}
# Characters after which a straight quote opens rather than closes.
QUOTE_OPENS_AFTER = frozenset(" \t\n([{\u2014\u2013-")
# Words and marks between a name and "also called" that do not count: "NATO (the ...".
ALSO_CALLED_SKIPPED = frozenset({"the", ",", "(", ")", "\u201c", "\u201d", '"'})
# Marks that close a name in apposition: "her band, The Harbour Lights." or "…Lights, who".
APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "!", "?"})
# The dash of a score a tokenizer splits: "91", "-", "86".
SCORE_DASHES = frozenset({"-", "–"})
