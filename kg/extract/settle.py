"""Extraction's last step: what other articles told settles an article's keys, in reading order.

``kg.extract.draft`` reads one article alone, in any process and any order; ``settle`` then
gives its draft the keys other articles decide, on plain records, cheaply, in the order the
articles are read, the same on one machine and on a cluster:

1. a person the article names one way only ("Stoltenberg") is the one person other articles
   name in full with that surname (``kg.extract.people``);
2. each thing gets its key: an occurrence the key of the one other articles told of at its
   place or around it on its day (``kg.extract.stories``), a thing anchored on entities its
   head and anchors, the rest a number within the article;
3. the events take their things' keys, and the steps that read keys run after them: reported
   clauses as occurrences, figures on the growth they measure, GeoNames places.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from kg.extract import occurrences
from kg.extract.geo import located
from kg.extract.referents import with_referents
from kg.extract.stories import KnownOccurrences
from kg.records import Draft, Extraction, Referent, ReferentScope, Thing

# The gazetteer's GeoNames places and its regions (see kg.extract.geo).
Places = tuple[Mapping[str, Sequence[Any]], Mapping[str, str]]

__all__ = ["Places", "settle"]


def settle(
    draft: Draft,
    *,
    people: Mapping[str, tuple[str, str]] | None = None,
    told: KnownOccurrences | None = None,
    geonames: Places | None = None,
) -> Extraction:
    """``draft``'s extraction with its keys settled. ``people`` maps a surname to (key, name)
    of the one person other articles name in full with it; ``told`` holds the occurrences
    other articles told of; ``geonames`` links place entities to GeoNames."""
    linked = _linked(draft, people or {})
    if linked:
        draft = _renamed(draft, linked)
    x = draft.extraction
    referents = _referents(draft.things, told)
    keys = [r.key for r in referents]
    events = with_referents(
        x.events,
        {where: keys[n] for where, n in draft.referent_at.items()},
        {event: keys[n] for event, n in draft.occurrence_of.items()},
    )
    text = x.document.text
    events, referents = occurrences.reported(text, events, referents, x.entities)
    events = occurrences.measured(events, referents)  # the expansion carries its figures
    entities = located(x.entities, *geonames, text=text) if geonames is not None else x.entities
    return dataclasses.replace(
        x,
        entities=(*entities, *draft.times),
        events=tuple(events),
        referents=tuple(referents),
    )


def _linked(draft: Draft, people: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Rule: "Stoltenberg" alone in this article is the one Stoltenberg that other articles
    name in full; with two (Joe and Jill Biden), it stays on its own, as does a person the
    link would make one with another entity of the article (two of its names, one node)."""
    found = {k: people[name] for k, (name, _) in draft.named_once.items() if name in people}
    if not found:
        return found
    targets = Counter(person for person, _ in found.values())
    keys = {e.key for e in draft.extraction.entities}
    return {
        k: (person, name)
        for k, (person, name) in found.items()
        if targets[person] == 1 and (person == k or person not in keys)
    }


def _renamed(draft: Draft, linked: Mapping[str, tuple[str, str]]) -> Draft:
    """``draft`` with each linked person under the key and full name of the person they are,
    their own names as aliases, wherever a record names them; the records kept in the order
    their keys give them."""

    def key(k: str) -> str:
        return linked[k][0] if k in linked else k

    x = draft.extraction
    entities = tuple(
        dataclasses.replace(
            e,
            key=linked[e.key][0],
            name=linked[e.key][1],
            aliases=tuple(a for a in draft.named_once[e.key][1] if a != linked[e.key][1]),
            scope="global",
        )
        if e.key in linked
        else e
        for e in x.entities
    )
    events = tuple(
        dataclasses.replace(
            e,
            arguments=tuple(
                dataclasses.replace(a, entity=key(a.entity)) if a.entity else a for a in e.arguments
            ),
        )
        for e in x.events
    )
    quotes = tuple(dataclasses.replace(q, speaker=q.speaker and key(q.speaker)) for q in x.quotes)
    roles = sorted(
        (
            dataclasses.replace(
                r, holder=key(r.holder), organization=r.organization and key(r.organization)
            )
            for r in x.roles
        ),
        key=lambda r: (r.start, r.holder),
    )
    places = sorted(
        (dataclasses.replace(c, place=key(c.place), within=key(c.within)) for c in x.places),
        key=lambda c: (c.start, c.place, c.within),
    )
    things = tuple(
        dataclasses.replace(t, anchors=tuple(key(a) for a in t.anchors)) for t in draft.things
    )
    extraction = dataclasses.replace(
        x,
        entities=entities,
        events=events,
        quotes=quotes,
        roles=tuple(roles),
        places=tuple(places),
    )
    return dataclasses.replace(draft, extraction=extraction, things=things)


def _referents(things: Sequence[Thing], told: KnownOccurrences | None) -> list[Referent]:
    """One referent per thing, keyed. An occurrence at one place on one day is the one other
    articles told of there (or at a place in it or around it) where there is one; a thing
    anchored on entities ("the NATO mission in Iraq") is its head and anchors, the same in
    every article; the first referent of the article to have a key takes it. The rest are
    numbered within their article."""
    out: list[Referent] = []
    taken: set[str] = set()
    counts: dict[str, int] = {}
    for thing in things:
        anchors = tuple(sorted(thing.anchors))
        head = thing.kind or thing.head  # a strike is an attack
        scope: ReferentScope = "global"
        if thing.local:
            name = ""
        elif thing.kind is not None and thing.place is not None and thing.day is not None:
            name = f"{thing.kind}|{thing.place}|{thing.day}"
            if told is not None:  # "in Iraq" here, "in Erbil" in an earlier article
                name = told.match(thing.kind, thing.place, thing.day) or name
        else:
            name = "|".join((thing.head, *anchors))
        if not name or name in taken:
            counts[head] = counts.get(head, 0) + 1
            name, scope = f"{head}#{counts[head]}", "document"
        taken.add(name)
        out.append(
            Referent(
                key=name,
                head=head,
                label=thing.label,
                anchors=anchors,
                mentions=thing.mentions,
                quantity=thing.quantity,
                scope=scope,
                kind=thing.kind,
            )
        )
    keys = [r.key for r in out]
    return [
        dataclasses.replace(r, of=tuple(sorted(keys[n] for n in thing.of))) if thing.of else r
        for r, thing in zip(out, things, strict=True)
    ]
