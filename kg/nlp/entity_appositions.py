"""People named beside a title in apposition ("Ned Price, the State Department spokesman") or
after a noun only a person is ("his son Musa")."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from kg.nlp.entity_names import name_word, plain_name, tight_hyphen
from kg.nlp.entity_spans import Ent, Known, owners, positions, values
from kg.nlp.lexicon.labels import CLAUSE_POS, NUMERIC_LABELS, VERBAL_POS
from kg.nlp.lexicon.marks import POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import NOT_NAME_WORDS, ORG_NAME_ENDS
from kg.nlp.lexicon.nouns import JOB_NOUNS, OCCUPATION_ENDINGS, OCCUPATION_NOUNS, PERSON_NOUNS
from kg.nlp.lexicon.time import DAY_WORDS, MONTH_NAMES
from kg.nlp.lexicon.titles import APPOSITIVE_TITLES, PERSON_TITLES, TITLE_HEADS
from kg.nlp.lexicon.verbs import SPEECH_FORMS
from kg.nlp.lexicon.words import ARTICLES, INDEFINITE


def name_before_title(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The two- or three-word name right before ``comma`` when a title follows it:
    "said Ned Price, the State Department spokesman" -> "Ned Price"."""
    k = comma + 1
    while k < len(doc) and doc[k].lower_ in ARTICLES:
        k += 1
    for j in range(k, min(k + 6, len(doc))):
        token = doc[j]
        if token.lower_ in APPOSITIVE_TITLES or _occupation(token.lower_):
            break
        if token.lower_ in POSSESSIVE_ENDINGS:
            continue  # "said Takeshi Ōshima, the firm's chief economist"
        if not token.is_alpha or token.pos_ in VERBAL_POS or token.pos_ in CLAUSE_POS:
            return None  # ", and that the Executive Branch": a clause, no apposition
    else:
        return None
    start, words = comma, 0
    while start > 0 and words < 3 and plain_name(doc[start - 1]):
        start -= 1
        words += 1
        if start >= 2 and tight_hyphen(doc, start - 1) and plain_name(doc[start - 2]):
            start -= 2  # "Folasade Oyèlàràn-Bakare"
    if words < 2 or (start > 0 and name_word(doc[start - 1])):
        return None
    return start, comma


