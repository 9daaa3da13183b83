"""Entity rules for named things that are neither people, bodies nor places: laws and
treaties ("the Paris Agreement", "Article 21"), prizes ("the Nobel Prize in Chemistry"),
ships by their prefix ("MV Ever Given") and works by a quoted title ("the novel 'Tide'")."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from kg.nlp.entity_names import in_running_text
from kg.nlp.entity_spans import Ent, Known, owners, positions
from kg.nlp.lexicon.marks import (
    CLOSING_QUOTE_MARKS,
    HYPHENS,
    OPENING_QUOTES,
    POSSESSIVE_ENDINGS,
)
from kg.nlp.lexicon.names import (
    AWARD_NAME_ENDS,
    AWARD_NAME_GOES_ON,
    LAW_NAME_ENDS,
    LAW_NAME_GOES_ON,
    LAW_NAMES_ALONE,
    LEADING_WORDS,
    NAME_INNER_WORDS,
    NUMBERED_LAW_STARTS,
    SHIP_PREFIXES,
    THING_WORDS,
    TITLE_INNER_WORDS,
)
from kg.nlp.lexicon.nouns import PRODUCT_NOUNS, SHIP_NOUNS, WORK_NOUNS
from kg.nlp.lexicon.time import DAY_WORDS, MONTH_NAMES
from kg.nlp.lexicon.verbs import NAMING_PARTICIPLES
from kg.nlp.lexicon.words import ARTICLES

# The most capitalized words of a ship's name after its prefix, or of a quoted title.
SHIP_NAME_WORDS = 3
TITLE_WORDS = 6
YEAR_DIGITS = 4
# The most words between the article and the work's noun in an apposition: "a tense
# courtroom drama".
APPOSED_NOUN_WORDS = 3


def named_things(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Laws, prizes, ships and quoted works, each found from a cheap test on one word.

    Rule: "the Digital Personal Data Protection Act", "the CHIPS and Science Act", "the
    Treaty of Lisbon": capitalized words (with "and", "of" or "for" between two of them)
    ending in a law's word, and "of" (and "the") and the capitalized words after it, are a
    law (LAW); "Article 21" and "the Constitution" too. "the Nobel Prize in Chemistry", "the
    Commonwealth Short Story Prize", "the Palme d'Or": capitalized words ending in a prize's
    word, and "in" or "for" and a capitalized word after it, are a prize (WORK_OF_ART). "the
    tanker MV Ever Given", "HMS Queen Elizabeth": a ship's prefix in capitals and up to
    three capitalized words are the ship (PRODUCT). "the novel 'The Quiet Shore'": a quoted
    title of capitalized words right after a work's noun is the work (WORK_OF_ART). "The
    album, Letters from Kinsale, was", "the ship, the Sea Orchid,": a capitalized name
    between commas right after a work's or a made thing's noun, or after the noun and
    "called" or "named" ("a small rover called Ada"), is the work or the thing, and
    "the container ship Aurora Meridian collided": two or three capitalized words right
    after a ship's noun are the ship; the words around these names typed them (cued). Not where
    a capitalized word goes on after the name ("President Bill Clinton"), nor where an
    entity runs across its edges.
    """
    found = []
    for i in positions(doc, ORTH, THING_WORDS):
        text = doc[i].text
        if text in LAW_NAME_ENDS or text in AWARD_NAME_ENDS:
            found.append(_ended_name(doc, i))
        elif text in NUMBERED_LAW_STARTS:
            found.append(_numbered_law(doc, i))
        elif text in SHIP_PREFIXES:
            found.append(_ship(doc, i))
        elif text in OPENING_QUOTES:
            found.append(_quoted_work(doc, i))
        elif text in WORK_NOUNS or text in PRODUCT_NOUNS:
            found.append(_beside_noun(doc, i, known=known))
    things = [thing for thing in found if thing is not None]
    if not things:
        return ents
    taken = owners(doc, ents)
    kept = []
    for thing in things:
        inner = {ents[k] for k in taken[thing.start : thing.end] if k >= 0}
        if all(thing.start <= e.start and e.end <= thing.end for e in inner):
            kept.append(thing)
    inside = owners(doc, kept)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + kept


