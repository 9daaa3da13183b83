"""Name mentions: the document's named entities, trimmed, repaired and filtered.

From ``doc.ents``: leading determiners and titles are cut ("the", "Prime Minister"; a work's
title keeps its "The"), names
NER cut short are completed ("Jens" + "Stoltenberg"), and junk is dropped (pronouns,
punctuation, bare numbers or titles, single lower-case words).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import names
from kg.extract.kinds import aged_person, composer, described_person, firm_by_kind, kin_named
from kg.extract.parse import Parse
from kg.extract.rules import first
from kg.extract.sports import (
    event_name,
    player_by_play,
    sports_team,
    team_by_role,
    team_played_for,
    venue_name,
)
from kg.nlp.lexicon.deps import NAME_LINKS
from kg.nlp.lexicon.labels import (
    CONTEXT_KB_ID,
    JUNK_POS,
    LABEL_SPELLINGS,
    NAME_LABELS,
    NAME_LEADING_POS,
    NAME_TRAILING_POS,
    NOUN_MODIFIER_POS,
    PLACE_LABELS,
    RETYPED_AFTER_TITLE,
)
from kg.nlp.lexicon.marks import (
    APPOSITION_CLOSERS,
    CREDIT_SEPARATORS,
    DASHES,
    OPENING_QUOTES,
)
from kg.nlp.lexicon.names import (
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_NAME_ENDS,
    PHOTO_AGENCIES,
    PUBLICATION_WORDS,
)
from kg.nlp.lexicon.nouns import (
    OCCUPATION_NOUNS,
    ORG_NOUNS,
    PRODUCT_NOUNS,
    TEAM_ROLE_NOUNS,
    WORK_NOUNS,
)
from kg.nlp.lexicon.titles import HONORIFICS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_WORDS
from kg.nlp.lexicon.verbs import NAMING_PARTICIPLES
from kg.nlp.lexicon.words import ALSO_WORDS, INDEFINITE

Aliases = dict[str, tuple[str, str]]


@dataclass
class NameMention:
    """One name in the text, before merging."""

    start: int  # token bounds [start, end) after trimming
    end: int
    label: str
    text: str
    canon: str  # normalized, alias-resolved name
    display: str | None  # the caller's spelling of the canonical name, if an alias matched
    acronym: bool
    cued: bool = False  # the label comes from the words around the name, not from NER


def find_mentions(p: Parse, aliases: Aliases) -> tuple[list[NameMention], list[int]]:
    """The mentions in text order, and for each token the index of its mention (or -1)."""
    mentions: list[NameMention] = []
    token_mention = [-1] * p.n
    for start, end, span, label, cued in _spans(p):
        mention = _mention(p, aliases, start, end, label, cued)
        if mention is None:
            continue
        for i in range(span[0], span[1]):
            token_mention[i] = len(mentions)
        mentions.append(mention)
    return mentions, token_mention


def _spans(p: Parse) -> Iterator[tuple[int, int, tuple[int, int], str, bool]]:
    """Trimmed token bounds of each name entity, the span its tokens map to, its label and
    whether the label was read from the words around the name."""
    for ent in p.doc.ents:
        label = LABEL_SPELLINGS.get(ent.label_, ent.label_)
        if label not in NAME_LABELS:
            continue
        start, end = ent.start, ent.end
        # NER trained without layout may run a name across a paragraph break.
        end = next((k for k in range(start, end) if p.blank[k] and k > start), end)
        # A leading determiner or title is not part of the name: "the", "Prime Minister";
        # but a work's title keeps its article: "The Salt Lantern".
        while start < end and (p.pos[start] in NAME_LEADING_POS or p.lower[start] == "the"):
            if label == "WORK_OF_ART" and p.words[start] == "The":
                break
            start += 1
        relabelled = first(RELABEL_RULES, p, start, end, label) if start < end else None
        cued = relabelled is not None or ent.kb_id_ == CONTEXT_KB_ID
        label = relabelled or label
        given = start  # where a person's given names begin
        if label == "PERSON" and start < end:
            start += names.strip_title_words(p.words[start:end])
            given = start = _extend_name_left(p, start, end)
            end = _extend_name(p, end)
        while end > start and (p.pos[end - 1] in NAME_TRAILING_POS or p.tag[end - 1] == "POS"):
            end -= 1
        if start < end:
            yield start, end, (min(ent.start, given), max(end, start + 1)), label, cued


# -- relabel rules: the words around a name give its label, whatever NER said ----------------


def named_as_group(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "a Shia group called Awliya Al Dam", "a militia known as X", "the group, also
    called X", and in apposition "X, a Shia group": a name an organization noun introduces is
    an organization. Not "the government called Iran a threat": the noun must be indefinite,
    or the name an "also" alias."""
    return "ORG" if _named_as_group(p, start, end) else None


