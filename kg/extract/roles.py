"""Positions people hold, from titles before their names and appositions after them.

Each way a role is stated is a rule of ``ROLE_RULES``; every rule reads every person mention.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from kg.extract import names
from kg.extract.entities import EntityIndex
from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import NAME_PART_DEPS, ORG_CUT
from kg.nlp.lexicon.labels import TITLE_ORG_LABELS
from kg.nlp.lexicon.titles import HONORIFICS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_WORDS
from kg.nlp.lexicon.words import ORG_PREPS
from kg.records import Role


def extract_roles(p: Parse, index: EntityIndex) -> list[Role]:
    """Every role the document states, with missing organizations filled in from its others."""
    found: dict[tuple[object, ...], Role] = {}
    for m in range(len(index.mentions)):
        if index.label[index.find(m)] != "PERSON":
            continue
        holder = index.key[index.find(m)]
        for rule in ROLE_RULES:
            for role in rule(p, index, m, holder):
                found.setdefault((role.holder, role.title.casefold(), role.start), role)
    roles = sorted(found.values(), key=lambda r: (r.start, r.holder))
    return _fill_organizations(roles)


# -- role rules: each gives the roles a person mention states, all of them kept ---------------


def title_before(p: Parse, index: EntityIndex, m: int, holder: str) -> Iterator[Role]:
    """Rule: "NATO Secretary General Jens Stoltenberg", "State Department spokesman Ned Price",
    "Secretary of Defense Lloyd J. Austin III": title words right before the name, and the
    organization named right before the title."""
    start = index.mentions[m].start
    k = start - 1
    first = start
    while k >= 0 and p.para[k] == p.para[start] and index.cluster_at(k) is None:
        word = names.fold(p.words[k]).rstrip(".")
        if p.blank[k]:  # "NATO  Secretary General": a doubled space
            pass
        elif word in TITLE_WORDS and word not in HONORIFICS:
            first = k
        elif not (word == "of" and k and names.fold(p.words[k - 1]).rstrip(".") in TITLE_HEADS):
            break
        k -= 1
    # NER may have put the title inside the person's span: "Prime Minister Al—Kadhimi".
    span = p.ent_span[start]
    if span is not None and span[0] < start:
        first = min(first, span[0] + _skip_determiners(p, span[0], start))
    yield from _role(p, index, first, start - 1, holder, org_at=first - 1)


def _skip_determiners(p: Parse, start: int, end: int) -> int:
    k = start
    while k < end and (p.pos[k] == "DET" or p.lower[k] == "the"):
        k += 1
    return k - start


def apposition(p: Parse, index: EntityIndex, m: int, holder: str) -> Iterator[Role]:
    """Rule: "Ned Price, the State Department spokesman", "Col. Wayne Marotto, spokesman for
    the coalition fighting ISIS", and "the State Department spokesman, Ned Price"."""
    mention = index.mentions[m]
    heads = [
        i for i in range(mention.start, mention.end) if not mention.start <= p.head[i] < mention.end
    ]
    for h in heads[:1]:
        titles = []
        for anchor in _name_phrase(p, index, h, mention.start):
            titles += [c for c in p.children[anchor] if p.dep[c] == "appos" and c >= mention.end]
            if p.dep[anchor] == "appos":
                titles.append(p.head[anchor])
        for t in titles:
            if p.lemma[t] not in TITLE_HEADS and p.lower[t] not in TITLE_HEADS:
                continue
            first = t
            while (
                first - 1 >= p.left[t] and names.fold(p.words[first - 1]).rstrip(".") in TITLE_WORDS
            ):
                first -= 1
            yield from _role(p, index, first, t, holder, org_at=first - 1, nominal=t)


ROLE_RULES = (title_before, apposition)


def _name_phrase(p: Parse, index: EntityIndex, h: int, start: int) -> list[int]:
    """The name's head, and the heads above it that only prefix it with an organization or
    a title: "US Army Colonel Wayne Marotto" parsed with "Army" as its head."""
    # Rule: an apposition ("..., spokesman for the coalition") hanging from such a head is
    # the name's own.
    out = [h]
    while p.dep[h] in NAME_PART_DEPS and p.head[h] < start:
        up = p.head[h]
        if not all(
            index.type_at(k) in TITLE_ORG_LABELS
            or names.fold(p.words[k]).rstrip(".") in TITLE_WORDS
            for k in range(up, start)
        ):
            break
        out.append(up)
        h = up
    return out


def _role(
    p: Parse,
    index: EntityIndex,
    first: int,
    last: int,
    holder: str,
    *,
    org_at: int,
    nominal: int | None = None,
) -> Iterator[Role]:
    """A Role for title tokens [first, last], if they include a title head."""
    if first > last:
        return
    words = [names.fold(w).rstrip(".") for w in p.words[first : last + 1]]
    if not any(w in TITLE_HEADS or w in TITLE_ABBREVIATIONS for w in words):
        return
    organization, organization_text = None, None
    while org_at > 0 and p.blank[org_at]:
        org_at -= 1
    if (
        org_at >= 0
        and p.para[org_at] == p.para[first]
        and index.type_at(org_at) in TITLE_ORG_LABELS
    ):
        organization = index.key_at(org_at)
        organization_text = index.mentions[index.token_mention[org_at]].text
    if organization is None and nominal is not None:
        for prep, noun in p.obliques(nominal):
            if prep in ORG_PREPS:
                start, end = p.phrase(noun, cut=ORG_CUT)
                organization_text = p.span_text(start, end)
                if index.type_at(noun) in TITLE_ORG_LABELS:
                    organization = index.key_at(noun)
                break
    yield Role(
        holder=holder,
        title=names.title_text(p.words[first : last + 1]),
        sentence=p.sent[first],
        start=p.idx[first],
        end=p.end_char(last),
        organization=organization,
        organization_text=organization_text,
    )


def _fill_organizations(roles: list[Role]) -> list[Role]:
    """A title stated once with its organization keeps it where it is stated without one."""
    known = {(r.holder, r.title.casefold()): r for r in roles if r.organization is not None}
    out = []
    for role in roles:
        other = known.get((role.holder, role.title.casefold()))
        if role.organization is None and other is not None:
            role = dataclasses.replace(
                role, organization=other.organization, organization_text=other.organization_text
            )
        out.append(role)
    return out
