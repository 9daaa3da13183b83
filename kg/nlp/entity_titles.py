"""Names written after a person's title: "Secretary of Defense Lloyd J. Austin III"."""

from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_names import name_word, opens_sentence, plain_name
from kg.nlp.entity_spans import Ent, Known, Name, owners, values
from kg.nlp.lexicon.labels import TIME_LABELS
from kg.nlp.lexicon.marks import DASHES
from kg.nlp.lexicon.names import (
    ARABIC_ARTICLE_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    WRITTEN_NAME_SUFFIXES,
)
from kg.nlp.lexicon.nouns import JOB_NOUNS, OCCUPATION_NOUNS, PERSON_NOUNS
from kg.nlp.lexicon.titles import PERSON_TITLES, PERSONAL_TITLES, REALM_TITLES, TITLE_HEADS
from kg.nlp.lexicon.words import ARTICLES, INDEFINITE, PRONOUNS, TITLE_LINKS, TITLE_OBJECT_LINKS

INITIAL_RE = re.compile(r"^[A-Z]\.$")


# PERSON_TITLES as the string ids of a Doc's ORTH array: most tokens are no title, and an
# integer says so without a Token object.
_PERSON_TITLE_IDS = frozenset(get_string_id(word) for word in PERSON_TITLES)
# Occupations' nouns as the string ids of a Doc's LOWER array: at a sentence's start, in
# title case, one is a title ("Analyst Dina Esfandiari-Khoury said").
_OCCUPATION_IDS = frozenset(get_string_id(word) for word in OCCUPATION_NOUNS | JOB_NOUNS)
# Title heads as the string ids of a Doc's ORTH array: in lower case, a noun of them is a
# title before a name ("Former Temuco mayor Camila Huenchumilla Paillal").
_TITLE_HEAD_IDS = frozenset(get_string_id(word) for word in TITLE_HEADS)


def starts_title(doc: Doc, i: int) -> bool:
    """Token ``i`` is a person's title that does not continue one ("Secretary" in "NATO
    Secretary General", not "General")."""
    return doc[i].text in PERSON_TITLES and not (i and doc[i - 1].text in PERSON_TITLES)


def titled_name(doc: Doc, i: int) -> tuple[int, int] | None:
    """The name at the end of the capitalized run from token ``i``: given, initials, surname,
    suffix ("Defense Lloyd J. Austin III" -> "Lloyd J. Austin III"); None without a full name."""
    end = i
    # "Ambassador to the United States Helena Marsh": "to" may open the title's object, and
    # an article follow the link that opens it (not a later one: "... Quintana of the Green
    # Party").
    while end < len(doc) and (
        doc[end].text in TITLE_LINKS
        or (end == i and doc[end].text in TITLE_OBJECT_LINKS)
        or (end == i + 1 and doc[end].lower_ in ARTICLES and doc[i].text in TITLE_OBJECT_LINKS)
        or doc[end].is_title
        or name_word(doc[end])
        or (end > i and _particle_in_name(doc, end))
        or doc[end].text in WRITTEN_NAME_SUFFIXES
        or (end + 1 < len(doc) and _dash_joined(doc, end + 1, i))
        or _article_joined(doc, end + 1)
        or _article_joined(doc, end + 2)
    ):
        end += 1
    while end > i and (doc[end - 1].text in TITLE_OBJECT_LINKS or doc[end - 1].lower_ in ARTICLES):
        end -= 1
    last = end - 1 if end - 1 >= i and doc[end - 1].text in WRITTEN_NAME_SUFFIXES else end
    # surname, then any initials, then one given name
    k = last - 1
    if k < i or not (doc[k].is_alpha or name_word(doc[k])) or doc[k].text in ORG_NAME_ENDS:
        return None  # "General Civil Aviation Authority" is no general's name
    if k - 2 > i and _article_joined(doc, k):
        k -= 2  # "Foreign Minister Adel al-Harbi": the article goes with the surname
    if _dash_joined(doc, k, i):
        # a surname of two parts joined by a dash is a name alone ("Prime Minister Al-Kadhimi")
        k -= 2
        k = _particles_before(doc, k, i)
        before = doc[k - 1] if k > i else None
        if before is None or not (before.is_alpha and before.is_title):
            return _timeless(doc, k, end)
    else:
        k = _particles_before(doc, k, i)
        if k == i:
            return None
    k -= 1
    initial = k
    while k >= i and INITIAL_RE.match(doc[k].text):
        k -= 1
    if (
        k < i
        or not name_word(doc[k])
        or doc[k].text in PERSON_TITLES
        or doc[k].text in ORG_NAME_ENDS
        or doc[k].lower_ in PRONOUNS  # "The Old Lady Who Walked in the Sea", a film
    ):
        # Rule: "Attorney General K. Venugopalan": initials and a surname are a full name;
        # "Major League Baseball" is no major's name.
        return _timeless(doc, k + 1, end) if k < initial else None
    # Rule: "President Recep Tayyip Erdoğan", "Senator María Fernanda Ríos Echeverri": up to
    # two more given names, where no "of" puts the title's object before them ("Secretary of
    # Defense Lloyd J. Austin III") and none is a title word ("Chief Executive Mary Barra").
    start = _given_names_start(doc, i, k)
    return None if start is None else _timeless(doc, start, end)


