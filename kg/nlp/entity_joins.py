"""Entity rules that join or split what the NER cut or ran on: an organization named after
a nationality or ending in an organization's word, a person and her body after "of", a
place or body and the person after a title, a name found again. A person's name cut at a
hyphen or in halves is made whole in ``kg.nlp.entity_names``; names of two names joined by
"&" or "and", or an acronym and a place, in ``kg.nlp.entity_compounds``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_names import plain_name, tight_hyphen
from kg.nlp.entity_spans import Ent, Known, owners, values
from kg.nlp.lexicon.labels import (
    NUMERIC_LABELS,
    ORGANIZATION_WORD_POS,
    RETYPED_AS_ORG,
)
from kg.nlp.lexicon.marks import POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    NAMED_FOR_PLACE_ENDS,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    ORG_NAME_TITLE_STARTS,
)
from kg.nlp.lexicon.nouns import OCCUPATION_NOUNS
from kg.nlp.lexicon.titles import HONORIFICS, PERSON_TITLES, TITLE_HEADS
from kg.nlp.lexicon.verbs import SPEECH_FORMS
from kg.nlp.lexicon.words import ARTICLES


def split_affiliation(doc: Doc, ent: Ent, *, known: Known) -> list[Ent]:
    """A person and the body or place after "of", apart.

    Rule: "Jane Roe of the Green Party", "Rachel Goldberg of Meridian Research" as one
    person: a full name (two words or more) before "of", a capitalized name after it, which
    is an organization unless the gazetteer says it is a place. "Catherine of Aragon" keeps
    its one given name whole. A hyphenated surname is one of the words: "Thomas
    Oyelaran-Webb of Yale University".
    """
    if ent.label != "PERSON":
        return _person_of_place(doc, ent, known)
    for k in range(ent.start + 2, ent.end - 1):
        if doc[k].lower_ != "of":
            continue
        rest = k + 1 + (doc[k + 1].lower_ in ARTICLES)
        names = doc[ent.start : k]
        words = [t for t in names if not tight_hyphen(doc, t.i)]
        if rest < ent.end and doc[rest].is_title and all(t.is_title for t in words):
            return [Ent(ent.start, k, "PERSON"), Ent(rest, ent.end, "ORG")]
    return [ent]


# The fewest words of a person's name in a name of a person "of" a place.
PERSON_OF_PLACE_WORDS = 3


def _person_of_place(doc: Doc, ent: Ent, known: Known) -> list[Ent]:
    """Rule: "the top seed, Mariana Vaz da Costa of Brazil, and Elif Nur Karaca of Turkey" with
    an organization "Elif Nur Karaca of Turkey": a name of three proper nouns or more (no
    title's, body's or known name's word), "of" and a place the gazetteer knows are the
    person and the place; not "United States of America" (known whole), "Great Temple of
    Yeha" (an unknown place), "Bank of England" (a body's word), a name of two words, as a
    club's may be ("Boca Juniors of Argentina"), a plural proper noun or a name going on
    after the place ("the Film Critics Circle of Australia Awards")."""
    for k in range(ent.start + 2, ent.end - 1):
        if doc[k].lower_ != "of":
            continue
        words = [t for t in doc[ent.start : k] if not tight_hyphen(doc, t.i)]
        if (
            ent.label not in NUMERIC_LABELS
            and known(doc, k + 1, ent.end)
            and not known(doc, ent.start, ent.end)
            and len(words) >= PERSON_OF_PLACE_WORDS
            and not (ent.end < len(doc) and doc[ent.end].is_title)
            and all(
                plain_name(w)
                and w.pos_ in {"PROPN", ""}
                and w.tag_ != "NNPS"
                and w.text not in ORG_NAME_ENDS
                and w.text not in PERSON_TITLES
                and w.lower_ not in NOT_NAME_WORDS
                and not known(doc, w.i, w.i + 1)
                for w in words
            )
        ):
            return [Ent(ent.start, k, "PERSON"), Ent(k + 1, ent.end, "GPE")]
        break
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
        if ent.end - ent.start == 1 and ent.label not in NUMERIC_LABELS and plain_name(word):
            found.setdefault(word.text, ent.label)
    if not found:
        return ents
    taken = owners(doc, ents)
    labels = {get_string_id(text): label for text, label in found.items()}
    added = [
        Ent(i, i + 1, labels[orth])
        for i, orth in enumerate(values(doc, ORTH))
        if orth in labels and taken[i] < 0 and _alone(doc, i, i + 1)
    ]
    return ents + added


def _alone(doc: Doc, start: int, end: int) -> bool:
    """No capitalized word right before or after tokens [start, end)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.is_alpha and not t.is_lower for t in (before, after))


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
            end = ent.end + 1  # "Ghana" + "Police Service": each such word
            while end < len(doc) and taken[end] < 0 and doc[end].text in ORG_NAME_ENDS:
                end += 1
            ent = Ent(ent.start, end, "ORG")
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
    # "Ministry" alone where no name followed it; "Information Technology" inside the ministry
    found = [ent for ent in found if ent.end - ent.start > 1]
    found = [
        e for e in found if not any(f != e and f.start <= e.start and e.end <= f.end for f in found)
    ]
    return [
        ent for ent in out if not any(f.start <= ent.start and ent.end <= f.end for f in found)
    ] + found


