"""Entity rules that join or split what the NER cut or ran on: names over hyphens, halves
of a name, an organization named after a nationality, a person and her body after "of",
known places listed with places."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, owners
from kg.nlp.lexicon.labels import (
    HALF_NAME_LABELS,
    NUMERIC_LABELS,
    ORGANIZATION_WORD_POS,
    RETYPED_AS_ORG,
)
from kg.nlp.lexicon.marks import HYPHENS, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    NAME_HYPHEN_PREFIXES,
    NAME_HYPHEN_SUFFIXES,
    NAMED_FOR_PLACE_ENDS,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    ORG_NAME_TITLE_STARTS,
    SYLLABLE_LETTERS,
)
from kg.nlp.lexicon.nouns import OCCUPATION_NOUNS
from kg.nlp.lexicon.titles import HONORIFICS, PERSON_TITLES, TITLE_HEADS
from kg.nlp.lexicon.verbs import SPEECH_FORMS
from kg.nlp.lexicon.words import ARTICLES

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
    # "Mikel Goikoetxea" (a place) + "-Arana" (a person): the half before the hyphen whole
    half_ending = {e.end: e for e in ents if e.label in HALF_NAME_LABELS}
    joined = []
    for ent in people:
        start, end = ent.start, ent.end
        while end + 1 < len(doc) and _joins(doc, end) and _name_part(doc[end + 1]):
            end += 2
        while start >= 2 and _joins(doc, start - 1) and doc[start - 2].is_title:
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


def split_affiliation(doc: Doc, ent: Ent) -> list[Ent]:
    """A person and the body or place after "of", apart.

    Rule: "Jane Roe of the Green Party", "Rachel Goldberg of Meridian Research" as one
    person: a full name (two words or more) before "of", a capitalized name after it, which
    is an organization unless the gazetteer says it is a place. "Catherine of Aragon" keeps
    its one given name whole. A hyphenated surname is one of the words: "Thomas
    Oyelaran-Webb of Yale University".
    """
    if ent.label != "PERSON":
        return [ent]
    for k in range(ent.start + 2, ent.end - 1):
        if doc[k].lower_ != "of":
            continue
        rest = k + 1 + (doc[k + 1].lower_ in ARTICLES)
        names = doc[ent.start : k]
        words = [t for t in names if not _joins(doc, t.i)]
        if rest < ent.end and doc[rest].is_title and all(t.is_title for t in words):
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


def speaks(doc: Doc, i: int) -> bool:
    """Whether the name at token ``i`` is a person's by its context, though it is also a place.

    Rule: "Ms. Lincoln said", "Adams claims": an honorific before it or a speech verb
    right after it.
    """
    before = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return before in HONORIFICS or after in SPEECH_FORMS


def repeated_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the NER found once, found again where it found nothing.

    Rule: "The rover Vesna will land ... Vesna carries a drill", with only the first "Vesna"
    an entity: the same capitalized word, outside any entity and not part of a longer name
    (no capitalized word beside it), is the same name with the same label. One word only,
    and not in capitals ("VI"): a longer name the NER misses once it rarely misses twice,
    and copying a wrong one ("Ice Cream" as an organization) doubles the error.
    """
    found: dict[str, str] = {}
    for ent in sorted(ents):
        word = doc[ent.start]
        if ent.end - ent.start == 1 and ent.label not in NUMERIC_LABELS and _plain_name(word):
            found.setdefault(word.text, ent.label)
    if not found:
        return ents
    taken = owners(doc, ents)
    labels = {get_string_id(text): label for text, label in found.items()}
    added = [
        Ent(i, i + 1, labels[orth])
        for i, orth in enumerate(doc.to_array(ORTH).tolist())
        if orth in labels and taken[i] < 0 and _alone(doc, i, i + 1)
    ]
    return ents + added


def _plain_name(token: Token) -> bool:
    """A capitalized word, not in capitals and no function word: "Vesna", not "VI", "The"."""
    return token.is_alpha and token.is_title and len(token) > 1 and not token.is_stop


