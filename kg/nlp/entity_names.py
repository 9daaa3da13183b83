"""Entity rules that make a person's name whole where the NER cut it: over the hyphens the
tokenizer splits at, from two halves side by side, a surname before a given name of two
syllables."""

from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners, positions, values
from kg.nlp.lexicon.labels import (
    HALF_NAME_LABELS,
    NUMERIC_LABELS,
    RETYPED_AS_ORG,
)
from kg.nlp.lexicon.marks import HYPHENS, SENTENCE_ENDS
from kg.nlp.lexicon.names import (
    NAME_HYPHEN_PREFIXES,
    NAME_HYPHEN_SUFFIXES,
    NOT_NAME_WORDS,
    SYLLABLE_LETTERS,
)
from kg.nlp.lexicon.time import DAY_WORDS, MONTH_NAMES
from kg.nlp.lexicon.titles import PERSON_TITLES
from kg.nlp.lexicon.words import ARTICLES

_HYPHEN_IDS = frozenset(get_string_id(mark) for mark in HYPHENS)


def join_hyphenated_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """People's names whole over the hyphens the tokenizer splits at.

    Rule: "Leung Chun-ying", "Hans-Peter Müller", "Ana Rodrigues-Lima": a person ends or
    starts at a hyphen written without spaces, so the word across it is part of the name;
    an entity of its own there ("Lima" as a place) is taken in.
    """
    people = [ent for ent in ents if ent.label == "PERSON"]
    if not people:
        return ents
    # "Mikel Goikoetxea" (a place) + "-Arana" (a person): the half before the hyphen whole
    half_ending = {e.end: e for e in ents if e.label in HALF_NAME_LABELS}
    joined = []
    for ent in people:
        start, end = ent.start, ent.end
        while end + 1 < len(doc) and tight_hyphen(doc, end) and _name_part(doc[end + 1]):
            end += 2
        while start >= 2 and tight_hyphen(doc, start - 1) and doc[start - 2].is_title:
            if doc[start - 2].lower_ in NAME_HYPHEN_PREFIXES:
                break
            start -= 2
            half = half_ending.get(start + 1)
            if half is not None and half.start < start and doc[half.start : start].text.istitle():
                start = half.start
        if (start, end) != (ent.start, ent.end):
            joined.append(Ent(start, end, "PERSON"))
    if not joined:
        return ents
    # Longest first; two cut halves of one name ("Hans" and "Peter Müller") give one person.
    taken = [False] * len(doc)
    grown = []
    for ent in sorted(joined, key=lambda e: e.start - e.end):
        if not any(taken[ent.start : ent.end]):
            grown.append(ent)
            taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
    kept = [ent for ent in ents if not any(taken[ent.start : ent.end])]
    return [*kept, *grown]


def plain_name(token: Token) -> bool:
    """A capitalized word, not in capitals and no function word: "Vesna", "Wang'ombe", not
    "VI", "The"."""
    return name_word(token) and len(token) > 1 and not token.is_stop


def name_word(token: Token) -> bool:
    """A capitalized word of letters, with apostrophes inside it: "Ruairí", "O'Donoghue",
    "Nyang'oro"; not "'Nok'" nor "ABC"."""
    if token.is_alpha:
        return token.is_title
    text = token.text
    if not (text[0].isupper() and text[-1].isalpha()) or text[1:].isupper():
        return False
    letters = text.replace("'", "").replace("\u2019", "")
    return len(letters) == len(text) - 1 and letters.isalpha()


