"""Arguments of an event: a phrase turned into a role with its entity, quantity or date.

A prepositional or bare-noun modifier goes through ``OBLIQUE_RULES`` (the first that answers
makes its arguments); the last of them gives the role by preposition through
``PREPOSITION_RULES``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping

from kg.extract import clauses, dates, quantities
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver
from kg.extract.rules import first
from kg.nlp.lexicon.deps import ARGUMENT_CUT, BARE_TIME_DEPS, CLAUSE_CUT
from kg.nlp.lexicon.labels import (
    AGENT_LABELS,
    NOT_ARGUMENT_POS,
    NOUN_OR_PRONOUN_POS,
    PLACE_LABELS,
    TIME_LABELS,
)
from kg.nlp.lexicon.nouns import EVENT_KINDS, PLACE_NOUNS, TRANSPARENT_NOUNS
from kg.nlp.lexicon.time import TIME_ADVERBS
from kg.nlp.lexicon.words import PLACE_PREPS, TOPIC_PREPS
from kg.records import Argument

Found = list[tuple[Argument, str | None]]  # arguments, each with how its entity was found
# Noun phrases no entity answers for, by (sentence, text) as their arguments carry them: the
# token bounds [start, end] and the head.
NounPhrases = dict[tuple[int, str], tuple[int, int, int]]


@dataclasses.dataclass(frozen=True)
class Oblique:
    """A prepositional or bare-noun modifier of a clause or an event noun."""

    prep: str  # "in", "according to"; "" for a bare noun ("Monday")
    noun: int
    passive: bool  # whether its clause is passive ("by" then marks the agent)
    theme_prep: str | None  # the preposition the predicate takes in: "responsibility for"


class ArgumentMaker:
    """Builds ``Argument`` records, tracking how entities were resolved and which dates named."""

    def __init__(
        self,
        p: Parse,
        resolver: Resolver,
        published: dt.date | None,
        continues: Mapping[int, int] | None = None,
    ):
        self.p, self.resolver, self.published = p, resolver, published
        # The verbless second half of a split quote belongs to a clause of the first half.
        self.continues = continues or {}
        self.times: dict[str, list[tuple[int, int]]] = {}  # ISO date → token spans naming it
        self.nouns: NounPhrases = {}  # for the referents step

    def usable(self, head: int, i: int) -> bool:
        """Whether token ``i`` can head an argument of ``head``: a word, in its paragraph."""
        p = self.p
        return (
            not p.blank[i]
            and p.pos[i] not in NOT_ARGUMENT_POS
            and p.same_paragraph(head, i)
            and self.continues.get(i, head) == head
        )

    def label_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        cluster = self.resolver.clusters.get(key)
        return None if cluster is None else self.resolver.index.label[cluster]

    def phrase(
        self, role: str, i: int, *, exclude: str | None = None
    ) -> tuple[Argument, str | None]:
        """(argument, how its entity was found) for the noun phrase headed by ``i``: the
        thing after "of" where ``i`` is a noun an of-phrase sees through ("the end of the
        Defense Ministerial": the Ministerial)."""
        p = self.p
        start, end = p.phrase(i, cut=ARGUMENT_CUT)
        thing = self._through(i, end)
        found = self.resolver.entity(thing, exclude=exclude)
        text = p.span_text(start, end)
        if not found:
            low, high = (start, end) if thing == i else p.phrase(thing, cut=ARGUMENT_CUT)
            self.nouns.setdefault((p.sent[i], text), (low, high, thing))
        argument = Argument(
            role=role,
            text=text,
            entity=found[0] if found else None,
            quantity=quantities.of_phrase(p, i),
        )
        return argument, found[1] if found else None

    def _through(self, i: int, end: int) -> int:
        """The noun ``i`` stands for: itself, or the object of its of-phrase where ``i`` is a
        noun that phrase sees through (``TRANSPARENT_NOUNS``)."""
        p = self.p
        if p.lemma[i] not in TRANSPARENT_NOUNS:
            return i
        return next((k for prep, k in p.obliques(i) if prep == "of" and k <= end), i)

    def clause(self, role: str, i: int) -> Argument:
        """A clause as plain text: "to raise the number of troops", "(that) the alliance will"."""
        p = self.p
        start, end = p.trim_edges(*p.phrase(i, cut=CLAUSE_CUT))
        if start < end and p.dep[start] == "mark" and p.lower[start] == "that":
            start += 1
        if p.head[i] != i:
            end = p.trim_edges(start, clauses.before_subject(p, p.head[i], start, end))[1]
        return Argument(role=role, text=p.span_text(start, end))

    def attribute(self, i: int, cut: frozenset[str]) -> Argument:
        """The predicate of a copula: "a Shia group" in "Awliya Al Dam is a Shia group"."""
        p = self.p
        start, end = p.phrase(i, cut=cut)
        found = self.resolver.entity(i) if p.pos[i] in NOUN_OR_PRONOUN_POS else None
        return Argument(
            role="attribute",
            text=p.span_text(start, end),
            entity=found[0] if found else None,
            quantity=quantities.of_phrase(p, i),
        )

    def time(self, i: int) -> Argument:
        """A time phrase, resolved to a day, or a week, month or year, where it names one."""
        p = self.p
        start, end = dates.time_span(p, i)
        text = p.span_text(start, end)
        day = dates.resolve(text, self.published)
        period = None if day is not None else dates.resolve_period(text, self.published)
        key = None
        if day is not None:
            key = day.isoformat()
        elif period is not None:
            key = f"{period[0].isoformat()}/{period[1].isoformat()}"  # ISO 8601 interval
        if key is not None:
            spans = self.times.setdefault(key, [])
            if (start, end) not in spans:
                spans.append((start, end))
        return Argument(role="time", text=text, entity=key, date=day, period=period)

    def oblique(self, prep: str, i: int, *, passive: bool, theme_prep: str | None = None) -> Found:
        """The argument(s) a prepositional or bare-noun modifier makes, by preposition and kind."""
        return first(OBLIQUE_RULES, self, Oblique(prep, i, passive, theme_prep)) or []

    def places_within(self, i: int, depth: int = 0) -> Iterator[tuple[Argument, str | None]]:
        # Rule: "a base in Kurdish northern Iraq", "the city of Irbil": the named place inside.
        if depth > 2:
            return
        for prep, noun in self.p.obliques(i):
            if prep in PLACE_PREPS or (prep == "of" and self.p.lemma[i] in PLACE_NOUNS):
                argument, how = self.phrase("place", noun)
                if self.label_of(argument.entity) in PLACE_LABELS:
                    yield argument, how
                else:
                    yield from self.places_within(noun, depth + 1)

    def times_within(self, i: int) -> Iterator[tuple[Argument, str | None]]:
        # Rule: "during a virtual news conference today": a bare time inside the phrase.
        p = self.p
        for c in p.children[i]:
            if p.dep[c] in BARE_TIME_DEPS and (
                p.lower[c] in TIME_ADVERBS
                or p.ent_label[c] in TIME_LABELS
                or p.dep[c] != "advmod"
                and dates.is_time(p, c)
            ):
                yield self.time(c), None


def _with_role(argument: Argument, role: str) -> Argument:
    return dataclasses.replace(argument, role=role)


# -- oblique rules: the first that answers makes a modifier's arguments ----------------------


def light_verb_theme(make: ArgumentMaker, o: Oblique) -> Found | None:
    """Rule: "Awliya Al Dam claimed responsibility for the attack": the object of the
    preposition the predicate took in is the theme."""
    if o.theme_prep is None or o.prep != o.theme_prep:
        return None
    return [make.phrase("theme", o.noun)]


def passive_agent(make: ArgumentMaker, o: Oblique) -> Found | None:
    """Rule: "The attack was claimed by Awliya Al Dam": "by" in a passive clause marks the
    agent."""
    return [make.phrase("agent", o.noun)] if o.prep == "by" and o.passive else None


def attack_in_passive(make: ArgumentMaker, o: Oblique) -> Found | None:
    """Rule: "eight others were wounded in the attack": in a passive clause, the attack a
    phrase with "in" names is what did it, its agent."""
    if not o.passive or o.prep != "in" or make.p.lemma[o.noun] not in EVENT_KINDS:
        return None
    return [make.phrase("agent", o.noun)]


def time_phrase(make: ArgumentMaker, o: Oblique) -> Found | None:
    """Rule: "a rocket attack on Monday", "in March": a time phrase is the time."""
    return [(make.time(o.noun), None)] if dates.is_time(make.p, o.noun, o.prep) else None


def according_to(make: ArgumentMaker, o: Oblique) -> Found | None:
    """Rule: "according to the NATO secretary general": the source."""
    return [make.phrase("source", o.noun)] if o.prep == "according to" else None


def by_preposition(make: ArgumentMaker, o: Oblique) -> Found:
    """Rule: "a base in Erbil", "spoke with Al-Kadhimi", "support for the mission": the role
    its preposition and its entity's kind give (``PREPOSITION_RULES``), the named places
    inside a place it names ("the city of Irbil"), and a bare time inside it."""
    argument, how = make.phrase(o.prep or "modifier", o.noun)
    label = make.label_of(argument.entity)
    role = first(PREPOSITION_RULES, o.prep, label, make.p.lemma[o.noun])
    out: Found = []
    if role is not None:
        out.append((_with_role(argument, role), how))
    if role == "place" and label not in PLACE_LABELS:
        out += make.places_within(o.noun)
    out += make.times_within(o.noun)
    return out


OBLIQUE_RULES = (
    time_phrase,
    light_verb_theme,
    passive_agent,
    attack_in_passive,
    according_to,
    by_preposition,
)


# -- preposition rules: (preposition, entity label, noun lemma) → role ------------------------


def place_preposition(prep: str, label: str | None, lemma: str) -> str | None:
    """Rule: "a rocket attack at a U.S.-led base in Erbil": a place preposition before a named
    place or a place noun marks the place."""
    if prep in PLACE_PREPS and (label in PLACE_LABELS or lemma in PLACE_NOUNS):
        return "place"
    return None


def to_an_actor(prep: str, label: str | None, lemma: str) -> str | None:
    """Rule: "NATO handed the base over to Iraqi forces": "to" before a person, organization,
    group or country marks the recipient."""
    return "recipient" if prep == "to" and label in AGENT_LABELS else None


def with_partner(prep: str, label: str | None, lemma: str) -> str | None:
    """Rule: "Stoltenberg spoke with Al-Kadhimi" (a partner), "struck the base with rockets"
    (an instrument)."""
    if prep != "with":
        return None
    return "with" if label in AGENT_LABELS else "instrument"


def topic_preposition(prep: str, label: str | None, lemma: str) -> str | None:
    """Rule: "talks about the mission", "concerns over the attack": the topic."""
    return "topic" if prep in TOPIC_PREPS else None


def other_preposition(prep: str, label: str | None, lemma: str) -> str | None:
    """Rule: "support for the mission", "after the attack": any other preposition names the
    role itself ("for", "after"); a bare noun takes none."""
    return prep or None


PREPOSITION_RULES = (
    place_preposition,
    to_an_actor,
    with_partner,
    topic_preposition,
    other_preposition,
)