def _named_for(doc: Doc, end: int, ents: list[Ent], taken: list[int]) -> int:
    """Rule: "the Max Planck Institute for Biological Intelligence" with the NER stopping at
    "Institute", "Nanjing Institute of Geology and Palaeontology" with "Palaeontology" a
    place: an organization that ends in an organization's word goes on over "for" or "of"
    ("of the") and the capitalized words after it, joined by "and" and taking in whole the
    places and bodies among them ("Council of Europe"), but no person."""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"for", "of"}:
        return end
    k = last = end + 1
    if _of_the(doc, end):
        k += 1  # "Department of the Treasury"
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
        if inner.label == "NORP" and inner.end < len(doc) and doc[inner.end].pos_ == "NOUN":
            break  # "the Board of Muslim clerics": a people's adjective before its noun
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
    for i, orth in enumerate(values(doc, ORTH)):
        if orth not in _ORG_NAME_END_IDS or taken[i] >= 0:
            continue
        # "The opposition Bloc of Communists": tagged a common noun, capitalized before "of"
        headed = _named_after_of(doc, i) and not doc[i].is_sent_start
        if doc[i].pos_ != "PROPN" and not headed:
            continue
        k = i
        while k > 0 and taken[k - 1] < 0 and _organization_word(doc[k - 1]):
            k -= 1
        # A sentence's capitalized first word may be a common one ("Local Systems failed").
        while k < i and doc[k].pos_ != "PROPN" and (k == 0 or doc[k].is_sent_start):
            k += 1
        if k < i and _title_starts_name(doc, k, taken):
            k -= 1
        if k < i or _named_after_of(doc, i):
            yield Ent(k, i + 1, "ORG")


def _named_after_of(doc: Doc, i: int) -> bool:
    """Rule: "The Ministry of Electronics and Information Technology said", "the
    Organization of American States", "the Ministry of the Interior", with no entity: an
    organization's word that goes on over "of" to a place, alone before "of" or "for" and
    a capitalized word, starts a name (which ``_named_for`` then finds the end of)."""
    return (
        doc[i].text in NAMED_FOR_PLACE_ENDS
        and i + 2 < len(doc)
        and doc[i + 1].lower_ in {"of", "for"}
        and (doc[i + 2].is_title or _of_the(doc, i + 1))
    )


def _of_the(doc: Doc, k: int) -> bool:
    """Whether "of the" and a capitalized word start at token ``k``: "of the Interior"."""
    words = doc[k : k + 3]
    return (
        len(words) == 3
        and words[0].lower_ == "of"
        and words[1].lower_ == "the"
        and words[2].is_title
    )


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