def _given_names_start(doc: Doc, i: int, k: int) -> int | None:
    """Where a titled name starts whose first given name is at ``k``: up to two more given
    names before it, then initials; None where a body's word stands there instead."""
    linked = any(doc[j].text in TITLE_OBJECT_LINKS for j in range(i, k))
    for _ in range(2):
        given = doc[k - 1] if k > i else None
        if linked or given is None or not name_word(given):
            break
        if given.text in ORG_NAME_ENDS:
            return None  # "Executive Committee Weekly Meeting Date": a body's run of words
        if given.text in PERSON_TITLES or given.lower_ in NOT_NAME_WORDS:
            break
        if given.lower_ in OCCUPATION_NOUNS or given.lower_ in PERSON_NOUNS:
            break  # "Chief Economist Jane Doe", "Duchess Kate Name Son George Alexander Louis"
        k -= 1
    # Rule: "Justice P. V. Lakshmi Narayanan": initials before the given names are the name's.
    while k > i and INITIAL_RE.match(doc[k - 1].text):
        k -= 1
    return k


def _particle_in_name(doc: Doc, k: int) -> bool:
    """Token ``k`` is a name's particle in lower case with a capitalized word or another
    particle after it: "von" of "Prof. Ingrid von Hagen-Brandt"."""
    if doc[k].text not in NAME_PARTICLES or k + 1 >= len(doc):
        return False
    after = doc[k + 1]
    return after.is_title or after.text in NAME_PARTICLES


def _particles_before(doc: Doc, k: int, start: int) -> int:
    """Where a surname that starts at token ``k`` starts with the particles before it ("von
    Hagen-Brandt", "van der Linde"), where a given name stays before them."""
    j = k
    while j - 1 > start and doc[j - 1].text in NAME_PARTICLES:
        j -= 1
    return j if j < k and name_word(doc[j - 1]) else k


def _dash_joined(doc: Doc, k: int, start: int) -> bool:
    """Token ``k`` ends a surname of two capitalized parts joined by a dash ("Al-Kadhimi")."""
    dash, first = k - 1, k - 2
    return (
        first >= start
        and (doc[dash].text == "-" or doc[dash].text in DASHES)
        and not doc[first].whitespace_
        and not doc[dash].whitespace_
        and doc[first].is_alpha
        and doc[first].is_title
        and doc[k].is_alpha
        and doc[k].is_title
    )


def _article_joined(doc: Doc, k: int) -> bool:
    """Token ``k`` is a capitalized surname that an Arabic article and a hyphen written
    tight start: "Harbi" of "al-Harbi"."""
    return (
        2 <= k < len(doc)
        and doc[k].is_title
        and doc[k - 1].text == "-"
        and doc[k - 2].lower_ in ARABIC_ARTICLE_WORDS
        and not doc[k - 2].whitespace_
        and not doc[k - 1].whitespace_
    )


