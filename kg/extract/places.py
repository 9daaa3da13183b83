"""Places inside places, where the text says so: "Brussels, Belgium", "Irbil, the capital of
the Kurdistan Region", "Erbil in northern Iraq".

Each way the text says so is a rule of ``CONTAINMENT_RULES``; every rule reads every place
mention, and the first link found for a pair is kept. Only named places are linked; a
description without a named place in it ("the northern Iraqi Kurdish autonomous region")
links nothing rather than something vague.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.entities import EntityIndex
from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import LOOSE_NOUN_DEPS, OBL_OR_NMOD
from kg.nlp.lexicon.labels import DET_OR_ADJ_POS, PLACE_LABELS
from kg.nlp.lexicon.nouns import LOCATING_NOUNS
from kg.nlp.lexicon.words import LIST_WORDS, WITHIN_PREPS
from kg.records import Containment


def extract_places(p: Parse, index: EntityIndex) -> list[Containment]:
    """Each (place, containing place) pair the text states, once, in text order."""
    found: dict[tuple[str, str], Containment] = {}
    for m, mention in enumerate(index.mentions):
        if index.label[index.find(m)] not in PLACE_LABELS:
            continue
        place = index.key[index.find(m)]
        for rule in CONTAINMENT_RULES:
            for within, end in rule(p, index, mention.start, mention.end):
                if within == place:
                    continue
                link = Containment(
                    place=place,
                    within=within,
                    sentence=p.sent[mention.start],
                    start=p.idx[mention.start],
                    end=p.end_char(end),
                )
                found.setdefault((place, within), link)
    return sorted(found.values(), key=lambda c: (c.start, c.place, c.within))


def _place_at(p: Parse, index: EntityIndex, i: int) -> tuple[str, int] | None:
    """(key, last token) of the named place whose mention starts at token ``i``."""
    if i >= p.n:
        return None
    m = index.token_mention[i]
    if m < 0 or index.mentions[m].start != i:
        return None
    root = index.find(m)
    if index.label[root] not in PLACE_LABELS:
        return None
    return index.key[root], index.mentions[m].end - 1


# -- containment rules: each names the places a place mention lies in, all of them kept ------

Within = Iterator[tuple[str, int]]  # (key of the containing place, last token of the phrase)


def comma_pair(p: Parse, index: EntityIndex, start: int, end: int) -> Within:
    """Rule: "Brussels, Belgium", "ERBIL, Iraq": a named place, a comma, another named place,
    unless the two are items of a list ("Iraq, Syria and Turkey")."""
    if end + 1 >= p.n or p.words[end] != "," or not p.same_paragraph(start, end + 1):
        return
    second = _place_at(p, index, end + 1)
    if second is None:
        return
    key, last = second
    after = p.lower[last + 1] if last + 1 < p.n else ""
    if after in LIST_WORDS or (after == "," and _place_at(p, index, last + 2) is not None):
        return
    before = p.lower[start - 1] if start > 0 else ""
    listed = before == "," and start > 1 and index.token_mention[start - 2] >= 0
    if before in LIST_WORDS or listed:
        return
    yield key, last


def locating_phrase(p: Parse, index: EntityIndex, start: int, end: int) -> Within:
    """Rule: "Irbil, the capital of the Kurdistan Region" (an apposition whose noun says where
    a place lies) and "Erbil in northern Iraq" (a place modified by "in" a named place)."""
    for i in range(start, end):
        if start <= p.head[i] < end and p.head[i] != i:
            continue  # only the head of the name carries its modifiers
        for c in p.children[i]:
            if start <= c < end:
                continue
            if p.dep[c] == "appos" and p.lemma[c] in LOCATING_NOUNS:
                for prep, g in p.obliques(c):
                    if prep in WITHIN_PREPS:
                        yield from _named_place_in(p, index, g)
            elif p.dep[c] in OBL_OR_NMOD and p.preposition(c) == "in":
                yield from _named_place_in(p, index, c)


def after_comma(p: Parse, index: EntityIndex, start: int, end: int) -> Within:
    """Rule: the same, read off the words where the parser hung the apposition elsewhere: "a
    base in Irbil, the capital of the Kurdish region of Iraq" (the capital an apposition of
    another noun, or a loose phrase of the clause), "in Erbil, in Kurdish northern Iraq"."""
    if end + 2 >= p.n or p.words[end] != "," or not p.same_paragraph(end - 1, end + 2):
        return
    k = end + 1
    if p.lower[k] == "in":
        k += 1
        while k < p.n and p.pos[k] in DET_OR_ADJ_POS and _place_at(p, index, k) is None:
            k += 1  # "Kurdish northern": adjectives, a group's among them
        found = _place_at(p, index, k)
        if found is not None:
            yield found
        return
    while k < p.n and p.pos[k] in DET_OR_ADJ_POS:
        k += 1
    if k < p.n and p.lemma[k] in LOCATING_NOUNS and p.dep[k] in LOOSE_NOUN_DEPS:
        for prep, g in p.obliques(k):
            if prep in WITHIN_PREPS:
                yield from _named_place_in(p, index, g)


CONTAINMENT_RULES = (comma_pair, locating_phrase, after_comma)


def _named_place_in(p: Parse, index: EntityIndex, i: int) -> Iterator[tuple[str, int]]:
    """The first named place in the phrase headed by ``i``: "northern Iraq", "the Kurdistan
    Region of Iraq" (the region, which comes first)."""
    first, last = p.phrase(i)
    for k in range(first, last + 1):
        found = _place_at(p, index, k)
        if found is not None:
            yield found
            return