def appositive_people(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """PERSON for a name with a title or a person's noun in apposition, or right after such
    a noun, that the NER missed or took for a place or a body."""
    owner = owners(doc, ents)
    commas = _commas(doc)
    # "..., said Ned Price, the State Department spokesman": a name NER missed entirely,
    # with a title in apposition after it.
    for i in commas:
        span = name_before_title(doc, i)
        if span is None:
            continue
        if all(owner[k] < 0 for k in range(*span)):
            ents = [*ents, Ent(span[0], span[1], "PERSON")]
        elif (k := _guessed_name(doc, ents, owner, span, known)) is not None:
            # Rule: "Bálint Szabó, an analyst at Concorde Securities" as an organization.
            ents = [*ents[:k], Ent(*span, "PERSON"), *ents[k + 1 :]]
        owner = owners(doc, ents)
    for i in commas:
        speaker = said_one_word(doc, i)
        if speaker is not None and owner[speaker] < 0:
            ents = [*ents, Ent(speaker, speaker + 1, "PERSON")]
            owner = owners(doc, ents)
    for i in commas:
        span = name_after_title(doc, i)
        if span is None:
            continue
        inside = {owner[k] for k in range(*span) if owner[k] >= 0}
        if all(
            ents[k].start >= span[0]
            and ents[k].end <= span[1]
            and (ents[k].label == "PERSON" or not known(doc, ents[k].start, ents[k].end))
            for k in inside
        ):
            ents = [e for k, e in enumerate(ents) if k not in inside] + [Ent(*span, "PERSON")]
            owner = owners(doc, ents)
    return _after_person_nouns(doc, ents, known)


# The most words of a name right after a noun only a person is: "his son Musa".
NAME_WORDS_AFTER_PERSON_NOUN = 2


def _after_person_nouns(doc: Doc, ents: list[Ent], known: Known) -> list[Ent]:
    """Rule: "Halima's son Musa works on the docks" with no entity, "his widow Amina Diallo"
    with a place: one or two proper nouns right after a noun only a person is, in lower
    case ("son", "widow", "farmer"), in no entity or filling one of a place's or a body's
    the gazetteer does not know, are a person; not a known name ("the boy Paris") nor a
    longer capitalized run ("the girl Guides Association")."""
    nouns = positions(doc, ORTH, PERSON_NOUNS)
    if not nouns:
        return ents
    owner = owners(doc, ents)
    for i in nouns:
        if doc[i].pos_ not in {"NOUN", ""}:
            continue
        end = i + 1
        while end < len(doc) and end - i <= NAME_WORDS_AFTER_PERSON_NOUN and _proper(doc[end]):
            end += 1
        if end == i + 1 or (end < len(doc) and name_word(doc[end])) or known(doc, i + 1, end):
            continue
        inside = {owner[k] for k in range(i + 1, end)}
        if inside == {-1}:
            ents = [*ents, Ent(i + 1, end, "PERSON")]
        elif (k := _guessed_name(doc, ents, owner, (i + 1, end), known)) is not None:
            ents = [*ents[:k], Ent(i + 1, end, "PERSON"), *ents[k + 1 :]]
        else:
            continue
        owner = owners(doc, ents)
    return ents


def _proper(token: Token) -> bool:
    """A proper noun (where the doc is tagged) of a person's name: no title's or body's
    word."""
    return (
        plain_name(token)
        and token.pos_ in {"PROPN", ""}
        and token.text not in PERSON_TITLES
        and token.text not in ORG_NAME_ENDS
        and token.lower_ not in NOT_NAME_WORDS
    )


def _occupation(lower: str) -> bool:
    """An occupation's noun: listed, or of a shape only one has ("microbiologist")."""
    return lower in OCCUPATION_NOUNS or lower in JOB_NOUNS or lower.endswith(OCCUPATION_ENDINGS)


def _guessed_name(
    doc: Doc, ents: list[Ent], owner: list[int], span: tuple[int, int], known: Known
) -> int | None:
    """The entity that is exactly tokens ``span``, a place's or a body's the gazetteer does
    not know and with no word of an organization's name, or None."""
    k = owner[span[0]]
    if k < 0 or (ents[k].start, ents[k].end) != span or ents[k].label == "PERSON":
        return None
    words = doc[span[0] : span[1]]
    if known(doc, *span) or any(
        w.text in ORG_NAME_ENDS or w.lower_ in NOT_NAME_WORDS for w in words
    ):
        return None
    return None if ents[k].label in NUMERIC_LABELS else k


def said_one_word(doc: Doc, comma: int) -> int | None:
    """The one capitalized word between a verb of speech and ``comma``, where a described
    person follows: '"It was a long day," said Maria, a cook at a hotel'."""
    k = comma - 1
    if k < 1 or comma + 1 >= len(doc) or doc[k - 1].lower_ not in SPEECH_FORMS:
        return None
    word = doc[k]
    if (
        not (word.is_alpha and word.is_title and not word.is_stop)
        or word.lower_ in DAY_WORDS
        or word.text in MONTH_NAMES
    ):
        return None
    return k if doc[comma + 1].lower_ in INDEFINITE else None


def name_after_title(doc: Doc, comma: int) -> tuple[int, int] | None:
    """The name of two to five capitalized words between ``comma`` and the next one, when a
    title, an occupation or a noun only a person is, in lower case, comes right before
    ``comma``.

    Rule: "The Nigerian foreign minister, Yusuf Abubakar Bello, said", "The band's guitarist,
    Seán Óg Ó Súilleabháin, said", "found by a farmer, Gebremedhin Hagos, while he dug", "The
    previous leader, Belgium's Wout Vandenbroucke, lost", with the NER finding a part of the
    name, none, or a place it does not know.
    """
    noun = doc[comma - 1].text if comma else ""
    if not (noun in TITLE_HEADS or _occupation(noun) or noun in PERSON_NOUNS):
        return None
    start = _after_possessive(doc, comma + 1)
    end, words = start, 0
    while end < len(doc) and words < 5 and plain_name(doc[end]):
        end += 1
        words += 1
        if end + 1 < len(doc) and tight_hyphen(doc, end) and plain_name(doc[end + 1]):
            end += 2  # "Brigitte Lechner-Wallner"
    if words < 2 or end >= len(doc) or doc[end].text != ",":
        return None
    return start, end


def _after_possessive(doc: Doc, k: int) -> int:
    """Where a name starts after a place's or a body's possessive at token ``k`` ("the
    previous leader, Belgium's Wout Vandenbroucke,"): after it, or at ``k`` without one."""
    for j in (k + 1, k + 2):
        if j < len(doc) and doc[j].lower_ in POSSESSIVE_ENDINGS:
            if all(name_word(t) for t in doc[k:j]):
                return j + 1
            break
    return k


def _commas(doc: Doc) -> list[int]:
    """Token positions of commas, read from one array (no Token object per token)."""
    comma = doc.vocab.strings[","]
    return [i for i, orth in enumerate(values(doc, ORTH)) if orth == comma]
