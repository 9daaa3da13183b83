"""Entity rules that read a firm off its legal form and off what it does: a name that ends in
a corporate suffix ("Kilimanjaro Resources Inc.", "Lake Victoria Goldfields Ltd", "Pannonia
Pharma Nyrt.") is an organization, whatever the NER called it, and takes the suffix in where
the NER stopped before it; so is the agent of what a firm does to the things it sells ("a
gateway sold by Ivanti")."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners, positions
from kg.nlp.lexicon.labels import AREA_LABELS, RETYPED_AS_ORG
from kg.nlp.lexicon.names import (
    CORPORATE_PREFIXES,
    CORPORATE_SUFFIXES,
    INNER_CAPITAL_NAME_STARTS,
    WRITTEN_NAME_SUFFIXES,
)
from kg.nlp.lexicon.verbs import FIRM_ACT_VERBS, FIRM_DEAL_VERBS
from kg.nlp.lexicon.words import AGENT_PREPS, LIST_WORDS

# The most capitalized words in no entity read back from a suffix: "Acme Rail Freight Ltd".
NAME_WORDS_BEFORE_SUFFIX = 4
# How far back from "by" a firm's act may be: "released in Thailand by".
WORDS_BEFORE_BY = 4
# How many words either side of a suffix in capitals, within its sentence, show the sentence
# is in mixed case.
MIXED_CASE_WINDOW = 5


def corporate_names(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "run by Lake Victoria Goldfields Ltd, a joint venture" with the name a place,
    "Pannonia Pharma Nyrt. agreed" with "Pannonia Pharma Nyrt" a person, "shares of Orvika
    Ltd" with no entity: a name right before a corporate suffix (after a space, no comma),
    or ending in one, is an organization, the suffix its last word; capitalized words in no
    entity before one are one, and so are those right before the name. Not a place the
    gazetteer knows before an abbreviation that may be a state's ("Las Vegas NV"), nor a
    suffix in capitals in a headline in capitals."""
    found = positions(doc, ORTH, CORPORATE_SUFFIXES)
    if not found:
        return corporate_prefixed_names(doc, ents)
    taken = owners(doc, ents)
    out: list[Ent | None] = list(ents)
    added = []
    for k in found:
        if k == 0 or not doc[k - 1].whitespace_ or not _may_be_suffix(doc, k):
            continue
        owner, before = taken[k], taken[k - 1]
        if owner >= 0 and (ent := out[owner]) is not None:
            if ent.end == k + 1 and ent.start < k and ent.label in RETYPED_AS_ORG:
                out[owner] = ent._replace(label="ORG")
        elif before >= 0 and (ent := out[before]) is not None and ent.end == k:
            if ent.label in RETYPED_AS_ORG | {"ORG"} and not _known_place(doc, ent, known):
                out[before] = Ent(_name_start(doc, taken, ent.start), k + 1, "ORG")
        elif before < 0 and (start := _name_start(doc, taken, k)) < k:
            added.append(Ent(start, k + 1, "ORG"))
    return corporate_prefixed_names(doc, [ent for ent in out if ent is not None] + added)


