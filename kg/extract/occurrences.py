"""Occurrences: the happenings the news talks about as things ("the attack", "the expansion").

An event noun with a time, place or actor is read as an event of its own (``kg.extract.events``);
its noun phrase is also a referent, an occurrence, that the clauses around it name as they name
any thing: "Awliya Al Dam claimed responsibility for the attack", "a contractor was killed in a
rocket attack". ``readings`` gives, for each such noun, what its events say of where and when,
so that the referents step can tell which mentions tell of one occurrence (``kg.extract.
referents.resolve``) and whether two articles tell of the same one (the same kind of event, at
the same named place, on the same day).

An event noun a light verb takes into its predicate ("Stoltenberg made the announcement") is
the occurrence that clause's event tells of. A clause a statement reports ("NATO announced
that it will expand its mission") is an occurrence too when its verb has a noun for it
(``NOMINALIZATIONS``): the expansion of the mission, which the announcement is about, and
which a later "the expansion" in the article is (``reported``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from kg.extract.arguments import NounPhrases
from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import OBJECT_DEPS
from kg.nlp.lexicon.labels import PLACE_LABELS
from kg.nlp.lexicon.nouns import EVENT_KINDS, EVENT_NOUNS, NOMINALIZATIONS
from kg.nlp.lexicon.verbs import GROWTH_VERBS, LIGHT_VERBS
from kg.nlp.lexicon.words import DEFINITE
from kg.records import Argument, Entity, Event, Mention, Referent

__all__ = ["Reading", "kind", "readings", "reported"]


@dataclasses.dataclass(frozen=True)
class Reading:
    """What the events of one event noun say of it: where (place entities), when (ISO days)."""

    events: tuple[str, ...]
    places: frozenset[str]
    dates: frozenset[str]


def kind(lemma: str) -> str | None:
    """The kind of happening an event noun names ("strike" → "attack"); None for other nouns."""
    return EVENT_KINDS.get(lemma, lemma) if lemma in EVENT_NOUNS else None


def readings(
    p: Parse, events: Iterable[Event], entities: Mapping[str, str], nouns: NounPhrases
) -> dict[int, Reading]:
    """The event nouns among ``events``' triggers, by token, with the places and days their
    events give them, and those of each clause one is the agent of: "a bombing in Kabul
    killed ten people on March 3" happened on March 3.

    ``entities`` gives each entity key's label (PERSON, GPE ...): only named places count.
    """
    token_at = {p.idx[k]: k for k in range(p.n)}
    found: dict[int, Reading] = {}

    def add(i: int, event: Event, reading: tuple[str, ...]) -> None:
        places = frozenset(
            a.entity
            for a in event.arguments
            if a.role == "place" and a.entity and entities.get(a.entity) in PLACE_LABELS
        )
        dates = frozenset(a.date.isoformat() for a in event.arguments if a.date)
        before = found.get(i, Reading((), frozenset(), frozenset()))
        found[i] = Reading((*before.events, *reading), before.places | places, before.dates | dates)

    for event in events:
        i = token_at.get(event.start)
        # An event noun's own event; not "It was the deadliest attack" (be) on its token.
        if (
            i is not None
            and p.pos[i] == "NOUN"
            and p.lemma[i] == event.predicate
            and kind(p.lemma[i])
        ):
            add(i, event, (event.id,))
            continue
        if i is not None and (absorbed := _absorbed(p, i)) is not None:
            add(absorbed, event, (event.id,))  # "made the announcement": it tells of it
        for a in event.arguments:
            where = nouns.get((event.sentence, a.text))
            if a.role == "agent" and where is not None and kind(p.lemma[where[2]]) is not None:
                add(where[2], event, ())
    return found


def _absorbed(p: Parse, verb: int) -> int | None:
    """The event noun a light verb took into its predicate: "announcement" in "Stoltenberg
    made the announcement" (announce), "attack" in "gunmen launched an attack"."""
    for o in p.children[verb]:
        if (
            p.dep[o] in OBJECT_DEPS
            and (p.lemma[verb], p.lemma[o]) in LIGHT_VERBS
            and kind(p.lemma[o])
        ):
            return o
    return None


def reported(
    text: str, events: list[Event], referents: list[Referent], entities: Iterable[Entity]
) -> tuple[list[Event], list[Referent]]:
    """Each clause a statement reports whose verb has a noun for it, as an occurrence: the
    reported event points to it and the statement gains it as its theme ("Stoltenberg
    announced that NATO will expand its mission" → Stoltenberg announce the expansion).

    Its label is the noun and what the clause acts on ("expansion of NATO mission in Iraq"),
    its anchors the entities the clause names, its one mention the clause's verb. A clause
    that acts on nothing ("agreed to go") or whose agent is already an occurrence ("the
    attack killed a contractor") gives none."""
    names = {e.key: e.name for e in entities}
    things = {r.key: r for r in referents}
    by_id = {e.id: e for e in events}
    reports = {e.statement_of: e.id for e in events if e.statement_of in by_id}
    made: dict[str, Referent] = {}
    counts: dict[str, int] = {}  # document keys are "<head>#<n>"
    for r in referents:
        if r.scope == "document":
            counts[r.head] = counts.get(r.head, 0) + 1
    for event_id in reports:
        event = by_id[event_id]
        noun = NOMINALIZATIONS.get(event.predicate)
        if noun is None or event.negated or event.occurrence is not None:
            continue
        theme = _theme(event.arguments, names, things)
        if theme is None or any(
            a.role == "agent" and a.referent in things and things[a.referent].kind
            for a in event.arguments
        ):
            continue  # "agreed to go": no thing; "the attack killed": the attack is the node
        anchors = sorted(
            {a.entity for a in event.arguments if a.entity in names}
            | {
                k
                for a in event.arguments
                if a.referent in things
                for k in things[a.referent].anchors
            }
        )
        head = kind(noun) or noun
        counts[head] = counts.get(head, 0) + 1
        made[event_id] = Referent(
            key=f"{head}#{counts[head]}",
            head=head,
            label=f"{noun} of {theme}",
            anchors=tuple(anchors),
            mentions=(
                Mention(text[event.start : event.end], event.start, event.end, event.sentence),
            ),
            scope="document",
            kind=head,
        )
    out = []
    for event in events:
        if event.id in made:
            event = dataclasses.replace(event, occurrence=made[event.id].key)
        elif event.statement_of in made:
            event = _about(event, made[event.statement_of])
        out.append(event)
    return _joined(out, [*referents, *made.values()], list(made.values()))