def hyphenated_surnames(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Names cut at a hyphenated surname, people.

    Rule: "Kenji Watanabe" (a place) + "-Hart", "Nadia Bennani" (an organization) +
    "-Smires", "Tevita Fifita-" + "Havili" (a place): where the NER stops at a hyphen written
    tight between two capitalized words, or starts after one, and the name across it has two
    plain capitalized words or more before the hyphen's word, the name is a person's (the
    hyphen rule of ``join_hyphenated_names`` then takes it whole). Names the gazetteer knows,
    whole or in part ("North Rhine-Westphalia"), and a word in capitals after the hyphen ("Air
    France-KLM") are left alone; "Coca-Cola" and "Guinea-Bissau" have one word before it.
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        if ent.label not in HALF_NAME_LABELS | {"ORG"} or ent.label == "PERSON":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        if end + 1 < len(doc) and tight_hyphen(doc, end) and taken[end + 1] < 0:
            end += 2  # "Kenji Watanabe" + "-Hart"
        if start >= 2 and tight_hyphen(doc, start - 1) and taken[start - 2] < 0:
            start -= 2  # "Fifita-" + "Havili"
            while start > 0 and taken[start - 1] < 0 and plain_name(doc[start - 1]):
                start -= 1  # "Tevita"
        whole = (start, end) != (ent.start, ent.end)
        words = [doc[i] for i in range(start, end) if doc[i].text not in HYPHENS]
        hyphen = next((i for i in range(start, end) if tight_hyphen(doc, i)), None)
        person = (
            whole
            and hyphen is not None
            and hyphen - start >= 2
            and all(plain_name(word) for word in words)
            and not known(doc, start, end)
            and not known(doc, ent.start, ent.end)
            and not known(doc, hyphen + 1, end)
        )
        out.append(Ent(start, end, "PERSON") if person else ent)
    return out


def hyphenated_given_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names that end in a given name of two syllables joined by a hyphen, people.

    Rule: "Chan Siu-fung", "Moon Jae-in" as an organization or a place: a name of two words
    or more whose last word is a capitalized syllable joined by a hyphen to one in lower
    case is a person's; no organization's or place's name ends so ("Coca-Cola", "Saint-Denis"
    are capitalized after the hyphen). One the NER stopped at the hyphen ("Leung Chun" as a
    place) takes the syllable after it.
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        if ent.label in RETYPED_AS_ORG | {"ORG"} and doc[ent.start].is_title:
            after = ent.end + 1
            if after < len(doc) and hyphen_tail(doc, after) and taken[after] < 0:
                ent = ent._replace(end=after + 1)
            if ent.end - ent.start >= 4 and hyphen_tail(doc, ent.end - 1):
                ent = ent._replace(label="PERSON")
        out.append(ent)
    return _surnames_before_given_names(doc, out)


def _surnames_before_given_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Rule: "South Korea's Hyeon Jae-won" as a place "Hyeon" and an organization "Jae-won",
    "Chief executive Park Ji-hoon told" with no entity: a given name of two short syllables
    joined by a hyphen ("Jae-won", "Ji-hoon"), in no entity or one of its own, after one
    capitalized word in no entity or one of its own, is a person's name with that surname."""
    # the given name's first syllable is right before a hyphen
    syllables = [k - 1 for k in positions(doc, ORTH, HYPHENS) if 1 <= k - 1 < len(doc) - 2]
    if not syllables:
        return ents
    taken = owners(doc, ents)

    def alone(start: int, end: int) -> bool:
        """In no entity, or in one of exactly these tokens."""
        owner = set(taken[start:end])
        if owner == {-1}:
            return True
        k = owner.pop()
        return not owner and k >= 0 and (ents[k].start, ents[k].end) == (start, end)

    found = []
    for i in syllables:
        if not _two_syllable_given_name(doc, i) or not alone(i, i + 3):
            continue
        if plain_name(doc[i - 1]) and doc[i - 1].whitespace_ and alone(i - 1, i):
            found.append(Ent(i - 1, i + 3, "PERSON"))
    if not found:
        return ents
    inside = {taken[k] for f in found for k in range(f.start, f.end) if taken[k] >= 0}
    return [e for k, e in enumerate(ents) if k not in inside] + found


def _two_syllable_given_name(doc: Doc, i: int) -> bool:
    """Tokens i..i+2 are a capitalized syllable, a tight hyphen and one in lower case, each
    of four letters at most: "Jae-won", "Siu-fung"."""
    first, last = doc[i], doc[i + 2]
    return (
        hyphen_tail(doc, i + 2)
        and first.is_title
        and len(first) <= SYLLABLE_LETTERS
        and len(last) <= SYLLABLE_LETTERS
    )


def hyphen_tail(doc: Doc, i: int) -> bool:
    """Token ``i`` is a lower-case syllable a hyphen joins tight onto a capitalized word
    before it: "fung" of "Siu-fung"; not "backed" of "Trump-backed"."""
    return (
        i >= 2
        and tight_hyphen(doc, i - 1)
        and doc[i - 2].is_title
        and doc[i - 2].is_alpha
        and doc[i].is_lower
        and _name_part(doc[i])
    )


def _name_part(token: Token) -> bool:
    """A word after a name's hyphen that goes on the name: "Lima", "ying"; not "backed"."""
    if not token.is_alpha:
        return False
    if token.is_title:
        return True
    return (
        token.is_lower
        and token.lower_ not in NAME_HYPHEN_SUFFIXES
        and not token.lower_.endswith("ed")
    )


# The words of a person's name whose middle word may be a first surname used alone.
FIRST_SURNAME_NAME_WORDS = 3


def surnames_of(doc: Doc, ents: list[Ent]) -> dict[str, int]:
    """The words the doc's people may be called by alone, each with the token from which it
    may: the last word of a person's name of two words or more, anywhere, and the middle one
    of a name of three after the name ("Javiera Quilapán Ancalao ... Quilapán, 52, thanked";
    not "the Lindahl family foundation ... Peter Lindahl Sørensen")."""
    found: dict[str, int] = {}
    for ent in sorted(ents):
        if ent.label != "PERSON" or ent.end - ent.start < 2:
            continue
        if doc[ent.end - 1].is_title:
            found[doc[ent.end - 1].text] = 0
        middle = doc[ent.start + 1]
        if ent.end - ent.start == FIRST_SURNAME_NAME_WORDS and plain_name(middle):
            found.setdefault(middle.text, ent.end)
    return found


def in_running_text(doc: Doc, i: int) -> bool:
    """Token ``i``'s sentence has a word in lower case of four letters or more or no
    function word ("She won the Cannes Film Festival Award for Best Actress"): no headline
    in title case ('Trump "Slams" Biden Over Tariffs')."""
    sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
    return any(t.is_lower and t.is_alpha and (len(t) > 3 or not t.is_stop) for t in sent)


def opens_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a sentence by the marks before it, quotation marks skipped (the
    parser breaks sentences inside names: "actor, Tendai")."""
    k = i - 1
    while k >= 0 and (doc[k].is_quote or doc[k].is_space):
        k -= 1
    return k < 0 or doc[k].text in SENTENCE_ENDS


def tight_hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen written tight between two words ("Chun-ying")."""
    if not 0 < i < len(doc) - 1 or values(doc, ORTH)[i] not in _HYPHEN_IDS:
        return False  # read off the arrays: the rules ask of many a word
    spaced = values(doc, SPACY)
    return not spaced[i - 1] and not spaced[i]


def join_name_halves(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A person's name the NER cut in two entities side by side, whole.

    Rule: "Lucía Valencia Cárdenas" as a place "Lucía" and a person "Valencia Cárdenas",
    "Santiago Aldaz-Reyes" as two people: two entities with only a space between them,
    one a person, the other a person or a place the gazetteer does not know, all in
    capitalized words, of three words or a hyphenated one ("Biden Putin" stays two).
    """
    ents = sorted(ents)
    out: list[Ent] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and _halves(doc, last, ent, known):
            out[-1] = Ent(last.start, ent.end, "PERSON")
        else:
            out.append(ent)
    return out


def _halves(doc: Doc, left: Ent, right: Ent, known: Known) -> bool:
    labels = {left.label, right.label}
    if left.end != right.start or "PERSON" not in labels or not labels <= HALF_NAME_LABELS:
        return False  # "Sara Shackleton Enron": a person's organization comes after her
    if doc[left.end - 1].whitespace_ != " ":
        return False
    if any(e.label != "PERSON" and known(doc, e.start, e.end) for e in (left, right)):
        return False
    tokens = doc[left.start : right.end]
    if not all(t.is_title or t.text in HYPHENS or t.is_lower for t in tokens):
        return False
    if any(t.text in PERSON_TITLES or t.lower_ in NOT_NAME_WORDS for t in tokens):
        return False  # "Crown Prince" and "Mohammed bin Salman" stay apart
    if not tokens[0].is_title or not tokens[-1].is_title:
        return False
    words = tokens.text.split()
    return (
        len(words) >= 3
        or any(t.text in HYPHENS for t in tokens)
        or _two_word_name(doc, left, right)
    )


def _two_word_name(doc: Doc, left: Ent, right: Ent) -> bool:
    """Rule: "Its star, Meskerem Alemu, won" as two people "Meskerem" and "Alemu": two
    one-word people side by side are a given name and a surname, unless they qualify a noun
    after them ("the Biden Putin summit"), an article or a possessive comes before them, a
    line or more than a space is between them, or they are one name twice ("Michelle
    Michelle," opening a mail)."""
    if (left.label, right.label) != ("PERSON", "PERSON") or right.end - left.start != 2:
        return False
    if doc[left.start].whitespace_ != " " or doc[left.start].text == doc[right.start].text:
        return False
    after = doc[right.end] if right.end < len(doc) else None
    if after is not None and after.is_alpha and after.is_lower and after.pos_ != "VERB":
        return False  # "summit", "talks"; not "said"
    before = doc[left.start - 1] if left.start else None
    return before is None or not (before.lower_ in ARTICLES or before.tag_ == "POS")


def names_across_false_breaks(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A person's name the parser broke a sentence inside, whole.

    Rule: "Galatasaray have signed Nigeria forward Babatunde Oluwaseun Ogunleye from
    Sporting", "Rommel Dizon, 31, and Arnel Bautista-Reyes": where the parser starts a
    sentence right after a person's name or right at it, with one space and no mark between,
    it broke the sentence inside the name, and the NER stopped there: the capitalized word
    on the other side, in no entity, is the name's (no sentence starts so; "said Ana Ruiz.
    Ortega agreed" has its full stop).
    """
    taken = owners(doc, ents)

    def broken(k: int, word: int) -> bool:
        """The parser starts a sentence at token ``k``, one space after token ``k - 1``,
        and token ``word`` (one of the two) is a loose word of a name."""
        return (
            0 < k < len(doc)
            and doc[k].is_sent_start is True
            and doc[k - 1].whitespace_ == " "
            and loose_word(doc, word, taken, known)
        )

    out = []
    for ent in ents:
        if ent.label == "PERSON":
            ent = ent._replace(
                start=ent.start - broken(ent.start, ent.start - 1),
                end=ent.end + broken(ent.end, ent.end),
            )
        out.append(ent)
    return out


def loose_word(doc: Doc, i: int, taken: list[int], known: Known) -> bool:
    """Token ``i`` is a capitalized word of a name in no entity: not a title, a function
    word, a day, a month, a word that is no name's, nor a name the gazetteer knows."""
    token = doc[i]
    return (
        taken[i] < 0
        and plain_name(token)
        and token.text not in PERSON_TITLES
        and token.text not in MONTH_NAMES
        and token.lower_ not in NOT_NAME_WORDS
        and token.lower_ not in DAY_WORDS
        and not known(doc, i, i + 1)
    )


def given_names_before_hyphenated_surnames(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A one-word name the NER found right before a hyphenated surname it missed, a person.

    Rule: "its head of international business, Anaïs Okafor-Lindqvist, is due" with the
    NER's organization "Anaïs": a capitalized word the NER called anything, alone in its
    entity and unknown to the gazetteer, then two capitalized words joined by a tight
    hyphen in no entity, are one person's name; not "Paris Saint-Germain" (a known place),
    "Air France-KLM" (a word in capitals).
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        k = ent.end
        if (
            ent.end - ent.start == 1
            and ent.label not in NUMERIC_LABELS
            and plain_name(doc[ent.start])
            and doc[ent.start].whitespace_ == " "
            and k + 2 < len(doc)
            and all(taken[j] < 0 for j in range(k, k + 3))
            and tight_hyphen(doc, k + 1)
            and plain_name(doc[k])
            and plain_name(doc[k + 2])
            and not known(doc, ent.start, ent.end)
            and not known(doc, k, k + 3)
        ):
            ent = Ent(ent.start, k + 3, "PERSON")
        out.append(ent)
    return out
