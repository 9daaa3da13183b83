"""Entity rules that read an organization off the words around a name: the noun of its kind
that introduces it ("the German lens maker Leica"), what only an organization has or does
("Lumora's chief executive", "an economist at HSBC", "Galatasaray have signed"), the firms it
is listed with ("Huawei, Vivo and Apple"), and a name written as no person's or place's is
("Taiwan's TSMC", "TikTok"); and a storm's name, an event. The article's words win over the
NER's guess and over the gazetteer, and a name so typed is typed so wherever the article
writes it."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from kg.nlp.entity_firms import (
    corporate_names,
    firms_by_their_acts,
    firms_listed_with_a_firm,
)
from kg.nlp.entity_groups import peoples
from kg.nlp.entity_places import places_by_noun
from kg.nlp.entity_spans import Ent, Known, capitalized_positions, owners, positions
from kg.nlp.lexicon.deps import CLAUSE_ON_NOUN, FINITE_HELPERS
from kg.nlp.lexicon.forms import BE_PLURAL_PAST
from kg.nlp.lexicon.labels import AREA_LABELS, FINITE_TAGS, NUMERIC_LABELS, RETYPED_AS_ORG
from kg.nlp.lexicon.marks import APPOSITION_CLOSERS, HYPHENS, POSSESSIVE_ENDINGS
from kg.nlp.lexicon.names import (
    EVENT_NAME_WORDS,
    FOREIGN_NAME_LINKS,
    INNER_CAPITAL_NAME_STARTS,
    NAMED_FOR_PLACE_ENDS,
    STORM_NAME_STARTS,
    VOWELS,
)
from kg.nlp.lexicon.nouns import (
    JOB_NOUNS,
    MAKER_NOUNS,
    OCCUPATION_NOUNS,
    ORG_HOLDING_NOUNS,
    ORG_KIND_NOUNS,
    TRADE_NOUNS,
    TRADED_NOUNS,
)
from kg.nlp.lexicon.titles import TITLE_WORDS
from kg.nlp.lexicon.verbs import AGREEING_VERBS
from kg.nlp.lexicon.words import LIST_LINKS

# The most words of a name no entity holds that a kind's noun introduces: "the insurer Gard".
ADDED_NAME_WORDS = 4
# How many words either side of a name in capitals show the sentence is in mixed case.
MIXED_CASE_WINDOW = 5
# The most members of a list read on each side of a word: "Huawei, Vivo, Apple and Xiaomi".
LIST_MEMBERS = 8
# Letters in capitals read as initials, not a word, with fewer than one vowel in three.
INITIALS_PER_VOWEL = 3


def typed_by_context(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """The entities with the kinds the words around them give, in order: organizations by
    their legal form, by what they do to what they sell, by a firm they are listed with, by
    the noun of their kind, by their role and by the list they are in (and so wherever the
    paragraph writes them), places by a place's noun, peoples and languages, storms; each
    entity these steps typed or added is marked ``cued``."""
    typed = firms_by_their_acts(doc, corporate_names(doc, ents, known=known), known=known)
    typed = firms_listed_with_a_firm(doc, typed, known=known)
    typed = organizations_by_role(doc, organizations_by_kind(doc, typed), known=known)
    typed = held_organizations(doc, listed_organizations(doc, typed), known=known)
    typed = typed_throughout(doc, ents, typed, known=known)
    typed = storms(doc, peoples(doc, places_by_noun(doc, typed), known=known))
    # Rule: a label these steps gave holds for the article, which is parsed paragraph by
    # paragraph: "Galatasaray have signed" makes the club of every paragraph (see
    # kg.extract.mentions, which reads the mark off the entity).
    was = {(e.start, e.end, e.label) for e in ents}
    return [e if (e.start, e.end, e.label) in was else e._replace(cued=True) for e in typed]


def storms(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Rule: "farms damaged by Typhoon Yagi" as an organization, "Hurricane" + "Helene" as a
    person, "Typhoon Kalmae" as nothing: a name a storm's word starts, or a storm's word in
    no entity and the name or the capitalized word right after it, is the storm, an event."""
    taken = owners(doc, ents)
    out = list(ents)
    for k in positions(doc, ORTH, STORM_NAME_STARTS):
        if k + 1 >= len(doc):
            continue
        owner, after = taken[k], taken[k + 1]
        if owner >= 0 and out[owner].start == k and out[owner].end - k >= 2:
            out[owner] = out[owner]._replace(label="EVENT")
        elif owner < 0 and after >= 0 and out[after].start == k + 1:
            if out[after].label not in NUMERIC_LABELS:
                out[after] = Ent(k, out[after].end, "EVENT")
        elif owner < 0 and after < 0 and _capitalized(doc[k + 1]) and not doc[k + 1].is_stop:
            out.append(Ent(k, k + 2, "EVENT"))
    return out