def _timeless(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name [start, end), unless a part of it is a date or time ("Monday")."""
    return None if any(doc[j].ent_type_ in TIME_LABELS for j in range(start, end)) else (start, end)


def split_run_on(doc: Doc, ents: list[Ent], names: list[Name]) -> list[Ent]:
    """A title's place or organization and the person's name it ran onto, apart.

    Rule: "Ambassador to the United States Jane Roe" as one place: the entity starts with a
    gazetteer name (one of ``names``) right after a title and "to", "of" or "for" (and
    "the"), and a full name fills the rest of it.
    """
    spans = {(n.start, n.end): n for n in names}
    out = []
    for ent in ents:
        k = ent.start - 1
        k -= 1 if k >= 0 and doc[k].lower_ in ARTICLES else 0
        linked = k > 0 and doc[k].lower_ in TITLE_OBJECT_LINKS and starts_title(doc, k - 1)
        known = [n for (a, b), n in spans.items() if a == ent.start and b < ent.end]
        person = titled_name(doc, known[0].end) if linked and known else None
        if ent.label == "PERSON" or person is None or person != (known[0].end, ent.end):
            out.append(ent)
            continue
        out += [Ent(ent.start, known[0].end, known[0].label), Ent(*person, "PERSON")]
    return out


def apply_titles(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """PERSON for a name after a title that the NER missed or cut ("Lloyd J. Austin III")."""
    owner = owners(doc, ents)
    titling = _titles_of_people(doc, ents)
    for i in _title_positions(doc):
        span = titled_name(doc, i + 1)
        if span is None:
            continue
        start, end = span
        if known(doc, i, end):
            continue  # "Prince Edward Island": a known name that a title word begins
        if doc[i + 1].lower_ == "of" and doc[i].lower_ in REALM_TITLES:
            continue  # "the 2nd Earl of Clare Ah!": a realm, and no name after it
        claimed = {owner[k] for k in range(start, end) if owner[k] >= 0}
        # "NATO Secretary General Jens Stoltenberg" with "NATO Secretary" an organization: an
        # entity run from before the title into its words gives way as one run onto the name.
        claimed |= {owner[k] for k in range(i, start) if owner[k] >= 0 and ents[owner[k]].start < i}
        # "Councillor Mary Ellen Brooks" with "Councillor" a person of its own: the title
        # alone is no one.
        claimed |= {owner[k] for k in range(i, start) if _title_person(doc, ents, owner[k], start)}
        start = _given_names_found(doc, [ents[k] for k in claimed], i, start)
        if any(
            ents[k].label == "PERSON" and ents[k].start > i and ents[k].end > end for k in claimed
        ):
            continue  # 'coach Paulo Roberto "Paulinho" de Assis Filho', whole already
        if any(
            ents[k].label != "PERSON"
            and (
                known(doc, ents[k].start, ents[k].end)
                or ents[k].end > end
                or (
                    ents[k].start == i
                    and ents[k].end == end
                    and doc[i].text not in titling
                    and doc[i].lower_.rstrip(".") not in PERSONAL_TITLES
                )
            )
            for k in claimed
        ):
            continue  # a known organization or place, a longer one, or one the title word
            # begins and that holds the whole name ("Major League Soccer") wins, not one
            # that stops inside it ("Archbishop Emmanuel" of "Archbishop Emmanuel
            # Okonkwo-Adeyemi"), unless the doc writes that title before a person too
            # ("Justice Gurpreet Singh Walia" as an organization beside "Justice P. V.
            # Lakshmi Narayanan", a person), or the title is an honorific or a rank, which starts
            # no body's name ("Prof. Ingrid von Hagen-Brandt" as one organization); a name
            # the NER alone called a place
            # after "Secretary of Defense" is the person, also where it took in the
            # title's last words ("Defense Lloyd J. Austin")
        # an entity run from before the title onto the name keeps its part before the
        # title where that is a name: "NATO Secretary General Jens Stoltenberg", "The
        # Obama Foundation President Valerie Jarrett"; not "Council President Karen Lincoln"
        kept = [
            Ent(e.start, i, e.label)
            for k in claimed
            if (e := ents[k]).start < i
            and (known(doc, e.start, i) or (i - e.start > 1 and doc[i - 1].text in ORG_NAME_ENDS))
        ]
        ents = [e for k, e in enumerate(ents) if k not in claimed] + [
            *kept,
            Ent(start, end, "PERSON"),
        ]
        owner = owners(doc, ents)
    return ents


def _title_positions(doc: Doc) -> list[int]:
    """The tokens that start a person's title, a title head in lower case that the tagger
    makes a noun, a name right after it ("Former Temuco mayor Camila Huenchumilla Paillal",
    not "a major New York bank"), and the occupations' nouns in title case that open a
    sentence ("Analyst Dina Esfandiari-Khoury of the Gulf Research Forum said")."""
    rows = zip(values(doc, ORTH), values(doc, LOWER), strict=True)
    return [
        i
        for i, (orth, lower) in enumerate(rows)
        if (orth in _PERSON_TITLE_IDS and starts_title(doc, i) and not _described(doc, i))
        or (orth in _TITLE_HEAD_IDS and doc[i].pos_ == "NOUN" and _name_follows(doc, i))
        or (lower in _OCCUPATION_IDS and doc[i].is_title and opens_sentence(doc, i))
    ]


def _described(doc: Doc, i: int) -> bool:
    """The title at token ``i``, capitalized, heads a phrase an indefinite article opens, one
    word before it at most: a description, no person's title ("being a Pirate Princess
    Pickle Bunny"; not "an Austrian national Brigitte Lechner-Wallner")."""
    if i < 1 or not doc[i].is_title:
        return False
    if doc[i - 1].lower_ in INDEFINITE:
        return True
    return i >= 2 and doc[i - 1].is_title and doc[i - 2].lower_ in INDEFINITE


def _name_follows(doc: Doc, i: int) -> bool:
    """A person's name word comes right after token ``i``: no title's object ("commander of
    U.S. Central Command")."""
    return i + 1 < len(doc) and plain_name(doc[i + 1])


def _given_names_found(doc: Doc, claimed: list[Ent], title: int, start: int) -> int:
    """Where the name after a title starts, given the people the NER found in it.

    Rule: "Secretary of the Navy Carlos Del Toro": after the title's object the rule takes
    one given name only ("Del Toro"); a person the NER found starting after the title, in
    capitalized words that are no title's and a name's particles ("General Antonio Lopez de
    Santa Anna"), has its given names from there.
    """
    for ent in claimed:
        words = doc[ent.start : start]
        if (
            ent.label == "PERSON"
            and title < ent.start < start
            and all(_given_name(w) or w.text in NAME_PARTICLES for w in words)
            and doc[ent.start].is_title
        ):
            return ent.start
    return start


def _given_name(word: Token) -> bool:
    """A capitalized word of a name that is no title's nor a body's."""
    return word.is_title and word.text not in PERSON_TITLES and word.lower_ not in NOT_NAME_WORDS


def _titles_of_people(doc: Doc, ents: list[Ent]) -> set[str]:
    """The words a person the NER found starts with or comes right after: the doc's own
    evidence that a title word ("Justice") is used as one."""
    people = [e for e in ents if e.label == "PERSON"]
    return {doc[e.start].text for e in people} | {doc[e.start - 1].text for e in people if e.start}


def _title_person(doc: Doc, ents: list[Ent], k: int, end: int) -> bool:
    """Entity ``k`` (-1 for none) is a person of title words only, ending by ``end``."""
    if k < 0 or ents[k].label != "PERSON" or ents[k].end > end:
        return False
    return all(token.text in PERSON_TITLES for token in doc[ents[k].start : ents[k].end])