def after_person_title(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "Prime Minister Al-Kadhimi" tagged ORG: a name right after a capitalized
    person's title is a person. Names with an organization word ("Prime Minister's Office"),
    or ending in one ("General Civil Aviation Authority"), and acronyms are left alone."""
    if label not in RETYPED_AFTER_TITLE or not _after_person_title(p, start, end):
        return None
    return "PERSON"


def after_occupation(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "the fiddler Dónal Mac Giolla Phádraig", "Brazil coach Dorival Mendes Ferreira"
    tagged ORG: a name right after a person's occupation in lower case, in one phrase with
    it, is a person. Acronyms are left alone."""
    k = start - 1
    # The tagger may call the noun an adjective ("businesswoman Chelsea Warren") or, in a
    # run of names, a proper noun ("Cuenca guard Mateo Quiroga"); its lower case tells.
    if label == "PERSON" or k < 0:
        return None
    if p.lower[k] not in OCCUPATION_NOUNS and p.lower[k] not in TEAM_ROLE_NOUNS:
        return None
    if not p.words[k].islower() or names.is_acronym(p.span_text(start, end - 1)):
        return None
    return "PERSON" if _one_phrase(p, k, start, end) else None


def publication(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "By Gary Raynaldo, DIPLOMATIC TIMES": a "person" whose name ends in a
    publication's word, in capitals or in a byline, is the publication."""
    if label != "PERSON" or end - start < 2 or p.lower[end - 1] not in PUBLICATION_WORDS:
        return None
    opening, _ = p.para_bounds[p.para[start]]
    if all(p.words[k].isupper() for k in range(start, end)) or p.lower[opening] == "by":
        return "ORG"
    return None


def photo_credit(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "Safin Hamed | AFP | Getty Images": a two-or-more-word "place" in a photo credit
    is the photographer."""
    if label not in PLACE_LABELS or end - start < 2:
        return None
    words = p.para_words(p.para[start])
    return "PERSON" if words & PHOTO_AGENCIES and words & CREDIT_SEPARATORS else None


def named_work(p: Parse, start: int, end: int, label: str) -> str | None:
    """Rule: "whose novel Brodie tells", "the rover Ada", "a browser called Beacon",
    "Margarethe, a drama by Tuomas Häkkinen": a name right after a noun of a work or a made
    thing (with "called" or "named" between them, or none), or in apposition to one, is that
    work (WORK_OF_ART) or thing (PRODUCT), whatever the NER called it."""
    k = start - 1
    called = k >= 0 and p.lower[k] in NAMING_PARTICIPLES
    k -= called
    nouns = [k] if k >= 0 and p.pos[k] == "NOUN" and p.words[k].islower() else []
    if nouns and not called and not _one_phrase(p, k, start, end):
        nouns = []
    # In apposition, the noun's phrase is right beside the name: "Margarethe, a drama".
    for noun in _appositive_nouns(p, start, end):
        between = range(end, noun) if noun > end else range(noun + 1, start)
        if all(p.pos[i] in NOUN_MODIFIER_POS or p.pos[i] == "DET" for i in between):
            nouns.append(noun)
    for noun in nouns:
        if p.lemma[noun] in WORK_NOUNS:
            return "WORK_OF_ART"
        if p.lemma[noun] in PRODUCT_NOUNS:
            return "PRODUCT"
    # Rule: "The agency's Orinoco orbiter": a "person" named right before a made thing's
    # noun, as its compound, is the thing ("the Mars rover", "the SpaceX rocket" name a
    # place and a maker, and stay).
    before_noun = end < p.n and p.lemma[end] in PRODUCT_NOUNS and p.words[end].islower()
    if label == "PERSON" and before_noun and p.head[end - 1] == end:
        return "PRODUCT" if p.dep[end - 1] == "compound" else None
    return None


RELABEL_RULES = (
    named_as_group,
    after_person_title,
    after_occupation,
    publication,
    photo_credit,
    event_name,
    venue_name,
    sports_team,
    team_by_role,
    team_played_for,
    player_by_play,
    named_work,
    composer,
    firm_by_kind,
    described_person,
    aged_person,
    kin_named,
)


def _named_as_group(p: Parse, start: int, end: int) -> bool:
    k = start - 1
    while k >= 0 and (p.words[k] in OPENING_QUOTES or p.lower[k] == "the"):
        k -= 1
    if k >= 1 and p.lower[k] == "as" and p.lower[k - 1] == "known":
        k -= 2
    elif k >= 0 and p.lower[k] in NAMING_PARTICIPLES:
        k -= 1
    else:
        return _appositive_group(p, start, end)
    also = False
    while k >= 0 and p.lower[k] in ALSO_WORDS:
        also |= p.lower[k] == "also"
        k -= 1
    # The paragraph, not the sentence: a parser may end a sentence after "called".
    if k < 0 or p.para[k] != p.para[start] or p.lemma[k] not in ORG_NOUNS:
        return False
    return also or _indefinite(p, k)


def _indefinite(p: Parse, noun: int) -> bool:
    """ "a group", "an armed faction", read off the parse or, failing that, the words before."""
    if any(p.dep[c] == "det" for c in p.children[noun]):
        return any(p.dep[c] == "det" and p.lower[c] in INDEFINITE for c in p.children[noun])
    k = noun - 1
    while k >= 0 and noun - k <= 3 and p.pos[k] in NOUN_MODIFIER_POS:
        k -= 1
    return k >= 0 and p.lower[k] in INDEFINITE


def _appositive_group(p: Parse, start: int, end: int) -> bool:
    nouns = _appositive_nouns(p, start, end)
    return any(p.lemma[c] in ORG_NOUNS for c in nouns)


def _one_phrase(p: Parse, noun: int, start: int, end: int) -> bool:
    """Whether a noun right before a name is one phrase with it ("the rover Ada"), not a
    phrase of its own ("In this movie Google and Amazon create"): one heads the other, or
    both hang off one word by one relation (a parser's way of reading the pair)."""
    heads = [i for i in range(start, end) if not start <= p.head[i] < end]
    if start <= p.head[noun] < end:
        return True
    if (
        noun + 1 == start
        and p.dep[noun] == "compound"
        and p.head[noun] in {p.head[h] for h in heads}
    ):
        return True  # "European orbiter Orinoco reaches", with "orbiter" hung on the verb
    if noun + 1 == start and p.head[noun] == noun and all(c < noun for c in p.children[noun]):
        return True  # the same headline cut in two, "European orbiter" a fragment of its own
    if (
        noun + 1 == start
        and p.head[noun] == noun
        and any(_subject_of_clause_on(p, h, noun) for h in heads)
    ):
        return True  # "The rover Vesna will land" read as "the rover (that) Vesna will land"
    return any(
        p.head[h] == noun or (p.head[h] == p.head[noun] and p.dep[h] == p.dep[noun]) for h in heads
    )


def _subject_of_clause_on(p: Parse, h: int, noun: int) -> bool:
    """Whether token ``h`` is the subject of a clause the parser hung on ``noun``."""
    verb = p.head[h]
    return p.dep[h] == "nsubj" and p.head[verb] == noun and p.dep[verb].startswith("acl")


def _appositive_nouns(p: Parse, start: int, end: int) -> list[int]:
    """The common nouns in apposition to the name [start, end), either way round."""
    heads = [i for i in range(start, end) if not start <= p.head[i] < end]
    if len(heads) != 1:
        return []
    h = heads[0]
    nouns = [c for c in p.children[h] if p.dep[c] == "appos" and c >= end]
    if p.dep[h] == "appos" and p.head[h] < start:
        nouns.append(p.head[h])
    nouns = [c for c in nouns if p.pos[c] == "NOUN"]
    return nouns or _noun_before_comma(p, start, end)


def _noun_before_comma(p: Parse, start: int, end: int) -> list[int]:
    """Rule: "with her old band, The Harbour Lights." with the name parsed apart: a noun in
    lower case, a comma and the name (after "the"), with the name closed by punctuation, is
    in apposition to it whatever the parse says."""
    k = start - 1
    k -= k > 0 and p.lower[k] == "the"
    closed = end == p.n or p.words[end] in APPOSITION_CLOSERS
    if k < 1 or p.words[k] != "," or not closed or p.para[k] != p.para[start]:
        return []
    noun = k - 1
    return [noun] if p.pos[noun] == "NOUN" and p.words[noun].islower() else []


def _after_person_title(p: Parse, start: int, end: int) -> bool:
    k = start - 1
    if k > 0 and p.words[k] == "," and _title_apposition(p, k - 1, start, end):
        k -= 1  # "Its prime minister, Viktor Orban," tagged ORG
    elif k < 0 or not p.words[k][:1].isupper():
        return False
    if p.ent_label[k] or p.para[k] != p.para[start]:
        return False
    word = names.fold(p.words[k]).rstrip(".")
    if not (word in TITLE_HEADS or word in TITLE_ABBREVIATIONS or word in HONORIFICS):
        return False
    text = p.span_text(start, end - 1)
    if names.is_acronym(text) or p.words[end - 1] in ORG_NAME_ENDS:
        return False  # "the UAE's General Civil Aviation Authority": a body, not a general
    return not any(names.fold(w).rstrip(".") in NOT_NAME_WORDS for w in p.words[start:end])


def _title_apposition(p: Parse, title: int, start: int, end: int) -> bool:
    """Whether the name [start, end) is in apposition to the title noun before its comma."""
    tops = [i for i in range(start, end) if not start <= p.head[i] < end]
    return len(tops) == 1 and (
        (p.dep[tops[0]] == "appos" and p.head[tops[0]] == title)
        or (p.dep[title] == "appos" and p.head[title] == tops[0])
    )


def _extend_name_left(p: Parse, start: int, end: int) -> int:
    """Given names NER left out: "Lloyd J." + "Austin III"."""
    # Rule: up to three capitalized proper nouns right before a person's name, in no entity
    # and no title, that the parse links to the name (compound, flat, either way round),
    # belong to it.
    k = start
    while (
        k > 0
        and start - k < 3
        and p.pos[k - 1] == "PROPN"
        and p.words[k - 1][:1].isupper()
        and not p.ent_label[k - 1]
        and not p.blank[k - 1]
        and p.para[k - 1] == p.para[start]
        and names.fold(p.words[k - 1]).rstrip(".") not in NOT_NAME_WORDS
        and p.lower[k - 1] not in OCCUPATION_NOUNS  # "Legislator Tsang Kwok-wai said"
    ):
        k -= 1
    while k < start and not _linked(p, k, start, end):
        k += 1
    # Rule: "Ortega de la Vega thanked them", the NER taking "Vega" only: name particles in
    # lower case right before the name, after a capitalized proper noun in no entity, go on
    # the name with that word.
    j = k
    while j > 0 and p.words[j - 1] in NAME_PARTICLES and not p.ent_label[j - 1]:
        j -= 1
    if (
        0 < j < k
        and p.pos[j - 1] == "PROPN"
        and p.words[j - 1][:1].isupper()
        and not p.ent_label[j - 1]
        and p.para[j - 1] == p.para[start]
        and names.fold(p.words[j - 1]).rstrip(".") not in NOT_NAME_WORDS
    ):
        k = j - 1
    return k


def _linked(p: Parse, first: int, start: int, end: int) -> bool:
    """Whether every token of [first, start) reaches the name [start, end) by name links."""
    group = list(range(first, end))
    root = {i: i for i in group}

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    for i in group:
        if p.dep[i] in NAME_LINKS and p.head[i] in root:
            root[find(i)] = find(p.head[i])
        if start <= i < end:
            root[find(i)] = find(start)  # the name's own tokens are one whatever the parse
    return all(find(i) == find(start) for i in range(first, start))


def _extend_name(p: Parse, end: int) -> int:
    """A person's name cut short by NER: "Jens" + "Stoltenberg", "Al—" + "Kadhimi"."""
    # Rule: up to two capitalized proper nouns (or a dash and one) right after a person's
    # name, in no entity and no common organization word, belong to the name.
    dash = end < p.n and p.words[end] in DASHES + "-" and not p.space[end - 1]
    k = end + 1 if dash and not p.space[end] else end
    taken = 0
    while (
        k < p.n
        and taken < 2
        and p.pos[k] == "PROPN"
        and p.words[k][:1].isupper()
        and not p.ent_label[k]
        and not p.blank[k]
        and names.fold(p.words[k]).rstrip(".") not in NOT_NAME_WORDS
        and p.words[k] not in ORG_NAME_ENDS  # "Harwick Securities" is no person's name
        and p.para[k] == p.para[end - 1]
        # "By Gary Raynaldo DIPLOMATIC TIMES": a word in capitals goes on no name in mixed case
        and (not p.words[k].isupper() or p.words[end - 1].isupper())
    ):
        k, taken = k + 1, taken + 1
        # "Santiago" + "Aldaz-Reyes": a word taken goes on over a tight hyphen
        tight = k + 1 < p.n and not p.space[k - 1] and not p.space[k]
        if tight and p.words[k] in DASHES + "-" and p.words[k + 1][:1].isupper():
            k += 0 if p.ent_label[k + 1] else 2
    return k if taken else end


def _mention(
    p: Parse, aliases: Aliases, start: int, end: int, label: str, cued: bool
) -> NameMention | None:
    text = p.span_text(start, end - 1)
    if _is_junk(p, start, end, text):
        return None
    norm = names.normalize_name(names.without_legal_form(text))
    canon, display = names.canonical(norm, aliases)
    if label == "PERSON":
        canon = names.person_key(canon)
    elif label == "NORP":
        canon = names.people_key(canon)
    return NameMention(start, end, label, text, canon, display, names.is_acronym(text), cued)


def _is_junk(p: Parse, start: int, end: int, text: str) -> bool:
    """Pronouns, determiners, punctuation, bare numbers, single lower-case words, bare titles."""
    if all(p.pos[i] in JUNK_POS or p.blank[i] for i in range(start, end)):
        return True
    if all(names.fold(w).rstrip(".") in TITLE_WORDS for w in p.words[start:end]):
        return True  # "Minister", "Secretary General" without a name
    if not any(ch.isalpha() for ch in text) or len(names.normalize_name(text)) < 2:
        return True
    return end - start == 1 and text.islower()