def organizations_by_kind(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names a noun of an organization's kind introduces, organizations.

    Rule: "with the Belgian club KRC Genk" and "Saudi Pro League side Al-Ittihad" as people,
    "Distributor MUBI bought the rights" and "the venture fund Forbion" found by no entity,
    "the state copper company Codelco" as a place, "the electoral service Servel" and "the
    market regulator, the CMVM." found by no entity: a name right after such a noun in lower
    case (not the subject of a clause hung on it: "the group Marek founded"), or after it, a
    comma and "the" and closed by punctuation, is the organization; where no entity holds it,
    its capitalized words are one. After a maker's noun, a name of two words or more that is
    a person or in no entity stays as it was ("the manufacturer Georg Reichenbach"), and so
    does an event the organization holds ("the alliance Defense Ministerial").
    """
    taken = owners(doc, ents)
    out = list(ents)
    for k in positions(doc, LOWER, ORG_KIND_NOUNS):
        token = doc[k]
        if k + 1 >= len(doc) or not (_kind_noun(token) and token.pos_ == "NOUN"):
            continue
        start = k + 1
        apposition = doc[start].text == "," and start + 1 < len(doc)
        if apposition:
            start += 2 if doc[start + 1].lower_ == "the" else 1
        if start >= len(doc) or not _capitalized(doc[start]):
            continue
        found = _introduced_name(doc, out, taken, start)
        if found is None or _not_introduced(doc, out, taken, k, start, found[0]):
            continue
        end, owner = found
        closed = end == len(doc) or doc[end].text in APPOSITION_CLOSERS
        if (apposition and not closed) or (not apposition and _clause_subject(doc, start, end)):
            continue
        if owner < 0:
            out.append(Ent(start, end, "ORG"))
            owner = len(out) - 1
        out[owner] = Ent(start, end, "ORG")
        taken[start:end] = [owner] * (end - start)
    return out


def _kind_noun(token: Token) -> bool:
    """A kind's noun in lower case, or a trade's opening its sentence ("Distributor MUBI")."""
    return token.is_lower or bool(
        token.is_title and token.is_sent_start and token.lower_ in TRADE_NOUNS
    )


def _introduced_name(
    doc: Doc, ents: list[Ent], taken: list[int], start: int
) -> tuple[int, int] | None:
    """The end of the name that starts at ``start`` and the entity that holds it (-1: none),
    or None where an entity holds it that starts before it or is no name an organization's
    may be."""
    if taken[start] < 0:
        end, owner = _name_end(doc, ents, start, taken)
        return (end, owner) if end > start else None
    ent = ents[taken[start]]
    if ent.start != start or ent.label not in RETYPED_AS_ORG:
        return None
    end = ent.end
    while end < len(doc) and end - start < ADDED_NAME_WORDS and taken[end] < 0:
        if not _capitalized(doc[end]) or doc[end].is_stop:
            break
        end += 1  # "Construtora Serra" + "Alta"
    return end, taken[start]


def _not_introduced(
    doc: Doc, ents: list[Ent], taken: list[int], noun: int, start: int, end: int
) -> bool:
    """A title, an event a body holds, or a person's name after a maker's noun."""
    if doc[start].text in TITLE_WORDS:
        return True  # "the army Chief of Staff", "the government Minister"
    if doc[end - 1].lower_ in EVENT_NAME_WORDS:
        return True  # "the alliance Defense Ministerial": an event the body holds
    person = taken[start] < 0 or ents[taken[start]].label == "PERSON"
    return doc[noun].lower_ in MAKER_NOUNS and end - start > 1 and person


def organizations_by_role(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Names that have or do what only an organization does, organizations.

    Rule: "Lumora's chief executive", "Harwick's shareholders", "an economist at HSBC in
    Singapore", "Galatasaray have signed", with the names places or people: a name before a
    possessive and, a word on at most, a noun only an organization has, or after a job's
    noun and "at", or before or after "shares" ("Lumora shares fell", "shares of Lumora";
    not "China stocks", a place the gazetteer knows and its market), or a singular name
    subject of a verb in the plural (a team or a firm in British usage), is the
    organization; so is a "person" before a possessive and a person's full name ("holding
    off Ferrari's Kenji Watanabe-Hart"), and a name that goes on after a body's word over
    "of" or "for" ("the Shanghai Institute of Materia Medica" as a place). A name in
    capitals the NER took for a person's ("Taiwan's TSMC") is one too, and so is a one-word
    "place" the gazetteer does not know that is written in mixed case as no place is
    ("videos on TikTok").
    """
    out = []
    for ent in ents:
        if ent.label in RETYPED_AS_ORG and (
            _holds(doc, ent)
            or _employs(doc, ent)
            or _plural_subject(doc, ent)
            or (_traded(doc, ent) and not known(doc, ent.start, ent.end))
            or (_has_a_person(doc, ents, ent) and not known(doc, ent.start, ent.end))
            or (_body_of(doc, ent) and not known(doc, ent.start, ent.end))
            or _initials_taken_for_person(doc, ent)
            or _app_name_taken_for_place(doc, ent, known=known)
        ):
            ent = ent._replace(label="ORG")
        out.append(ent)
    return out


def listed_organizations(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Capitalized words listed with organizations and with nothing else, organizations.

    Rule: "the fifth-largest brand after Huawei, Vivo, Apple and Xiaomi" with only Huawei and
    Apple found: a capitalized word no entity holds, in a list joined by commas, "and" or
    "or" whose entities are all organizations, two or more, is one too.
    """
    if sum(ent.label == "ORG" for ent in ents) < 2:
        return list(ents)  # a list's organizations, two or more, make it one of them
    taken = owners(doc, ents)
    out = list(ents)
    links = set(positions(doc, ORTH, LIST_LINKS))
    for i in capitalized_positions(doc):
        if i == 0 or i - 1 not in links or taken[i] >= 0:
            continue
        token = doc[i]
        if not _capitalized(token) or token.is_stop:
            continue
        members = _list_members(doc, ents, taken, i)
        labels = [ents[m].label for m in members if m >= 0]
        if len(labels) >= 2 and set(labels) == {"ORG"}:
            out.append(Ent(i, i + 1, "ORG"))
    return out


def held_organizations(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "Shares of Orvika rose", "Orvika shares fell", "Orvika's chief executive" with
    no entity: a capitalized word no entity holds, not the gazetteer's, before or after
    "shares" or "stock", or before a possessive and a noun only an organization has, is a
    firm."""
    taken = owners(doc, ents)
    out = list(ents)
    cues = set(positions(doc, LOWER, TRADED_NOUNS | POSSESSIVE_ENDINGS))
    for i in capitalized_positions(doc):
        if taken[i] >= 0 or not (i + 1 in cues or i - 2 in cues):
            continue
        token = doc[i]
        if not _capitalized(token) or token.is_stop or token.is_sent_start:
            continue
        ent = Ent(i, i + 1, "ORG")
        if (_traded(doc, ent) or _holds(doc, ent)) and not known(doc, i, i + 1):
            out.append(ent)
    return out


def _list_members(doc: Doc, ents: list[Ent], taken: list[int], i: int) -> list[int]:
    """The members of the list the word at ``i`` is in, walking out both ways over list
    links: each an entity's index, or -1 for a capitalized word no entity holds; [] where a
    member is something else."""
    members: list[int] = []
    for step in (-1, 1):
        k = i
        while len(members) < LIST_MEMBERS:
            link = k - 1 if step < 0 else k + 1
            while 0 <= link < len(doc) and doc[link].text in LIST_LINKS:
                link += step
            if link == k + step or not 0 <= link < len(doc):
                break  # no link, or the doc's edge
            owner = taken[link]
            if owner >= 0:
                members.append(owner)
                k = ents[owner].start if step < 0 else ents[owner].end - 1
            elif _capitalized(doc[link]) and not doc[link].is_stop:
                members.append(-1)
                k = link
            else:
                return []
    return members


def typed_throughout(doc: Doc, before: list[Ent], after: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "the property developer Vingroup ... Vingroup shares": a name the words around
    it made an organization is one wherever the article writes it the same way; not a place
    the gazetteer knows ("Brazil have won" makes the team, not every Brazil, one)."""
    was = {(e.start, e.end): e.label for e in before}
    typed = {
        doc[e.start : e.end].text
        for e in after
        if e.label == "ORG"
        and was.get((e.start, e.end)) != "ORG"
        and not known(doc, e.start, e.end)
    }
    if not typed:
        return after
    return [
        e._replace(label="ORG")
        if e.label in RETYPED_AS_ORG and doc[e.start : e.end].text in typed
        else e
        for e in after
    ]


def _capitalized(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def _name_end(doc: Doc, ents: list[Ent], start: int, taken: list[int]) -> tuple[int, int]:
    """The end of the capitalized words from ``start`` that no entity holds, over tight
    hyphens ("Al-Ittihad") and a name's particles ("Unidad por Chile"), and the entity they
    run into and take in ("KRC" + "Genk"), or -1."""
    end = start
    while end < len(doc) and end - start < ADDED_NAME_WORDS:
        token = doc[end]
        if taken[end] >= 0:
            ent = ents[taken[end]]
            if end > start and ent.start == end and ent.label in RETYPED_AS_ORG:
                return ent.end, taken[end]
            break
        if (
            _capitalized(token)
            and not token.is_stop
            or end > start
            and end + 1 < len(doc)
            and _joins_name(doc, end)
        ):
            end += 1
        else:
            break
    while end > start and not _capitalized(doc[end - 1]):
        end -= 1  # a hyphen or a particle no capitalized word follows
    return end, -1


def _joins_name(doc: Doc, i: int) -> bool:
    """A tight hyphen, or a particle of a name in another language, between capitalized
    words."""
    token, after = doc[i], doc[i + 1]
    tight = token.text in HYPHENS and not doc[i - 1].whitespace_ and not token.whitespace_
    return (tight or token.text in FOREIGN_NAME_LINKS) and after.is_title


def _clause_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the name [start, end) is the subject of a clause hung on a noun."""
    return any(
        doc[i].dep_.startswith("nsubj")
        and not start <= doc[i].head.i < end
        and doc[i].head.dep_.startswith(CLAUSE_ON_NOUN)
        for i in range(start, end)
    )


def _holds(doc: Doc, ent: Ent) -> bool:
    """ "Lumora's chief executive", "Harwick's shareholders"."""
    k = ent.end
    if k + 1 >= len(doc) or doc[k].tag_ != "POS":
        return False
    return any(doc[j].lower_ in ORG_HOLDING_NOUNS for j in range(k + 1, min(k + 3, len(doc))))


def _employs(doc: Doc, ent: Ent) -> bool:
    """ "an economist at HSBC", "Analysts at Banco Santander Chile said", "Chemists at the
    Shanghai Institute of Materia Medica": a job's noun in lower case (or opening its
    sentence) and "at" (and "the") right before the name."""
    k = ent.start
    k -= k > 0 and doc[k - 1].lower_ == "the"  # "Chemists at the Shanghai Institute of ..."
    if k < 2 or doc[k - 1].lower_ != "at":
        return False
    if ent.end < len(doc) and doc[ent.end].text in HYPHENS and not doc[ent.end - 1].whitespace_:
        return False  # "researchers at Ostrava-based Kovalenko Labs"
    noun = doc[k - 2]
    if not (noun.is_lower or (noun.is_title and (k == 2 or noun.is_sent_start))):
        return False
    lemma = noun.lemma_.lower()
    return lemma in JOB_NOUNS or lemma in OCCUPATION_NOUNS


def _traded(doc: Doc, ent: Ent) -> bool:
    """ "Lumora shares fell", "shares of Lumora": a name before "shares" or "stock" in lower
    case, or after one and "of" or "in"."""
    noun = doc[ent.end] if ent.end < len(doc) else None
    after = noun is not None and noun.lower_ in TRADED_NOUNS and noun.is_lower
    after &= noun is not None and noun.pos_ == "NOUN"  # not "Anna shares the prize"
    k = ent.start
    before = k >= 2 and doc[k - 1].lower_ in {"of", "in"} and doc[k - 2].lower_ in TRADED_NOUNS
    return after or before


def _has_a_person(doc: Doc, ents: list[Ent], ent: Ent) -> bool:
    """ "Ferrari's Kenji Watanabe-Hart": a one-word "person" before a possessive and a
    person's name of two words or more (a team's or a firm's member, as no person's is)."""
    k = ent.end
    if ent.label != "PERSON" or ent.end - ent.start != 1 or k + 1 >= len(doc):
        return False
    if doc[k].tag_ != "POS":
        return False
    after = [e for e in ents if e.start == k + 1]
    return any(e.label == "PERSON" and e.end - e.start >= 2 for e in after)


def _body_of(doc: Doc, ent: Ent) -> bool:
    """ "Shanghai Institute of Materia Medica": a body's word, then "of" or "for" and a
    capitalized word, inside the name."""
    return any(
        doc[i].text in NAMED_FOR_PLACE_ENDS
        and doc[i + 1].lower_ in {"of", "for"}
        and doc[i + 2].is_title
        for i in range(ent.start + 1, ent.end - 2)
    )


def _initials_taken_for_person(doc: Doc, ent: Ent) -> bool:
    """A one-word "person" in capitals that reads as initials, not a word, in a sentence
    written in mixed case: "TSMC", not "THOMAS" (a court's way of naming a judge). Not a
    "place" so written: "NZ", "NC" are places' initials."""
    token = doc[ent.start]
    if ent.label != "PERSON" or ent.end - ent.start != 1 or len(token) < 2:
        return False
    letters = [ch for ch in token.text if ch.isalpha()]
    vowels = sum(ch in VOWELS for ch in letters)
    if not (token.is_upper and letters and vowels * INITIALS_PER_VOWEL < len(letters)):
        return False
    around = doc[max(ent.start - MIXED_CASE_WINDOW, 0) : ent.end + MIXED_CASE_WINDOW]
    return any(t.is_alpha and t.is_lower for t in around)


def _plural_subject(doc: Doc, ent: Ent) -> bool:
    """ "Galatasaray have signed", "Ferrari are fourth": a singular proper noun, in no list,
    subject of "be", "have" or "do" in the plural (a tagger's plural of another verb is too
    often wrong: "Fakhar Zaman Malik unbeaten on 41"), or right before one where the parse
    hung the name elsewhere ("ISTANBUL, Jan 28 - Galatasaray have signed")."""
    last = doc[ent.end - 1]
    if last.tag_ != "NNP" or last.lower_.endswith("s"):
        return False
    if last.dep_ == "conj" or any(c.dep_ == "conj" for c in last.children):
        return False
    if ent.start > 0 and doc[ent.start - 1].text in LIST_LINKS:
        return False  # "Smith and Jones have"
    if ent.end < len(doc) and _agrees_in_plural(doc[ent.end]):
        return True
    verb = last.head
    if not last.dep_.startswith("nsubj") or verb.i < ent.end:
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ in FINITE_HELPERS)]
    finite = [v for v in verbs if v.tag_ in FINITE_TAGS]
    return bool(finite) and all(_agrees_in_plural(v) for v in finite)


def _agrees_in_plural(verb: Token) -> bool:
    """ "have", "are", "do", "were": "be", "have" or "do" in the plural."""
    plural = verb.tag_ == "VBP" or verb.lower_ == BE_PLURAL_PAST
    return plural and verb.lemma_ in AGREEING_VERBS


def _app_name_taken_for_place(doc: Doc, ent: Ent, *, known: Known) -> bool:
    """ "TikTok", "PayPal": a capital inside a one-word "place" after a lower-case letter,
    not the way a person's or a place's name has one ("McAllen", "KwaZulu")."""
    text = doc[ent.start].text
    if ent.label not in AREA_LABELS or ent.end - ent.start != 1 or known(doc, ent.start, ent.end):
        return False
    if text.startswith(INNER_CAPITAL_NAME_STARTS) or not text[:1].isupper():
        return False
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))