def corporate_prefixed_names(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Rule: "owned by Jakarta-based PT Samudra Lintas Energi" with no entity, "PJSC Volgaprom
    said" with the name a person: a legal form written before a firm's name in capitals
    (CORPORATE_PREFIXES) and the capitalized words or the name right after it are an
    organization, the form its first word; not in a sentence in capitals."""
    found = positions(doc, ORTH, CORPORATE_PREFIXES)
    if not found:
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for k in found:
        if k + 1 >= len(doc) or taken[k] >= 0 or not _may_be_suffix(doc, k):
            continue
        owner = taken[k + 1]
        named = owner >= 0 and out[owner].start == k + 1
        if named and out[owner].label in RETYPED_AS_ORG | {"ORG"}:
            out[owner] = Ent(k, out[owner].end, "ORG")
        elif owner < 0:
            end = k + 1
            while end < len(doc) and end - k <= NAME_WORDS_BEFORE_SUFFIX and taken[end] < 0:
                if not _name_word(doc[end]):
                    break
                end += 1
            if end > k + 1:
                out.append(Ent(k, end, "ORG"))
    return out


def _name_start(doc: Doc, taken: list[int], end: int) -> int:
    """Where the capitalized words in no entity right before ``end`` start: "Norrvik" of
    "Norrvik Marine Holdings AG" with the NER's "Marine Holdings", the first word of its
    sentence, tagged a noun."""
    start = end
    while start > 0 and end - start < NAME_WORDS_BEFORE_SUFFIX and taken[start - 1] < 0:
        if not _name_word(doc[start - 1]):
            break
        start -= 1
    return start


def _may_be_suffix(doc: Doc, k: int) -> bool:
    """A suffix in capitals ("AG", "SA") only in a sentence in mixed case: in a headline in
    capitals it may be any word."""
    token = doc[k]
    if not token.is_upper:
        return True
    sent = token.sent
    around = doc[max(k - MIXED_CASE_WINDOW, sent.start) : min(k + MIXED_CASE_WINDOW, sent.end)]
    return any(t.is_alpha and t.is_lower for t in around)


def _known_place(doc: Doc, ent: Ent, known: Known) -> bool:
    return ent.label in AREA_LABELS and known(doc, ent.start, ent.end)


def _name_word(token: Token) -> bool:
    """A capitalized word of a firm's name: "Orvika", "OTP", not "The" or "In"."""
    return token.is_alpha and (token.is_title or token.is_upper) and not token.is_stop


def firms_by_their_acts(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "a VPN gateway sold by Ivanti" and "built by Mitsubishi Electric" with no entity,
    "released in Thailand by Sahamongkol Film International" with the name a place: the
    capitalized words in no entity, or a place the gazetteer does not know, right after
    "by" after the past participle of what a firm does to a thing (sells, builds, supplies,
    releases: a few words back, within the clause) are an organization. Not a person's
    name ("a house built by Frank Lloyd Wright"), nor a people's in the plural ("a temple
    built by Sabaeans"), nor a name with a ruler's or a son's number ("built by Shah Abbas
    II")."""
    found = positions(doc, LOWER, AGENT_PREPS)
    if not found:
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for k in found:
        start = k + 1
        if start >= len(doc) or not _after_a_firms_act(doc, k):
            continue
        owner = taken[start]
        if owner < 0:
            end = start
            while end < len(doc) and end - start < NAME_WORDS_BEFORE_SUFFIX and taken[end] < 0:
                if not _name_word(doc[end]):
                    break
                end += 1
            named = end > start and doc[end - 1].tag_ != "NNPS"
            if named and doc[end - 1].text not in WRITTEN_NAME_SUFFIXES:
                out += [] if known(doc, start, end) else [Ent(start, end, "ORG")]
        elif (ent := out[owner]).start == start and _unknown_place(doc, ent, known):
            out[owner] = ent._replace(label="ORG")
    return out


def _after_a_firms_act(doc: Doc, by: int) -> bool:
    """Whether a past participle of a firm's act comes a few words before "by", no
    punctuation between."""
    for j in range(by - 1, max(by - 1 - WORDS_BEFORE_BY, -1), -1):
        token = doc[j]
        if token.is_punct:
            return False
        if token.tag_ == "VBN":
            return token.lemma_ in FIRM_ACT_VERBS
    return False


def _unknown_place(doc: Doc, ent: Ent, known: Known) -> bool:
    return ent.label in AREA_LABELS and not known(doc, ent.start, ent.end)


def firms_listed_with_a_firm(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Rule: "a loan from OTP Bank and UniCredit", "Morgan Stanley and Lazard advised
    Pannonia" with no entity at the second, "Kestrel Partners and Tarnvik advised the city"
    with the second a person: a capitalized word, not the gazetteer's, joined by "and" or
    "or" to an organization, the two a list alone, is one too where it is in no entity and
    written in mixed case as a brand is ("UniCredit"), or the two are the subject of a
    deal's adviser's or lender's verb ("advised") and it is in no entity or a one-word
    "person". Not "Apple and Jobs said", nor "the BBC and Sky" ending a longer list, which
    kg.nlp.entity_kinds reads."""
    links = positions(doc, LOWER, LIST_WORDS)
    if not links or not any(ent.label == "ORG" for ent in ents):
        return ents
    taken = owners(doc, ents)
    out = list(ents)
    for k in links:
        if k == 0 or k + 1 >= len(doc):
            continue
        left, right = taken[k - 1], taken[k + 1]
        if left >= 0 and ents[left].label == "ORG" and ents[left].end == k:
            word, first, end = k + 1, ents[left].start, k + 2
        elif right >= 0 and ents[right].label == "ORG" and ents[right].start == k + 1:
            word, first, end = k - 1, k - 1, ents[right].end
        else:
            continue
        owner = taken[word]
        person = owner >= 0 and ents[owner] == Ent(word, word + 1, "PERSON")
        if (owner >= 0 and not person) or known(doc, word, word + 1):
            continue
        token = doc[word]
        brand = token.is_alpha and token.text[:1].isupper() and _camel_case(token.text)
        if not (brand or _name_word(token)) or _listed_on(doc, first, end):
            continue
        deal = end < len(doc) and doc[end].lemma_ in FIRM_DEAL_VERBS and doc[end].pos_ == "VERB"
        if person and deal:
            out[owner] = Ent(word, word + 1, "ORG")
        elif not person and (deal or brand):
            out.append(Ent(word, word + 1, "ORG"))
    return out


def _listed_on(doc: Doc, start: int, end: int) -> bool:
    """Whether a list's comma or word comes right before ``start`` or a capitalized word
    right after ``end``: the two are part of a longer list or name."""
    before = start > 0 and doc[start - 1].text in LIST_WORDS | {","}
    after = end < len(doc) and (doc[end].text == "," or _name_word(doc[end]))
    return before or after


def _camel_case(text: str) -> bool:
    """A capital inside a word after a lower-case letter, as a brand writes it ("UniCredit",
    "VakıfBank"), not as a person's name does ("McAllen")."""
    if text.startswith(INNER_CAPITAL_NAME_STARTS):
        return False
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))