def measured(events: list[Event], referents: list[Referent]) -> list[Event]:
    """Each change of growth the article states of a thing, or of its size ("the size of our
    mission will increase from 500 personnel to around 4,000"), told of the one occurrence of
    growth the article names that acts on that thing ("NATO will expand its mission": the
    expansion), so the expansion carries the figures. Where the article names two such
    occurrences, or none, the change stays on its own."""
    things = {r.key: r for r in referents}

    def touched(event: Event) -> set[str]:  # the things an event acts on, and what they are of
        keys = {a.referent for a in event.arguments if a.role in ("agent", "theme")}
        found = {k for k in keys if k in things and things[k].kind is None}
        return found | {o for k in found for o in things[k].of}

    growth: dict[str, set[str]] = {}  # occurrence → the things it acts on
    for event in events:
        occurrence = things.get(event.occurrence or "")
        if occurrence is not None and event.predicate in GROWTH_VERBS:
            growth.setdefault(occurrence.key, set()).update(touched(event))
    out = []
    for event in events:
        if event.occurrence is None and event.predicate in GROWTH_VERBS and not event.negated:
            changed = any(a.role == "extent" for a in event.arguments)
            fits = [k for k, acted in growth.items() if touched(event) & acted]
            if changed and len(fits) == 1:
                event = dataclasses.replace(event, occurrence=fits[0])
        out.append(event)
    return out


def _joined(
    events: list[Event], referents: list[Referent], clauses: list[Referent]
) -> tuple[list[Event], list[Referent]]:
    """``referents`` with each later definite mention of a kind ("The expansion follows ...")
    joined to the one reported clause of that kind told before it ("NATO announced that it
    will expand its mission"), where the article told exactly one, and ``events`` pointing
    to it. Only referents that hold within the article join: one that names its place and
    day has a key of its own."""
    clause_keys = {c.key for c in clauses}
    into: dict[str, Referent] = {}
    for r in referents:
        if r.kind is None or r.scope != "document" or r.key in clause_keys or not r.mentions:
            continue
        first = r.mentions[0]
        if first.text.split(" ", 1)[0].lower() not in DEFINITE:
            continue
        before = [c for c in clauses if c.kind == r.kind and c.mentions[0].start < first.start]
        if len(before) == 1:
            into[r.key] = before[0]
    gained: dict[str, list[Mention]] = {}
    for r in referents:
        if r.key in into:
            gained.setdefault(into[r.key].key, []).extend(r.mentions)
    kept = []
    for r in referents:
        if r.key in into:
            continue
        if r.key in gained:
            mentions = sorted({*r.mentions, *gained[r.key]}, key=lambda m: m.start)
            r = dataclasses.replace(r, mentions=tuple(mentions))
        kept.append(r)
    return [_repointed(e, into) for e in events], kept


def _repointed(event: Event, into: Mapping[str, Referent]) -> Event:
    """``event`` with its arguments and occurrence naming the joined referents' targets."""

    def target(key: str | None) -> str | None:
        return into[key].key if key is not None and key in into else key

    if event.occurrence not in into and not any(a.referent in into for a in event.arguments):
        return event  # most events name no joined referent
    arguments = tuple(dataclasses.replace(a, referent=target(a.referent)) for a in event.arguments)
    return dataclasses.replace(event, arguments=arguments, occurrence=target(event.occurrence))


def _theme(
    arguments: Iterable[Argument], names: Mapping[str, str], things: Mapping[str, Referent]
) -> str | None:
    """The label of the first thing a clause acts on: its theme's entity or referent."""
    for a in arguments:
        if a.role != "theme":
            continue
        if a.entity is not None and a.entity in names:
            return names[a.entity]
        if a.referent is not None and a.referent in things:
            return things[a.referent].label
    return None


def _about(statement: Event, occurrence: Referent) -> Event:
    """``statement`` with its clause theme (the reported words) naming ``occurrence``."""
    arguments = list(statement.arguments)
    for n, a in enumerate(arguments):
        if a.role == "theme" and not (a.entity or a.referent or a.quantity or a.date):
            arguments[n] = dataclasses.replace(a, referent=occurrence.key)
            break
    else:
        arguments.append(Argument("theme", occurrence.label, referent=occurrence.key))
    return dataclasses.replace(statement, arguments=tuple(arguments))