def _alone(doc: Doc, start: int, end: int) -> bool:
    """No capitalized word right before or after tokens [start, end)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.is_alpha and not t.is_lower for t in (before, after))


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
        if end + 1 < len(doc) and _joins(doc, end) and taken[end + 1] < 0:
            end += 2  # "Kenji Watanabe" + "-Hart"
        if start >= 2 and _joins(doc, start - 1) and taken[start - 2] < 0:
            start -= 2  # "Fifita-" + "Havili"
            while start > 0 and taken[start - 1] < 0 and _plain_name(doc[start - 1]):
                start -= 1  # "Tevita"
        whole = (start, end) != (ent.start, ent.end)
        words = [doc[i] for i in range(start, end) if doc[i].text not in HYPHENS]
        hyphen = next((i for i in range(start, end) if _joins(doc, i)), None)
        person = (
            whole
            and hyphen is not None
            and hyphen - start >= 2
            and all(_plain_name(word) for word in words)
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
    taken = owners(doc, ents)

    def alone(start: int, end: int) -> bool:
        """In no entity, or in one of exactly these tokens."""
        owner = set(taken[start:end])
        if owner == {-1}:
            return True
        k = owner.pop()
        return not owner and k >= 0 and (ents[k].start, ents[k].end) == (start, end)

    found = []
    for i in range(1, len(doc) - 2):
        if not _two_syllable_given_name(doc, i) or not alone(i, i + 3):
            continue
        if _plain_name(doc[i - 1]) and doc[i - 1].whitespace_ and alone(i - 1, i):
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


def split_at_title_noun(doc: Doc, ent: Ent) -> list[Ent]:
    """A place or body and the person after a title in lower case, apart.

    Rule: "Former Hong Kong leader Leung Chun-ying" as one place: a name that holds a lower-
    case title or occupation ("leader", "coach") is the name before it and a person after
    it, where capitalized words follow the title.
    """
    if ent.label == "PERSON":
        return [ent]
    for k in range(ent.start + 1, ent.end - 1):
        word = doc[k]
        if word.is_lower and (word.text in TITLE_HEADS or word.text in OCCUPATION_NOUNS):
            if all(t.is_title for t in doc[k + 1 : ent.end]):
                return [Ent(ent.start, k, ent.label), Ent(k + 1, ent.end, "PERSON")]
            break
    return [ent]


def hyphen_tail(doc: Doc, i: int) -> bool:
    """Token ``i`` is a lower-case syllable a hyphen joins tight onto a capitalized word
    before it: "fung" of "Siu-fung"; not "backed" of "Trump-backed"."""
    return (
        i >= 2
        and _joins(doc, i - 1)
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
    before such a word ("Harwick" of "Harwick Securities") takes it in, and so does an
    organization of two words or more the title "General" starts ("General Civil Aviation
    Authority" with the NER's "Civil Aviation Authority").
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
        if ent.label == "ORG" and doc[ent.end - 1].text in ORG_NAME_ENDS:
            ent = ent._replace(end=_named_for(doc, ent.end, ents, taken))
            if ent.end - ent.start > 1 and _title_starts_name(doc, ent.start, taken):
                ent = ent._replace(start=ent.start - 1)
        out.append(ent)
    grown = [ent for ent, was in zip(out, ents, strict=True) if ent.end > was.end]
    out = [
        ent
        for ent in out
        if not any(g.start <= ent.start and ent.end <= g.end and g != ent for g in grown)
    ]
    found = list(_unfound_organizations(doc, owners(doc, out)))
    taken = owners(doc, out)
    found = [ent._replace(end=_named_for(doc, ent.end, out, taken)) for ent in found]
    return [
        ent for ent in out if not any(f.start <= ent.start and ent.end <= f.end for f in found)
    ] + found


def _named_for(doc: Doc, end: int, ents: list[Ent], taken: list[int]) -> int:
    """Rule: "the Max Planck Institute for Biological Intelligence" with the NER stopping at
    "Institute", "Nanjing Institute of Geology and Palaeontology" with "Palaeontology" a
    place: an organization that ends in an organization's word goes on over "for" or "of"
    and the capitalized words after it, joined by "and" and taking in whole the places and
    bodies among them ("Council of Europe"), but no person."""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"for", "of"}:
        return end
    k = last = end + 1
    while k < len(doc):
        token = doc[k]
        if token.lower_ == "and" and k > end + 1 and k + 1 < len(doc) and doc[k + 1].is_title:
            k += 1
            continue
        if not (token.is_title and token.is_alpha) or _possessive(doc, k):
            break
        if taken[k] < 0:
            k = last = k + 1
            continue
        inner = ents[taken[k]]
        plain = all(t.is_title and t.is_alpha for t in doc[inner.start : inner.end])
        if inner.start != k or inner.label in {"PERSON", *NUMERIC_LABELS} or not plain:
            break
        if doc[end - 1].text not in NAMED_FOR_PLACE_ENDS:
            break
        k = last = inner.end
    return last if last > end + 1 else end


def _possessive(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc) and doc[k + 1].lower_ in POSSESSIVE_ENDINGS


# ORG_NAME_ENDS as the string ids of a Doc's ORTH array: no Token object per token to test.
_ORG_NAME_END_IDS = frozenset(get_string_id(word) for word in ORG_NAME_ENDS)


def _unfound_organizations(doc: Doc, taken: list[int]) -> Iterator[Ent]:
    """Rule: "Harwick Securities advised the sellers" with no entity: proper nouns in
    capitals, in no entity, up to one that ends an organization's name, are an organization;
    a title, a function word or the end word alone is none. A title that may start an
    organization's name goes on it before other words: "the UAE's General Civil Aviation
    Authority"."""
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth not in _ORG_NAME_END_IDS or taken[i] >= 0 or doc[i].pos_ != "PROPN":
            continue
        k = i
        while k > 0 and taken[k - 1] < 0 and _organization_word(doc[k - 1]):
            k -= 1
        # A sentence's capitalized first word may be a common one ("Local Systems failed").
        while k < i and doc[k].pos_ != "PROPN" and (k == 0 or doc[k].is_sent_start):
            k += 1
        if k < i and _title_starts_name(doc, k, taken):
            k -= 1
        if k < i:
            yield Ent(k, i + 1, "ORG")


def _title_starts_name(doc: Doc, start: int, taken: list[int]) -> bool:
    """Whether a title in no entity that may start an organization's name ("General") comes
    right before ``start``."""
    return start > 0 and taken[start - 1] < 0 and doc[start - 1].text in ORG_NAME_TITLE_STARTS


def _organization_word(token: Token) -> bool:
    """A capitalized word of a name, whatever the tagger made of it ("Lunar Transportation
    Systems"), but no function word or person's title."""
    return (
        token.pos_ in ORGANIZATION_WORD_POS
        and token.is_alpha
        and token.is_title
        and not token.is_stop
        and token.text not in PERSON_TITLES
    )


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