def _ended_name(doc: Doc, end: int) -> Ent | None:
    """The law or prize whose name ends at token ``end``, a law's or a prize's word."""
    last = doc[end]
    label = "LAW" if last.text in LAW_NAME_ENDS else "WORK_OF_ART"
    start = end
    while start > 0 and _capitalized(doc[start - 1]) and doc[start - 1].whitespace_:
        start -= 1
        inner = start >= 2 and doc[start - 1].lower_ in NAME_INNER_WORDS
        if inner and _capitalized(doc[start - 2]) and doc[start - 2].whitespace_:
            start -= 1
    if start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_left_punct:
        return None  # "the U.S.-Taliban Agreement": a compound's names stay its own
    stop = end + 1
    goes_on = LAW_NAME_GOES_ON if label == "LAW" else AWARD_NAME_GOES_ON
    if stop + 1 < len(doc) and doc[stop].lower_ in goes_on:
        first = stop + 2 if doc[stop + 1].lower_ == "the" and label == "LAW" else stop + 1
        if label == "LAW":
            k = _law_topic_end(doc, first)
        else:
            k = first
            while k < len(doc) and _capitalized(doc[k]):
                k += 1
        stop = k if k > first else stop
    if stop < len(doc) and _capitalized(doc[stop]) and doc[end].whitespace_:
        return None  # "President Bill Clinton", "the Act Now campaign"
    the = end > 0 and doc[end - 1].lower_ == "the"
    if start == end and stop == end + 1:
        alone = last.text in LAW_NAMES_ALONE and the
        return Ent(end, end + 1, label) if alone else None
    if not in_running_text(doc, end):
        return None  # "US and Russia Reach Agreement on Plan": capitals in a headline name nothing
    if start == end and doc[end + 1].lower_ == "on" and not the:
        return None  # "Bill on Sell Rooney": a name, not "the Law on the State Language"
    return Ent(start, stop, label)


def _law_topic_end(doc: Doc, first: int) -> int:
    """Where the capitalized words of a law's topic from ``first`` end, with "and", "of" or
    "for" ("of the") and tight hyphens between two of them: "Law on" + "the State Language
    and Languages of Communication", "Treaty on the" + "Non-Proliferation of Nuclear
    Weapons"; ``first`` where there is none, or where a date's word starts it ("the Act on
    Monday")."""
    end = k = first
    while k < len(doc) and _capitalized(doc[k]) and not _date_word(doc[k]):
        end = k = k + 1
        tight = not doc[k - 1].whitespace_ and k + 1 < len(doc) and not doc[k].whitespace_
        if tight and doc[k].text in HYPHENS:
            k += 1  # "Non-Proliferation"
        elif k + 1 < len(doc) and doc[k].lower_ in NAME_INNER_WORDS:
            of_the = doc[k].lower_ == "of" and doc[k + 1].lower_ == "the"
            k += 2 if of_the else 1  # "of the Child"; not "and the": another name
    return end


def _date_word(token: Token) -> bool:
    return token.lower_ in DAY_WORDS or token.text in MONTH_NAMES


def _numbered_law(doc: Doc, i: int) -> Ent | None:
    """Rule: "guaranteed by Article 21": a law's part and its number."""
    number = i + 1 < len(doc) and doc[i + 1].is_digit and bool(doc[i].whitespace_)
    return Ent(i, i + 2, "LAW") if number else None


def _ship(doc: Doc, i: int) -> Ent | None:
    """Rule: "the bulk carrier MV Ever Given": a ship's prefix and its capitalized name."""
    k = i + 1
    while k < len(doc) and k - i <= SHIP_NAME_WORDS and doc[k].is_alpha and doc[k].is_title:
        if not doc[k - 1].whitespace_:
            break
        k += 1
    if k > i + 1 and k < len(doc) and _hull_number(doc[k]) and doc[k - 1].whitespace_:
        k += 1  # "MV Shah Paran-3": the last word and its number, hyphened
    return Ent(i, k, "PRODUCT") if k > i + 1 else None


def _hull_number(token: Token) -> bool:
    """A capitalized word and a number joined by a hyphen in one token: "Paran-3"."""
    word, hyphen, number = token.text.rpartition("-")
    return bool(hyphen) and word.isalpha() and word[:1].isupper() and number.isdigit()


