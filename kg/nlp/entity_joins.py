"""Entity rules that join or split what the NER cut or ran on: names over hyphens, halves
of a name, an organization named after a nationality, a person and her body after "of",
known places listed with places."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Name, owners
from kg.nlp.lexicon.labels import AREA_LABELS, HALF_NAME_LABELS, RETYPED_AS_ORG
from kg.nlp.lexicon.marks import HYPHENS, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    NAME_HYPHEN_PREFIXES,
    NAME_HYPHEN_SUFFIXES,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
)
from kg.nlp.lexicon.titles import HONORIFICS, PERSON_TITLES
from kg.nlp.lexicon.verbs import SPEECH_FORMS
from kg.nlp.lexicon.words import ARTICLES, LIST_LINKS

Known = Callable[[Doc, int, int], bool]  # whether tokens [start, end) spell a known name


def join_hyphenated_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """People's names whole over the hyphens the tokenizer splits at.

    Rule: "Leung Chun-ying", "Hans-Peter Müller", "Ana Rodrigues-Lima": a person ends or
    starts at a hyphen written without spaces, so the word across it is part of the name;
    an entity of its own there ("Lima" as a place) is taken in.
    """
    people = [ent for ent in ents if ent.label == "PERSON"]
    if not people:
        return ents
    joined = []
    for ent in people:
        start, end = ent.start, ent.end
        while end + 1 < len(doc) and _joins(doc, end) and _name_part(doc[end + 1]):
            end += 2
        while start >= 2 and _joins(doc, start - 1) and doc[start - 2].is_title:
            if doc[start - 2].lower_ in NAME_HYPHEN_PREFIXES:
                break
            start -= 2
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


def split_affiliation(doc: Doc, ent: Ent) -> list[Ent]:
    """A person and the body or place after "of", apart.

    Rule: "Jane Roe of the Green Party", "Rachel Goldberg of Meridian Research" as one
    person: a full name (two words or more) before "of", a capitalized name after it, which
    is an organization unless the gazetteer says it is a place. "Catherine of Aragon" keeps
    its one given name whole.
    """
    if ent.label != "PERSON":
        return [ent]
    for k in range(ent.start + 2, ent.end - 1):
        if doc[k].lower_ != "of":
            continue
        rest = k + 1 + (doc[k + 1].lower_ in ARTICLES)
        names = doc[ent.start : k]
        if rest < ent.end and doc[rest].is_title and all(t.is_title for t in names):
            return [Ent(ent.start, k, "PERSON"), Ent(rest, ent.end, "ORG")]
    return [ent]


def join_nationality_organizations(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Organizations whose name starts with a nationality, whole.

    Rule: "The Scottish Book Trust", "the Italian Space Agency", "the Chinese People's
    Political Consultative Conference": a nationality, then capitalized words up to one that
    ends an organization's name, is one organization, not the group and a rest.
    """
    joined: list[Ent] = []
    for ent in sorted(ents):
        if ent.label != "NORP":
            continue
        k = ent.end
        while k < len(doc) and (
            (doc[k].is_title and doc[k].is_alpha) or doc[k].lower_ in POSSESSIVE_ENDINGS
        ):
            k += 1
        ends = [j + 1 for j in range(ent.end, k) if doc[j].text in ORG_NAME_ENDS]
        # "Saudi European Bank": the first nationality's organization takes in the second.
        if ends and not (joined and ent.start < joined[-1].end):
            joined.append(Ent(ent.start, ends[-1], "ORG"))
    if not joined:
        return ents
    people = [e for e in ents if e.label == "PERSON"]
    joined = [j for j in joined if not any(e.start < j.end and j.start < e.end for e in people)]
    taken = owners(doc, joined)
    return [e for e in ents if all(taken[i] < 0 for i in range(e.start, e.end))] + joined


def listed_places(doc: Doc, ents: list[Ent], names: list[Name]) -> list[Ent]:
    """Known places the NER took for people, listed with a place, made places.

    Rule: "visits to Dakar and Nouakchott", "Mali and Burkina Faso": a "person" the
    gazetteer names exactly as a place (never an ambiguous one), joined by "and", "or" or
    a comma to an entity that is a place, is the place.
    """
    known = {(n.start, n.end): n for n in names if n.label in AREA_LABELS and not n.ambiguous}
    ends = {ent.end for ent in ents if ent.label in AREA_LABELS}
    starts = {ent.start for ent in ents if ent.label in AREA_LABELS}
    out = []
    for ent in ents:
        name = known.get((ent.start, ent.end)) if ent.label == "PERSON" else None
        if name is not None and not speaks(doc, ent.start):
            before = ent.start >= 2 and doc[ent.start - 1].lower_ in LIST_LINKS
            after = ent.end + 1 < len(doc) and doc[ent.end].lower_ in LIST_LINKS
            if (before and ent.start - 1 in ends) or (after and ent.end + 1 in starts):
                ent = ent._replace(label=name.label)
        out.append(ent)
    return out


def speaks(doc: Doc, i: int) -> bool:
    """Whether the name at token ``i`` is a person's by its context, though it is also a place.

    Rule: "Ms. Lincoln said", "Adams claims": an honorific before it or a speech verb
    right after it.
    """
    before = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return before in HONORIFICS or after in SPEECH_FORMS


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


def _joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen written tight between two words ("Chun-ying")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


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
    return len(words) >= 3 or any(t.text in HYPHENS for t in tokens)


def organizations_by_last_word(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Names that end in an organization's word, organizations.

    Rule: "Utrecht University" or "Mizuho Securities" as a place, "Kovalenko Labs" as a
    person: a name of two words or more whose last word ends an organization's name is an
    organization, unless the gazetteer knows the whole name; an entity the NER stopped right
    before such a word ("Harwick" of "Harwick Securities") takes it in.
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        spaced = doc[ent.end - 1].whitespace_ != ""
        after = ent.end < len(doc) and taken[ent.end] < 0 and spaced
        if after and ent.label in RETYPED_AS_ORG | {"ORG"} and doc[ent.end].text in ORG_NAME_ENDS:
            ent = Ent(ent.start, ent.end + 1, "ORG")
        ends = ent.end - ent.start > 1 and doc[ent.end - 1].text in ORG_NAME_ENDS
        if ent.label in RETYPED_AS_ORG and ends and not known(doc, ent.start, ent.end):
            ent = ent._replace(label="ORG")
        out.append(ent)
    return out


def surnamed(doc: Doc, ent: Ent, ents: list[Ent], *, known: Known) -> bool:
    """A full name the NER took for an organization or a place is a person where the
    article calls a person by its last word alone: "Hiroshi Tanabe, a planetary
    scientist ... Tanabe said"; not "Tanabe Corporation", nor a name the gazetteer knows."""
    words = doc[ent.start : ent.end]
    lone = {doc[e.start].text for e in ents if e.label == "PERSON" and e.end - e.start == 1}
    return (
        2 <= len(words) <= 4
        and words[-1].text in lone
        and all(w.is_title for w in words)
        and not any(w.text in ORG_NAME_ENDS for w in words)
        and not known(doc, ent.start, ent.end)
    )
