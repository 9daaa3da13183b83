"""Entity rules for a speaker's or a described person's name: whole after a verb of speech
("said Nguyễn Thị Lan Anh"), a person before ", who" ("said Baraka Nyang'oro-Mushi, who
leads"), the rest of a name around a part the NER found before ", who"."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.entity_names import loose_word, name_word, plain_name, tight_hyphen
from kg.nlp.entity_spans import Ent, Known, owners
from kg.nlp.lexicon.labels import NER_SURNAME_LABELS, NUMERIC_LABELS
from kg.nlp.lexicon.names import NOT_NAME_WORDS, ORG_NAME_ENDS
from kg.nlp.lexicon.titles import PERSON_TITLES
from kg.nlp.lexicon.verbs import SPEECH_FORMS
from kg.nlp.lexicon.words import ARTICLES

# The most capitalized words a person's name may have before the part the NER found.
GIVEN_WORDS_BEFORE_PERSON = 2


def speakers_after_speech(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A speaker's name right after a verb of speech, whole.

    Rule: '"...," said Nguyễn Thị Lan Anh, chief economist at' with the NER's person "Thị
    Lan Anh", or "Thị Lan": capitalized words in no entity (a name's, not a title's) between
    a verb of speech and a person the NER found are the person's, and so are those after it
    up to a mark.
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        start = ent.start
        if _speaker_who(doc, ent, known):
            ent = ent._replace(label="PERSON")
        elif ent.label == "PERSON":
            while (
                start > 0
                and ent.start - start < GIVEN_WORDS_BEFORE_PERSON
                and doc[start - 1].whitespace_ == " "
                and loose_word(doc, start - 1, taken, known)
            ):
                start -= 1
            if start > 0 and doc[start - 1].lower_ in SPEECH_FORMS:
                ent = ent._replace(start=start, end=_speaker_end(doc, ent.end, taken, known))
        out.append(ent)
    return out


def _speaker_who(doc: Doc, ent: Ent, known: Known) -> bool:
    """Rule: '"... his children," said Baraka Nyang'oro-Mushi, who leads the strike committee'
    with a place "Baraka Nyang'oro-Mushi": a name of two words or more right after a verb of
    speech and before ", who", a place's or a body's the gazetteer does not know and with no
    word of a body's name, is a person's."""
    end = ent.end
    return (
        ent.label in NER_SURNAME_LABELS
        and ent.start > 0
        and doc[ent.start - 1].lower_ in SPEECH_FORMS
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ == "who"
        and _name_words(doc, ent.start, end)
        and not known(doc, ent.start, end)
    )


def _name_words(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are two words of a person's name or more (tight hyphens between),
    none a title's, a body's or a word that is no name's: "Baraka Nyang'oro-Mushi"."""
    words = [t for t in doc[start:end] if not tight_hyphen(doc, t.i)]
    return len(words) >= 2 and all(
        name_word(w)
        and w.text not in ORG_NAME_ENDS
        and w.text not in PERSON_TITLES
        and w.lower_ not in NOT_NAME_WORDS
        for w in words
    )


def _speaker_end(doc: Doc, end: int, taken: list[int], known: Known) -> int:
    """Where a speaker's name after a verb of speech ends: at the mark after the capitalized
    words in no entity that follow the part the NER found ("Thị Lan" + "Phương,"), else at
    ``end``."""
    k = end
    while (
        k < len(doc)
        and k - end < GIVEN_WORDS_BEFORE_PERSON
        and doc[k - 1].whitespace_ == " "
        and loose_word(doc, k, taken, known)
    ):
        k += 1
    return k if k < len(doc) and doc[k].is_punct else end


def given_names_before_who(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A name the NER found part of, the rest of the name around it and ", who", a person.

    Rule: "ahead of Red Bull's Mateus Gonçalves Bittencourt, who was cheered" with the NER's
    organization "Mateus", "Williams's Tiago Barbosa Leite, who" with its person "Barbosa
    Leite": an entity unknown to the gazetteer, with one or two words of a name in no entity
    (no title, day, month, known name or word that is no name's) before or after it, then
    ", who", are one person's name; a body or a place the gazetteer knows ("Burkina Faso,
    who") or one with an organization's word ("the Liberal Party, who") is left alone, and
    so is a name after an article ("the Microsoft Goliath, who").
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        start, end = ent.start, ent.end
        while (
            end < len(doc)
            and end - ent.end < GIVEN_WORDS_BEFORE_PERSON
            and loose_word(doc, end, taken, known)
        ):
            end += 1
        while (
            start > 0
            and ent.start - start < GIVEN_WORDS_BEFORE_PERSON
            and loose_word(doc, start - 1, taken, known)
        ):
            start -= 1
        who = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
        words = doc[ent.start : ent.end]
        if (
            who
            and (start, end) != (ent.start, ent.end)
            and ent.label not in NUMERIC_LABELS
            and all(plain_name(w) or tight_hyphen(doc, w.i) for w in words)
            and not any(w.text in ORG_NAME_ENDS or w.lower_ in NOT_NAME_WORDS for w in words)
            and not known(doc, ent.start, ent.end)
            and not (start > 0 and doc[start - 1].lower_ in ARTICLES)
            and _spaced(doc, start, ent.start)
            and _spaced(doc, ent.end - 1, end - 1)
        ):
            ent = Ent(start, end, "PERSON")
        out.append(ent)
    return out


def _spaced(doc: Doc, start: int, end: int) -> bool:
    """Whether one space follows each of tokens [start, end)."""
    return all(doc[j].whitespace_ == " " for j in range(start, end))