def _quoted_work(doc: Doc, i: int) -> Ent | None:
    """Rule: "her novel 'The Quiet Shore'", "'The Weaver's Daughter' (1978), a canvas",
    "went to 'The Salt Road', a drama by": a quoted title of capitalized words (with short
    words in lower case between them), the quote closed, right after a work's noun, right
    before its year in brackets, or before a comma, an article and a work's noun (not
    "'We Will Return', a spokesman said")."""
    k = i + 1
    while k < len(doc) and k - i <= TITLE_WORDS and not _closes(doc[k], doc[i]):
        if not (_capitalized(doc[k]) or doc[k].is_stop or doc[k].text in POSSESSIVE_ENDINGS):
            return None
        k += 1
    if k >= len(doc) or k == i + 1 or not _closes(doc[k], doc[i]) or not doc[i + 1].is_title:
        return None
    noun = i > 0 and doc[i - 1].is_lower
    noun = noun and (doc[i - 1].lower_ in WORK_NOUNS or doc[i - 1].lemma_ in WORK_NOUNS)
    named = noun or _year_in_brackets(doc, k + 1) or _work_apposed(doc, k + 1)
    return Ent(i + 1, k, "WORK_OF_ART") if named else None


def _work_apposed(doc: Doc, i: int) -> bool:
    """Whether tokens from ``i`` are a comma, an article and a work's noun (with up to two
    words before it): ", a drama by", ", the third novel"."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ARTICLES:
        return False
    nouns = doc[i + 2 : i + 2 + APPOSED_NOUN_WORDS]
    return any(t.is_lower and (t.lower_ in WORK_NOUNS or t.lemma_ in WORK_NOUNS) for t in nouns)


def _year_in_brackets(doc: Doc, i: int) -> bool:
    """Whether tokens from ``i`` are a year in brackets: "(1978)"."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return False
    return doc[i + 1].is_digit and len(doc[i + 1]) == YEAR_DIGITS


def _beside_noun(doc: Doc, i: int, *, known: Known) -> Ent | None:
    """A name the work's or made thing's noun at ``i`` introduces, in apposition after a
    determiner and the noun, after "called" or "named", or right after a ship's noun."""
    label = "WORK_OF_ART" if doc[i].text in WORK_NOUNS else "PRODUCT"
    if i + 2 < len(doc) and doc[i + 1].text == "," and i > 0 and doc[i - 1].lower_ in LEADING_WORDS:
        start = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        end = _title_end(doc, start)
        closed = end > start and end < len(doc) and doc[end].text == ","
        return Ent(start, end, label, cued=True) if closed else None
    if i + 2 < len(doc) and doc[i + 1].lower_ in NAMING_PARTICIPLES:
        end = _title_end(doc, i + 2)
        return Ent(i + 2, end, label, cued=True) if end > i + 2 else None
    if doc[i].text not in SHIP_NOUNS:
        return None
    end = i + 1
    while end < len(doc) and end - i <= SHIP_NAME_WORDS and doc[end].is_title and doc[end].is_alpha:
        end += 1
    if end - i < 3 or (end < len(doc) and doc[end].is_title) or known(doc, i + 1, end):
        return None
    return Ent(i + 1, end, "PRODUCT", cued=True)


def _title_end(doc: Doc, start: int) -> int:
    """Where a title of capitalized words from ``start`` ends, with short words in lower
    case between two of them ("Letters from Kinsale"); ``start`` where there is none."""
    end = k = start
    while k < len(doc) and k - start < TITLE_WORDS:
        if _capitalized(doc[k]) or (doc[k].is_title and k == start):
            end = k = k + 1
        elif k > start and doc[k].lower_ in TITLE_INNER_WORDS:
            k += 1
        else:
            break
    return end


def _closes(token: Token, opening: Token) -> bool:
    return token.text == opening.text or token.text in CLOSING_QUOTE_MARKS


def _capitalized(token: Token) -> bool:
    """A word of a name: capitalized or in capitals, no function word ("IT" in capitals is
    an acronym: "the IT Security Act")."""
    acronym = token.is_upper and len(token) > 1
    return token.is_alpha and not token.is_lower and (acronym or not token.is_stop)
